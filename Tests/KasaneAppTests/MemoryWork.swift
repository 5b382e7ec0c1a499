import Foundation
import KasaneCore
import KasaneSQLite
import KasaneStorage

/// A storage of units of work kept in memory: each unit works on a copy of the whole state,
/// which replaces the state when the body returns and is dropped when it throws, so a
/// refused change leaves nothing behind, as in an engine's transaction. The application's
/// directory and rooms run on it with no database at all.
final class MemoryWorkStorage: SignInStorage, @unchecked Sendable {
    struct State {
        var agencies: [Agency] = []
        var staff: [Staff] = []
        var pledges: [Pledge] = []
        var grants: [RoleGrant] = []
        var fields: [Field] = Field.standard
        var districts: [District] = []
        var rooms: [Room] = []
        var settings = MunicipalitySettings()
        var tokens: [APIToken] = []
        var audit: [AuditEntry] = []
        var cases: [SupportCase] = []
        var referrals: [(caseId: Int64, day: LocalDate, agencyId: Int64?, reopening: Bool)] = []
        var assignments: [CaseAssignment] = []
        var household: [HouseholdMember] = []
        var personal: [HouseholdMemberPersonal] = []
        /// Meetings are only read and changed here; a test puts them in.
        var consents: [Consent] = []
        var meetings: [LoadedMeeting] = []
        var changes: [MeetingChange] = []
        var messages: [OutgoingMessage] = []
        var responses: [Int64: [Int64: AttendeeResponse]] = [:]
        var replyMarks: [Int64: [Int64: (sequence: Int, stamp: Date, at: Date)]] = [:]
        var counters: [CounterProposal] = []
        var feedTokens: [Int64: String] = [:]
        var feedShown: [Int64: (etag: String, changedAt: Date)] = [:]
        var version: Int64 = 0
        var minutesVersions: [MinutesVersionRecord] = []
        var proposals: [StoredProposal] = []
        var links: [String: (staffId: Int64, expiresAt: Date, usedAt: Date?)] = [:]
        var passwords: [Int64: String] = [:]
        var attempts: [(email: String, client: String, at: Date, succeeded: Bool)] = []
        var sessions: [String: (record: SessionRecord, endedAt: Date?)] = [:]
        var totps: [Int64: (secret: String, confirmed: Bool, lastStep: Int64?)] = [:]
        var recoveryCodes: [Int64: [String: Date?]] = [:]
        var polls: [PollRecord] = []
        var pollSlots: [(pollId: Int64, id: Int64, interval: BusyInterval)] = []
        var pollParticipants: [(pollId: Int64, staffId: Int64, required: Bool)] = []
        var pollAnswers: [PollAnswerRecord] = []
        var seriesRecords: [SeriesRecord] = []
        var seriesOf: [Int64: Int64] = [:]
        var minutesTexts: [MinutesTextRecord] = []
        var notices: [OutgoingNotice] = []
        var events: [PlanEventRecord] = []
        var gaps: [GapRecord] = []
        var plans: [PlanRecord] = []
        var transitions: [PlanTransitionRecord] = []
        var nextId: Int64 = 1
    }

    let clock: any WallClock
    private let lock = NSLock()
    private var state = State()

    init(clock: any WallClock) { self.clock = clock }

    /// The engine's own credentials: the memory engine stores differently, it hashes the same.
    var credentials: any Credentials { StandardCredentials() }

    var audit: [AuditEntry] { lock.withLock { state.audit } }

    func read<T: Sendable>(_ body: @escaping @Sendable (any UnitOfWork) throws -> T) async throws -> T {
        let work = MemoryWork(lock.withLock { state })
        return try body(work)
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any UnitOfWork) throws -> T) async throws -> T {
        // One writer at a time, as in SQLite: the lock is held across the body.
        try lock.withLock {
            let work = MemoryWork(state)
            let result = try body(work)
            state = work.state
            state.version += 1
            return result
        }
    }
}

final class MemoryWork: UnitOfWork, AuditRepository, DirectoryRepository {
    var state: MemoryWorkStorage.State
    init(_ state: MemoryWorkStorage.State) { self.state = state }

    var audit: any AuditRepository { self }
    var directory: any DirectoryRepository { self }
    var rooms: any RoomRepository { MemoryRooms(work: self) }
    var staff: any StaffRepository { MemoryStaff(work: self) }
    var settings: any SettingsRepository { MemorySettings(work: self) }
    var tokens: any TokenRepository { MemoryTokens(work: self) }
    var figures: any FiguresRepository { MemoryFigures() }
    var followUp: any FollowUpRepository { MemoryFollowUp() }
    var cases: any CaseRepository { MemoryCases(work: self) }
    var household: any HouseholdRepository { MemoryHousehold(work: self) }
    var consents: any ConsentRepository { MemoryConsents(work: self) }
    var meetings: any MeetingRepository { MemoryMeetings(work: self) }
    var outbox: any OutboxRepository { MemoryOutbox(work: self) }
    var proposals: any ProposalRepository { MemoryProposals(work: self) }
    var scheduling: any SchedulingRepository { MemoryScheduling(work: self) }
    var polls: any PollRepository { MemoryPolls(work: self) }
    var series: any SeriesRepository { MemorySeries(work: self) }
    var replies: any ReplyRepository { MemoryReplies(work: self) }
    var feeds: any FeedRepository { MemoryFeeds(work: self) }
    var minutes: any MinutesRepository { MemoryMinutes(work: self) }
    var notices: any NoticeRepository { MemoryNotices(work: self) }
    var retention: any RetentionRepository { MemoryRetention(work: self) }
    var signIn: any SignInRepository { MemorySignIn(work: self) }
    var plans: any PlanRepository { MemoryPlans(work: self) }

