import Foundation
import GRDB
import KasaneCore

extension AppDatabase {
    /// Appends one line to the log, chained to the line before it (inside the caller's
    /// write transaction, so two lines never take the same place in the chain).
    static func log(_ db: Database, _ actor: Actor, _ action: String, _ note: AuditNote, allowed: Bool) throws {
        let last = try Row.fetchOne(db, sql: "SELECT id, hash FROM auditLog ORDER BY id DESC LIMIT 1")
        var entry = AuditEntry(
            id: (last?["id"] as Int64? ?? 0) + 1, at: Self.auditTime(note.at), staffId: actor.staffId, origin: actor.origin,
            action: action, target: note.target, caseCode: note.caseCode, meetingId: note.meetingId, allowed: allowed,
            detail: note.detail, previousHash: last?["hash"] as String? ?? AuditChain.genesis)
        entry.hash = entry.computedHash()
        try entry.insert(db)
    }

    /// The time of a line: the database keeps milliseconds and the hash covers them. A
    /// quarter into its millisecond, so that writing it (which cuts the rest off) and reading
    /// it back (to the nearest millisecond) give the same one.
    static func auditTime(_ date: Date) -> Date {
        Date(timeIntervalSince1970: ((date.timeIntervalSince1970 * 1000).rounded(.down) + 0.25) / 1000)
    }

    /// Logs a refusal that happened before any staff member was known (a bad token).
    public func logUnauthenticated(origin: String, path: String, detail: String? = nil) async throws {
        try await writer.write { db in
            let note = AuditNote(target: String(path.prefix(200)), at: clock.now())
            note.detail = detail
            try Self.log(db, Actor(kind: .localOperator, origin: String(origin.prefix(64))), "auth", note, allowed: false)
        }
    }

    /// The audit log, newest first, for an administrator.
    public func auditLog(_ filter: AuditFilter, for actor: Actor) async throws -> [AuditEntry] {
        try await audited(actor, "audit.list", target: "auditLog") { db, _ in
            try Access.require(.readAuditLog, actor)
            var request = AuditEntry.order(Column("id").desc)
            if let staffId = filter.staffId { request = request.filter(Column("staffId") == staffId) }
            if let code = filter.caseCode { request = request.filter(Column("caseCode") == code) }
            if let action = filter.action {
                request = request.filter(Column("action") == action || Column("action").like(action.replacingOccurrences(of: "%", with: "") + ".%"))
            }
            if filter.refusalsOnly { request = request.filter(Column("allowed") == false) }
            if let from = filter.from { request = request.filter(Column("at") >= from.instant()) }
            if let to = filter.to { request = request.filter(Column("at") < to.adding(days: 1).instant()) }
            return try request.limit(max(1, min(filter.limit, 100_000))).fetchAll(db)
        }
    }

    /// The filtered log as CSV (UTF-8 with a BOM, so Excel reads the Japanese).
    public func auditLogCSV(_ filter: AuditFilter, for actor: Actor) async throws -> String {
        let entries = try await auditLog(filter, for: actor)
        return "\u{FEFF}" + ([AuditEntry.csvHeader] + entries.map(\.csvRow)).joined(separator: "\r\n") + "\r\n"
    }
}
