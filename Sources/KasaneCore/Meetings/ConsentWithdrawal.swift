/// What a withdrawal of consent does to one future 重層的支援会議 (DOMAIN rule 6): the
/// case's items leave at once if no valid consent remains; otherwise those no longer
/// covered leave those items. Attendees there only for what left are removed, and so
/// is anyone the narrower consent leaves with no item to hear (but the chair): they get
/// a cancellation, not an invitation to a meeting where they hear nothing.
public enum ConsentWithdrawal {
    public struct Outcome: Sendable, Equatable {
        public var removedItemIds: [Int64]
        public var removedAttendeeStaffIds: [Int64]
        /// Attendees who stay but no longer hear some items.
        public var narrowedAttendeeStaffIds: [Int64]
        public var items: [AgendaItem]
        public var attendees: [Attendee]

        public var changed: Bool {
            !removedItemIds.isEmpty || !removedAttendeeStaffIds.isEmpty || !narrowedAttendeeStaffIds.isEmpty
        }
    }

    public static func apply(
        caseId: Int64, to state: MeetingRules.State, consents: [Consent], staff: [Int64: Staff]
    ) -> Outcome {
        let coverage = ConsentCoverage(consents: consents, on: state.meeting.day)
        let caseItems = state.items.filter { $0.caseId == caseId }.compactMap(\.id)
        var removedItems: [Int64] = []
        var attendees = state.attendees
        var narrowed: Set<Int64> = []

        if !coverage.hasValidConsent {
            removedItems = caseItems
        } else {
            let allIds = state.items.compactMap(\.id)
            for i in attendees.indices {
                guard let s = staff[attendees[i].staffId], !coverage.covers(agency: s.agencyId) else { continue }
                let lost = caseItems.filter { attendees[i].hears($0) }
                guard !lost.isEmpty else { continue }
                attendees[i].itemIds = (attendees[i].itemIds ?? allIds).filter { !lost.contains($0) }
                narrowed.insert(attendees[i].staffId)
            }
        }

        var removedAttendees: [Int64] = []
        attendees = attendees.compactMap { a in
            var a = a
            if let ids = a.itemIds {
                let remaining = ids.filter { !removedItems.contains($0) }
                a.itemIds = remaining
                let wasThereOnlyForRemoved = !ids.isEmpty && remaining.isEmpty
                let leftWithNothing = remaining.isEmpty && narrowed.contains(a.staffId)
                if (wasThereOnlyForRemoved || leftWithNothing) && a.role != .chair {
                    removedAttendees.append(a.staffId)
                    return nil
                }
            }
            a.leavesFor = a.leavesFor.filter { !removedItems.contains($0) }
            return a
        }
        let items = state.items.filter { !removedItems.contains($0.id ?? -1) }
            .sorted { $0.position < $1.position }
            .enumerated().map { i, item in
                var item = item
                item.position = i + 1
                return item
            }
        return Outcome(
            removedItemIds: removedItems, removedAttendeeStaffIds: removedAttendees,
            narrowedAttendeeStaffIds: narrowed.subtracting(removedAttendees).sorted(), items: items, attendees: attendees)
    }
}