    func nextId() -> Int64 {
        defer { state.nextId += 1 }
        return state.nextId
    }

    func append(_ actor: Actor, _ action: String, _ note: AuditNote, allowed: Bool) throws {
        var entry = AuditEntry(
            id: Int64(state.audit.count + 1), at: note.at, staffId: actor.staffId, origin: actor.origin, action: action,
            target: note.target, caseCode: note.caseCode, meetingId: note.meetingId, allowed: allowed, detail: note.detail,
            previousHash: state.audit.last?.hash ?? AuditChain.genesis)
        entry.hash = entry.computedHash()
        state.audit.append(entry)
    }
    func entries(_ filter: AuditFilter) throws -> [AuditEntry] {
        Array(state.audit.reversed().filter { e in
            (filter.staffId == nil || e.staffId == filter.staffId) && (filter.caseCode == nil || e.caseCode == filter.caseCode)
                && (filter.action.map { e.action == $0 || e.action.hasPrefix($0 + ".") } ?? true) && (!filter.refusalsOnly || !e.allowed)
        }.prefix(max(1, min(filter.limit, 100_000))))
    }
    func walk(_ visit: (AuditEntry) throws -> Void) throws { for e in state.audit { try visit(e) } }
    func storedHash(line id: Int64) throws -> String? { state.audit.first { $0.id == id }?.hash }
    func head() throws -> ChainHead? { state.audit.last.map { ChainHead(id: $0.id ?? 0, hash: $0.hash ?? "") } }

    func agencies() throws -> [Agency] { state.agencies }
    func agency(id: Int64) throws -> Agency? { state.agencies.first { $0.id == id } }
    func agency(code: String) throws -> Agency? { state.agencies.first { $0.code == code } }
    func insert(_ agency: Agency) throws -> Agency {
        var a = agency
        a.id = nextId()
        state.agencies.append(a)
        return a
    }
    func update(_ agency: Agency) throws {
        guard let i = state.agencies.firstIndex(where: { $0.id == agency.id }) else { return }
        state.agencies[i] = agency
    }
    func setDefaultContact(agencyId: Int64, staffId: Int64?) throws {
        for i in state.agencies.indices where state.agencies[i].id == agencyId { state.agencies[i].defaultContactId = staffId }
    }
    func releaseDefaultContact(staffId: Int64) throws {
        for i in state.agencies.indices where state.agencies[i].defaultContactId == staffId { state.agencies[i].defaultContactId = nil }
    }
    func fields() throws -> [Field] { state.fields }
    func append(_ field: Field) throws { state.fields.append(field) }
    func districts() throws -> [District] { state.districts.sorted { $0.code < $1.code } }
    func insert(_ district: District) throws { state.districts.append(district) }
}

/// The rooms of a memory unit of work.
struct MemoryRooms: RoomRepository {
    let work: MemoryWork

    func rooms() throws -> [Room] { work.state.rooms.sorted { $0.name < $1.name } }
    func room(id: Int64) throws -> Room? { work.state.rooms.first { $0.id == id } }
    func room(named name: String) throws -> Room? { work.state.rooms.first { $0.name == name } }
    func insert(_ room: Room) throws -> Room {
        var r = room
        r.id = work.nextId()
        work.state.rooms.append(r)
        return r
    }
    func update(_ room: Room) throws {
        guard let i = work.state.rooms.firstIndex(where: { $0.id == room.id }) else { return }
        work.state.rooms[i] = room
    }
}

/// The staff, pledges and role grants of a memory unit of work.
struct MemoryStaff: StaffRepository {
    let work: MemoryWork

    func staff(agencyId: Int64?) throws -> [Staff] { work.state.staff.filter { agencyId == nil || $0.agencyId == agencyId } }
    func staff(id: Int64) throws -> Staff? { work.state.staff.first { $0.id == id } }
    func staff(email: String) throws -> Staff? { work.state.staff.first { $0.email.lowercased() == email.lowercased() } }
    func insert(_ staff: Staff) throws -> Staff {
        var s = staff
        s.id = work.nextId()
        work.state.staff.append(s)
        return s
    }
    func update(_ staff: Staff) throws {
        guard let i = work.state.staff.firstIndex(where: { $0.id == staff.id }) else { return }
        work.state.staff[i] = staff
    }
    func pledges(staffId: Int64?) throws -> [Pledge] { work.state.pledges.filter { staffId == nil || $0.staffId == staffId } }
    func insert(_ pledge: Pledge) throws -> Pledge {
        var p = pledge
        p.id = work.nextId()
        work.state.pledges.append(p)
        return p
    }
    func roleGrants(status: RoleGrant.Status?) throws -> [RoleGrant] {
        work.state.grants.filter { status == nil || $0.status == status }.reversed()
    }
    func roleGrant(id: Int64) throws -> RoleGrant? { work.state.grants.first { $0.id == id } }
    func insert(_ grant: RoleGrant) throws -> RoleGrant {
        var g = grant
        g.id = work.nextId()
        work.state.grants.append(g)
        return g
    }
    func update(_ grant: RoleGrant) throws {
        guard let i = work.state.grants.firstIndex(where: { $0.id == grant.id }) else { return }
        work.state.grants[i] = grant
    }
}

