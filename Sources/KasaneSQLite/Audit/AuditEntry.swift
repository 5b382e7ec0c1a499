import GRDB
import KasaneCore
import KasaneStorage

/// An audit line is a row of `auditLog` (the database refuses to change or remove one).
extension AuditEntry: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "auditLog"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
