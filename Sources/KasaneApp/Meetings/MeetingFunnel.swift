import Foundation
import KasaneCore
import KasaneStorage

/// The meeting funnel: every change of a meeting goes through `change`, which loads the
/// meeting once, lets the change write, reads it back once, checks it against the rules
/// (a change that adds a violation throws, and its unit of work with it), records what
/// invitations must follow, and passes the meeting as it now is to the plans it moves and
/// to delivery. Nothing here knows how a meeting is stored.
public enum MeetingFunnel {
    public static func load(_ work: any UnitOfWork, id: Int64) throws -> LoadedMeeting {
        guard let loaded = try work.meetings.meeting(id: id) else {
            throw KasaneError.notFound("会議（ID \(id)）は見つかりません。")
        }
        return loaded
    }

    /// The staff who have signed the pledge of confidentiality (守秘義務の誓約) by `day`.
    public static func pledgedStaffIds(_ work: any UnitOfWork, on day: LocalDate, among staffId: Int64? = nil) throws -> Set<Int64> {
        Set(try work.staff.pledges(staffId: staffId).filter { $0.pledgedOn <= day }.map(\.staffId))
    }

    /// What the rules read beside the meetings themselves.
    public static func ruleContext(_ work: any UnitOfWork, _ states: [LoadedMeeting]) throws -> MeetingRules.Context {
        guard let day = states.last?.meeting.day else { throw KasaneError.notFound("会議が見つかりません。") }
        let caseIds = Set(states.flatMap(\.items).compactMap(\.caseId))
        return MeetingRules.Context(
            staff: try staffById(work), agencyNames: try agencyNames(work),
            consents: try work.consents.consents(caseIds: caseIds), caseCodes: try work.cases.codes(caseIds: Array(caseIds)),
            pledged: try pledgedStaffIds(work, on: day))
    }

    /// A meeting the actor may see; for one they may not, the same answer as for one that
    /// does not exist.
    public static func visible(_ work: any UnitOfWork, id: Int64, for actor: Actor, note: AuditNote) throws -> LoadedMeeting {
        note.meetingId = id
        let notFound = KasaneError.notFound("会議（ID \(id)）は見つかりません。")
        guard let loaded = try work.meetings.meeting(id: id) else { throw notFound }
        let pledged = try actor.staffId.map { try pledgedStaffIds(work, on: loaded.meeting.day, among: $0).contains($0) } ?? true
        guard MeetingAccess.maySee(try CaseAccess.view(work, loaded), actor, pledged: pledged) else { throw notFound }
        return loaded
    }

    /// Changes a meeting: `mutate` writes, then the whole meeting is read back and checked
    /// against the rules. Changes that invitations must follow raise the SEQUENCE and are recorded.
    @discardableResult
    public static func change(
        _ work: any UnitOfWork, id: Int64, by actor: Actor, note: AuditNote, allowClosed: Bool = false,
        records: [(MeetingChange.Kind, Int64?, String?)], bumpsSequence: Bool = true,
        _ mutate: (LoadedMeeting) throws -> Void
    ) throws -> LoadedMeeting {
        try Access.require(.manageMeetings, actor)
        let before = try visible(work, id: id, for: actor, note: note)
        guard allowClosed || !before.meeting.status.isClosed else {
            throw KasaneError.conflict(
                "\(before.meeting.status.japaneseName)の会議は変更できません（議事録に必要な操作を除く）。")
        }
        try mutate(before)
        var after = try load(work, id: id)
        try MeetingRules.check(before: before.state, after: after.state, try ruleContext(work, [before, after]))
        if bumpsSequence {
            after.meeting.sequence += 1
            try work.meetings.update(after.meeting)
        }
        for (kind, staffId, detail) in records {
            try record(work, after.meeting, kind, staffId: staffId, detail: detail, at: note.at)
        }
        try syncPlans(work, after, by: actor, now: note.at)
        try deliver(work, after, now: note.at)
        return after
    }

    public static func record(
        _ work: any UnitOfWork, _ meeting: Meeting, _ kind: MeetingChange.Kind, staffId: Int64?, detail: String?, at now: Date
    ) throws {
        try work.meetings.record(MeetingChange(
            meetingId: meeting.id ?? 0, change: kind, staffId: staffId, detail: detail, sequence: meeting.sequence, createdAt: now))
    }

    /// Numbers the items 1, 2, 3... in their order.
    public static func renumberItems(_ work: any UnitOfWork, meetingId: Int64) throws {
        for (i, var item) in try load(work, id: meetingId).items.enumerated() where item.position != i + 1 {
            item.position = i + 1
            try work.meetings.update(item)
        }
    }

    // MARK: plans