struct MemorySettings: SettingsRepository {
    let work: MemoryWork
    func settings() throws -> MunicipalitySettings { work.state.settings }
    func save(_ settings: MunicipalitySettings) throws { work.state.settings = settings }
}

struct MemoryTokens: TokenRepository {
    let work: MemoryWork
    func insert(_ token: APIToken) throws -> APIToken {
        var t = token
        t.id = work.nextId()
        work.state.tokens.append(t)
        return t
    }
    func tokens(staffId: Int64?) throws -> [APIToken] { work.state.tokens.filter { staffId == nil || $0.staffId == staffId } }
    func token(id: Int64) throws -> APIToken? { work.state.tokens.first { $0.id == id } }
    func update(_ token: APIToken) throws {
        guard let i = work.state.tokens.firstIndex(where: { $0.id == token.id }) else { return }
        work.state.tokens[i] = token
    }
    func activeStaff(tokenHash: String) throws -> Staff? {
        guard let t = work.state.tokens.first(where: { $0.tokenHash == tokenHash && $0.revokedAt == nil }) else { return nil }
        return work.state.staff.first { $0.id == t.staffId && $0.active }
    }
}

/// The memory engine holds no meetings or plans: every count is nought.
struct MemoryFigures: FiguresRepository {
    func counts(fiscalYear: Int, from: LocalDate, to: LocalDate) throws -> [Figure: Double] { [:] }
    func daysToFirstApproval(from: LocalDate, to: LocalDate) throws -> [Int] { [] }
    func terminationsByReason(from: LocalDate, to: LocalDate) throws -> [TerminationReason: Int] { [:] }
}

/// The memory engine holds no plans, meetings or gaps.
struct MemoryFollowUp: FollowUpRepository {
    func reviewsDue(onOrBefore day: LocalDate) throws -> [ReviewDue] { [] }
    func upcomingMultiLayered(after instant: Date) throws -> [(meeting: Meeting, usedMinutes: Int)] { [] }
    func gaps(status: GapStatus?, field: Field?, district: String?) throws -> [ResourceGap] { [] }
    func gap(id: Int64) throws -> ResourceGap? { nil }
    func updateGap(id: Int64, status: GapStatus, passedTo: String?, resolvedOn: LocalDate?) throws {}
    func raise(_ gap: GapRecord) throws {}
}

/// Cases, their referrals and assignments in a memory unit of work.
struct MemoryCases: CaseRepository {
    let work: MemoryWork

    func supportCase(id: Int64) throws -> SupportCase? { work.state.cases.first { $0.id == id } }
    func supportCase(code: String) throws -> SupportCase? { work.state.cases.first { $0.code == code } }
    func codes(caseIds: [Int64]) throws -> [Int64: String] {
        Dictionary(uniqueKeysWithValues: work.state.cases.filter { caseIds.contains($0.id ?? -1) }.map { ($0.id ?? 0, $0.code) })
    }
    func cases() throws -> [SupportCase] {
        work.state.cases.sorted { $0.fiscalYear != $1.fiscalYear ? $0.fiscalYear > $1.fiscalYear : $0.code < $1.code }
    }
    func count(fiscalYear: Int) throws -> Int { work.state.cases.filter { $0.fiscalYear == fiscalYear }.count }
    func insert(_ supportCase: SupportCase) throws -> SupportCase {
        var c = supportCase
        c.id = work.nextId()
        work.state.cases.append(c)
        return c
    }
    func update(_ supportCase: SupportCase) throws {
        guard let i = work.state.cases.firstIndex(where: { $0.id == supportCase.id }) else { return }
        work.state.cases[i] = supportCase
    }
    func recordReferral(caseId: Int64, on day: LocalDate, agencyId: Int64?, reopening: Bool, at: Date) throws {
        work.state.referrals.append((caseId, day, agencyId, reopening))
    }
    func assignments(caseId: Int64) throws -> [CaseAssignment] {
        work.state.assignments.filter { $0.caseId == caseId }.sorted { $0.agencyId < $1.agencyId }
    }
    func assign(_ assignment: CaseAssignment) throws {
        work.state.assignments.removeAll { $0.caseId == assignment.caseId && $0.agencyId == assignment.agencyId }
        work.state.assignments.append(assignment)
    }
}

/// A household in a memory unit of work, its personal data kept in a list of its own.
struct MemoryHousehold: HouseholdRepository {
    let work: MemoryWork

    func members(caseId: Int64) throws -> [HouseholdMember] { work.state.household.filter { $0.caseId == caseId } }
    func member(id: Int64) throws -> HouseholdMember? { work.state.household.first { $0.id == id } }
    func personal(caseId: Int64, excluding: Int64?) throws -> [HouseholdMemberPersonal] {
        let ids = Set(work.state.household.filter { $0.caseId == caseId && $0.id != excluding }.compactMap(\.id))
        return work.state.personal.filter { ids.contains($0.memberId) }
    }
    func personal(memberId: Int64) throws -> HouseholdMemberPersonal? { work.state.personal.first { $0.memberId == memberId } }
    func everyPersonal() throws -> [HouseholdMemberPersonal] { work.state.personal }
    func insert(_ member: HouseholdMember, _ personal: HouseholdMemberPersonal) throws -> HouseholdMember {
        var m = member, p = personal
        m.id = work.nextId()
        p.memberId = m.id ?? 0
        work.state.household.append(m)
        work.state.personal.append(p)
        return m
    }
    func update(_ member: HouseholdMember, _ personal: HouseholdMemberPersonal) throws {
        guard let i = work.state.household.firstIndex(where: { $0.id == member.id }) else { return }
        work.state.household[i] = member
        work.state.personal.removeAll { $0.memberId == personal.memberId }
        work.state.personal.append(personal)
    }
}

