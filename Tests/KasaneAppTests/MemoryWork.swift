import Foundation
import KasaneCore
import KasaneStorage

/// A storage of units of work kept in memory: each unit works on a copy of the whole state,
/// which replaces the state when the body returns and is dropped when it throws, so a
/// refused change leaves nothing behind, as in an engine's transaction. The application's
/// directory and rooms run on it with no database at all.
final class MemoryWorkStorage: TransactionalStorage, @unchecked Sendable {
    struct State {
        var agencies: [Agency] = []
        var staff: [Staff] = []
        var fields: [Field] = Field.standard
        var districts: [District] = []
        var rooms: [Room] = []
        var audit: [(action: String, target: String, staffId: Int64?, allowed: Bool, at: Date)] = []
        var nextId: Int64 = 1
    }

    let clock: any WallClock
    private let lock = NSLock()
    private var state = State()

    init(clock: any WallClock) { self.clock = clock }

    var audit: [(action: String, target: String, staffId: Int64?, allowed: Bool, at: Date)] { lock.withLock { state.audit } }

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

    func nextId() -> Int64 {
        defer { state.nextId += 1 }
        return state.nextId
    }

    func append(_ actor: Actor, _ action: String, _ note: AuditNote, allowed: Bool) throws {
        state.audit.append((action, note.target, actor.staffId, allowed, note.at))
    }

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
    func staff(id: Int64) throws -> Staff? { state.staff.first { $0.id == id } }
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
