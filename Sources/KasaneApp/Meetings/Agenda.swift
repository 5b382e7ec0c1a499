import Foundation
import KasaneCore
import KasaneStorage

/// Agenda items and attendees: every change goes through the meeting funnel, so the
/// consent and pledge rules hold whichever way a meeting is filled.
extension TransactionalStorage {
    public func addItem(meetingId: Int64, _ input: AgendaItemInput, by actor: Actor) async throws -> MeetingMaterial {
        try await audited(actor, "meeting.item.add", target: "meeting:\(meetingId)") { work, note in
            let after = try MeetingFunnel.change(work, id: meetingId, by: actor, note: note, records: [(.itemAdded, nil, input.caseId.map { "case:\($0)" })]
            ) { before in
                let last = before.items.count + 1
                let position = min(max(input.position ?? last, 1), last)
                for var other in before.items where other.position >= position {
                    other.position += 1
                    try work.meetings.update(other)
                }
                let item = try MeetingMaking.insertItem(work, meeting: before.meeting, input, position: position, actor: actor, field: "item")
                if let caseId = item.caseId {
                    note.caseCode = try work.cases.supportCase(id: caseId)?.code
                }
            }
            return try MeetingFunnel.material(work, after, for: actor, now: note.at)
        }
    }

    /// Changes an item's purpose, time or place in the order. Its case stays.
    public func updateItem(meetingId: Int64, itemId: Int64, _ input: AgendaItemInput, by actor: Actor) async throws
        -> MeetingMaterial
    {
        try await audited(actor, "meeting.item.update", target: "meeting:\(meetingId)/item:\(itemId)") { work, note in
            let after = try MeetingFunnel.change(work, id: meetingId, by: actor, note: note, records: [(.itemChanged, nil, "item:\(itemId)")], bumpsSequence: false
            ) { before in
                guard var item = before.items.first(where: { $0.id == itemId }) else {
                    throw KasaneError.notFound("議題（ID \(itemId)）はこの会議にありません。")
                }
                guard input.caseId == item.caseId else {
                    throw KasaneError.invalid(field: "caseId", message: "議題の事例は変えられません。議題を削除して追加し直してください。")
                }
                let minutes = input.minutes ?? item.minutes
                try AgendaItem.validate(purpose: input.purpose, caseId: item.caseId, minutes: minutes, in: before.meeting.kind)
                item.purpose = input.purpose
                item.minutes = minutes
                if let position = input.position {
                    // Place it before the item now at `position`; renumbering closes the gaps.
                    item.position = position < item.position ? position : position + 1
                    for var other in before.items where other.id != itemId && other.position >= item.position {
                        other.position += 1
                        try work.meetings.update(other)
                    }
                }
                try work.meetings.update(item)
                try MeetingFunnel.renumberItems(work, meetingId: meetingId)
            }
            return try MeetingFunnel.material(work, after, for: actor, now: note.at)
        }
    }

    /// Removes an item; attendees who were there only for it leave the meeting.
    public func removeItem(meetingId: Int64, itemId: Int64, by actor: Actor) async throws -> MeetingMaterial {
        try await audited(actor, "meeting.item.remove", target: "meeting:\(meetingId)/item:\(itemId)") { work, note in
            var removedStaff: [Int64] = []
            let loaded = try MeetingFunnel.visible(work, id: meetingId, for: actor, note: note)
            for a in loaded.attendees where a.itemIds == [itemId] && a.role != .chair { removedStaff.append(a.staffId) }
            let records: [(MeetingChange.Kind, Int64?, String?)] =
                [(.itemRemoved, nil, "item:\(itemId)")] + removedStaff.map { (.attendeeRemoved, $0, "議題の削除") }
            let after = try MeetingFunnel.change(work, id: meetingId, by: actor, note: note, records: records) { before in
                guard before.items.contains(where: { $0.id == itemId }) else {
                    throw KasaneError.notFound("議題（ID \(itemId)）はこの会議にありません。")
                }
                for var a in before.attendees {
                    if removedStaff.contains(a.staffId) {
                        try work.meetings.delete(a)
                    } else if a.itemIds?.contains(itemId) == true || a.leavesFor.contains(itemId) {
                        a.itemIds = a.itemIds?.filter { $0 != itemId }
                        a.leavesFor = a.leavesFor.filter { $0 != itemId }
                        try work.meetings.update(a)
                    }
                }
                try work.meetings.deleteItem(id: itemId)
                try MeetingFunnel.renumberItems(work, meetingId: meetingId)
            }
            return try MeetingFunnel.material(work, after, for: actor, now: note.at)
        }
    }

    // MARK: attendees

