import Foundation
import GRDB
import KasaneCore
import KasaneStorage

/// One stored version of a meeting's minutes. Once approved the database refuses
/// any change to it.
struct MinutesVersionRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "minutesVersion"
    var id: Int64?
    var meetingId: Int64
    var version: Int
    var record: String
    var recordHash: String
    var textsHash: String
    var previousHash: String
    var versionHash: String?
    var reason: String?
    var authorId: Int64
    var createdAt: Date
    var returnedComment: String?
    var approvedBy: Int64?
    var approvedAt: Date?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var isApproved: Bool { approvedAt != nil }

    func decodedRecord() throws -> MinutesRecord {
        do {
            return try JSONDecoder().decode(MinutesRecord.self, from: Data(record.utf8))
        } catch {
            throw KasaneError.unusableDatabase("議事録（会議ID \(meetingId) 第\(version)版）の記録が読めません。")
        }
    }

    /// The hash that links the next version to this one: it covers the version's
    /// number, both content hashes, the previous link, and who wrote and approved it.
    func computedVersionHash() -> String {
        let approved = approvedAt.map { ISO8601DateFormatter().string(from: $0) } ?? ""
        let lines = [
            "kasane-minutes-v1", String(meetingId), String(version), recordHash, textsHash, previousHash, reason ?? "",
            String(authorId), approvedBy.map(String.init) ?? "", approved,
        ]
        return MinutesHash.hex(Data(lines.joined(separator: "\n").utf8))
    }
}

/// The words of one item of one version; `body` is nil once erased, `hash` stays.
struct MinutesTextRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "minutesText"
    var versionId: Int64
    var itemId: Int64
    var caseId: Int64?
    var body: String?
    var hash: String
    var erasedAt: Date?

    func decodedBody() -> MinutesItemText? {
        body.flatMap { try? JSONDecoder().decode(MinutesItemText.self, from: Data($0.utf8)) }
    }
}

enum MinutesHash {
    /// 64 zeros: the "previous" of a meeting's first version.
    static let genesis = String(repeating: "0", count: 64)

    static func hex(_ data: Data) -> String { SHA256Hex.of(data) }

    /// The texts of a version as one hash: each item's hash, in item order.
    static func texts(_ rows: [MinutesTextRow]) -> String {
        hex(Data(rows.sorted { $0.itemId < $1.itemId }.map { "\($0.itemId):\($0.hash)" }.joined(separator: "\n").utf8))
    }
}

/// A minutes version as the API shows it.
public struct MinutesVersionInfo: Codable, Sendable, Equatable {
    public var version: Int
    public var state: MinutesState
    public var stateName: String
    public var reason: String?
    public var authorId: Int64
    public var createdAt: Date
    public var returnedComment: String?
    public var approvedBy: Int64?
    public var approvedAt: Date?
    public var recordHash: String
    public var textsHash: String
    public var previousHash: String
    public var versionHash: String?

    init(_ row: MinutesVersionRow) {
        version = row.version
        state = row.isApproved ? .approved : .draft
        stateName = state.japaneseName
        reason = row.reason
        authorId = row.authorId
        createdAt = row.createdAt
        returnedComment = row.returnedComment
        approvedBy = row.approvedBy
        approvedAt = row.approvedAt
        recordHash = row.recordHash
        textsHash = row.textsHash
        previousHash = row.previousHash
        versionHash = row.versionHash
    }
}

/// A meeting's minutes as one reader may read them.
public struct MinutesView: Codable, Sendable, Equatable {
    public var meetingId: Int64
    public var title: String
    public var status: MeetingStatus
    public var version: MinutesVersionInfo
    public var items: [MinutesItem]
    /// Every version, oldest first; earlier versions stay readable.
    public var versions: [MinutesVersionInfo]
}

/// What `verify` found for one meeting's chain.
public struct MinutesChainReport: Codable, Sendable, Equatable {
    public var meetingId: Int64
    public var versions: Int
    public var head: String?
    public var problems: [String]
    public let ok: Bool

    init(meetingId: Int64, versions: Int, head: String?, problems: [String]) {
        self.meetingId = meetingId
        self.versions = versions
        self.head = head
        self.problems = problems
        ok = problems.isEmpty
    }
}
