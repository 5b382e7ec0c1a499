import Foundation
import KasaneCore

/// What Kasane holds of one member's own calendar.
public struct BusySummary: Codable, Sendable, Equatable {
    public var staffId: Int64
    /// When the last calendar was read; nil when none was ever uploaded.
    public var importedAt: Date?
    public var windowStart: Date?
    public var windowEnd: Date?
    public var intervals: Int
    public var events: Int
    public var truncatedRules: Int
    /// Things the member should know: the window runs short, a rule was cut.
    public var notices: [String]

    public init(
        staffId: Int64, importedAt: Date?, windowStart: Date?, windowEnd: Date?, intervals: Int, events: Int, truncatedRules: Int,
        notices: [String]
    ) {
        self.staffId = staffId
        self.importedAt = importedAt
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.intervals = intervals
        self.events = events
        self.truncatedRules = truncatedRules
        self.notices = notices
    }
}

/// A parsed upload, ready to store: intervals only.
public struct BusyUpload: Sendable, Equatable {
    public var intervals: [BusyInterval]
    public var windowStart: Date
    public var windowEnd: Date
    public var events: Int
    public var truncatedRules: Int

    public init(intervals: [BusyInterval], windowStart: Date, windowEnd: Date, events: Int, truncatedRules: Int) {
        self.intervals = intervals
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.events = events
        self.truncatedRules = truncatedRules
    }
}

/// A plain notice waiting in the outbox (codes only).
public struct OutgoingNotice: Sendable, Equatable {
    public var id: Int64
    public var email: String
    public var subject: String
    public var body: String
    public var createdAt: Date

    public init(id: Int64, email: String, subject: String, body: String, createdAt: Date) {
        self.id = id
        self.email = email
        self.subject = subject
        self.body = body
        self.createdAt = createdAt
    }
}

/// An API token as stored: only its SHA-256 hash is kept.
public struct APIToken: Codable, Sendable, Equatable {
    public var id: Int64?
    public var staffId: Int64
    public var tokenHash: String
    public var label: String
    public var createdAt: Date
    public var revokedAt: Date?

    public init(id: Int64?, staffId: Int64, tokenHash: String, label: String, createdAt: Date, revokedAt: Date?) {
        self.id = id
        self.staffId = staffId
        self.tokenHash = tokenHash
        self.label = label
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}

/// A plan whose review comes due, as the follow-up reads it.
public struct ReviewDue: Sendable, Equatable {
    public var planId: Int64
    public var caseId: Int64
    public var caseCode: String
    public var state: PlanState
    public var nextReviewOn: LocalDate

    public init(planId: Int64, caseId: Int64, caseCode: String, state: PlanState, nextReviewOn: LocalDate) {
        self.planId = planId
        self.caseId = caseId
        self.caseCode = caseCode
        self.state = state
        self.nextReviewOn = nextReviewOn
    }
}