struct MemoryConsents: ConsentRepository {
    let work: MemoryWork

    func consent(id: Int64) throws -> Consent? { work.state.consents.first { $0.id == id } }
    func insert(_ consent: Consent) throws -> Consent {
        var k = consent
        k.id = work.nextId()
        work.state.consents.append(k)
        return k
    }
    func update(_ consent: Consent) throws {
        guard let i = work.state.consents.firstIndex(where: { $0.id == consent.id }) else { return }
        work.state.consents[i] = consent
    }

    func consents(caseId: Int64) throws -> [Consent] {
        work.state.consents.filter { $0.caseId == caseId }.sorted { ($0.givenOn, $0.id ?? 0) < ($1.givenOn, $1.id ?? 0) }
    }
    func consents(caseIds: Set<Int64>) throws -> [Int64: [Consent]] {
        Dictionary(uniqueKeysWithValues: try caseIds.map { ($0, try consents(caseId: $0)) })
    }
}

/// Meetings in a memory unit of work, each held whole (agenda and attendees with it).
struct MemoryMeetings: MeetingRepository {
    let work: MemoryWork

    func meeting(id: Int64) throws -> LoadedMeeting? { work.state.meetings.first { $0.meeting.id == id } }
    func meetings(ids: [Int64]) throws -> [LoadedMeeting] { try ids.compactMap { try meeting(id: $0) } }
    func liveMeetingIds(attendedBy staffId: Int64) throws -> [Int64] {
        work.state.meetings.filter { $0.meeting.status != .cancelled && $0.attendees.contains { $0.staffId == staffId } }
            .compactMap(\.meeting.id)
    }

    func insert(_ meeting: Meeting) throws -> Meeting {
        var m = meeting
        m.id = work.nextId()
        work.state.meetings.append(LoadedMeeting(meeting: m, items: [], attendees: []))
        return m
    }
    func insert(_ item: AgendaItem) throws -> AgendaItem {
        guard let i = index(item.meetingId) else { throw KasaneError.notFound("会議（ID \(item.meetingId)）はありません。") }
        var it = item
        it.id = work.nextId()
        work.state.meetings[i].items.append(it)
        work.state.meetings[i].items.sort { ($0.position, $0.id ?? 0) < ($1.position, $1.id ?? 0) }
        return it
    }
    func insert(_ attendee: Attendee) throws -> Attendee {
        guard let i = index(attendee.meetingId) else { throw KasaneError.notFound("会議（ID \(attendee.meetingId)）はありません。") }
        // One row per person and meeting, as the SQLite engine's unique index keeps it.
        guard !work.state.meetings[i].attendees.contains(where: { $0.staffId == attendee.staffId }) else {
            throw KasaneError.conflict("この職員は既に出席者です。")
        }
        var a = attendee
        a.id = work.nextId()
        work.state.meetings[i].attendees.append(a)
        return a
    }
    func lastNumber(kind: MeetingKind, fiscalYear: Int) throws -> Int {
        work.state.meetings.filter { $0.meeting.kind == kind && $0.meeting.fiscalYear == fiscalYear }.map(\.meeting.number).max() ?? 0
    }
    func allIds() throws -> [Int64] {
        work.state.meetings.map(\.meeting).sorted { ($0.startsAt, $0.id ?? 0) < ($1.startsAt, $1.id ?? 0) }.compactMap(\.id)
    }
    func heldIds(fiscalYear: Int) throws -> [Int64] {
        work.state.meetings.map(\.meeting).filter { $0.fiscalYear == fiscalYear && ($0.status == .held || $0.status == .minutesApproved) }
            .sorted { ($0.kind.rawValue, $0.number) < ($1.kind.rawValue, $1.number) }.compactMap(\.id)
    }
    func holding(roomId: Int64, from start: Date, to end: Date, excluding: Int64?) throws -> Meeting? {
        work.state.meetings.map(\.meeting).first {
            $0.roomId == roomId && $0.status != .cancelled && $0.startsAt < end && $0.endsAt > start && $0.id != excluding
        }
    }

    private func index(_ meetingId: Int64?) -> Int? { work.state.meetings.firstIndex { $0.meeting.id == meetingId } }

