import Foundation
import GRDB
import KasaneApp
import KasaneCore
@testable import KasaneSQLite
import Testing

@Suite("Database files")
struct DatabaseFileTests {
    func tempPath(_ name: String) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kasane-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name).path
    }

    /// A Kasane database, then changed behind its back by `sql` and written out of WAL,
    /// as a newer Kasane would have left it.
    func kasaneDatabase(at path: String, thenRun sql: String) throws {
        _ = try AppDatabase.open(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: sql)
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
        }
        try queue.close()
    }

    func refuses(_ path: String, saying words: String) throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect { try AppDatabase.open(path: path) } throws: { error in
            guard case .unusableDatabase(let message) = error as? KasaneError else { return false }
            return message.contains(words) && message.contains("変更していません")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test("A new file is created in WAL mode with foreign keys on, and opens again")
    func createAndReopen() async throws {
        let path = tempPath("k.sqlite")
        do {
            let db = try AppDatabase.open(path: path)
            try await db.addDistrict(District(code: "N", name: "北部"), by: .localOperator)
            let (mode, fk) = try await db.reader.read { db in
                (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
            }
            #expect(mode == "wal")
            #expect(fk == 1)
        }
        let again = try AppDatabase.open(path: path)
        #expect(try await again.districts().map(\.code) == ["N"])
    }

    @Test("A text file is not a Kasane database, and stays as it was")
    func textFile() throws {
        let path = tempPath("notes.sqlite")
        try Data("議事録のメモ\n".utf8).write(to: URL(fileURLWithPath: path))
        try refuses(path, saying: "SQLiteのファイルではありません")
    }

    @Test("Another program's SQLite database is refused, and stays as it was")
    func foreignSQLite() throws {
        let path = tempPath("other.sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (1)") }
        try queue.close()
        try refuses(path, saying: "Kasaneのデータベースではありません")
    }

    @Test("A database written by a newer Kasane is refused, and stays as it was")
    func newerSchemaVersion() throws {
        let path = tempPath("newer.sqlite")
        try kasaneDatabase(at: path, thenRun: "PRAGMA user_version = 99")
        try refuses(path, saying: "新しい版のKasane")
    }

    @Test("A database with a migration this build does not know is refused")
    func unknownMigration() throws {
        let path = tempPath("future.sqlite")
        try kasaneDatabase(at: path, thenRun: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')")
        try refuses(path, saying: "新しい版のKasane")
    }
}
