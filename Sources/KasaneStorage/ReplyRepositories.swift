import Foundation
import KasaneCore

// What members' answers and their calendars' feeds read and write. What is decided with them
// is the application's (KasaneApp/Invitations).

/// A member's proposal of another time (iTIP COUNTER), for the coordinator to weigh.
public struct CounterProposal: Codable, Sendable, Equatable {
    public var id: Int64
    public var meetingId: Int64
    public var staffId: Int64
    public var proposedStart: Date
    public var proposedEnd: Date
    public var comment: String?
    public var sequence: Int
    public var receivedAt: Date

    public init(
        id: Int64 = 0, meetingId: Int64, staffId: Int64, proposedStart: Date, proposedEnd: Date, comment: String?, sequence: Int,
        receivedAt: Date
    ) {
        self.id = id
        self.meetingId = meetingId
        self.staffId = staffId
        self.proposedStart = proposedStart
        self.proposedEnd = proposedEnd
        self.comment = comment
        self.sequence = sequence
        self.receivedAt = receivedAt
    }
}

/// An attendee as a reply is matched against: who they are and the last answer recorded.
public struct AttendeeReplyState: Sendable, Equatable {
    public var staffId: Int64
    public var email: String
    public var response: AttendeeResponse
    public var replySequence: Int?
    public var replyStamp: Date?

    public init(staffId: Int64, email: String, response: AttendeeResponse, replySequence: Int?, replyStamp: Date?) {
        self.staffId = staffId
        self.email = email
        self.response = response
        self.replySequence = replySequence
        self.replyStamp = replyStamp
    }
}

/// Members' answers to invitations (iTIP REPLY) and their proposals of another time (COUNTER).
public protocol ReplyRepository {
    /// The meeting an invitation's UID names, or nil.
    func meeting(uid: String) throws -> Meeting?
    /// The meeting's attendees with their addresses and last answers.
    func attendees(meetingId: Int64) throws -> [AttendeeReplyState]
    func recordReply(meetingId: Int64, staffId: Int64, response: AttendeeResponse, sequence: Int, stamp: Date, at: Date) throws
    func insert(_ counter: CounterProposal) throws
    /// The meeting's proposals, oldest first.
    func counters(meetingId: Int64) throws -> [CounterProposal]
}

/// What a member's calendar feed reads: its token, its meetings, and what it last showed.
public protocol FeedRepository {
    /// Replaces the staff member's feed token (only its hash is kept).
    func replaceToken(staffId: Int64, hash: String, at: Date) throws
    /// The active staff member whose feed token has this hash.
    func staff(feedTokenHash: String) throws -> Staff?
    /// The meetings a feed shows: those the member attends that were invited (not merely
    /// planned) and end after `instant`, soonest first.
    func meetingIds(feedOf staffId: Int64, endingAfter instant: Date) throws -> [Int64]
    /// The newest change recorded or answer received for these meetings.
    func lastChange(meetingIds: [Int64]) throws -> Date?
    /// A number that changes whenever anything a feed could show changes, for answering a
    /// feed from cache without reading it again.
    func dataVersion() throws -> Int64
    /// What the member's feed showed last (its tag) and since when.
    func shown(staffId: Int64) throws -> (etag: String, changedAt: Date)?
    func saveShown(staffId: Int64, etag: String, changedAt: Date) throws
}