    func update(_ meeting: Meeting) throws {
        if let i = index(meeting.id) { work.state.meetings[i].meeting = meeting }
    }
    func update(_ item: AgendaItem) throws {
        guard let i = index(item.meetingId), let j = work.state.meetings[i].items.firstIndex(where: { $0.id == item.id }) else { return }
        work.state.meetings[i].items[j] = item
        work.state.meetings[i].items.sort { ($0.position, $0.id ?? 0) < ($1.position, $1.id ?? 0) }
    }
    func deleteItem(id: Int64) throws {
        for i in work.state.meetings.indices { work.state.meetings[i].items.removeAll { $0.id == id } }
    }
    func update(_ attendee: Attendee) throws {
        guard let i = index(attendee.meetingId), let j = work.state.meetings[i].attendees.firstIndex(where: { $0.id == attendee.id })
        else { return }
        work.state.meetings[i].attendees[j] = attendee
    }
    func delete(_ attendee: Attendee) throws {
        guard let i = index(attendee.meetingId) else { return }
        work.state.meetings[i].attendees.removeAll { $0.id == attendee.id }
    }
    func record(_ change: MeetingChange) throws {
        var c = change
        c.id = work.nextId()
        work.state.changes.append(c)
    }
    func changes(meetingId: Int64) throws -> [MeetingChange] { work.state.changes.filter { $0.meetingId == meetingId } }
    func undeliveredChanges(meetingId: Int64) throws -> [MeetingChange] {
        work.state.changes.filter { $0.meetingId == meetingId && $0.deliveredAt == nil }
    }
    func markChangesDelivered(meetingId: Int64, at: Date) throws {
        for i in work.state.changes.indices where work.state.changes[i].meetingId == meetingId && work.state.changes[i].deliveredAt == nil {
            work.state.changes[i].deliveredAt = at
        }
    }
    func responses(meetingIds: [Int64]) throws -> [Int64: [Int64: AttendeeResponse]] {
        var found: [Int64: [Int64: AttendeeResponse]] = [:]
        for one in work.state.meetings where meetingIds.contains(one.meeting.id ?? -1) {
            let id = one.meeting.id ?? 0
            found[id] = Dictionary(uniqueKeysWithValues: one.attendees.map { ($0.staffId, work.state.responses[id]?[$0.staffId] ?? .needsAction) })
        }
        return found
    }
    func meetingIds(withCase caseId: Int64, kind: MeetingKind, statuses: Set<MeetingStatus>, startingAfter instant: Date?) throws -> [Int64] {
        work.state.meetings.filter { one in
            one.meeting.kind == kind && statuses.contains(one.meeting.status) && instant.map { one.meeting.startsAt > $0 } ?? true
                && one.items.contains { $0.caseId == caseId }
        }.compactMap(\.meeting.id).sorted()
    }
}

struct MemoryProposals: ProposalRepository {
    let work: MemoryWork

    func stored(id: Int64) throws -> StoredProposal? { work.state.proposals.first { $0.id == id } }
    func insert(request: ProposalRequest, proposal: MemberProposal, by staffId: Int64?, at: Date) throws -> StoredProposal {
        let stored = StoredProposal(id: work.nextId(), createdBy: staffId, createdAt: at, request: request, proposal: proposal)
        work.state.proposals.append(stored)
        return stored
    }
}

/// The memory engine holds no uploaded calendars: only Kasane's own meetings make anyone busy.
struct MemoryScheduling: SchedulingRepository {
    let work: MemoryWork

    func uploadedBusy(staffIds: [Int64], from: Date, to: Date) throws -> [Int64: [BusyInterval]] { [:] }
    func meetingTimes(staffIds: [Int64], from: Date, to: Date, excluding: Int64?) throws -> [(staffId: Int64, interval: BusyInterval)] {
        work.state.meetings.filter { $0.meeting.status != .cancelled && $0.meeting.id != excluding && $0.meeting.startsAt < to && $0.meeting.endsAt > from }
            .flatMap { one in
                one.attendees.filter { staffIds.contains($0.staffId) }
                    .map { ($0.staffId, BusyInterval(start: one.meeting.startsAt, end: one.meeting.endsAt)) }
            }
    }
    func roomBookings(from: Date, to: Date) throws -> [(roomId: Int64, interval: BusyInterval)] {
        work.state.meetings.map(\.meeting).filter { $0.roomId != nil && $0.status != .cancelled && $0.startsAt < to && $0.endsAt > from }
            .map { ($0.roomId ?? 0, BusyInterval(start: $0.startsAt, end: $0.endsAt)) }
    }
    func calendarOwners() throws -> Set<Int64> { [] }
}

struct MemoryOutbox: OutboxRepository {
    let work: MemoryWork

    func insert(_ message: OutgoingMessage) throws -> OutgoingMessage {
        var m = message
        m.id = work.nextId()
        work.state.messages.append(m)
        return m
    }
    func hasMessages(meetingId: Int64) throws -> Bool { work.state.messages.contains { $0.meetingId == meetingId } }
    func messages(meetingId: Int64) throws -> [OutgoingMessage] { work.state.messages.filter { $0.meetingId == meetingId } }
}

/// Plans in a memory unit of work. As the SQLite engine's trigger does, it refuses a state
/// no recorded move leads to.
struct MemoryPlans: PlanRepository {
    let work: MemoryWork

