import Foundation
import GRDB
import KasaneCore
import KasaneStorage

// Plans and their moves are the interface's records (KasaneStorage: PlanRecord,
// PlanTransitionRecord), stored in these tables.
extension PlanRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "supportPlan"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension PlanTransitionRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "planTransition"
}

extension PlanEventRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "planEvent"
}

struct GapRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "resourceGap"
    var id: Int64?
    var field: Field
    var district: String?
    var description: String
    var caseCodes: [String]
    var status: GapStatus
    var passedTo: String?
    var raisedOn: LocalDate
    var resolvedOn: LocalDate?
    var meetingId: Int64?
    var minutesVersionId: Int64?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var gap: ResourceGap {
        ResourceGap(
            id: id ?? 0, field: field, district: district, description: description, caseCodes: caseCodes, status: status,
            passedTo: passedTo, raisedOn: raisedOn, resolvedOn: resolvedOn, meetingId: meetingId)
    }
}

struct NoticeRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "outgoingNotice"
    var id: Int64?
    var staffId: Int64
    var email: String
    var subject: String
    var body: String
    var createdAt: Date
    var mailedAt: Date?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

