import Foundation
import GRDB
import KasaneApp
import KasaneCore

extension AppDatabase {
    /// Books a found time: in one transaction, checks again that every required person
    /// is free (their own calendar, and their Kasane meetings with the city's buffer) and
    /// that the room is free, then creates the meeting (or moves it) through the same
    /// funnel as any other. Someone may have booked in between: then nothing is created
    /// and the 409 names who or what is no longer free.
    public func book(_ request: BookingRequest, by actor: Actor) async throws -> MeetingMaterial {
        try await audited(actor, request.meetingId == nil ? "schedule.book" : "schedule.move", target: "schedule") { db, note in
            try Access.require(.manageMeetings, actor)
            try MeetingInput.validateTime(startsAt: request.startsAt, endsAt: request.endsAt)
            var required = request.required ?? []
            if let proposalId = request.proposalId {
                required += try Self.storedProposal(db, id: proposalId).proposal.members.map(\.staffId)
            }
            if let meetingId = request.meetingId {
                required += try Attendee.filter(Column("meetingId") == meetingId).fetchAll(db)
                    .filter { $0.role == .chair || $0.role == .required }.map(\.staffId)
            }
            required = Self.unique(required)
            try Self.checkStillFree(db, required, start: request.startsAt, end: request.endsAt, excluding: request.meetingId)
            if let meetingId = request.meetingId {
                return try MeetingMaking.move(SQLiteWork(db: db), id: meetingId,
                    MeetingChangeInput(startsAt: request.startsAt, endsAt: request.endsAt, place: request.place, roomId: request.roomId),
                    by: actor, note: note)
            }
            return try MeetingMaking.insert(
                SQLiteWork(db: db),
                MeetingInput(
                    kind: request.kind, startsAt: request.startsAt, endsAt: request.endsAt, place: request.place ?? "",
                    proposalId: request.proposalId, items: request.items, roomId: request.roomId),
                extra: (request.required ?? []).map { ($0, .required) }, by: actor, note: note)
        }
    }

    /// Refuses when any of `people` is busy from `start` to `end`: in a Kasane meeting
    /// (with the city's buffer), and, with `calendars`, in their uploaded calendar.
    static func checkStillFree(
        _ db: Database, _ people: [Int64], start: Date, end: Date, excluding meetingId: Int64?, calendars: Bool = true
    ) throws {
        let buffer = TimeInterval(try settings(db).schedulingRules.bufferMinutes * 60)
        var busy = calendars ? Set(try uploadedBusy(db, staffIds: people, from: start, to: end).keys) : []
        let placeholders = Array(repeating: "?", count: max(people.count, 1)).joined(separator: ",")
        let meetings = try Int64.fetchAll(
            db, sql: """
                SELECT DISTINCT a.staffId FROM attendee a JOIN meeting m ON m.id = a.meetingId
                WHERE a.staffId IN (\(placeholders)) AND m.status != 'cancelled' AND m.id IS NOT ?
                AND m.startsAt < ? AND m.endsAt > ?
                """,
            arguments: StatementArguments(people.isEmpty ? [0] : people) + [meetingId, end.addingTimeInterval(buffer), start.addingTimeInterval(-buffer)])
        busy.formUnion(meetings)
        guard busy.isEmpty else {
            let staff = try Staff.filter(keys: Array(busy)).fetchAll(db)
            let agencies = Dictionary(uniqueKeysWithValues: try Agency.fetchAll(db).compactMap { a in a.id.map { ($0, a.name) } })
            let names = people.filter(busy.contains).compactMap { id in
                staff.first { $0.id == id }.map { "\($0.name)（\(agencies[$0.agencyId] ?? "")）" }
            }
            throw KasaneError.conflict(
                "その時間には、\(names.joined(separator: "、"))に予定が入っています（候補を探した後に入った可能性があります）。会議は作成していません。もう一度候補を探してください。")
        }
    }
}
