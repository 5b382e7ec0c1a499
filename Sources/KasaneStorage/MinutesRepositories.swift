import Foundation
import KasaneCore

// What the minutes and their decisions read and write: the versions of a meeting's minutes
// (each a link of a hash chain), the words of each item kept apart (erasable at the end of
// their retention, their hash kept), the plain notices of the outbox, and the resource gaps
// minutes raise. What is decided with them is the application's (KasaneApp/Minutes).

/// One stored version of a meeting's minutes. Once approved the database refuses
/// any change to it.
public struct MinutesVersionRecord: Codable, Sendable, Equatable {
    public var id: Int64?
    public var meetingId: Int64
    public var version: Int
    public var record: String
    public var recordHash: String
    public var textsHash: String
    public var previousHash: String
    public var versionHash: String?
    public var reason: String?
    public var authorId: Int64
    public var createdAt: Date
    public var returnedComment: String?
    public var approvedBy: Int64?
    public var approvedAt: Date?

    public init(
        id: Int64? = nil, meetingId: Int64, version: Int, record: String, recordHash: String, textsHash: String, previousHash: String,
        versionHash: String? = nil, reason: String?, authorId: Int64, createdAt: Date, returnedComment: String? = nil,
        approvedBy: Int64? = nil, approvedAt: Date? = nil
    ) {
        self.id = id
        self.meetingId = meetingId
        self.version = version
        self.record = record
        self.recordHash = recordHash
        self.textsHash = textsHash
        self.previousHash = previousHash
        self.versionHash = versionHash
        self.reason = reason
        self.authorId = authorId
        self.createdAt = createdAt
        self.returnedComment = returnedComment
        self.approvedBy = approvedBy
        self.approvedAt = approvedAt
    }

    public var isApproved: Bool { approvedAt != nil }

    public func decodedRecord() throws -> MinutesRecord {
        do {
            return try JSONDecoder().decode(MinutesRecord.self, from: Data(record.utf8))
        } catch {
            throw KasaneError.unusableDatabase("議事録（会議ID \(meetingId) 第\(version)版）の記録が読めません。")
        }
    }

    /// The hash that links the next version to this one: it covers the version's
    /// number, both content hashes, the previous link, and who wrote and approved it.
    public func computedVersionHash() -> String {
        let approved = approvedAt.map { ISO8601DateFormatter().string(from: $0) } ?? ""
        let lines = [
            "kasane-minutes-v1", String(meetingId), String(version), recordHash, textsHash, previousHash, reason ?? "",
            String(authorId), approvedBy.map(String.init) ?? "", approved,
        ]
        return MinutesHash.hex(Data(lines.joined(separator: "\n").utf8))
    }
}

/// The words of one item of one version; `body` is nil once erased, `hash` stays.
public struct MinutesTextRecord: Codable, Sendable, Equatable {
    public var versionId: Int64
    public var itemId: Int64
    public var caseId: Int64?
    public var body: String?
    public var hash: String
    public var erasedAt: Date?

    public init(versionId: Int64, itemId: Int64, caseId: Int64?, body: String?, hash: String, erasedAt: Date? = nil) {
        self.versionId = versionId
        self.itemId = itemId
        self.caseId = caseId
        self.body = body
        self.hash = hash
        self.erasedAt = erasedAt
    }

    /// The words, or nil once erased at the end of their retention. Words that are there but
    /// cannot be read were changed from outside, and are said so rather than shown as empty.
    public func decodedBody() throws -> MinutesItemText? {
        guard let body else { return nil }
        do {
            return try JSONDecoder().decode(MinutesItemText.self, from: Data(body.utf8))
        } catch {
            throw KasaneError.unusableDatabase("議事録の版（ID \(versionId)）の議題（ID \(itemId)）の記録が読めません。")
        }
    }
}

public enum MinutesHash {
    /// 64 zeros: the "previous" of a meeting's first version.
    public static let genesis = String(repeating: "0", count: 64)

    public static func hex(_ data: Data) -> String { SHA256Hex.of(data) }

    /// The texts of a version as one hash: each item's hash, in item order.
    public static func texts(_ rows: [MinutesTextRecord]) -> String {
        hex(Data(rows.sorted { $0.itemId < $1.itemId }.map { "\($0.itemId):\($0.hash)" }.joined(separator: "\n").utf8))
    }
}

