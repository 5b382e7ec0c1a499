import Foundation
import GRDB
import KasaneApp
import KasaneCore
import KasaneSQLite
import Testing

@Suite("The audit log is a hash chain: a row rewritten, replaced or removed is named")
struct AuditChainTests {
    /// A city with some activity in its log: a case, reads, a refusal.
    func busyCity() async throws -> TestCity {
        let city = try await TestCity.make()
        let (c, _) = try await city.northCase()
        _ = try await city.db.supportCase(id: c.id!, for: city.northMember)
        _ = try? await city.db.supportCase(id: c.id!, for: city.southMember)
        return city
    }

    func rows(_ city: TestCity) async throws -> [AuditEntry] {
        try await city.db.reader.read { db in try AuditEntry.order(Column("id")).fetchAll(db) }
    }

    /// Runs SQL as someone with the file would, the triggers dropped first.
    func tamper(_ city: TestCity, _ sql: String) async throws {
        try await city.db.writer.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS auditLog_no_update; DROP TRIGGER IF EXISTS auditLog_no_delete; DROP TRIGGER IF EXISTS auditLog_appended")
            try db.execute(sql: sql)
        }
    }

    @Test("Each row carries the hash of the one before; the chain verifies and the head is the last row")
    func chained() async throws {
        let city = try await busyCity()
        let all = try await rows(city)
        #expect(all.count > 5)
        #expect(all[0].previousHash == AuditChain.genesis)
        for (a, b) in zip(all, all.dropFirst()) {
            #expect(b.previousHash == a.hash && b.id == a.id! + 1)
        }
        #expect(all.allSatisfy { $0.hash == $0.computedHash() })
        let report = try await city.db.verifyAuditLog(for: .localOperator)
        #expect(report.ok && report.rows == all.count && report.head == ChainHead(id: all.last!.id!, hash: all.last!.hash!))
        // Only administrators (and the console) verify.
        await #expect(throws: KasaneError.self) { try await city.db.verifyAuditLog(for: city.coordinator) }
    }

    @Test("The database refuses UPDATE, DELETE, INSERT OR REPLACE and a row out of the chain")
    func refusedBySQLite() async throws {
        let city = try await busyCity()
        let before = try await rows(city)
        let first = before[3]
        for sql in [
            "UPDATE auditLog SET allowed = 1 WHERE id = \(first.id!)",
            "DELETE FROM auditLog WHERE id = \(first.id!)",
            "INSERT OR REPLACE INTO auditLog (id, at, origin, action, target, allowed, previousHash, hash) VALUES (\(first.id!), '2026-01-01 00:00:00.000', 'x', 'case.read', 'case:1', 1, '\(first.previousHash!)', 'h')",
            "REPLACE INTO auditLog (id, at, origin, action, target, allowed, previousHash, hash) VALUES (\(first.id!), '2026-01-01 00:00:00.000', 'x', 'case.read', 'case:1', 1, '\(first.previousHash!)', 'h')",
            "INSERT INTO auditLog (at, origin, action, target, allowed, previousHash, hash) VALUES ('2026-01-01 00:00:00.000', 'x', 'case.read', 'case:1', 1, '\(AuditChain.genesis)', 'h')",
            "INSERT INTO auditLog (id, at, origin, action, target, allowed, previousHash, hash) VALUES (\(before.count + 1), '2026-01-01 00:00:00.000', 'x', 'case.read', 'case:1', 1, '\(AuditChain.genesis)', 'h')",
        ] {
            await #expect(throws: DatabaseError.self, "\(sql)") { try await city.db.writer.write { db in try db.execute(sql: sql) } }
        }
        #expect(try await rows(city) == before)
    }

    @Test("With the triggers dropped, a rewritten row, a replaced row and a removed row are each named")
    func tampered() async throws {
        for (sql, row, words) in [
            ("UPDATE auditLog SET allowed = 1 - allowed WHERE id = 5", Int64(5), "内容"),
            ("INSERT OR REPLACE INTO auditLog SELECT id, at, staffId, origin, 'case.list', target, caseCode, meetingId, allowed, detail, previousHash, hash FROM auditLog WHERE id = 4", Int64(4), "内容"),
            ("DELETE FROM auditLog WHERE id = 3", Int64(3), "ありません"),
            ("UPDATE auditLog SET previousHash = '\(AuditChain.genesis)' WHERE id = 6", Int64(6), "つながり"),
        ] {
            let city = try await busyCity()
            try await tamper(city, sql)
            let report = try await city.db.verifyAuditLog(for: .localOperator)
            #expect(!report.ok && report.problemRowId == row, "\(sql)")
            #expect(report.problem?.contains("行 \(row)") == true && report.problem?.contains(words) == true, "\(report.problem ?? "")")
        }
    }

    @Test("A removed tail passes the chain but not the head published before it")
    func tail() async throws {
        let city = try await busyCity()
        let published = try #require(try await city.db.auditHead())
        let line = try await city.db.chainHeads().logLine
        #expect(PublishedHeads.audit(in: "2026-12-03T10:00:00+0900 notice kasane : \(line)") == [published])
        #expect(try await city.db.verifyAuditLog(published: [published], for: .localOperator).publishedChecked == 1)
        try await tamper(city, "DELETE FROM auditLog WHERE id >= \(published.id - 1)")
        let plain = try await city.db.verifyAuditLog(for: .localOperator)
        #expect(plain.ok, "the chain alone cannot see a removed tail")
        let against = try await city.db.verifyAuditLog(published: [published], for: .localOperator)
        #expect(!against.ok && against.problemRowId == published.id && against.problem?.contains("公開された先頭") == true)
    }

    @Test("The audit CSV carries each row's hash, and no cell Excel would run as a formula")
    func csv() async throws {
        let city = try await busyCity()
        try await city.db.logUnauthenticated(origin: "=cmd|' /C calc'!A0", path: "+SUM(1)")
        let csv = try await city.db.auditLogCSV(AuditFilter(), for: .localOperator)
        // The newest row is the CSV's own reading, written after it.
        let listed = try await rows(city).dropLast().last!
        #expect(csv.contains("ハッシュ") && csv.contains(listed.hash!))
        #expect(csv.contains(",'=cmd|' /C calc'!A0,") && csv.contains(",'+SUM(1),") && !csv.contains(",=cmd") && !csv.contains(",+SUM"))
    }
}