    func plan(id: Int64) throws -> PlanRecord? { work.state.plans.first { $0.id == id } }
    func plans(caseId: Int64) throws -> [PlanRecord] {
        work.state.plans.filter { $0.caseId == caseId }.sorted { $0.version > $1.version }
    }
    func insert(_ plan: PlanRecord) throws -> PlanRecord {
        var p = plan
        p.id = work.nextId()
        work.state.plans.append(p)
        return p
    }
    func transitions(planId: Int64) throws -> [PlanTransitionRecord] { work.state.transitions.filter { $0.planId == planId } }
    func events(planId: Int64) throws -> [PlanEventRecord] { work.state.events.filter { $0.planId == planId } }
    func insert(_ event: PlanEventRecord) throws {
        var e = event
        e.id = work.nextId()
        work.state.events.append(e)
    }
    func minutesVersionNumbers(ids: Set<Int64>) throws -> [Int64: Int] {
        Dictionary(uniqueKeysWithValues: work.state.minutesVersions.filter { ids.contains($0.id ?? -1) }.map { ($0.id ?? 0, $0.version) })
    }
    func latestPlan(caseId: Int64) throws -> PlanRecord? {
        work.state.plans.filter { $0.caseId == caseId }.max { $0.version < $1.version }
    }
    func insert(_ transition: PlanTransitionRecord) throws {
        var t = transition
        t.id = work.nextId()
        work.state.transitions.append(t)
    }
    func update(_ plan: PlanRecord) throws {
        guard let i = work.state.plans.firstIndex(where: { $0.id == plan.id }) else { return }
        if work.state.plans[i].state != plan.state {
            guard let last = work.state.transitions.last(where: { $0.planId == plan.id }), last.toState == plan.state else {
                throw KasaneError.conflict("支援プランの状態は、記録された遷移によってのみ変わります。")
            }
        }
        work.state.plans[i] = plan
    }
    func movesPending(meetingId: Int64) throws -> [PlanTransitionRecord] {
        Dictionary(grouping: work.state.transitions, by: \.planId).values.compactMap { $0.last }
            .filter { $0.meetingId == meetingId && $0.minutesVersionId == nil }
    }
}

struct MemoryReplies: ReplyRepository {
    let work: MemoryWork

    func meeting(uid: String) throws -> Meeting? { work.state.meetings.first { $0.meeting.uid == uid }?.meeting }
    func attendees(meetingId: Int64) throws -> [AttendeeReplyState] {
        let one = work.state.meetings.first { $0.meeting.id == meetingId }
        return (one?.attendees ?? []).compactMap { a in
            guard let staff = work.state.staff.first(where: { $0.id == a.staffId }) else { return nil }
            let mark = work.state.replyMarks[meetingId]?[a.staffId]
            return AttendeeReplyState(
                staffId: a.staffId, email: staff.email, response: work.state.responses[meetingId]?[a.staffId] ?? .needsAction,
                replySequence: mark?.sequence, replyStamp: mark?.stamp)
        }
    }
    func recordReply(meetingId: Int64, staffId: Int64, response: AttendeeResponse, sequence: Int, stamp: Date, at: Date) throws {
        work.state.responses[meetingId, default: [:]][staffId] = response
        work.state.replyMarks[meetingId, default: [:]][staffId] = (sequence, stamp, at)
    }
    func insert(_ counter: CounterProposal) throws {
        var c = counter
        c.id = work.nextId()
        work.state.counters.append(c)
    }
    func counters(meetingId: Int64) throws -> [CounterProposal] { work.state.counters.filter { $0.meetingId == meetingId } }
}

struct MemoryFeeds: FeedRepository {
    let work: MemoryWork

    func replaceToken(staffId: Int64, hash: String, at: Date) throws { work.state.feedTokens[staffId] = hash }
    func staff(feedTokenHash: String) throws -> Staff? {
        guard let id = work.state.feedTokens.first(where: { $0.value == feedTokenHash })?.key else { return nil }
        return work.state.staff.first { $0.id == id && $0.active }
    }
    func meetingIds(feedOf staffId: Int64, endingAfter instant: Date) throws -> [Int64] {
        work.state.meetings.filter { one in
            one.meeting.status != .planned && one.meeting.endsAt > instant && one.attendees.contains { $0.staffId == staffId }
        }.map(\.meeting).sorted { $0.startsAt < $1.startsAt }.compactMap(\.id)
    }
    func lastChange(meetingIds: [Int64]) throws -> Date? {
        let changes = work.state.changes.filter { meetingIds.contains($0.meetingId) }.map(\.createdAt)
        let answers = meetingIds.flatMap { (work.state.replyMarks[$0] ?? [:]).values.map(\.at) }
        return (changes + answers).max()
    }
    /// Counted on every unit of work that wrote, as the SQLite engine's triggers count its tables.
    func dataVersion() throws -> Int64 { work.state.version }
    func shown(staffId: Int64) throws -> (etag: String, changedAt: Date)? { work.state.feedShown[staffId] }
    func saveShown(staffId: Int64, etag: String, changedAt: Date) throws { work.state.feedShown[staffId] = (etag, changedAt) }
}

/// Minutes in a memory unit of work. As the SQLite engine's triggers do, it refuses any
/// change to an approved version.
struct MemoryMinutes: MinutesRepository {
    let work: MemoryWork

