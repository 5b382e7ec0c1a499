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

    func storage(at instant: Date) throws -> any TransactionalStorage {
        switch self {
        case .memory: MemoryWorkStorage(clock: FixedClock(instant))
        case .sqlite: try AppDatabase.inMemory(clock: FixedClock(instant))
        }
    }
}

@Suite("The directory and rooms, decided by the application, on each engine")
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
        if let memory = storage as? MemoryWorkStorage {
            #expect(memory.audit.map(\.action) == ["room.create", "room.create", "room.create", "room.update", "room.create", "room.update"])
            #expect(memory.audit.map(\.allowed) == [false, true, true, false, false, true])
            #expect(memory.audit.allSatisfy { $0.at == Self.instant })
        }
        if let sqlite = storage as? AppDatabase {
            let log = try await sqlite.auditLog(AuditFilter(action: "room"), for: admin).reversed().filter { $0.action.hasPrefix("room.") }
            #expect(log.map(\.action) == ["room.create", "room.create", "room.create", "room.update", "room.create", "room.update"])
            #expect(log.map(\.allowed) == [false, true, true, false, false, true])
        }
    }
}
