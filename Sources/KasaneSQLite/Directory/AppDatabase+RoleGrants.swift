import GRDB
import KasaneCore

extension RoleGrant: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "roleGrant"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