    /// Plans follow the agenda: a draft goes under review while its case is on a live
    /// 重層的支援会議 for plan review, a plan in progress is under evaluation while on one
    /// for evaluation; taken off (item removed, meeting cancelled) they go back.
    /// `loaded` is the meeting as the change left it, loaded once by the change and passed on.
    public static func syncPlans(_ work: any UnitOfWork, _ loaded: LoadedMeeting, by actor: Actor, now: Date) throws {
        let m = loaded.meeting
        guard m.kind == .multiLayeredSupportMeeting, let meetingId = m.id else { return }
        let live = m.status != .cancelled && m.status != .minutesApproved
        let today = LocalDate.today(now: now)
        if live {
            for item in loaded.items {
                guard let caseId = item.caseId, let plan = try work.plans.latestPlan(caseId: caseId) else { continue }
                if item.purpose == .planReview, plan.state == .draft {
                    try movePlan(work, plan, to: .underReview, on: today, meetingId: meetingId, by: actor, reason: "重層的支援会議の議題（プランの適切性の協議）", at: now)
                } else if item.purpose == .evaluationTermination, plan.state == .inProgress {
                    try movePlan(work, plan, to: .evaluation, on: today, meetingId: meetingId, by: actor, reason: "重層的支援会議の議題（評価・終結）", at: now)
                }
            }
        }
        // Plans this meeting moved, whose item is gone or whose meeting is off.
        for t in try work.plans.movesPending(meetingId: meetingId) where t.toState == .underReview || t.toState == .evaluation {
            guard let plan = try work.plans.plan(id: t.planId), plan.state == t.toState else { continue }
            let purpose: AgendaPurpose = t.toState == .underReview ? .planReview : .evaluationTermination
            let stillOn = live && loaded.items.contains { $0.caseId == plan.caseId && $0.purpose == purpose }
            guard !stillOn else { continue }
            try movePlan(work, plan, to: t.fromState, on: today, meetingId: meetingId, by: actor,
                         reason: m.status == .cancelled ? "会議の中止" : "議題から外れたため", at: now)
        }
    }

    /// One move: the transition is recorded first, then the state follows (an engine may
    /// refuse a state that no recorded transition leads to).
    @discardableResult
    public static func movePlan(
        _ work: any UnitOfWork, _ plan: PlanRecord, to state: PlanState, on day: LocalDate, meetingId: Int64? = nil,
        minutesVersionId: Int64? = nil, decision: DecisionKind? = nil, termination: TerminationReason? = nil,
        agencyId: Int64? = nil, by actor: Actor, reason: String? = nil, at now: Date
    ) throws -> PlanRecord {
        guard plan.state.canMove(to: state) else {
            let code = try work.cases.supportCase(id: plan.caseId)?.code ?? ""
            throw KasaneError.conflict(
                "事例\(code)の支援プラン（第\(plan.version)版）は「\(plan.state.japaneseName)」のため、「\(state.japaneseName)」にはできません。")
        }
        let planId = try plan.id ?? { throw KasaneError.unusableDatabase("支援プランにIDがありません。") }()
        try work.plans.insert(PlanTransitionRecord(
            planId: planId, fromState: plan.state, toState: state, on: day, at: now, meetingId: meetingId,
            minutesVersionId: minutesVersionId, decision: decision, termination: termination, agencyId: agencyId, reason: reason,
            staffId: actor.staffId))
        var moved = plan
        moved.state = state
        try work.plans.update(moved)
        return moved
    }

    /// Live 重層的支援会議 (planned, invited or held) that have the case on their agenda.
    public static func liveMeetings(_ work: any UnitOfWork, caseId: Int64) throws -> [Int64] {
        try work.meetings.meetingIds(
            withCase: caseId, kind: .multiLayeredSupportMeeting, statuses: [.planned, .invited, .held], startingAfter: nil)
    }

    // MARK: delivery

