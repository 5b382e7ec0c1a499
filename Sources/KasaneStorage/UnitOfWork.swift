import Foundation
import KasaneCore

// A unit of work is one transaction of the engine, handed to the application as a set of
// repositories: what the body reads sees what it wrote, and it commits whole or not at all.
// The body is synchronous (it runs on the engine's writer, never across a suspension), so
// a rule checked in it still holds when it commits.

/// One transaction: the repositories of the aggregates the application has moved here.
public protocol UnitOfWork {
    var audit: any AuditRepository { get }
    var directory: any DirectoryRepository { get }
    var staff: any StaffRepository { get }
    var rooms: any RoomRepository { get }
    var settings: any SettingsRepository { get }
    var tokens: any TokenRepository { get }
    var figures: any FiguresRepository { get }
    var followUp: any FollowUpRepository { get }
    var cases: any CaseRepository { get }
    var household: any HouseholdRepository { get }
    var consents: any ConsentRepository { get }
    var meetings: any MeetingRepository { get }
    var outbox: any OutboxRepository { get }
    var proposals: any ProposalRepository { get }
    var scheduling: any SchedulingRepository { get }
    var polls: any PollRepository { get }
    var series: any SeriesRepository { get }
    var replies: any ReplyRepository { get }
    var feeds: any FeedRepository { get }
    var minutes: any MinutesRepository { get }
    var notices: any NoticeRepository { get }
    var retention: any RetentionRepository { get }
    var signIn: any SignInRepository { get }
    var plans: any PlanRepository { get }
}

/// A storage that runs units of work.
public protocol TransactionalStorage: Clocked {
    /// Runs `body` in a read transaction: one consistent view, nothing written.
    func read<T: Sendable>(_ body: @escaping @Sendable (any UnitOfWork) throws -> T) async throws -> T
    /// Runs `body` in a write transaction, committed when it returns and rolled back when it throws.
    func write<T: Sendable>(_ body: @escaping @Sendable (any UnitOfWork) throws -> T) async throws -> T
}

/// What an audited operation learns as it runs, to be written with its log line.
public final class AuditNote: @unchecked Sendable {
    public var target: String
    public var caseCode: String?
    public var meetingId: Int64?
    public var detail: String?
    /// The real reason of a refusal whose answer says less (so as not to reveal what
    /// exists); logged instead of the answer.
    public var refusal: String?
    /// The instant of the change, read once from the application's clock: every row the
    /// change writes and every rule it applies takes this time.
    public let at: Date

    public init(target: String, at: Date) {
        self.target = target
        self.at = at
    }
}

/// The audit log as the application writes it.
public protocol AuditRepository {
    /// Appends one line, chained to the line before it, inside this unit of work (so two
    /// lines never take the same place in the chain).
    func append(_ actor: Actor, _ action: String, _ note: AuditNote, allowed: Bool) throws
    /// Lines that match, newest first, at most `filter.limit` (bounded to 1…100,000).
    func entries(_ filter: AuditFilter) throws -> [AuditEntry]
    /// Every line in the order of its ids, one at a time (the log may be long).
    func walk(_ visit: (AuditEntry) throws -> Void) throws
    /// The hash stored for line `id`, or nil when there is no such line.
    func storedHash(line id: Int64) throws -> String?
    /// The last line now.
    func head() throws -> ChainHead?
}

/// The directory: agencies, the city's fields (分野) and districts.
public protocol DirectoryRepository {
    func agencies() throws -> [Agency]
    func agency(id: Int64) throws -> Agency?
    func agency(code: String) throws -> Agency?
    /// Stores a new agency and returns it with its id.
    func insert(_ agency: Agency) throws -> Agency
    func update(_ agency: Agency) throws
    /// Makes `staffId` (or no one) the agency's default contact.
    func setDefaultContact(agencyId: Int64, staffId: Int64?) throws
    /// No agency has `staffId` as its default contact any more.
    func releaseDefaultContact(staffId: Int64) throws
    /// The fields in their order.
    func fields() throws -> [Field]
    /// Adds a field after the last one.
    func append(_ field: Field) throws
    func districts() throws -> [District]
    func insert(_ district: District) throws
}

