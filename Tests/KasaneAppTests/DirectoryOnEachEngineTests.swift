import Foundation
import KasaneApp
import KasaneCore
import KasaneStorage
import KasaneSQLite
import Testing

/// The engines the application's directory is run on: memory (no database at all) and SQLite.
enum Engine: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case memory, sqlite

    var testDescription: String { rawValue }

    func storage(at instant: Date) throws -> any TransactionalStorage { try signInStorage(at: instant) }

    /// The same storage, with the credentials sign-in uses (bcrypt and RFC 6238 on both).
    func signInStorage(at instant: Date) throws -> any SignInStorage {
        switch self {
        case .memory: MemoryWorkStorage(clock: FixedClock(instant))
        case .sqlite: try AppDatabase.inMemory(clock: FixedClock(instant))
        }
    }
}

@Suite("The directory, rooms, settings, tokens and the audit log, decided by the application, on each engine")
struct DirectoryOnEachEngineTests {
    static let instant = ISO8601DateFormatter().date(from: "2026-12-04T01:00:00Z")!
    /// A coordinator with no row in the directory: refused every directory change.
    static let coordinator = Actor.staff(Staff(agencyId: 1, name: "調整 担当", email: "c@city.example.jp", roles: [.coordinator]))
    static let agency = Agency(
        code: "HK-N", name: "北部地域包括支援センター", kind: "地域包括支援センター", fields: [.care], districts: ["N"],
        operation: .contracted, department: "高齢福祉課")

