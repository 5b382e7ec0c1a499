import GRDB
import KasaneCore
import KasaneStorage

/// An API token is a row of `apiToken` (its hash only); issuing, revoking and checking one is
/// the application's (KasaneApp, Tokens.swift).
extension APIToken: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "apiToken"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
