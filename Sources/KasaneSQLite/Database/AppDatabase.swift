import Foundation
import GRDB
import KasaneCore
@_exported import KasaneStorage

/// The one database of a Kasane service: a SQLite file (WAL, foreign keys on) or an
/// in-memory database for tests. Every write goes through an intent-named method.
public struct AppDatabase: Sendable {
    public let writer: any DatabaseWriter
    /// The one clock every rule reads "now" from.
    public private(set) var clock: any WallClock

    public var reader: any DatabaseReader { writer }

    /// Wraps a writer and brings its schema up to date.
    public init(_ writer: any DatabaseWriter, clock: any WallClock = SystemClock()) throws {
        self.writer = writer
        self.clock = clock
        try Self.migrator.migrate(writer)
        try writer.write { db in try Self.stamp(db) }
    }

    /// A fresh in-memory database, for tests and benchmarks.
    public static func inMemory(clock: any WallClock = SystemClock()) throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: configuration()), clock: clock)
    }

    /// The same database, on another clock: what a change would do at `instant`.
    public func on(_ clock: any WallClock) -> AppDatabase {
        var copy = self
        copy.clock = clock
        return copy
    }

    /// The same database as it is at `instant` (tests, the demo's history).
    public func at(_ instant: Date) -> AppDatabase { on(FixedClock(instant)) }

    /// The same database at noon in Japan on `day`.
    public func at(day: LocalDate) -> AppDatabase { on(FixedClock(day: day)) }

    /// Opens or creates the database file at `path`. A file that is not a Kasane
    /// database, or one written by a newer Kasane, is refused before anything is
    /// written to it, so it stays byte-for-byte as it was.
    public static func open(path: String, clock: any WallClock = SystemClock()) throws -> AppDatabase {
        try DatabaseFileCheck.check(path: path, knownSchemaVersion: schemaVersion)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        if let size, size > 0 {
            // Confirm through SQLite itself, read-only, before the first write.
            try readOnly(path: path) { db in try checkSchema(db) }
        } else {
            // A new file: mark it as Kasane's in the main file itself, before WAL, so that
            // the mark survives even if the service stops before its first checkpoint.
            let queue = try DatabaseQueue(path: path, configuration: configuration())
            try queue.write { db in try db.execute(sql: "PRAGMA application_id = \(applicationID)") }
            try queue.close()
        }
        let pool = try DatabasePool(path: path, configuration: configuration())
        // Durability: GRDB opens WAL with synchronous=NORMAL, under which a commit that
        // was acknowledged can be lost to a power failure (not to a killed process).
        // A recorded consent, approved minutes or an audit line must survive both, so
        // the writer syncs the WAL at every commit. The cost is measured in kasane-bench.
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        return try AppDatabase(pool, clock: clock)
    }

    /// Opens `path` read-only through SQLite and runs `body`; an SQLite failure
    /// becomes a plain refusal that says the file was left as it was.
    static func readOnly<T>(path: String, _ body: (Database) throws -> T) throws -> T {
        var readOnly = configuration()
        readOnly.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: readOnly)
            defer { try? queue.close() }
            return try queue.read(body)
        } catch let error as DatabaseError {
            throw KasaneError.unusableDatabase(
                "ファイル \(path) をKasaneのデータベースとして読めません（\(error.message ?? "SQLite error")）。ファイルは変更していません。")
        }
    }

    /// The schema check: every migration the file has applied is one this build knows.
    static func checkSchema(_ db: Database) throws {
        let applied = try migrator.appliedIdentifiers(db)
        let unknown = applied.subtracting(migrator.migrations)
        guard unknown.isEmpty else {
            throw KasaneError.unusableDatabase(
                "このデータベースは新しい版のKasaneで作られています（未知の変更: \(unknown.sorted().joined(separator: ", "))）。Kasaneを更新してから開いてください。ファイルは変更していません。")
        }
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(5)
        return config
    }

    /// `PRAGMA application_id` of every Kasane database: "KSNE".
    static let applicationID: Int32 = 0x4B53_4E45

    /// Writes the Kasane marks into the SQLite header: application id and schema version.
    static func stamp(_ db: Database) throws {
        let current = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        if current != applicationID { try db.execute(sql: "PRAGMA application_id = \(applicationID)") }
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if version < schemaVersion { try db.execute(sql: "PRAGMA user_version = \(schemaVersion)") }
    }

    /// Compact JSON with sorted keys, for the values stored as documents (settings, proposals).
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The schema version this build writes: the number of migrations it knows.
    static var schemaVersion: Int { migrator.migrations.count }
}
