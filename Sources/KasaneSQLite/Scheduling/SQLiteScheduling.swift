import Foundation
import GRDB
import KasaneCore
import KasaneStorage

// Member proposals and everyone's time as a search, a booking and a poll read them, on
// SQLite. What is decided with them is the application's (KasaneApp/Selection, Scheduling).

struct SQLiteProposals: ProposalRepository {
    let db: Database

    func stored(id: Int64) throws -> StoredProposal? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM memberProposal WHERE id = ?", arguments: [id]) else { return nil }
        do {
            let decoder = JSONDecoder()
            return StoredProposal(
                id: row["id"], createdBy: row["createdBy"], createdAt: row["createdAt"],
                request: try decoder.decode(ProposalRequest.self, from: Data((row["request"] as String).utf8)),
                proposal: try decoder.decode(MemberProposal.self, from: Data((row["proposal"] as String).utf8)))
        } catch {
            throw KasaneError.unusableDatabase("構成員の提案（ID \(id)）の内容が読めません。")
        }
    }

    func insert(request: ProposalRequest, proposal: MemberProposal, by staffId: Int64?, at now: Date) throws -> StoredProposal {
        try db.execute(
            sql: "INSERT INTO memberProposal (kind, request, proposal, createdBy, createdAt) VALUES (?, ?, ?, ?, ?)",
            arguments: [request.kind.rawValue, try AppDatabase.json(request), try AppDatabase.json(proposal), staffId, now])
        return StoredProposal(id: db.lastInsertedRowID, createdBy: staffId, createdAt: now, request: request, proposal: proposal)
    }
}

struct SQLiteScheduling: SchedulingRepository {
    let db: Database

    func uploadedBusy(staffIds: [Int64], from: Date, to: Date) throws -> [Int64: [BusyInterval]] {
        try AppDatabase.uploadedBusy(db, staffIds: staffIds, from: from, to: to)
    }

    func meetingTimes(staffIds: [Int64], from: Date, to: Date, excluding meetingId: Int64?) throws -> [(staffId: Int64, interval: BusyInterval)] {
        guard !staffIds.isEmpty else { return [] }
        let placeholders = Array(repeating: "?", count: staffIds.count).joined(separator: ",")
        return try Row.fetchAll(
            db, sql: """
                SELECT a.staffId, m.startsAt, m.endsAt FROM attendee a JOIN meeting m ON m.id = a.meetingId
                WHERE a.staffId IN (\(placeholders)) AND m.status != 'cancelled' AND m.id IS NOT ? AND m.startsAt < ? AND m.endsAt > ?
                """,
            arguments: StatementArguments(staffIds) + [meetingId, to, from]
        ).map { row in (row["staffId"], BusyInterval(start: row["startsAt"], end: row["endsAt"])) }
    }

    func roomBookings(from: Date, to: Date) throws -> [(roomId: Int64, interval: BusyInterval)] {
        try Row.fetchAll(
            db, sql: "SELECT roomId, startsAt, endsAt FROM meeting WHERE roomId IS NOT NULL AND status != 'cancelled' AND startsAt < ? AND endsAt > ?",
            arguments: [to, from]
        ).map { ($0["roomId"], BusyInterval(start: $0["startsAt"], end: $0["endsAt"])) }
    }

    func calendarOwners() throws -> Set<Int64> { Set(try Int64.fetchAll(db, sql: "SELECT staffId FROM busyUpload")) }
}
