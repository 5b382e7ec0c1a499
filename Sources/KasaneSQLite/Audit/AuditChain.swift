import Foundation
import GRDB
import KasaneCore

// The chain itself (AuditChain, AuditVerification) is the storage interface's; reading and
// verifying the log for an administrator is the application's (KasaneApp, AuditLog.swift).
extension AppDatabase {
    static func auditHead(_ db: Database) throws -> ChainHead? {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, hash FROM auditLog ORDER BY id DESC LIMIT 1"),
              let id: Int64 = row["id"], let hash: String = row["hash"]
        else { return nil }
        return ChainHead(id: id, hash: hash)
    }
}
