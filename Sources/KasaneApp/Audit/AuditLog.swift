import Foundation
import KasaneCore
import KasaneStorage

// The audit log as the administrator reads it: filtered, as CSV, and verified as a chain
// against the heads published where the database cannot reach. Reading it is itself audited.

extension TransactionalStorage {
    /// The audit log, newest first, for an administrator.
    public func auditLog(_ filter: AuditFilter, for actor: Actor) async throws -> [AuditEntry] {
        try await audited(actor, "audit.list", target: "auditLog") { work, _ in
            try Access.require(.readAuditLog, actor)
            return try work.audit.entries(filter)
        }
    }

    /// The filtered log as CSV (UTF-8 with a BOM, so Excel reads the Japanese).
    public func auditLogCSV(_ filter: AuditFilter, for actor: Actor) async throws -> String {
        let entries = try await auditLog(filter, for: actor)
        return "\u{FEFF}" + ([AuditEntry.csvHeader] + entries.map(\.csvRow)).joined(separator: "\r\n") + "\r\n"
    }

    /// Walks the audit log and compares it with heads published earlier, for an administrator.
    public func verifyAuditLog(published: [ChainHead] = [], for actor: Actor) async throws -> AuditVerification {
        // Read in one transaction; the verification is itself logged after, so it is not part of what it checks.
        try Access.require(.readAuditLog, actor)
        let result = try await read { work in
            try AuditChain.verify(walk: work.audit.walk, storedHash: work.audit.storedHash(line:), published: published)
        }
        let note = AuditNote(target: "auditLog", at: clock.now())
        note.detail = result.problem.map { "不一致: \($0)" } ?? "一致（\(result.rows)行）"
        try await write { work in try work.audit.append(actor, "audit.verify", note, allowed: true) }
        return result
    }

    /// Logs a refusal that happened before any staff member was known (a bad token, an
    /// unknown address at the console): where from and what was asked, bounded.
    public func logUnauthenticated(origin: String, path: String, detail: String? = nil) async throws {
        let note = AuditNote(target: String(path.prefix(200)), at: clock.now())
        note.detail = detail
        let actor = Actor(kind: .localOperator, origin: String(origin.prefix(64)))
        try await write { work in try work.audit.append(actor, "auth", note, allowed: false) }
    }

    /// The last line of the audit log now, to publish.
    public func auditHead() async throws -> ChainHead? {
        try await read { work in try work.audit.head() }
    }
}
