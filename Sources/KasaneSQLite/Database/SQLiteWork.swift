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
    var rooms: any RoomRepository { SQLiteRooms(db: db) }
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
    func staff(id: Int64) throws -> Staff? { try Staff.fetchOne(db, key: id) }
    func fields() throws -> [Field] { try AppDatabase.fields(db) }
    func append(_ field: Field) throws {
        try db.execute(
            sql: "INSERT INTO field (name, position) VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM field))",
            arguments: [field.rawValue])
    }
    func districts() throws -> [District] { try District.order(Column("code")).fetchAll(db) }
    func insert(_ district: District) throws { try district.insert(db) }
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
