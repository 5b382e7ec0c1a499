import GRDB
import KasaneCore

// The domain's value types are the records: each maps to its table by its coding
// keys, lists and dates as JSON and ISO text.

extension Agency: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "agency"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Staff: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "staff"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Pledge: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "pledge"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension District: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "district"
}

extension SupportCase: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "supportCase"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension CaseAssignment: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "caseAssignment"
}

extension HouseholdMember: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "householdMember"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension HouseholdMemberPersonal: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "householdMemberPersonal"
}

extension Consent: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "consent"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Room: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "room"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Meeting: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "meeting"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension AgendaItem: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "agendaItem"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Attendee: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "attendee"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