    public func addAttendee(meetingId: Int64, _ input: AttendeeInput, by actor: Actor) async throws -> MeetingMaterial {
        try await audited(actor, "meeting.attendee.add", target: "meeting:\(meetingId)/staff:\(input.staffId)") { work, note in
            let after = try MeetingFunnel.change(work, id: meetingId, by: actor, note: note, records: [(.attendeeAdded, input.staffId, input.reason)]
            ) { before in
                guard !before.attendees.contains(where: { $0.staffId == input.staffId }) else {
                    throw KasaneError.conflict("この職員（ID \(input.staffId)）は既に出席者です。")
                }
                _ = try work.meetings.insert(try AgendaRules.attendee(work, input, in: before, replacing: nil))
            }
            return try MeetingFunnel.material(work, after, for: actor, now: note.at)
        }
    }

    /// Changes an attendee's role, items, or the items they leave the room for.
    public func updateAttendee(meetingId: Int64, staffId: Int64, _ input: AttendeeInput, by actor: Actor) async throws
        -> MeetingMaterial
    {
        try await audited(actor, "meeting.attendee.update", target: "meeting:\(meetingId)/staff:\(staffId)") { work, note in
            let after = try MeetingFunnel.change(work, id: meetingId, by: actor, note: note, records: [(.attendeeChanged, staffId, input.reason)]
            ) { before in
                guard let existing = before.attendees.first(where: { $0.staffId == staffId }) else {
                    throw KasaneError.notFound("職員（ID \(staffId)）はこの会議の出席者ではありません。")
                }
                var input = input
                input.staffId = staffId
                var attendee = try AgendaRules.attendee(work, input, in: before, replacing: existing)
                attendee.id = existing.id
                try work.meetings.update(attendee)
            }
            return try MeetingFunnel.material(work, after, for: actor, now: note.at)
        }
    }

    /// Removes an attendee; their invitation is to be cancelled. The chair and the
    /// secretariat stay: change them by creating the meeting anew.
    public func removeAttendee(meetingId: Int64, staffId: Int64, reason: String?, by actor: Actor) async throws
        -> MeetingMaterial
    {
        try await audited(actor, "meeting.attendee.remove", target: "meeting:\(meetingId)/staff:\(staffId)") { work, note in
            let after = try MeetingFunnel.change(work, id: meetingId, by: actor, note: note, records: [(.attendeeRemoved, staffId, reason)]
            ) { before in
                guard let existing = before.attendees.first(where: { $0.staffId == staffId }) else {
                    throw KasaneError.notFound("職員（ID \(staffId)）はこの会議の出席者ではありません。")
                }
                guard staffId != before.meeting.chairId, staffId != before.meeting.secretariatId else {
                    throw KasaneError.conflict("議長と事務局は出席者から外せません。")
                }
                try work.meetings.delete(existing)
            }
            return try MeetingFunnel.material(work, after, for: actor, now: note.at)
        }
    }
}

/// What an attendee's input must hold against the meeting.
enum AgendaRules {
    /// Builds an attendee from input, checking ids against the meeting.
    static func attendee(_ work: any UnitOfWork, _ input: AttendeeInput, in meeting: LoadedMeeting, replacing: Attendee?) throws -> Attendee {
        guard try work.staff.staff(id: input.staffId) != nil else {
            throw KasaneError.invalid(field: "staffId", message: "職員（ID \(input.staffId)）は登録されていません。")
        }
        let itemIds = Set(meeting.items.compactMap(\.id))
        for (field, ids) in [("itemIds", input.itemIds ?? []), ("leavesFor", input.leavesFor ?? [])] {
            if let stray = ids.first(where: { !itemIds.contains($0) }) {
                throw KasaneError.invalid(field: field, message: "議題（ID \(stray)）はこの会議にありません。")
            }
        }
        if input.itemIds?.isEmpty == true {
            throw KasaneError.invalid(field: "itemIds", message: "出席する議題を1つ以上指定してください（すべての議題なら省略）。")
        }
        let isChair = input.staffId == meeting.meeting.chairId
        let role = input.role ?? replacing?.role ?? (isChair ? .chair : .required)
        guard (role == .chair) == isChair else {
            throw KasaneError.invalid(field: "role", message: "議長の役割は会議の議長だけが持ちます。")
        }
        let reason = try Validate.optionalText(input.reason, field: "reason", label: "理由", max: 200)
        return Attendee(
            meetingId: meeting.meeting.id ?? 0, staffId: input.staffId, role: role,
            itemIds: input.itemIds.map { Array(Set($0)).sorted() },
            leavesFor: Array(Set(input.leavesFor ?? replacing?.leavesFor ?? [])).sorted(), reason: reason ?? replacing?.reason)
    }
}