/// The versions of meetings' minutes and the words of their items.
public protocol MinutesRepository {
    /// The meeting's versions, oldest first.
    func versions(meetingId: Int64) throws -> [MinutesVersionRecord]
    /// Every version (or one meeting's), by meeting and version.
    func allVersions(meetingId: Int64?) throws -> [MinutesVersionRecord]
    /// The last approved version of each meeting that starts before `instant`, soonest meeting first.
    func lastApproved(ofMeetingsStartingBefore instant: Date) throws -> [MinutesVersionRecord]
    /// Stores a new version and returns it with its id.
    func insert(_ version: MinutesVersionRecord) throws -> MinutesVersionRecord
    /// Changes a draft (an engine refuses a change to an approved version).
    func update(_ version: MinutesVersionRecord) throws
    /// The words of one version, by item.
    func texts(versionId: Int64) throws -> [MinutesTextRecord]
    /// The words of every version, for the chains' verification.
    func allTexts() throws -> [MinutesTextRecord]
    func insert(_ text: MinutesTextRecord) throws
    /// Removes a draft's words before they are written again.
    func deleteTexts(versionId: Int64) throws
}

/// Plain notices (codes only) into the outbox, beside the iTIP messages.
public protocol NoticeRepository {
    func insert(staffId: Int64, email: String, subject: String, body: String, at: Date) throws
}

/// A resource gap (社会資源の不足) as approved minutes raise it.
public struct GapRecord: Sendable, Equatable {
    public var field: Field
    public var district: String?
    public var description: String
    public var caseCodes: [String]
    public var raisedOn: LocalDate
    public var meetingId: Int64?
    public var minutesVersionId: Int64?

    public init(
        field: Field, district: String?, description: String, caseCodes: [String], raisedOn: LocalDate, meetingId: Int64?,
        minutesVersionId: Int64?
    ) {
        self.field = field
        self.district = district
        self.description = description
        self.caseCodes = caseCodes
        self.raisedOn = raisedOn
        self.meetingId = meetingId
        self.minutesVersionId = minutesVersionId
    }
}

/// What happened to a plan beside its moves (a goal evaluated, a role assigned, the actions
/// that end with it), as approved minutes record it.
public struct PlanEventRecord: Codable, Sendable, Equatable {
    public var id: Int64?
    public var planId: Int64
    public var kind: DecisionKind
    public var on: LocalDate
    public var meetingId: Int64
    public var minutesVersionId: Int64
    public var goal: Int?
    public var rating: GoalRating?
    public var agencyId: Int64?
    public var detail: String?

    public init(
        id: Int64? = nil, planId: Int64, kind: DecisionKind, on: LocalDate, meetingId: Int64, minutesVersionId: Int64, goal: Int?,
        rating: GoalRating?, agencyId: Int64?, detail: String?
    ) {
        self.id = id
        self.planId = planId
        self.kind = kind
        self.on = on
        self.meetingId = meetingId
        self.minutesVersionId = minutesVersionId
        self.goal = goal
        self.rating = rating
        self.agencyId = agencyId
        self.detail = detail
    }
}

/// The words of one item of one version of minutes, as retention finds and erases them.
public struct StoredText: Sendable, Equatable {
    public var meetingId: Int64
    public var versionId: Int64
    public var itemId: Int64
    public var caseCode: String?

    public init(meetingId: Int64, versionId: Int64, itemId: Int64, caseCode: String?) {
        self.meetingId = meetingId
        self.versionId = versionId
        self.itemId = itemId
        self.caseCode = caseCode
    }
}

/// What retention (保存期間) reads and the one change it may make: erasing the personal data
/// of ended cases and the words of minutes, whose hashes stay.
public protocol RetentionRepository {
    /// The day the engine itself says it is (in Japan), which its own checks of an erasure use.
    func engineToday() throws -> LocalDate?
    /// How many words of approved minutes are not erased yet, by meeting, soonest meeting first.
    func unerasedTextCounts() throws -> [(meetingId: Int64, count: Int)]
    /// The words not erased yet that concern the case (any version).
    func unerasedTexts(caseId: Int64) throws -> [StoredText]
    /// The words not erased yet of the meeting's minutes (any version).
    func unerasedTexts(meetingId: Int64) throws -> [StoredText]
    func erasePersonal(memberId: Int64) throws
    func eraseText(versionId: Int64, itemId: Int64, at: Date) throws
}
