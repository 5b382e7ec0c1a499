import Foundation
import GRDB
import KasaneApp
import KasaneCore
import KasaneStorage

/// Agenda items and attendees: every change goes through `changeMeeting`, so the
/// consent and pledge rules hold whichever way a meeting is filled.
extension AppDatabase {
    public func addItem(meetingId: Int64, _ input: AgendaItemInput, by actor: Actor) async throws -> MeetingMaterial {
        try await audited(actor, "meeting.item.add", target: "meeting:\(meetingId)") { db, note in
            let after = try MeetingFunnel.change(SQLiteWork(db: db), id: meetingId, by: actor, note: note, records: [(.itemAdded, nil, input.caseId.map { "case:\($0)" })]
            ) { before in
                let last = before.items.count + 1
                let position = min(max(input.position ?? last, 1), last)
                for var other in before.items where other.position >= position {
                    other.position += 1
                    try other.update(db)
                }
                let item = try Self.insertItem(db, meeting: before.meeting, input, position: position, actor: actor, field: "item")
                if let caseId = item.caseId {
                    note.caseCode = try String.fetchOne(db, sql: "SELECT code FROM supportCase WHERE id = ?", arguments: [caseId])
                }
            }
            return try MeetingFunnel.material(SQLiteWork(db: db), after, for: actor, now: note.at)
        }
    }

    /// Changes an item's purpose, time or place in the order. Its case stays.
    public func updateItem(meetingId: Int64, itemId: Int64, _ input: AgendaItemInput, by actor: Actor) async throws
        -> MeetingMaterial
    {
        try await audited(actor, "meeting.item.update", target: "meeting:\(meetingId)/item:\(itemId)") { db, note in
            let after = try MeetingFunnel.change(SQLiteWork(db: db), id: meetingId, by: actor, note: note, records: [(.itemChanged, nil, "item:\(itemId)")], bumpsSequence: false
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
                        try other.update(db)
                    }
                }
                try item.update(db)
                try MeetingFunnel.renumberItems(SQLiteWork(db: db), meetingId: meetingId)
            }
            return try MeetingFunnel.material(SQLiteWork(db: db), after, for: actor, now: note.at)
        }
    }

    /// Removes an item; attendees who were there only for it leave the meeting.
    public func removeItem(meetingId: Int64, itemId: Int64, by actor: Actor) async throws -> MeetingMaterial {
        try await audited(actor, "meeting.item.remove", target: "meeting:\(meetingId)/item:\(itemId)") { db, note in
            var removedStaff: [Int64] = []
            let loaded = try MeetingFunnel.visible(SQLiteWork(db: db), id: meetingId, for: actor, note: note)
            for a in loaded.attendees where a.itemIds == [itemId] && a.role != .chair { removedStaff.append(a.staffId) }
            let records: [(MeetingChange.Kind, Int64?, String?)] =
                [(.itemRemoved, nil, "item:\(itemId)")] + removedStaff.map { (.attendeeRemoved, $0, "議題の削除") }
            let after = try MeetingFunnel.change(SQLiteWork(db: db), id: meetingId, by: actor, note: note, records: records) { before in
                guard before.items.contains(where: { $0.id == itemId }) else {
                    throw KasaneError.notFound("議題（ID \(itemId)）はこの会議にありません。")
                }
                for var a in before.attendees {
                    if removedStaff.contains(a.staffId) {
                        try a.delete(db)
                    } else if a.itemIds?.contains(itemId) == true || a.leavesFor.contains(itemId) {
                        a.itemIds = a.itemIds?.filter { $0 != itemId }
                        a.leavesFor = a.leavesFor.filter { $0 != itemId }
                        try a.update(db)
                    }
                }
                try db.execute(sql: "DELETE FROM agendaItem WHERE id = ?", arguments: [itemId])
                try MeetingFunnel.renumberItems(SQLiteWork(db: db), meetingId: meetingId)
            }
            return try MeetingFunnel.material(SQLiteWork(db: db), after, for: actor, now: note.at)
        }
    }

    // MARK: attendees

    public func addAttendee(meetingId: Int64, _ input: AttendeeInput, by actor: Actor) async throws -> MeetingMaterial {
        try await audited(actor, "meeting.attendee.add", target: "meeting:\(meetingId)/staff:\(input.staffId)") { db, note in
            let after = try MeetingFunnel.change(SQLiteWork(db: db), id: meetingId, by: actor, note: note, records: [(.attendeeAdded, input.staffId, input.reason)]
            ) { before in
                guard !before.attendees.contains(where: { $0.staffId == input.staffId }) else {
                    throw KasaneError.conflict("この職員（ID \(input.staffId)）は既に出席者です。")
                }
                var attendee = try Self.attendee(db, input, in: before, replacing: nil)
                try attendee.insert(db)
            }
            return try MeetingFunnel.material(SQLiteWork(db: db), after, for: actor, now: note.at)
        }
    }

    /// Changes an attendee's role, items, or the items they leave the room for.
    public func updateAttendee(meetingId: Int64, staffId: Int64, _ input: AttendeeInput, by actor: Actor) async throws
        -> MeetingMaterial
    {
        try await audited(actor, "meeting.attendee.update", target: "meeting:\(meetingId)/staff:\(staffId)") { db, note in
            let after = try MeetingFunnel.change(SQLiteWork(db: db), id: meetingId, by: actor, note: note, records: [(.attendeeChanged, staffId, input.reason)]
            ) { before in
                guard let existing = before.attendees.first(where: { $0.staffId == staffId }) else {
                    throw KasaneError.notFound("職員（ID \(staffId)）はこの会議の出席者ではありません。")
                }
                var input = input
                input.staffId = staffId
                var attendee = try Self.attendee(db, input, in: before, replacing: existing)
                attendee.id = existing.id
                try attendee.update(db)
            }
            return try MeetingFunnel.material(SQLiteWork(db: db), after, for: actor, now: note.at)
        }
    }

    /// Removes an attendee; their invitation is to be cancelled. The chair and the
    /// secretariat stay: change them by creating the meeting anew.
    public func removeAttendee(meetingId: Int64, staffId: Int64, reason: String?, by actor: Actor) async throws
        -> MeetingMaterial
    {
        try await audited(actor, "meeting.attendee.remove", target: "meeting:\(meetingId)/staff:\(staffId)") { db, note in
            let after = try MeetingFunnel.change(SQLiteWork(db: db), id: meetingId, by: actor, note: note, records: [(.attendeeRemoved, staffId, reason)]
            ) { before in
                guard let existing = before.attendees.first(where: { $0.staffId == staffId }) else {
                    throw KasaneError.notFound("職員（ID \(staffId)）はこの会議の出席者ではありません。")
                }
                guard staffId != before.meeting.chairId, staffId != before.meeting.secretariatId else {
                    throw KasaneError.conflict("議長と事務局は出席者から外せません。")
                }
                try existing.delete(db)
            }
            return try MeetingFunnel.material(SQLiteWork(db: db), after, for: actor, now: note.at)
        }
    }

    /// Builds an attendee from input, checking ids against the meeting.
    static func attendee(_ db: Database, _ input: AttendeeInput, in meeting: LoadedMeeting, replacing: Attendee?) throws -> Attendee {
        guard try Staff.exists(db, key: input.staffId) else {
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
            meetingId: meeting.meeting.id!, staffId: input.staffId, role: role,
            itemIds: input.itemIds.map { Array(Set($0)).sorted() },
            leavesFor: Array(Set(input.leavesFor ?? replacing?.leavesFor ?? [])).sorted(), reason: reason ?? replacing?.reason)
    }
}
