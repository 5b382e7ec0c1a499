import Foundation
import KasaneCore

// What a poll (日程調整) and a standing series (定例) read and write. What is decided with
// them is the application's (KasaneApp/Scheduling).

/// A poll as stored.
public struct PollRecord: Sendable, Equatable {
    public var id: Int64
    public var kind: MeetingKind
    public var status: PollStatus
    public var closesOn: LocalDate?
    public var note: String?
    public var proposalId: Int64?
    public var meetingId: Int64?

    public init(
        id: Int64, kind: MeetingKind, status: PollStatus, closesOn: LocalDate?, note: String?, proposalId: Int64?, meetingId: Int64?
    ) {
        self.id = id
        self.kind = kind
        self.status = status
        self.closesOn = closesOn
        self.note = note
        self.proposalId = proposalId
        self.meetingId = meetingId
    }
}

/// One answer of one person for one of a poll's slots.
public struct PollAnswerRecord: Sendable, Equatable {
    public var slotId: Int64
    public var staffId: Int64
    public var answer: PollAnswer

    public init(slotId: Int64, staffId: Int64, answer: PollAnswer) {
        self.slotId = slotId
        self.staffId = staffId
        self.answer = answer
    }
}

public protocol PollRepository {
    /// Stores a new open poll and returns its id.
    func insert(kind: MeetingKind, closesOn: LocalDate?, note: String?, proposalId: Int64?, createdBy: Int64?, at: Date) throws -> Int64
    func insertSlot(pollId: Int64, from start: Date, to end: Date) throws
    func insertParticipant(pollId: Int64, staffId: Int64, required: Bool) throws
    func poll(id: Int64) throws -> PollRecord?
    /// Every poll's id, newest first; or, with `participant`, those that person is asked in.
    func ids(participant: Int64?) throws -> [Int64]
    /// The poll's slots, soonest first.
    func slots(pollId: Int64) throws -> [(id: Int64, interval: BusyInterval)]
    /// Who is asked, required first, then by staff id.
    func participants(pollId: Int64) throws -> [(staffId: Int64, required: Bool)]
    func answers(pollId: Int64) throws -> [PollAnswerRecord]
    /// Records (or replaces) one person's answer for a slot.
    func save(_ answer: PollAnswerRecord, at: Date) throws
    func setStatus(pollId: Int64, _ status: PollStatus, meetingId: Int64?) throws
}

/// A standing series as stored: its rule is the canonical JSON of a `SeriesInput`.
public struct SeriesRecord: Sendable, Equatable {
    public var id: Int64
    public var kind: MeetingKind
    public var rule: String
    public var cancelledAt: Date?

    public init(id: Int64, kind: MeetingKind, rule: String, cancelledAt: Date?) {
        self.id = id
        self.kind = kind
        self.rule = rule
        self.cancelledAt = cancelledAt
    }
}

public protocol SeriesRepository {
    /// Stores a new series and returns its id.
    func insert(kind: MeetingKind, rule: String, createdBy: Int64?, at: Date) throws -> Int64
    func series(id: Int64) throws -> SeriesRecord?
    /// Makes a meeting one of the series'.
    func add(meetingId: Int64, to seriesId: Int64) throws
    /// The series' meetings.
    func meetings(seriesId: Int64) throws -> [Meeting]
    func cancel(id: Int64, at: Date) throws
}