    /// Turns a meeting's undelivered changes into messages, once it has been invited:
    /// CANCEL to those removed, CANCEL to all when it is cancelled, otherwise an updated
    /// REQUEST (with the meeting's raised SEQUENCE) to everyone still on it.
    /// `loaded` is the meeting as the change left it, loaded once by the change and passed on.
    public static func deliver(_ work: any UnitOfWork, _ loaded: LoadedMeeting, now: Date) throws {
        guard let meetingId = loaded.meeting.id else { return }
        let pending = try work.meetings.undeliveredChanges(meetingId: meetingId)
        guard !pending.isEmpty else { return }
        try work.meetings.markChangesDelivered(meetingId: meetingId, at: now)
        guard try work.outbox.hasMessages(meetingId: meetingId) else { return }
        if pending.allSatisfy({ $0.change == .held }) { return }
        let r = try rendering(work, loaded)
        let current = Set(loaded.attendees.map(\.staffId))
        let removed = Set(pending.filter { $0.change == .attendeeRemoved }.compactMap(\.staffId)).subtracting(current)
        for staffId in removed.sorted() {
            try enqueue(work, r, staffId: staffId, method: .cancel, now: now)
        }
        let recipients = loaded.attendees.filter { $0.staffId != loaded.meeting.chairId }
        if loaded.meeting.status == .cancelled {
            for a in recipients { try enqueue(work, r, staffId: a.staffId, method: .cancel, now: now) }
        } else if !loaded.meeting.status.isClosed {
            for a in recipients { try enqueue(work, r, staffId: a.staffId, method: .request, now: now) }
        }
    }

    @discardableResult
    public static func enqueue(_ work: any UnitOfWork, _ r: Rendering, staffId: Int64, method: InvitationMethod, now: Date) throws
        -> OutgoingMessage
    {
        guard let staff = r.staff[staffId] else { throw KasaneError.notFound("職員（ID \(staffId)）は登録されていません。") }
        return try work.outbox.insert(OutgoingMessage(
            meetingId: r.loaded.meeting.id ?? 0, staffId: staffId, email: staff.email, method: method,
            sequence: r.loaded.meeting.sequence, invitation: try invitation(r, for: staff, now: now), createdAt: now))
    }

    /// The meeting as one recipient's calendar shows it: their items and the people they
    /// share them with; for someone no longer on it, just the cancellation.
    public static func invitation(_ r: Rendering, for staff: Staff, now: Date) throws -> Invitation {
        let m = r.loaded.meeting
        let meetingId = m.id ?? 0
        let url = "\(r.settings.baseURL)/meetings/\(meetingId)"
        let chair = try r.person(m.chairId)
        let organizer = InvitedParty(name: chair.name, email: chair.email, role: .chair, response: r.responses[m.chairId] ?? .accepted)
        guard r.loaded.attendees.contains(where: { $0.staffId == staff.id }) else {
            return Invitation(
                meetingId: meetingId, uid: m.uid, sequence: m.sequence, cancelled: true, title: m.title(r.settings),
                description: "この会議の出席者から外れました。\n\(url)", place: m.place, startsAt: m.startsAt, endsAt: m.endsAt,
                organizer: organizer,
                attendees: [InvitedParty(name: staff.name, email: staff.email, role: .required, response: .needsAction)], url: url,
                uninvited: m.status != .cancelled)
        }
        let material = try material(r, for: .staff(staff), now: now)
        let shown = material.items.filter { !$0.withheld }
        return Invitation(
            meetingId: meetingId, uid: m.uid, sequence: m.sequence, cancelled: m.status == .cancelled, title: material.title,
            description: Invitation.description(
                items: shown.map { ($0.startsAt, $0.purposeName ?? "", $0.caseCode) },
                withheld: material.items.count - shown.count, url: url),
            place: m.place, startsAt: m.startsAt, endsAt: m.endsAt, organizer: organizer,
            attendees: try material.attendees.map { p in
                InvitedParty(name: p.name, email: try r.person(p.staffId).email, role: p.role, response: p.response)
            },
            url: url)
    }

    // MARK: rendering

    /// Everything rendering a meeting for its readers needs, read once: its material and
    /// invitations for each recipient are then pure functions of it.
    public struct Rendering: Sendable {
        public var loaded: LoadedMeeting
        public var settings: MunicipalitySettings
        public var view: MeetingAccess.View
        public var staff: [Int64: Staff]
        public var agencyNames: [Int64: String]
        public var caseCodes: [Int64: String]
        public var responses: [Int64: AttendeeResponse]

        /// A staff member the meeting names (its chair, an attendee). Every one is a row of
        /// the directory; one missing means the stored data was changed from outside.
        func person(_ id: Int64) throws -> Staff {
            guard let s = staff[id] else {
                throw KasaneError.unusableDatabase("会議（ID \(loaded.meeting.id ?? 0)）が登録されていない職員（ID \(id)）を指しています。")
            }
            return s
        }
    }

    public static func rendering(_ work: any UnitOfWork, _ loaded: LoadedMeeting) throws -> Rendering {
        let id = loaded.meeting.id ?? 0
        return Rendering(
            loaded: loaded, settings: try work.settings.settings(), view: try CaseAccess.view(work, loaded),
            staff: try staffById(work), agencyNames: try agencyNames(work),
            caseCodes: try work.cases.codes(caseIds: loaded.items.compactMap(\.caseId)),
            responses: try work.meetings.responses(meetingIds: [id])[id] ?? [:])
    }

