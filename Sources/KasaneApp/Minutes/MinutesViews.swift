import Foundation
import KasaneCore
import KasaneStorage

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

    public init(_ row: MinutesVersionRecord) {
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
