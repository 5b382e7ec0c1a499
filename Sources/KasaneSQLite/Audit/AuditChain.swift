import Foundation
import GRDB
import KasaneCore

/// The audit log as a hash chain: each row carries the hash of its content and of the row
/// before it, so a rewritten, replaced or removed row is found by walking the chain, and a
/// removed tail by comparing with a head published where the database cannot reach (the
/// server log, daily and at shutdown; each year's archive manifest).
public enum AuditChain {
    /// The previous hash of the first row.
    public static let genesis = String(repeating: "0", count: 64)
}

/// What walking the audit chain found: the first row that does not match, if any.
public struct AuditVerification: Codable, Sendable, Equatable {
    public var rows: Int
    public var head: ChainHead?
    /// The first row found wrong (rewritten, replaced, the first of those removed).
    public var problemRowId: Int64?
    public var problem: String?
    /// Published heads compared, and found as published.
    public var publishedChecked: Int
    public var ok: Bool
}

extension AppDatabase {
    /// Walks the audit log and compares it with heads published earlier, for an administrator.
    public func verifyAuditLog(published: [ChainHead] = [], for actor: Actor) async throws -> AuditVerification {
        // Read in one transaction; the verification is itself logged after, so it is not part of what it checks.
        try Access.require(.readAuditLog, actor)
        let result = try await reader.read { db in try Self.verifyAuditChain(db, published: published) }
        try await writer.write { db in
            let note = AuditNote(target: "auditLog", at: clock.now())
            note.detail = result.problem.map { "不一致: \($0)" } ?? "一致（\(result.rows)行）"
            try Self.log(db, actor, "audit.verify", note, allowed: true)
        }
        return result
    }

    /// The last row of the audit log now, to publish.
    public func auditHead() async throws -> ChainHead? {
        try await reader.read { db in try Self.auditHead(db) }
    }

    static func auditHead(_ db: Database) throws -> ChainHead? {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, hash FROM auditLog ORDER BY id DESC LIMIT 1"),
              let id: Int64 = row["id"], let hash: String = row["hash"]
        else { return nil }
        return ChainHead(id: id, hash: hash)
    }

    static func verifyAuditChain(_ db: Database, published: [ChainHead]) throws -> AuditVerification {
        var result = AuditVerification(rows: 0, head: nil, problemRowId: nil, problem: nil, publishedChecked: 0, ok: true)
        var previous = (id: Int64(0), hash: AuditChain.genesis)
        let rows = try AuditEntry.order(Column("id")).fetchCursor(db)
        while let entry = try rows.next() {
            result.rows += 1
            let id = entry.id ?? 0
            if result.problem == nil {
                if id != previous.id + 1 {
                    result.problemRowId = previous.id + 1
                    result.problem = id - previous.id == 2
                        ? "監査ログの行 \(previous.id + 1) がありません（削除されています）。"
                        : "監査ログの行 \(previous.id + 1)〜\(id - 1) がありません（削除されています）。"
                } else if entry.previousHash != previous.hash {
                    result.problemRowId = id
                    result.problem = "監査ログの行 \(id) の前の行とのつながりが一致しません（前の行が書き換えられたか、差し替えられています）。"
                } else if entry.hash != entry.computedHash() {
                    result.problemRowId = id
                    result.problem = "監査ログの行 \(id) の内容がハッシュと一致しません（書き換えられています）。"
                }
            }
            previous = (id, entry.hash ?? "")
        }
        result.head = previous.id > 0 ? ChainHead(id: previous.id, hash: previous.hash) : nil
        for head in published.sorted(by: { $0.id < $1.id }) where result.problem == nil {
            let stored = try String.fetchOne(db, sql: "SELECT hash FROM auditLog WHERE id = ?", arguments: [head.id])
            if stored == nil {
                result.problemRowId = head.id
                result.problem = "公開された先頭（行 \(head.id)）が監査ログにありません（行 \(previous.id + 1) 以降が削除されています）。"
            } else if stored != head.hash {
                result.problemRowId = head.id
                result.problem = "監査ログの行 \(head.id) が公開された時のハッシュと違います（書き換えられています）。"
            } else {
                result.publishedChecked += 1
            }
        }
        result.ok = result.problem == nil
        return result
    }
}
