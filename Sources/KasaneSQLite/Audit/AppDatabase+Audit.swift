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
}