    func versions(meetingId: Int64) throws -> [MinutesVersionRecord] {
        work.state.minutesVersions.filter { $0.meetingId == meetingId }.sorted { $0.version < $1.version }
    }
    func allVersions(meetingId: Int64?) throws -> [MinutesVersionRecord] {
        work.state.minutesVersions.filter { meetingId == nil || $0.meetingId == meetingId }
            .sorted { ($0.meetingId, $0.version) < ($1.meetingId, $1.version) }
    }
    func lastApproved(ofMeetingsStartingBefore instant: Date) throws -> [MinutesVersionRecord] {
        let meetings = work.state.meetings.map(\.meeting).filter { $0.startsAt < instant }.sorted { $0.startsAt < $1.startsAt }
        return meetings.compactMap { m in
            work.state.minutesVersions.filter { $0.meetingId == m.id && $0.isApproved }.max { $0.version < $1.version }
        }
    }
    func insert(_ version: MinutesVersionRecord) throws -> MinutesVersionRecord {
        var v = version
        v.id = work.nextId()
        work.state.minutesVersions.append(v)
        return v
    }
    func update(_ version: MinutesVersionRecord) throws {
        guard let i = work.state.minutesVersions.firstIndex(where: { $0.id == version.id }) else { return }
        guard !work.state.minutesVersions[i].isApproved else { throw KasaneError.conflict("承認済みの議事録は変更できません。") }
        work.state.minutesVersions[i] = version
    }
    func texts(versionId: Int64) throws -> [MinutesTextRecord] {
        work.state.minutesTexts.filter { $0.versionId == versionId }.sorted { $0.itemId < $1.itemId }
    }
    func allTexts() throws -> [MinutesTextRecord] { work.state.minutesTexts }
    func insert(_ text: MinutesTextRecord) throws { work.state.minutesTexts.append(text) }
    func deleteTexts(versionId: Int64) throws {
        guard work.state.minutesVersions.first(where: { $0.id == versionId })?.isApproved != true else {
            throw KasaneError.conflict("承認済みの議事録は変更できません。")
        }
        work.state.minutesTexts.removeAll { $0.versionId == versionId }
    }
}

struct MemoryNotices: NoticeRepository {
    let work: MemoryWork
    func insert(staffId: Int64, email: String, subject: String, body: String, at: Date) throws {
        work.state.notices.append(OutgoingNotice(id: work.nextId(), email: email, subject: subject, body: body, createdAt: at))
    }
}

struct MemoryRetention: RetentionRepository {
    let work: MemoryWork

    func engineToday() throws -> LocalDate? { nil }
    func unerasedTextCounts() throws -> [(meetingId: Int64, count: Int)] {
        let approved = Set(work.state.minutesVersions.filter(\.isApproved).compactMap(\.id))
        let meetings = work.state.meetings.map(\.meeting).sorted { $0.startsAt < $1.startsAt }
        return meetings.compactMap { m in
            let versions = Set(work.state.minutesVersions.filter { $0.meetingId == m.id && approved.contains($0.id ?? -1) }.compactMap(\.id))
            let n = work.state.minutesTexts.filter { versions.contains($0.versionId) && $0.body != nil }.count
            return n > 0 ? (m.id ?? 0, n) : nil
        }
    }
    private func stored(_ t: MinutesTextRecord) -> StoredText {
        StoredText(
            meetingId: work.state.minutesVersions.first { $0.id == t.versionId }?.meetingId ?? 0, versionId: t.versionId, itemId: t.itemId,
            caseCode: work.state.cases.first { $0.id == t.caseId }?.code)
    }
    func unerasedTexts(caseId: Int64) throws -> [StoredText] {
        work.state.minutesTexts.filter { $0.caseId == caseId && $0.body != nil }.map(stored)
    }
    func unerasedTexts(meetingId: Int64) throws -> [StoredText] {
        work.state.minutesTexts.filter { $0.body != nil }.map(stored).filter { $0.meetingId == meetingId }
    }
    func erasePersonal(memberId: Int64) throws { work.state.personal.removeAll { $0.memberId == memberId } }
    func eraseText(versionId: Int64, itemId: Int64, at: Date) throws {
        for i in work.state.minutesTexts.indices where work.state.minutesTexts[i].versionId == versionId && work.state.minutesTexts[i].itemId == itemId {
            work.state.minutesTexts[i].body = nil
            work.state.minutesTexts[i].erasedAt = at
        }
    }
}

struct MemoryPolls: PollRepository {
    let work: MemoryWork

    func insert(kind: MeetingKind, closesOn: LocalDate?, note: String?, proposalId: Int64?, createdBy: Int64?, at: Date) throws -> Int64 {
        let id = work.nextId()
        work.state.polls.append(PollRecord(id: id, kind: kind, status: .open, closesOn: closesOn, note: note, proposalId: proposalId, meetingId: nil))
        return id
    }
    func insertSlot(pollId: Int64, from start: Date, to end: Date) throws {
        work.state.pollSlots.append((pollId, work.nextId(), BusyInterval(start: start, end: end)))
    }
    func insertParticipant(pollId: Int64, staffId: Int64, required: Bool) throws {
        work.state.pollParticipants.append((pollId, staffId, required))
    }
    func poll(id: Int64) throws -> PollRecord? { work.state.polls.first { $0.id == id } }
    func ids(participant: Int64?) throws -> [Int64] {
        work.state.polls.map(\.id).filter { id in
            participant.map { p in work.state.pollParticipants.contains { $0.pollId == id && $0.staffId == p } } ?? true
        }.sorted(by: >)
    }
    func slots(pollId: Int64) throws -> [(id: Int64, interval: BusyInterval)] {
        work.state.pollSlots.filter { $0.pollId == pollId }.sorted { ($0.interval.start, $0.id) < ($1.interval.start, $1.id) }.map { ($0.id, $0.interval) }
    }
    func participants(pollId: Int64) throws -> [(staffId: Int64, required: Bool)] {
        work.state.pollParticipants.filter { $0.pollId == pollId }
            .sorted { ($0.required ? 0 : 1, $0.staffId) < ($1.required ? 0 : 1, $1.staffId) }.map { ($0.staffId, $0.required) }
    }
    func answers(pollId: Int64) throws -> [PollAnswerRecord] {
        let slots = Set(work.state.pollSlots.filter { $0.pollId == pollId }.map(\.id))
        return work.state.pollAnswers.filter { slots.contains($0.slotId) }
    }
    func save(_ answer: PollAnswerRecord, at: Date) throws {
        work.state.pollAnswers.removeAll { $0.slotId == answer.slotId && $0.staffId == answer.staffId }
        work.state.pollAnswers.append(answer)
    }
    func setStatus(pollId: Int64, _ status: PollStatus, meetingId: Int64?) throws {
        for i in work.state.polls.indices where work.state.polls[i].id == pollId {
            work.state.polls[i].status = status
            if let meetingId { work.state.polls[i].meetingId = meetingId }
        }
    }
}

