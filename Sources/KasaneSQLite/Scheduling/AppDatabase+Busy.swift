import Foundation
import GRDB
import KasaneCore
import KasaneStorage

extension AppDatabase {
    /// The window an upload made now is read over: today (in Japan) to the horizon.
    public func busyWindow() async throws -> (start: Date, end: Date) {
        try await settings().schedulingRules.busyWindow(today: clock.today())
    }

    /// Replaces everything held of the actor's own calendar with `upload`, in one
    /// transaction: a refused upload leaves the previous data as it was.
    public func replaceBusy(_ upload: BusyUpload, by actor: Actor) async throws -> BusySummary {
        try await audited(actor, "busy.import", target: "busy") { db, note in
            let now = note.at
            let staffId = try Self.ownStaffId(actor)
            try db.execute(sql: "DELETE FROM busyInterval WHERE staffId = ?", arguments: [staffId])
            let insert = try db.makeStatement(sql: "INSERT INTO busyInterval (staffId, startsAt, endsAt) VALUES (?, ?, ?)")
            for interval in BusyInterval.merged(upload.intervals) {
                try insert.execute(arguments: [staffId, interval.start, interval.end])
            }
            try db.execute(
                sql: """
                    INSERT INTO busyUpload (staffId, importedAt, windowStart, windowEnd, events, truncatedRules) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(staffId) DO UPDATE SET importedAt = excluded.importedAt, windowStart = excluded.windowStart,
                    windowEnd = excluded.windowEnd, events = excluded.events, truncatedRules = excluded.truncatedRules
                    """,
                arguments: [staffId, now, upload.windowStart, upload.windowEnd, upload.events, upload.truncatedRules])
            note.detail = "\(upload.events)件の予定から \(upload.intervals.count)件の予定あり時間"
            return try Self.busySummary(db, staffId: staffId, now: now)
        }
    }

    /// Forgets the actor's uploaded calendar.
    public func clearBusy(by actor: Actor) async throws -> BusySummary {
        try await audited(actor, "busy.clear", target: "busy") { db, note in
            let now = note.at
            let staffId = try Self.ownStaffId(actor)
            try db.execute(sql: "DELETE FROM busyInterval WHERE staffId = ?", arguments: [staffId])
            try db.execute(sql: "DELETE FROM busyUpload WHERE staffId = ?", arguments: [staffId])
            return try Self.busySummary(db, staffId: staffId, now: now)
        }
    }

    /// What is held of the actor's own calendar.
    public func busySummary(for actor: Actor) async throws -> BusySummary {
        let now = clock.now()
        let staffId = try Self.ownStaffId(actor)
        return try await reader.read { db in try Self.busySummary(db, staffId: staffId, now: now) }
    }

    /// Records a refused upload (a calendar that could not be read) in the audit log.
    public func logRefusedBusyImport(_ error: KasaneError, by actor: Actor) async throws {
        let note = AuditNote(target: "busy", at: clock.now())
        note.detail = error.message
        try await writer.write { db in try Self.log(db, actor, "busy.import", note, allowed: false) }
    }

    /// Uploaded busy intervals of these staff overlapping [from, to), merged and sorted.
    public func uploadedBusy(staffIds: [Int64], from: Date, to: Date) async throws -> [Int64: [BusyInterval]] {
        try await reader.read { db in try Self.uploadedBusy(db, staffIds: staffIds, from: from, to: to) }
    }

    static func uploadedBusy(_ db: Database, staffIds: [Int64], from: Date, to: Date) throws -> [Int64: [BusyInterval]] {
        var result: [Int64: [BusyInterval]] = [:]
        guard !staffIds.isEmpty else { return result }
        let placeholders = Array(repeating: "?", count: staffIds.count).joined(separator: ",")
        let rows = try Row.fetchCursor(
            db, sql: """
                SELECT staffId, startsAt, endsAt FROM busyInterval
                WHERE staffId IN (\(placeholders)) AND startsAt < ? AND endsAt > ? ORDER BY staffId, startsAt
                """,
            arguments: StatementArguments(staffIds) + [to, from])
        while let row = try rows.next() {
            result[row["staffId"], default: []].append(BusyInterval(start: row["startsAt"], end: row["endsAt"]))
        }
        return result
    }

    static func ownStaffId(_ actor: Actor) throws -> Int64 {
        guard let id = actor.staffId else {
            throw KasaneError.forbidden("予定の取り込みは、職員本人として行ってください（--as で職員を指定）。")
        }
        return id
    }

    static func busySummary(_ db: Database, staffId: Int64, now: Date) throws -> BusySummary {
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM busyInterval WHERE staffId = ?", arguments: [staffId]) ?? 0
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM busyUpload WHERE staffId = ?", arguments: [staffId]) else {
            return BusySummary(
                staffId: staffId, importedAt: nil, windowStart: nil, windowEnd: nil, intervals: 0, events: 0, truncatedRules: 0,
                notices: ["予定表がまだ取り込まれていません。日程調整には、Kasaneの会議と回答だけが使われます。"])
        }
        let windowEnd: Date = row["windowEnd"]
        let truncated: Int = row["truncatedRules"]
        var notices: [String] = []
        let daysLeft = Int(windowEnd.timeIntervalSince(now) / 86400)
        if daysLeft < 60 {
            notices.append("取り込んだ予定は \(daysLeft <= 0 ? "期限切れです" : "あと\(daysLeft)日分です")。予定表をもう一度取り込んでください。")
        }
        if truncated > 0 {
            notices.append("繰り返しが多すぎる予定が\(truncated)件あり、途中までしか読んでいません。")
        }
        return BusySummary(
            staffId: staffId, importedAt: row["importedAt"], windowStart: row["windowStart"], windowEnd: windowEnd,
            intervals: count, events: row["events"], truncatedRules: truncated, notices: notices)
    }
}
