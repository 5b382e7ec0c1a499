import Foundation
import GRDB
import KasaneCore
import KasaneStorage

// Minutes versions and their words are the interface's records (KasaneStorage:
// MinutesVersionRecord, MinutesTextRecord), stored in these tables.
extension MinutesVersionRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "minutesVersion"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension MinutesTextRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "minutesText"
}