struct MemorySeries: SeriesRepository {
    let work: MemoryWork

    func insert(kind: MeetingKind, rule: String, createdBy: Int64?, at: Date) throws -> Int64 {
        let id = work.nextId()
        work.state.seriesRecords.append(SeriesRecord(id: id, kind: kind, rule: rule, cancelledAt: nil))
        return id
    }
    func series(id: Int64) throws -> SeriesRecord? { work.state.seriesRecords.first { $0.id == id } }
    func add(meetingId: Int64, to seriesId: Int64) throws { work.state.seriesOf[meetingId] = seriesId }
    func meetings(seriesId: Int64) throws -> [Meeting] {
        work.state.meetings.map(\.meeting).filter { work.state.seriesOf[$0.id ?? -1] == seriesId }
    }
    func cancel(id: Int64, at: Date) throws {
        for i in work.state.seriesRecords.indices where work.state.seriesRecords[i].id == id { work.state.seriesRecords[i].cancelledAt = at }
    }
}

struct MemorySignIn: SignInRepository {
    let work: MemoryWork

    func insertLink(hash: String, staffId: Int64, at: Date, expiresAt: Date) throws { work.state.links[hash] = (staffId, expiresAt, nil) }
    func link(hash: String) throws -> (staffId: Int64, expiresAt: Date, usedAt: Date?)? { work.state.links[hash] }
    func useLink(hash: String, at: Date) throws { work.state.links[hash]?.usedAt = at }
    func passwordHash(staffId: Int64) throws -> String? { work.state.passwords[staffId] }
    func setPassword(staffId: Int64, hash: String, at: Date) throws { work.state.passwords[staffId] = hash }
    func removePassword(staffId: Int64) throws { work.state.passwords[staffId] = nil }
    func failures(since: Date, email: String?, client: String?) throws -> Int {
        work.state.attempts.filter { !$0.succeeded && $0.at > since && (email == nil || $0.email == email) && (client == nil || $0.client == client) }.count
    }
    func recordAttempt(email: String, client: String, at: Date, succeeded: Bool) throws {
        work.state.attempts.append((email, client, at, succeeded))
    }
    func insertSession(idHash: String, staffId: Int64, csrf: String, origin: String, at: Date, expiresAt: Date, secondFactor: String) throws {
        work.state.sessions[idHash] = (
            SessionRecord(staffId: staffId, csrf: csrf, createdAt: at, lastSeenAt: at, expiresAt: expiresAt, secondFactor: secondFactor), nil)
    }
    func session(idHash: String) throws -> SessionRecord? {
        guard let s = work.state.sessions[idHash], s.endedAt == nil else { return nil }
        return s.record
    }
    func touch(idHash: String, at: Date) throws { work.state.sessions[idHash]?.record.lastSeenAt = at }
    func completeSecondFactor(idHash: String, at: Date) throws {
        work.state.sessions[idHash]?.record.secondFactor = "done"
        work.state.sessions[idHash]?.record.lastSeenAt = at
    }
    func endSession(idHash: String, at: Date) throws { work.state.sessions[idHash]?.endedAt = at }
    func endSessions(staffId: Int64, at: Date) throws {
        for (key, s) in work.state.sessions where s.record.staffId == staffId && s.endedAt == nil { work.state.sessions[key]?.endedAt = at }
    }
    func totp(staffId: Int64) throws -> (secret: String, confirmed: Bool, lastStep: Int64?)? { work.state.totps[staffId] }
    func startEnrolment(staffId: Int64, secret: String, at: Date) throws { work.state.totps[staffId] = (secret, false, nil) }
    func confirmTotp(staffId: Int64, at: Date, step: Int64) throws {
        work.state.totps[staffId]?.confirmed = true
        work.state.totps[staffId]?.lastStep = step
    }
    func setTotpStep(staffId: Int64, step: Int64) throws { work.state.totps[staffId]?.lastStep = step }
    func removeTotp(staffId: Int64) throws { work.state.totps[staffId] = nil }
    func replaceRecoveryCodes(staffId: Int64, hashes: [String]) throws {
        work.state.recoveryCodes[staffId] = Dictionary(hashes.map { ($0, Date?.none) }, uniquingKeysWith: { first, _ in first })
    }
    func useRecoveryCode(staffId: Int64, hash: String, at: Date) throws -> Bool {
        guard let entry = work.state.recoveryCodes[staffId]?[hash], entry == nil else { return false }
        work.state.recoveryCodes[staffId]?[hash] = .some(at)
        return true
    }
    func recoveryCodesLeft(staffId: Int64) throws -> Int { work.state.recoveryCodes[staffId]?.values.filter { $0 == nil }.count ?? 0 }
}
