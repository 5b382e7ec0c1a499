import Foundation
import GRDB
import KasaneCore
import KasaneStorage

extension OutgoingMessage: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "outgoingMessage"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension AppDatabase {
    /// Messages not yet handed to the mail system.
    public func unmailedMessages() async throws -> [OutgoingMessage] {
        try await reader.read { db in try OutgoingMessage.filter(Column("mailedAt") == nil).order(Column("id")).fetchAll(db) }
    }

    public func markMailed(_ id: Int64) async throws {
        let at = clock.now()
        try await writer.write { db in
            try db.execute(sql: "UPDATE outgoingMessage SET mailedAt = ? WHERE id = ?", arguments: [at, id])
        }
    }
}
