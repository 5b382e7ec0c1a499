import Foundation
import KasaneCore

// What the meeting funnel reads and writes: a meeting with its agenda and attendees, its
// change record (what invitations must follow), the outbox its invitations go into, and the
// support plans its agenda moves. What is decided with them is the application's
// (KasaneApp/Meetings/MeetingFunnel.swift).

/// A line of a meeting's change record, for the invitations to follow.
public struct MeetingChange: Codable, Sendable, Equatable, Identifiable {
    public enum Kind: String, Codable, Sendable {
        case created, moved, itemAdded, itemRemoved, itemChanged, attendeeAdded, attendeeChanged, attendeeRemoved,
             cancelled, held, consentWithdrawn, minutesApproved

        /// A kind read back from storage; one this build does not know means the data was
        /// changed by something other than Kasane.
        public static func stored(_ text: String) throws -> Kind {
            guard let kind = Kind(rawValue: text) else {
                throw KasaneError.unusableDatabase("データベースに不明な変更の種類「\(text)」があります。")
            }
            return kind
        }
    }

    public var id: Int64?
    public var meetingId: Int64
    public var change: Kind
    /// The attendee concerned, when one is.
    public var staffId: Int64?
    public var detail: String?
    public var sequence: Int
    public var createdAt: Date
    public var deliveredAt: Date?

    public init(
        id: Int64? = nil, meetingId: Int64, change: Kind, staffId: Int64?, detail: String?, sequence: Int, createdAt: Date,
        deliveredAt: Date? = nil
    ) {
        self.id = id
        self.meetingId = meetingId
        self.change = change
        self.staffId = staffId
        self.detail = detail
        self.sequence = sequence
        self.createdAt = createdAt
        self.deliveredAt = deliveredAt
    }
}

/// Meetings, their agendas, attendees and change records.
public protocol MeetingRepository: MeetingReading {
    /// Stores a new meeting (agenda and attendees apart) and returns it with its id.
    func insert(_ meeting: Meeting) throws -> Meeting
    func insert(_ item: AgendaItem) throws -> AgendaItem
    func insert(_ attendee: Attendee) throws -> Attendee
    /// The highest number a meeting of `kind` has in the fiscal year (0 when none).
    func lastNumber(kind: MeetingKind, fiscalYear: Int) throws -> Int
    /// Every meeting's id, soonest first.
    func allIds() throws -> [Int64]
    /// The fiscal year's meetings that were held (their minutes approved or not), by kind and number.
    func heldIds(fiscalYear: Int) throws -> [Int64]
    /// A meeting, not cancelled and not `excluding`, that holds the room at some time
    /// between `start` and `end`, or nil when it is free.
    func holding(roomId: Int64, from start: Date, to end: Date, excluding: Int64?) throws -> Meeting?
    func update(_ meeting: Meeting) throws
    func update(_ item: AgendaItem) throws
    func deleteItem(id: Int64) throws
    func update(_ attendee: Attendee) throws
    func delete(_ attendee: Attendee) throws
    /// Appends a line to the meeting's change record. Never changed but to be marked delivered.
    func record(_ change: MeetingChange) throws
    /// The meeting's change record, oldest first.
    func changes(meetingId: Int64) throws -> [MeetingChange]
    /// The lines of the change record no invitation has followed yet.
    func undeliveredChanges(meetingId: Int64) throws -> [MeetingChange]
    func markChangesDelivered(meetingId: Int64, at: Date) throws
    /// Each attendee's answer to the invitation, for each of these meetings.
    func responses(meetingIds: [Int64]) throws -> [Int64: [Int64: AttendeeResponse]]
    /// The 重層的支援会議 or 支援会議 of `kind`, in `statuses`, starting after `instant`, with the
    /// case on their agenda, by id.
    func meetingIds(withCase caseId: Int64, kind: MeetingKind, statuses: Set<MeetingStatus>, startingAfter instant: Date?) throws -> [Int64]
}

/// A proposal as stored, so that the reasons for every manual change stay on record.
public struct StoredProposal: Codable, Sendable, Equatable {
    public var id: Int64
    public var createdBy: Int64?
    public var createdAt: Date
    public var request: ProposalRequest
    public var proposal: MemberProposal

    public init(id: Int64, createdBy: Int64?, createdAt: Date, request: ProposalRequest, proposal: MemberProposal) {
        self.id = id
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.request = request
        self.proposal = proposal
    }
}

/// Member proposals (構成員の提案) stored by the selection, for a meeting to be made from.
public protocol ProposalRepository {
    /// The proposal as it was recorded, with its request, or nil.
    func stored(id: Int64) throws -> StoredProposal?
    /// Records a proposal with its request; returns it with its id.
    func insert(request: ProposalRequest, proposal: MemberProposal, by staffId: Int64?, at: Date) throws -> StoredProposal
}

