import Foundation
import GRDB
import KasaneApp
import KasaneCore
import KasaneDemo
@testable import KasaneSQLite
import Testing

@Suite("Durable writes and online backup")
struct BackupTests {
    func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kasane-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test("A file database syncs every commit (synchronous=FULL in WAL)")
    func durability() throws {
        let path = try folder().appendingPathComponent("k.sqlite").path
        let db = try AppDatabase.open(path: path)
        let (mode, sync) = try db.writer.writeWithoutTransaction { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(mode == "wal")
        #expect(sync == 2)  // FULL
    }

    @Test("A backup taken while writes go on holds every change acknowledged before it began, and restores intact")
    func backupUnderLoad() async throws {
        let dir = try folder()
        let path = dir.appendingPathComponent("live.sqlite").path
        let db = try AppDatabase.open(path: path)
        _ = try await db.seedDemo()
        let seededCases = try await db.cases(for: .localOperator).count

        // A writer that keeps recording districts, each acknowledged when addDistrict returns.
        actor Acknowledged {
            var codes: [String] = []
            func add(_ code: String) { codes.append(code) }
        }
        let acknowledged = Acknowledged()
        let writer = Task {
            var i = 0
            while !Task.isCancelled && i < 5000 {
                i += 1
                let code = "L\(i)"
                _ = try await db.addDistrict(District(code: code, name: "負荷\(i)"), by: .localOperator)
                await acknowledged.add(code)
            }
        }
        while await acknowledged.codes.count < 50 { try await Task.sleep(for: .milliseconds(5)) }
        let before = await acknowledged.codes
        let copy = dir.appendingPathComponent("copy.sqlite").path
        let report = try await Task.detached { try AppDatabase.backup(path: path, to: copy) }.value
        let duringBackup = await acknowledged.codes.count
        writer.cancel()
        _ = try? await writer.value
        #expect(report.integrity == "ok")
        #expect(report.cases == seededCases)
        #expect(!FileManager.default.fileExists(atPath: copy + ".partial"))
        #expect(duringBackup > before.count, "writes went on while the backup ran")

        // Restore into a fresh file and find every change acknowledged before the backup.
        let restoredPath = dir.appendingPathComponent("restored.sqlite").path
        _ = try AppDatabase.restore(backup: copy, into: restoredPath)
        let restored = try AppDatabase.open(path: restoredPath)
        let codes = Set(try await restored.districts().map(\.code))
        #expect(Set(before).isSubset(of: codes))
        #expect(try AppDatabase.verifyBackup(path: restoredPath).integrity == "ok")
        // The live database goes on: it has at least what the copy has.
        #expect(try await db.districts().count >= codes.count)
    }

    @Test("A backup never overwrites a file, and verify refuses what is not a sound Kasane database")
    func refusals() throws {
        let dir = try folder()
        let path = dir.appendingPathComponent("k.sqlite").path
        _ = try AppDatabase.open(path: path)
        let existing = dir.appendingPathComponent("existing.sqlite").path
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: existing))
        #expect { try AppDatabase.backup(path: path, to: existing) } throws: { ($0 as? KasaneError)?.message.contains("上書き") == true }
        #expect(try Data(contentsOf: URL(fileURLWithPath: existing)) == Data("keep me".utf8))
        #expect { try AppDatabase.verifyBackup(path: existing) } throws: { ($0 as? KasaneError)?.message.contains("Kasaneのデータベースではありません") == true }
        #expect(throws: KasaneError.self) { try AppDatabase.verifyBackup(path: dir.appendingPathComponent("none.sqlite").path) }

        // A copy with a damaged page is caught by integrity_check.
        let copy = dir.appendingPathComponent("copy.sqlite").path
        _ = try AppDatabase.backup(path: path, to: copy)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: copy))
        let page = 4096
        #expect(bytes.count > 4 * page)
        // Overwrite the b-tree header of every page after the first.
        for start in stride(from: page, to: bytes.count, by: page) {
            for i in start..<(start + 12) { bytes[i] = 0xA5 }
        }
        try bytes.write(to: URL(fileURLWithPath: copy))
        #expect { try AppDatabase.verifyBackup(path: copy) } throws: { error in
            guard case .unusableDatabase(let m) = error as? KasaneError else { return false }
            return m.contains("integrity_check") || m.contains("読めません")
        }
    }
}
