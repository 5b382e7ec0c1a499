import Foundation
import GRDB
import KasaneApp
import KasaneCore
import KasaneSQLite
import Testing

@Suite("Directory")
struct DirectoryTests {
    @Test("Import creates agencies, staff, pledges and default contacts; a second import updates")
    func importAndUpdate() async throws {
        let city = try await TestCity.make()
        let counts = try await city.counts()
        #expect(counts["agency"] == 5)
        #expect(counts["staff"] == 6)
        #expect(counts["pledge"] == 4)
        let north = try await city.db.agency(id: city.northCare)
        #expect(north.defaultContactId == (try await city.db.staff(email: "north@city.example.jp")).id)
        let report = try await city.db.importDirectory(
            agenciesCSV: Data(TestCity.agencies.replacingOccurrences(of: "北部包括", with: "北部包括（本所）").utf8),
            staffCSV: nil, by: .localOperator)
        #expect(report.agenciesUpdated == 5 && report.agenciesCreated == 0)
        #expect(try await city.db.agency(id: city.northCare).name == "北部包括（本所）")
    }

    @Test("A staff row naming an agency whose own row is wrong is not also called unknown: the agency's row says why")
    func unreadAgencyNotBlamedTwice() async throws {
        let city = try await TestCity.make()
        let agencies = TestCity.agencies + "\nNEW,新しい機関,種別,障害,,外注,障害者支援課,"
        let staff = "機関コード,氏名,メール,役割\nNEW,新人 一,new1@city.example.jp,構成員\nGONE,新人 二,new2@city.example.jp,構成員\n"
        await #expect {
            try await city.db.importDirectory(agenciesCSV: Data(agencies.utf8), staffCSV: Data(staff.utf8), by: .localOperator)
        } throws: { error in
            guard case .rejectedRows(let problems) = error as? KasaneError else { return false }
            return problems.count == 2 && problems[0].file == "機関ファイル" && problems[0].column == "運営"
                && problems[1].file == "職員ファイル" && problems[1].row == 3 && problems[1].message.contains("GONE")
        }
    }

    @Test("A staff file with bad rows is refused whole, every row at once (read and checked against the directory), and the agencies file with it")
    func atomicImport() async throws {
        let city = try await TestCity.make()
        let before = try await city.counts()
        let agencies = TestCity.agencies + "\nNEW,新しい機関,種別,障害,,委託,障害者支援課,"
        let staff = """
            機関コード,氏名,メール,役割
            NEW,新人 一,new1@city.example.jp,構成員
            NOPE,新人 二,new2@city.example.jp,構成員
            NEW,新人 三,new3@city.example.jp,王様
            """
        await #expect {
            try await city.db.importDirectory(agenciesCSV: Data(agencies.utf8), staffCSV: Data(staff.utf8), by: .localOperator)
        } throws: { error in
            guard case .rejectedRows(let problems) = error as? KasaneError else { return false }
            // Both at once: the unknown agency code (row 3) and the bad role (row 4).
            return problems.map(\.row) == [3, 4] && problems.allSatisfy { $0.file == "職員ファイル" }
                && problems[0].message.contains("NOPE") && problems[1].column == "役割"
        }
        // Fix the role and the unknown agency code is still refused, whole.
        let staff2 = staff.replacingOccurrences(of: "王様", with: "構成員")
        await #expect {
            try await city.db.importDirectory(agenciesCSV: Data(agencies.utf8), staffCSV: Data(staff2.utf8), by: .localOperator)
        } throws: { error in
            guard case .rejectedRows(let problems) = error as? KasaneError else { return false }
            return problems.map(\.row) == [3] && problems[0].message.contains("NOPE")
        }
        #expect(try await city.counts() == before)
    }

    @Test("Only administrators manage the directory")
    func directoryPermissions() async throws {
        let city = try await TestCity.make()
        let agency = Agency(code: "X", name: "新機関", kind: "種別", fields: [.care], districts: [], operation: .direct, department: "課")
        await #expect(throws: KasaneError.forbidden("機関・職員の管理は管理者の役割の職員だけが行えます。")) {
            try await city.db.createAgency(agency, by: city.coordinator)
        }
        let created = try await city.db.createAgency(agency, by: city.administrator)
        #expect(created.id != nil)
        await #expect(throws: KasaneError.self) { try await city.db.createAgency(agency, by: city.administrator) }
    }

    @Test("An agency's default contact must be its own active staff")
    func defaultContact() async throws {
        let city = try await TestCity.make()
        var north = try await city.db.agency(id: city.northCare)
        let southStaff = try await city.db.staff(email: "south@city.example.jp")
        north.defaultContactId = southStaff.id
        await #expect { try await city.db.updateAgency(id: city.northCare, with: north, by: city.administrator) } throws: {
            ($0 as? KasaneError)?.field == "defaultContactId"
        }
        #expect(try await city.db.agency(id: city.northCare).defaultContactId != southStaff.id)
    }

    @Test("Duplicate e-mail, unknown agency and unknown field are refused")
    func staffRefusals() async throws {
        let city = try await TestCity.make()
        let dup = Staff(agencyId: city.northCare, name: "重複", email: "NORTH@city.example.jp", roles: [.member])
        await #expect(throws: KasaneError.self) { try await city.db.createStaff(dup, by: city.administrator) }
        let stray = Staff(agencyId: 999, name: "迷子", email: "x@city.example.jp", roles: [.member])
        await #expect { try await city.db.createStaff(stray, by: city.administrator) } throws: {
            ($0 as? KasaneError)?.field == "agencyId"
        }
        let odd = Agency(code: "Y", name: "機関", kind: "種別", fields: [Field("宇宙")], districts: [], operation: .direct, department: "課")
        await #expect(throws: KasaneError.self) { try await city.db.createAgency(odd, by: city.administrator) }
        try await city.db.addField("宇宙", by: city.administrator)
        #expect(try await city.db.createAgency(odd, by: city.administrator).fields == [Field("宇宙")])
    }

    @Test("Pledges are recorded, never edited nor deleted, and not in the future")
    func pledges() async throws {
        let city = try await TestCity.make()
        let south = try await city.db.staff(email: "south@city.example.jp")
        let pledge = try await city.db.recordPledge(
            staffId: south.id!, pledgedOn: LocalDate("2026-11-01")!, note: nil, by: city.coordinator)
        await #expect(throws: KasaneError.self) {
            try await city.db.recordPledge(staffId: south.id!, pledgedOn: LocalDate("2099-01-01")!, note: nil, by: city.coordinator)
        }
        await #expect(throws: KasaneError.self) {
            try await city.db.recordPledge(staffId: south.id!, pledgedOn: LocalDate("2026-11-01")!, note: nil, by: city.southMember)
        }
        await #expect(throws: DatabaseError.self) {
            try await city.db.writer.write { db in try db.execute(sql: "UPDATE pledge SET pledgedOn = '2020-01-01' WHERE id = ?", arguments: [pledge.id]) }
        }
        await #expect(throws: DatabaseError.self) {
            try await city.db.writer.write { db in try db.execute(sql: "DELETE FROM pledge") }
        }
    }

    @Test("Tokens are stored hashed, identify active staff, and stop working when revoked")
    func tokens() async throws {
        let city = try await TestCity.make()
        let north = try await city.db.staff(email: "north@city.example.jp")
        let (token, record) = try await city.db.issueToken(staffId: north.id!, label: "端末", by: .localOperator)
        #expect(token.count == 43)
        let stored = try await city.db.reader.read { db in try String.fetchAll(db, sql: "SELECT tokenHash FROM apiToken") }
        #expect(!stored.contains(token))
        #expect(try await city.db.staff(forToken: token)?.id == north.id)
        // One character changed (never to itself: a token may well start with "x").
        let altered = (token.first == "x" ? "y" : "x") + token.dropFirst()
        #expect(try await city.db.staff(forToken: altered) == nil)
        try await city.db.revokeToken(id: record.id!, by: .localOperator)
        #expect(try await city.db.staff(forToken: token) == nil)
        await #expect(throws: KasaneError.self) { try await city.db.revokeToken(id: record.id!, by: .localOperator) }

        let (second, _) = try await city.db.issueToken(staffId: north.id!, label: "端末2", by: .localOperator)
        var inactive = north
        inactive.active = false
        try await city.db.updateStaff(id: north.id!, with: inactive, by: city.administrator)
        #expect(try await city.db.staff(forToken: second) == nil)
        await #expect(throws: KasaneError.self) { try await city.db.issueToken(staffId: north.id!, label: "x", by: .localOperator) }
    }
}