/// What a search for a time, a booking and a poll read of everyone's time.
public protocol SchedulingRepository {
    /// The busy intervals of these staff's own uploaded calendars overlapping [from, to), by staff, sorted.
    func uploadedBusy(staffIds: [Int64], from: Date, to: Date) throws -> [Int64: [BusyInterval]]
    /// The times of the Kasane meetings (not cancelled, not `excluding`) these staff attend, overlapping [from, to).
    func meetingTimes(staffIds: [Int64], from: Date, to: Date, excluding: Int64?) throws -> [(staffId: Int64, interval: BusyInterval)]
    /// The rooms held by meetings (not cancelled) overlapping [from, to).
    func roomBookings(from: Date, to: Date) throws -> [(roomId: Int64, interval: BusyInterval)]
    /// The staff whose own calendar Kasane holds.
    func calendarOwners() throws -> Set<Int64>
}

/// The outbox's iTIP messages as the funnel writes them.
public protocol OutboxRepository {
    /// Stores a message waiting for the mail system and returns it with its id.
    func insert(_ message: OutgoingMessage) throws -> OutgoingMessage
    /// Whether any invitation of the meeting was ever sent (from then on changes follow by themselves).
    func hasMessages(meetingId: Int64) throws -> Bool
    /// Every message of the meeting, oldest first.
    func messages(meetingId: Int64) throws -> [OutgoingMessage]
}

/// A version of a case's support plan as stored: its content is the canonical JSON of a `PlanInput`.
public struct PlanRecord: Codable, Sendable, Equatable {
    public var id: Int64?
    public var caseId: Int64
    public var version: Int
    public var state: PlanState
    public var content: String
    public var nextReviewOn: LocalDate
    public var createdBy: Int64?
    public var createdAt: Date
    public var createdOn: LocalDate

    public init(
        id: Int64? = nil, caseId: Int64, version: Int, state: PlanState, content: String, nextReviewOn: LocalDate,
        createdBy: Int64?, createdAt: Date, createdOn: LocalDate
    ) {
        self.id = id
        self.caseId = caseId
        self.version = version
        self.state = state
        self.content = content
        self.nextReviewOn = nextReviewOn
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.createdOn = createdOn
    }

    public func decodedContent() throws -> PlanInput {
        do {
            return try JSONDecoder().decode(PlanInput.self, from: Data(content.utf8))
        } catch {
            throw KasaneError.unusableDatabase("支援プラン（ID \(id ?? 0)）の内容が読めません。")
        }
    }
}

/// One recorded move of a plan's state; a plan's state is only ever one a recorded move leads to.
public struct PlanTransitionRecord: Codable, Sendable, Equatable {
    public var id: Int64?
    public var planId: Int64
    public var fromState: PlanState
    public var toState: PlanState
    public var on: LocalDate
    public var at: Date
    public var meetingId: Int64?
    public var minutesVersionId: Int64?
    public var decision: DecisionKind?
    public var termination: TerminationReason?
    public var agencyId: Int64?
    public var reason: String?
    public var staffId: Int64?

    public init(
        id: Int64? = nil, planId: Int64, fromState: PlanState, toState: PlanState, on: LocalDate, at: Date, meetingId: Int64?,
        minutesVersionId: Int64?, decision: DecisionKind?, termination: TerminationReason?, agencyId: Int64?, reason: String?,
        staffId: Int64?
    ) {
        self.id = id
        self.planId = planId
        self.fromState = fromState
        self.toState = toState
        self.on = on
        self.at = at
        self.meetingId = meetingId
        self.minutesVersionId = minutesVersionId
        self.decision = decision
        self.termination = termination
        self.agencyId = agencyId
        self.reason = reason
        self.staffId = staffId
    }
}

/// Support plans as the meeting funnel moves them.
public protocol PlanRepository {
    func plan(id: Int64) throws -> PlanRecord?
    /// Every version of the case's plan, newest first.
    func plans(caseId: Int64) throws -> [PlanRecord]
    /// Stores a new version and returns it with its id.
    func insert(_ plan: PlanRecord) throws -> PlanRecord
    /// The plan's moves, oldest first.
    func transitions(planId: Int64) throws -> [PlanTransitionRecord]
    /// What happened to the plan beside its moves, oldest first.
    func events(planId: Int64) throws -> [PlanEventRecord]
    func insert(_ event: PlanEventRecord) throws
    /// The version number of each minutes version, by its id, for a plan's history.
    func minutesVersionNumbers(ids: Set<Int64>) throws -> [Int64: Int]
    /// The case's latest version, or nil when it has no plan.
    func latestPlan(caseId: Int64) throws -> PlanRecord?
    /// Records a move; the plan's new state is written after it (`update`), which an engine
    /// may refuse unless a recorded move leads to it.
    func insert(_ transition: PlanTransitionRecord) throws
    func update(_ plan: PlanRecord) throws
    /// The latest move of each plan the meeting moved before any minutes decided it.
    func movesPending(meetingId: Int64) throws -> [PlanTransitionRecord]
}
