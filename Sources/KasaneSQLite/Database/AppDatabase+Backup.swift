import Foundation
import GRDB
import KasaneCore

/// What `kasane backup verify` found in a copy.
public struct BackupReport: Codable, Sendable, Equatable {
    public var path: String
    public var bytes: Int
    public var schemaVersion: Int
    public var integrity: String
    public var cases: Int
    public var meetings: Int
    public var auditEntries: Int
}

extension AppDatabase {
    /// Copies the database to `destination` online, with SQLite's backup API, while
    /// the service goes on reading and writing: the copy is one consistent snapshot,
    /// holding every change committed before the copy started. It is written beside
    /// the destination and moved into place only when complete, so a crash never
    /// leaves a half-written backup under the final name. An existing file is not
    /// overwritten.
    public static func backup(path: String, to destination: String) throws -> BackupReport {
        try DatabaseFileCheck.check(path: path, knownSchemaVersion: schemaVersion)
        guard FileManager.default.fileExists(atPath: path) else {
            throw KasaneError.notFound("データベース \(path) がありません。")
        }
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw KasaneError.conflict("\(destination) はすでにあります。上書きはしません。別の名前を指定してください。")
        }
        let partial = destination + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        do {
            var config = configuration()
            config.readonly = true
            let source = try DatabaseQueue(path: path, configuration: config)
            let copy = try DatabaseQueue(path: partial, configuration: configuration())
            try source.backup(to: copy)
            try copy.writeWithoutTransaction { db in
                // A standalone file: no WAL beside it, synced before it is named.
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
            }
            try copy.close()
            try source.close()
            try DurableFile.sync(path: partial)
            try FileManager.default.moveItem(atPath: partial, toPath: destination)
            try DurableFile.syncDirectory(of: destination)
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(atPath: partial)
            throw KasaneError.unusableDatabase("バックアップを作れませんでした（\(error.message ?? "SQLite error")）。元のデータベースは変更していません。")
        }
        return try verifyBackup(path: destination)
    }

    /// Opens a copy read-only and checks it: a Kasane database this build knows, whose
    /// `integrity_check` is ok. Nothing is written to it.
    public static func verifyBackup(path: String) throws -> BackupReport {
        guard FileManager.default.fileExists(atPath: path) else {
            throw KasaneError.notFound("バックアップ \(path) がありません。")
        }
        try DatabaseFileCheck.check(path: path, knownSchemaVersion: schemaVersion)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return try readOnly(path: path) { db in
            try checkSchema(db)
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
            guard integrity == "ok" else {
                throw KasaneError.unusableDatabase("バックアップ \(path) が壊れています（integrity_check: \(integrity)）。")
            }
            return BackupReport(
                path: path, bytes: bytes, schemaVersion: try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
                integrity: integrity, cases: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM supportCase") ?? 0,
                meetings: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM meeting") ?? 0,
                auditEntries: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM auditLog") ?? 0)
        }
    }

    /// Puts a verified backup back into the database at `path`, through the same
    /// backup API in the other direction: SQLite writes it with its own locking and
    /// journal, so this is safe even while the service has the file open (its next
    /// read sees the restored data), and no stale WAL can be replayed over it.
    public static func restore(backup: String, into path: String) throws -> BackupReport {
        let report = try verifyBackup(path: backup)
        let target = try open(path: path)
        do {
            var config = configuration()
            config.readonly = true
            let source = try DatabaseQueue(path: backup, configuration: config)
            try source.backup(to: target.writer)
            try source.close()
        } catch let error as DatabaseError {
            throw KasaneError.unusableDatabase("復元できませんでした（\(error.message ?? "SQLite error")）。")
        }
        return report
    }
}
