import Foundation
import GRDB
import KasaneCore
import KasaneStorage

// The outbox's plain notices as the mail system takes them (OutboxStorage). The decisions
// that write them are the application's (KasaneApp/Minutes/Decisions.swift).
extension AppDatabase {
    public func unmailedNotices() async throws -> [OutgoingNotice] {
        try await reader.read { db in
            try NoticeRow.filter(Column("mailedAt") == nil).order(Column("id")).fetchAll(db).map {
                OutgoingNotice(id: $0.id!, email: $0.email, subject: $0.subject, body: $0.body, createdAt: $0.createdAt)
            }
        }
    }

    public func markNoticeMailed(_ id: Int64) async throws {
        let at = clock.now()
        try await writer.write { db in try db.execute(sql: "UPDATE outgoingNotice SET mailedAt = ? WHERE id = ?", arguments: [at, id]) }
    }
}
