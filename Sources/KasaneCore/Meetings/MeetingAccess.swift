/// Who may see a meeting and which of its items (DOMAIN rule 4).
public enum MeetingAccess {
    /// A meeting with its items and attendees, as the access rules read it.
    public struct View: Sendable {
        public var meeting: Meeting
        public var items: [AgendaItem]
        public var attendees: [Attendee]
        public var consents: [Int64: [Consent]]

        public init(meeting: Meeting, items: [AgendaItem], attendees: [Attendee], consents: [Int64: [Consent]]) {
            self.meeting = meeting
            self.items = items
            self.attendees = attendees
            self.consents = consents
        }
    }

    /// Whether the actor may see the meeting at all. Coordinators and the secretariat
    /// see every meeting; a member only one they attend (and, for a 支援会議, only
    /// with a pledge on record); an administrator none.
    public static func maySee(_ view: View, _ actor: Actor, pledged: Bool) -> Bool {
        guard case .staff(let staff) = actor.kind else { return true }
        guard staff.active else { return false }
        if staff.has(.coordinator) || staff.has(.secretariat) { return true }
        guard view.attendees.contains(where: { $0.staffId == staff.id }) else { return false }
        return view.meeting.kind == .multiLayeredSupportMeeting || pledged
    }

    /// The items the actor may read: every one for coordinators and the secretariat;
    /// for an attendee, those they are in the room for and (重層的支援会議) whose
    /// case's consent covers their agency. The rest are withheld.
    public static func visibleItems(_ view: View, _ actor: Actor) -> Set<Int64> {
        let all = Set(view.items.compactMap(\.id))
        guard case .staff(let staff) = actor.kind else { return all }
        if staff.has(.coordinator) || staff.has(.secretariat) { return all }
        guard let attendee = view.attendees.first(where: { $0.staffId == staff.id }) else { return [] }
        return Set(view.items.filter { item in
            guard let id = item.id, attendee.hears(id) else { return false }
            guard view.meeting.kind == .multiLayeredSupportMeeting, let caseId = item.caseId else { return true }
            return ConsentCoverage(consents: view.consents[caseId] ?? [], on: view.meeting.day).covers(agency: staff.agencyId)
        }.compactMap(\.id))
    }

    /// The cases a staff member hears in live (not cancelled) meetings, for `Access.mayRead`.
    public static func casesHeard(in views: [View], by staff: Staff) -> Set<Int64> {
        var heard: Set<Int64> = []
        for view in views where view.meeting.status != .cancelled {
            let visible = visibleItems(view, .staff(staff))
            for item in view.items where visible.contains(item.id ?? -1) {
                if let caseId = item.caseId { heard.insert(caseId) }
            }
        }
        return heard
    }
}
