import Foundation
import GRDB
import KasaneCore
import KasaneStorage

/// A unit of work on SQLite: one GRDB transaction, with the repositories over its connection.
/// It lives only inside the closure GRDB runs it in.
struct SQLiteWork: UnitOfWork {
    let db: Database

    var audit: any AuditRepository { SQLiteAudit(db: db) }
    var directory: any DirectoryRepository { SQLiteDirectory(db: db) }
    var staff: any StaffRepository { SQLiteStaff(db: db) }
    var rooms: any RoomRepository { SQLiteRooms(db: db) }
    var settings: any SettingsRepository { SQLiteSettings(db: db) }
    var tokens: any TokenRepository { SQLiteTokens(db: db) }
    var figures: any FiguresRepository { SQLiteFigures(db: db) }
    var followUp: any FollowUpRepository { SQLiteFollowUp(db: db) }
    var cases: any CaseRepository { SQLiteCases(db: db) }
    var household: any HouseholdRepository { SQLiteHousehold(db: db) }
    var consents: any ConsentRepository { SQLiteConsents(db: db) }
    var meetings: any MeetingRepository { SQLiteMeetings(db: db) }
    var outbox: any OutboxRepository { SQLiteOutbox(db: db) }
    var proposals: any ProposalRepository { SQLiteProposals(db: db) }
    var scheduling: any SchedulingRepository { SQLiteScheduling(db: db) }
    var polls: any PollRepository { SQLitePolls(db: db) }
    var series: any SeriesRepository { SQLiteSeries(db: db) }
    var replies: any ReplyRepository { SQLiteReplies(db: db) }
    var feeds: any FeedRepository { SQLiteFeeds(db: db) }
    var minutes: any MinutesRepository { SQLiteMinutes(db: db) }
    var notices: any NoticeRepository { SQLiteNotices(db: db) }
    var retention: any RetentionRepository { SQLiteRetention(db: db) }
    var signIn: any SignInRepository { SQLiteSignIn(db: db) }
    var plans: any PlanRepository { SQLitePlans(db: db) }
}

extension AppDatabase: TransactionalStorage {
    public func read<T: Sendable>(_ body: @escaping @Sendable (any UnitOfWork) throws -> T) async throws -> T {
        try await reader.read { db in try body(SQLiteWork(db: db)) }
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any UnitOfWork) throws -> T) async throws -> T {
        try await writer.write { db in try body(SQLiteWork(db: db)) }
    }

    /// A unit of work for a body still written against the connection: the store's own
    /// operations not yet moved into the application (issue 18), which take their audit
    /// line through the same `audited` as the application's.
    func audited<T: Sendable>(
        _ actor: Actor, _ action: String, target: String,
        _ body: @escaping @Sendable (Database, AuditNote) throws -> T
    ) async throws -> T {
        try await audited(actor, action, target: target) { (work: any UnitOfWork, note: AuditNote) in
            guard let sqlite = work as? SQLiteWork else {
                throw KasaneError.unusableDatabase("SQLiteの作業単位ではありません。")
            }
            return try body(sqlite.db, note)
        }
    }
}

struct SQLiteAudit: AuditRepository {
    let db: Database
    func append(_ actor: Actor, _ action: String, _ note: AuditNote, allowed: Bool) throws {
        try AppDatabase.log(db, actor, action, note, allowed: allowed)
    }

    func entries(_ filter: AuditFilter) throws -> [AuditEntry] {
        var request = AuditEntry.order(Column("id").desc)
        if let staffId = filter.staffId { request = request.filter(Column("staffId") == staffId) }
        if let code = filter.caseCode { request = request.filter(Column("caseCode") == code) }
        if let action = filter.action {
            request = request.filter(Column("action") == action || Column("action").like(action.replacingOccurrences(of: "%", with: "") + ".%"))
        }
        if filter.refusalsOnly { request = request.filter(Column("allowed") == false) }
        if let from = filter.from { request = request.filter(Column("at") >= from.instant()) }
        if let to = filter.to { request = request.filter(Column("at") < to.adding(days: 1).instant()) }
        return try request.limit(max(1, min(filter.limit, 100_000))).fetchAll(db)
    }

    func walk(_ visit: (AuditEntry) throws -> Void) throws {
        let rows = try AuditEntry.order(Column("id")).fetchCursor(db)
        while let entry = try rows.next() { try visit(entry) }
    }

    func storedHash(line id: Int64) throws -> String? {
        try String.fetchOne(db, sql: "SELECT hash FROM auditLog WHERE id = ?", arguments: [id])
    }

    func head() throws -> ChainHead? { try AppDatabase.auditHead(db) }
}

struct SQLiteDirectory: DirectoryRepository {
    let db: Database

