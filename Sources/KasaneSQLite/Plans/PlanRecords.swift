import Foundation
import GRDB
import KasaneCore

struct PlanRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "supportPlan"
    var id: Int64?
    var caseId: Int64
    var version: Int
    var state: PlanState
    var content: String
    var nextReviewOn: LocalDate
    var createdBy: Int64?
    var createdAt: Date
    var createdOn: LocalDate

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    func decodedContent() throws -> PlanInput {
        do {
            return try JSONDecoder().decode(PlanInput.self, from: Data(content.utf8))
        } catch {
            throw KasaneError.unusableDatabase("支援プラン（ID \(id ?? 0)）の内容が読めません。")
        }
    }
}

struct TransitionRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "planTransition"
    var id: Int64?
    var planId: Int64
    var fromState: PlanState
    var toState: PlanState
    var on: LocalDate
    var at: Date
    var meetingId: Int64?
    var minutesVersionId: Int64?
    var decision: DecisionKind?
    var termination: TerminationReason?
    var agencyId: Int64?
    var reason: String?
    var staffId: Int64?
}

struct PlanEventRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "planEvent"
    var id: Int64?
    var planId: Int64
    var kind: DecisionKind
    var on: LocalDate
    var meetingId: Int64
    var minutesVersionId: Int64
    var goal: Int?
    var rating: GoalRating?
    var agencyId: Int64?
    var detail: String?
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