    @Test("Agencies: the administrator's alone, a code is one agency's, fields and districts must be known; a refusal changes nothing", arguments: Engine.allCases)
    func agencies(engine: Engine) async throws {
        let storage = try engine.storage(at: Self.instant)
        let admin = Actor.localOperator
        // The district is not known yet: refused, with the field named.
        await #expect { try await storage.createAgency(Self.agency, by: admin) } throws: {
            if case .invalid(let field, _) = $0 as? KasaneError { field == "districts" } else { false }
        }
        _ = try await storage.addDistrict(District(code: "N", name: "北部"), by: admin)
        await #expect { try await storage.addDistrict(District(code: "N", name: "北"), by: admin) } throws: {
            if case .conflict = $0 as? KasaneError { true } else { false }
        }
        await #expect { try await storage.createAgency(Self.agency, by: Self.coordinator) } throws: {
            if case .forbidden = $0 as? KasaneError { true } else { false }
        }
        #expect(try await storage.agencies().isEmpty)
        let created = try await storage.createAgency(Self.agency, by: admin)
        #expect(created.id != nil && created.code == "HK-N")
        await #expect { try await storage.createAgency(Self.agency, by: admin) } throws: {
            if case .conflict(let message) = $0 as? KasaneError { message.contains("北部地域包括支援センター") } else { false }
        }
        var renamed = created
        renamed.name = "北部包括"
        #expect(try await storage.updateAgency(id: created.id!, with: renamed, by: admin).name == "北部包括")
        #expect(try await storage.agency(id: created.id!).name == "北部包括")
        await #expect { try await storage.agency(id: 999) } throws: {
            if case .notFound = $0 as? KasaneError { true } else { false }
        }
        // A default contact must be the agency's own staff: there is none.
        renamed.defaultContactId = 999
        await #expect { try await storage.updateAgency(id: created.id!, with: renamed, by: admin) } throws: {
            if case .invalid(let field, _) = $0 as? KasaneError { field == "defaultContactId" } else { false }
        }
        #expect(try await storage.agencies().map(\.name) == ["北部包括"])
        // Fields: a new one is added after the standard ones, once.
        _ = try await storage.addField("多文化共生", by: admin)
        #expect(try await storage.fields().last == Field("多文化共生"))
        await #expect(throws: KasaneError.self) { try await storage.addField("多文化共生", by: admin) }
    }

    @Test("Rooms: a name is one room's, a meeting room needs a capacity, each change audited at the application's instant", arguments: Engine.allCases)
    func rooms(engine: Engine) async throws {
        let storage = try engine.storage(at: Self.instant)
        let admin = Actor.localOperator
        await #expect { try await storage.createRoom(Room(name: "第1会議室", capacity: nil), by: admin) } throws: {
            if case .invalid(let field, _) = $0 as? KasaneError { field == "capacity" } else { false }
        }
        let room = try await storage.createRoom(Room(name: "第1会議室", capacity: 12), by: admin)
        let other = try await storage.createRoom(Room(name: "オンライン", capacity: nil, online: true), by: admin)
        await #expect { try await storage.updateRoom(id: other.id!, with: Room(name: "第1会議室", capacity: 4), by: admin) } throws: {
            if case .conflict = $0 as? KasaneError { true } else { false }
        }
        await #expect { try await storage.createRoom(Room(name: "第2会議室", capacity: 8), by: Self.coordinator) } throws: {
            if case .forbidden = $0 as? KasaneError { true } else { false }
        }
        var retired = room
        retired.active = false
        _ = try await storage.updateRoom(id: room.id!, with: retired, by: admin)
        #expect(try await storage.rooms().map(\.name) == ["オンライン", "第1会議室"])
        #expect(try await storage.room(id: room.id!).active == false)
        // The same audit lines on each engine, read and verified through the application.
        let log = try await storage.auditLog(AuditFilter(action: "room"), for: admin).reversed()
        #expect(log.map(\.action) == ["room.create", "room.create", "room.create", "room.update", "room.create", "room.update"])
        #expect(log.map(\.allowed) == [false, true, true, false, false, true])
        #expect(log.allSatisfy { abs($0.at.timeIntervalSince(Self.instant)) < 0.001 })
        let verified = try await storage.verifyAuditLog(for: admin)
        #expect(verified.ok && verified.rows == 7 && verified.head?.id == 7)
        #expect(try await storage.auditHead()?.id == 8, "the verification is itself a line, after what it checked")
        await #expect { try await storage.auditLog(AuditFilter(), for: Self.coordinator) } throws: {
            if case .forbidden = $0 as? KasaneError { true } else { false }
        }
    }

    @Test("Staff: a role that reads cases, added by an administrator, waits for a second person; the console gives it directly; pledges are dated no later than today", arguments: Engine.allCases)
    func separationOfDuties(engine: Engine) async throws {
        let storage = try engine.storage(at: Self.instant)
        _ = try await storage.addDistrict(District(code: "N", name: "北部"), by: .localOperator)
        let agency = try await storage.createAgency(Self.agency, by: .localOperator)
        func person(_ email: String, _ roles: [StaffRole]) -> Staff {
            Staff(agencyId: agency.id!, name: "職員 \(email.prefix(3))", email: email, roles: roles)
        }
        // The console sets the city up: roles given directly, no request.
        let admin = Actor.staff(try await storage.createStaff(person("adm@city.example.jp", [.administrator]), by: .localOperator))
        let coordinator = Actor.staff(try await storage.createStaff(person("crd@city.example.jp", [.coordinator]), by: .localOperator))
        #expect(coordinator.staff?.roles == [.coordinator])
        // The administrator adds a member: the role is held back and asked for.
        let newcomer = try await storage.createStaff(person("New@city.example.jp", [.member]), by: admin)
        #expect(newcomer.roles.isEmpty)
        await #expect { try await storage.createStaff(person("new@CITY.example.jp", [.administrator]), by: admin) } throws: {
            if case .conflict = $0 as? KasaneError { true } else { false }
        }
        let pending = try await storage.roleGrants(for: coordinator)
        #expect(pending.map(\.role) == [.member] && pending[0].staffId == newcomer.id)
        await #expect { try await storage.decideRoleGrant(id: pending[0].id!, approve: true, by: admin) } throws: {
            if case .forbidden = $0 as? KasaneError { true } else { false }
        }
        #expect(try await storage.staff(id: newcomer.id!).roles.isEmpty)
        let approved = try await storage.decideRoleGrant(id: pending[0].id!, approve: true, by: coordinator)
        #expect(approved.status == .approved && approved.decidedAt == Self.instant)
        #expect(try await storage.staff(email: "new@city.example.jp").roles == [.member])
        await #expect(throws: KasaneError.self) { try await storage.decideRoleGrant(id: pending[0].id!, approve: false, by: coordinator) }
        // Pledges: not in the future, only for someone in the directory.
        await #expect { try await storage.recordPledge(staffId: newcomer.id!, pledgedOn: LocalDate("2026-12-05")!, note: nil, by: coordinator) } throws: {
            if case .invalid(let field, _) = $0 as? KasaneError { field == "pledgedOn" } else { false }
        }
        await #expect { try await storage.recordPledge(staffId: 999, pledgedOn: LocalDate("2026-12-04")!, note: nil, by: coordinator) } throws: {
            if case .notFound = $0 as? KasaneError { true } else { false }
        }
        _ = try await storage.recordPledge(staffId: newcomer.id!, pledgedOn: LocalDate("2026-12-04")!, note: nil, by: coordinator)
        #expect(try await storage.pledges(staffId: newcomer.id!).map(\.pledgedOn) == [LocalDate("2026-12-04")!])
    }

    @Test("Settings: the administrator's, validated whole; a refused change leaves the stored settings as they were", arguments: Engine.allCases)
    func settings(engine: Engine) async throws {
        let storage = try engine.storage(at: Self.instant)
        var wanted = MunicipalitySettings()
        wanted.municipalityName = "南野市"
        _ = try await storage.updateSettings(wanted, by: .localOperator)
        var broken = wanted
        broken.municipalityName = "北野市"
        broken.fiscalYearStartMonth = 13
        await #expect { try await storage.updateSettings(broken, by: .localOperator) } throws: {
            if case .invalid(let field, _) = $0 as? KasaneError { field == "fiscalYearStartMonth" } else { false }
        }
        await #expect { try await storage.updateSettings(wanted, by: Self.coordinator) } throws: {
            if case .forbidden = $0 as? KasaneError { true } else { false }
        }
        let stored = try await storage.read { work in try work.settings.settings() }
        #expect(stored.municipalityName == "南野市" && stored.fiscalYearStartMonth == wanted.fiscalYearStartMonth)
        let log = try await storage.auditLog(AuditFilter(action: "settings"), for: .localOperator).reversed().map(\.allowed)
        #expect(Array(log) == [true, false, false])
    }

    @Test("Tokens: issued only to oneself, checked by their hash, stopped at once when revoked; a malformed one is never looked up", arguments: Engine.allCases)
    func tokens(engine: Engine) async throws {
        let storage = try engine.storage(at: Self.instant)
        _ = try await storage.addDistrict(District(code: "N", name: "北部"), by: .localOperator)
        let agency = try await storage.createAgency(Self.agency, by: .localOperator)
        let admin = try await storage.createStaff(
            Staff(agencyId: agency.id!, name: "管理 担当", email: "adm@city.example.jp", roles: [.administrator]), by: .localOperator)
        let member = try await storage.createStaff(
            Staff(agencyId: agency.id!, name: "構成 員", email: "mem@city.example.jp", roles: [.member]), by: .localOperator)
        // An administrator cannot take a token for a member (and so read as them).
        await #expect { try await storage.issueToken(staffId: member.id!, label: "代理", by: .staff(admin)) } throws: {
            if case .forbidden = $0 as? KasaneError { true } else { false }
        }
        let (token, record) = try await storage.issueToken(staffId: member.id!, label: "連携", by: .staff(member))
        #expect(Secret.wellFormed(token) && record.tokenHash == Secret.hash(token) && record.tokenHash != token)
        #expect(try await storage.staff(forToken: token)?.id == member.id)
        #expect(try await storage.staff(forToken: String(token.dropLast()) + "!") == nil)
        // The administrator may revoke it; it stops at once, and once only.
        try await storage.revokeToken(id: record.id!, by: .staff(admin))
        #expect(try await storage.staff(forToken: token) == nil)
        await #expect { try await storage.revokeToken(id: record.id!, by: .staff(member)) } throws: {
            if case .conflict = $0 as? KasaneError { true } else { false }
        }
        #expect(try await storage.tokens(staffId: member.id!).map(\.revokedAt) == [Self.instant])
    }

    @Test("A secret's hash is the SHA-256 in lowercase hex, 64 characters")
    func secretHash() {
        #expect(Secret.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Secret.new() != Secret.new() && Secret.wellFormed(Secret.new()))
        #expect(!Secret.wellFormed(String(repeating: "ａ", count: Secret.length)))
    }

    @Test("Figures: the fiscal year from the settings' first month, the year's targets beside the counts, refused to an administrator and outside 2000–2100", arguments: Engine.allCases)
    func figures(engine: Engine) async throws {
        let storage = try engine.storage(at: Self.instant)
        var settings = MunicipalitySettings()
        settings.targets = [FigureTarget(fiscalYear: 2026, figure: .plansMade, value: 2), FigureTarget(fiscalYear: 2027, figure: .plansMade, value: 5)]
        _ = try await storage.updateSettings(settings, by: .localOperator)
        let secretariat = Actor.staff(Staff(agencyId: 1, name: "事務 局", email: "s@city.example.jp", roles: [.secretariat]))
        let year = try await storage.figures(fiscalYear: 2026, by: secretariat)
        #expect(year.from == LocalDate("2026-04-01")! && year.to == LocalDate("2027-03-31")!)
        let made = try #require(year.rows.first { $0.figure == Figure.plansMade.rawValue })
        #expect(made.actual == 0 && made.target == 2)
        #expect(year.rows.contains { $0.figure.hasPrefix("plansTerminated.") })
        let admin = Actor.staff(Staff(agencyId: 1, name: "管理", email: "a@city.example.jp", roles: [.administrator]))
        await #expect { try await storage.figures(fiscalYear: 2026, by: admin) } throws: {
            if case .forbidden = $0 as? KasaneError { true } else { false }
        }
        await #expect { try await storage.figures(fiscalYear: 1999, by: secretariat) } throws: {
            if case .invalid(let field, _) = $0 as? KasaneError { field == "fiscalYear" } else { false }
        }
    }

    @Test("A refusal before anyone is known is a refused line with where it came from, bounded, and chained like the rest", arguments: Engine.allCases)
    func unauthenticated(engine: Engine) async throws {
        let storage = try engine.storage(at: Self.instant)
        try await storage.logUnauthenticated(origin: String(repeating: "9", count: 100), path: "/api/v1/cases/" + String(repeating: "x", count: 300), detail: "不明なトークン")
        let line = try #require(try await storage.auditLog(AuditFilter(refusalsOnly: true), for: .localOperator).last)
        #expect(line.action == "auth" && !line.allowed && line.origin.count == 64 && line.target.count == 200 && line.detail == "不明なトークン")
        #expect(line.staffId == nil)
        #expect(try await storage.verifyAuditLog(for: .localOperator).ok)
    }
}