    func agencies() throws -> [Agency] { try Agency.order(Column("id")).fetchAll(db) }
    func agency(id: Int64) throws -> Agency? { try Agency.fetchOne(db, key: id) }
    func agency(code: String) throws -> Agency? { try Agency.filter(Column("code") == code).fetchOne(db) }
    func insert(_ agency: Agency) throws -> Agency {
        var a = agency
        a.id = nil
        try a.insert(db)
        return a
    }
    func update(_ agency: Agency) throws { try agency.update(db) }
    func setDefaultContact(agencyId: Int64, staffId: Int64?) throws {
        try db.execute(sql: "UPDATE agency SET defaultContactId = ? WHERE id = ?", arguments: [staffId, agencyId])
    }
    func releaseDefaultContact(staffId: Int64) throws {
        try db.execute(sql: "UPDATE agency SET defaultContactId = NULL WHERE defaultContactId = ?", arguments: [staffId])
    }
    func fields() throws -> [Field] { try AppDatabase.fields(db) }
    func append(_ field: Field) throws {
        try db.execute(
            sql: "INSERT INTO field (name, position) VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM field))",
            arguments: [field.rawValue])
    }
    func districts() throws -> [District] { try District.order(Column("code")).fetchAll(db) }
    func insert(_ district: District) throws { try district.insert(db) }
}

struct SQLiteStaff: StaffRepository {
    let db: Database

    func staff(agencyId: Int64?) throws -> [Staff] {
        var request = Staff.order(Column("id"))
        if let agencyId { request = request.filter(Column("agencyId") == agencyId) }
        return try request.fetchAll(db)
    }
    func staff(id: Int64) throws -> Staff? { try Staff.fetchOne(db, key: id) }
    func staff(email: String) throws -> Staff? {
        try Staff.filter(sql: "email = ? COLLATE NOCASE", arguments: [email]).fetchOne(db)
    }
    func insert(_ staff: Staff) throws -> Staff {
        try staff.inserted(db)
    }
    func update(_ staff: Staff) throws { try staff.update(db) }
    func pledges(staffId: Int64?) throws -> [Pledge] {
        var request = Pledge.order(Column("staffId"), Column("pledgedOn"), Column("id"))
        if let staffId { request = request.filter(Column("staffId") == staffId) }
        return try request.fetchAll(db)
    }
    func insert(_ pledge: Pledge) throws -> Pledge {
        try pledge.inserted(db)
    }
    func roleGrants(status: RoleGrant.Status?) throws -> [RoleGrant] {
        var request = RoleGrant.order(Column("id").desc)
        if let status { request = request.filter(Column("status") == status.rawValue) }
        return try request.fetchAll(db)
    }
    func roleGrant(id: Int64) throws -> RoleGrant? { try RoleGrant.fetchOne(db, key: id) }
    func insert(_ grant: RoleGrant) throws -> RoleGrant {
        try grant.inserted(db)
    }
    func update(_ grant: RoleGrant) throws { try grant.update(db) }
}

struct SQLiteSettings: SettingsRepository {
    let db: Database

    func settings() throws -> MunicipalitySettings { try AppDatabase.settings(db) }
    func save(_ settings: MunicipalitySettings) throws {
        try db.execute(
            sql: "INSERT INTO settings (id, data) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data",
            arguments: [try AppDatabase.json(settings)])
    }
}

struct SQLiteTokens: TokenRepository {
    let db: Database

    func insert(_ token: APIToken) throws -> APIToken {
        try token.inserted(db)
    }
    func tokens(staffId: Int64?) throws -> [APIToken] {
        var request = APIToken.order(Column("id"))
        if let staffId { request = request.filter(Column("staffId") == staffId) }
        return try request.fetchAll(db)
    }
    func token(id: Int64) throws -> APIToken? { try APIToken.fetchOne(db, key: id) }
    func update(_ token: APIToken) throws { try token.update(db) }
    func activeStaff(tokenHash: String) throws -> Staff? {
        try Staff.fetchOne(db, sql: """
            SELECT staff.* FROM staff JOIN apiToken ON apiToken.staffId = staff.id
            WHERE apiToken.tokenHash = ? AND apiToken.revokedAt IS NULL AND staff.active
            """, arguments: [tokenHash])
    }
}

struct SQLiteRooms: RoomRepository {
    let db: Database

    func rooms() throws -> [Room] { try Room.order(Column("name")).fetchAll(db) }
    func room(id: Int64) throws -> Room? { try Room.fetchOne(db, key: id) }
    func room(named name: String) throws -> Room? { try Room.filter(Column("name") == name).fetchOne(db) }
    func insert(_ room: Room) throws -> Room {
        var r = room
        r.id = nil
        try r.insert(db)
        return r
    }
    func update(_ room: Room) throws { try room.update(db) }
}