/// Staff, their confidentiality pledges, and the role grants waiting for a second person.
public protocol StaffRepository {
    /// Every staff member (of one agency when given), by id.
    func staff(agencyId: Int64?) throws -> [Staff]
    func staff(id: Int64) throws -> Staff?
    /// The staff member with this address, compared without regard to case.
    func staff(email: String) throws -> Staff?
    /// Stores a new staff member and returns them with their id.
    func insert(_ staff: Staff) throws -> Staff
    func update(_ staff: Staff) throws
    /// Pledges (of one member when given), by member, day and id.
    func pledges(staffId: Int64?) throws -> [Pledge]
    func insert(_ pledge: Pledge) throws -> Pledge
    /// Role grants (with this status when given), newest first.
    func roleGrants(status: RoleGrant.Status?) throws -> [RoleGrant]
    func roleGrant(id: Int64) throws -> RoleGrant?
    /// Stores a new request and returns it with its id.
    func insert(_ grant: RoleGrant) throws -> RoleGrant
    func update(_ grant: RoleGrant) throws
}

/// The city's settings, one document.
public protocol SettingsRepository {
    /// The settings stored, or the defaults when none are.
    func settings() throws -> MunicipalitySettings
    /// Replaces the stored settings.
    func save(_ settings: MunicipalitySettings) throws
}

/// API tokens, kept as hashes (`Secret`).
public protocol TokenRepository {
    /// Stores a new token and returns it with its id.
    func insert(_ token: APIToken) throws -> APIToken
    /// Tokens (of one member when given), by id.
    func tokens(staffId: Int64?) throws -> [APIToken]
    func token(id: Int64) throws -> APIToken?
    func update(_ token: APIToken) throws
    /// The active staff member whose token, not revoked, has this hash.
    func activeStaff(tokenHash: String) throws -> Staff?
}

/// The counts the year's figures are made of, straight from the records.
public protocol FiguresRepository {
    /// Each counted figure of the fiscal year `fiscalYear`, running from `from` to `to` (both
    /// included): meetings held, cases discussed, referrals, plans made, approved, evaluated,
    /// terminated, suspended, gaps raised and resolved.
    func counts(fiscalYear: Int, from: LocalDate, to: LocalDate) throws -> [Figure: Double]
    /// For each case whose plan was first approved between `from` and `to`: the days from its
    /// referral (受付日) to that approval.
    func daysToFirstApproval(from: LocalDate, to: LocalDate) throws -> [Int]
    /// Terminations between `from` and `to` by reason.
    func terminationsByReason(from: LocalDate, to: LocalDate) throws -> [TerminationReason: Int]
}

/// What the coordinator and the secretariat follow: plans whose review comes due, the
/// meetings they could go to, and the resource gaps (社会資源の不足) raised in minutes.
public protocol FollowUpRepository {
    /// The latest version of each case's plan, in progress, whose next review is on or before
    /// `day`, soonest first.
    func reviewsDue(onOrBefore day: LocalDate) throws -> [ReviewDue]
    /// 重層的支援会議 planned or invited that start after `instant`, soonest first, with the
    /// minutes their agenda already takes.
    func upcomingMultiLayered(after instant: Date) throws -> [(meeting: Meeting, usedMinutes: Int)]
    /// Gaps (with this status, field or district when given), newest first.
    func gaps(status: GapStatus?, field: Field?, district: String?) throws -> [ResourceGap]
    func gap(id: Int64) throws -> ResourceGap?
    /// Records how a gap has moved on.
    func updateGap(id: Int64, status: GapStatus, passedTo: String?, resolvedOn: LocalDate?) throws
    /// Records a gap approved minutes raise; it starts open.
    func raise(_ gap: GapRecord) throws
}

/// Meeting rooms.
public protocol RoomRepository {
    /// Every room, by name.
    func rooms() throws -> [Room]
    func room(id: Int64) throws -> Room?
    func room(named name: String) throws -> Room?
    /// Stores a new room and returns it with its id.
    func insert(_ room: Room) throws -> Room
    func update(_ room: Room) throws
}

extension TransactionalStorage {
    /// Runs `body` as one unit of work and logs it: an allowed line in the same unit (so a
    /// change and its trace stand or fall together), or, when the body refuses, a refused line
    /// in a unit of its own. The instant of the change is read once, here, into `note.at`.
    public func audited<T: Sendable>(
        _ actor: Actor, _ action: String, target: String,
        _ body: @escaping @Sendable (any UnitOfWork, AuditNote) throws -> T
    ) async throws -> T {
        let note = AuditNote(target: target, at: clock.now())
        do {
            return try await write { work in
                let result = try body(work, note)
                try work.audit.append(actor, action, note, allowed: true)
                return result
            }
        } catch let error as KasaneError {
            note.detail = note.refusal ?? error.message
            try await write { work in try work.audit.append(actor, action, note, allowed: false) }
            throw error
        }
    }
}