    /// Renderings of many meetings in a fixed number of set-based reads (a feed, a search):
    /// the directory and settings once, then meetings, items, attendees, consents, case
    /// codes and answers each at once, whatever their number.
    public static func renderings(_ work: any UnitOfWork, meetingIds: [Int64]) throws -> [Rendering] {
        guard !meetingIds.isEmpty else { return [] }
        let views = try CaseAccess.views(work, meetingIds: meetingIds)
        let settings = try work.settings.settings()
        let staff = try staffById(work), agencyNames = try agencyNames(work)
        let caseCodes = try work.cases.codes(caseIds: Array(Set(views.flatMap { $0.view.items.compactMap(\.caseId) })))
        let responses = try work.meetings.responses(meetingIds: meetingIds)
        return views.map { loaded, view in
            Rendering(
                loaded: loaded, settings: settings, view: view, staff: staff, agencyNames: agencyNames, caseCodes: caseCodes,
                responses: responses[loaded.meeting.id ?? 0] ?? [:])
        }
    }

    /// The material of a meeting as the actor may read it.
    public static func material(_ work: any UnitOfWork, _ loaded: LoadedMeeting, for actor: Actor, now: Date) throws -> MeetingMaterial {
        try material(try rendering(work, loaded), for: actor, now: now)
    }

    public static func material(_ r: Rendering, for actor: Actor, now: Date) throws -> MeetingMaterial {
        let loaded = r.loaded
        let visible = MeetingAccess.visibleItems(r.view, actor)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .tokyo
        var clock = loaded.meeting.startsAt
        let items = loaded.items.map { item -> MeetingMaterial.Item in
            let start = clock
            clock = clock.addingTimeInterval(TimeInterval(item.minutes * 60))
            let c = calendar.dateComponents([.hour, .minute], from: start)
            let id = item.id ?? 0
            let shown = visible.contains(id)
            return MeetingMaterial.Item(
                id: id, position: item.position, minutes: item.minutes,
                startsAt: String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0), withheld: !shown,
                caseId: shown ? item.caseId : nil, caseCode: shown ? item.caseId.flatMap { r.caseCodes[$0] } : nil,
                purpose: shown ? item.purpose : nil, purposeName: shown ? item.purpose.japaneseName : nil)
        }
        let m = loaded.meeting
        var material = MeetingMaterial(
            id: m.id ?? 0, title: m.title(r.settings), kind: m.kind, legalName: m.kind.legalName, fiscalYear: m.fiscalYear,
            fiscalYearName: JapaneseEra.fiscalYearName(m.fiscalYear), number: m.number, startsAt: m.startsAt,
            endsAt: m.endsAt, place: m.place, status: m.status, statusName: m.status.japaneseName,
            cancellationReason: m.cancellationReason, uid: m.uid, sequence: m.sequence, chairId: m.chairId,
            secretariatId: m.secretariatId, items: items,
            attendees: try loaded.attendees.filter { a in
                // Who attends one case's item is itself sensitive: a member sees only those
                // who share an item with them.
                visible.count == loaded.items.count || (a.itemIds?.contains(where: visible.contains) ?? true)
            }.map { a in
                let s = try r.person(a.staffId)
                let response = r.responses[a.staffId] ?? .needsAction
                return MeetingMaterial.Person(
                    staffId: a.staffId, name: s.name, agencyId: s.agencyId, agencyName: r.agencyNames[s.agencyId] ?? "",
                    role: a.role, roleName: a.role.japaneseName, everyItem: a.itemIds == nil,
                    itemIds: a.itemIds?.filter { visible.contains($0) }, leavesFor: a.leavesFor.filter { visible.contains($0) },
                    reason: a.reason, response: response, responseName: response.japaneseName)
            })
        material.roomId = m.roomId
        material.placeKind = m.placeKind
        material.placeKindName = m.placeKind.japaneseName
        material.visitCaseId = m.visitCaseId
        if m.status == .planned || m.status == .invited {
            material.notices = WorkingCalendar(settings: r.settings).notices(startsAt: m.startsAt, endsAt: m.endsAt, now: now)
        }
        return material
    }

    public static func staffById(_ work: any UnitOfWork) throws -> [Int64: Staff] {
        Dictionary(try work.staff.staff(agencyId: nil).compactMap { s in s.id.map { ($0, s) } }, uniquingKeysWith: { first, _ in first })
    }

    public static func agencyNames(_ work: any UnitOfWork) throws -> [Int64: String] {
        Dictionary(try work.directory.agencies().compactMap { a in a.id.map { ($0, a.name) } }, uniquingKeysWith: { first, _ in first })
    }
}
