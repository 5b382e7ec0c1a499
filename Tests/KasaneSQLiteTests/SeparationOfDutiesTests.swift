import Foundation
import GRDB
import KasaneApp
import KasaneCore
import KasaneSQLite
import Testing

@Suite("Separation of duties: no path from administrator to reader")
struct SeparationOfDutiesTests {
    @Test("API tokens are issued only to oneself; an administrator revokes anyone's, a member only their own")
    func tokens() async throws {
        let city = try await TestCity.make()
        let north = try #require(city.northMember.staffId), admin = try #require(city.administrator.staffId)
        await #expect { try await city.db.issueToken(staffId: north, label: "代理", by: city.administrator) } throws: {
            if case .forbidden = $0 as? KasaneError { true } else { false }
        }
        #expect(try await city.db.tokens(staffId: north).isEmpty)
        let own = try await city.db.issueToken(staffId: north, label: "自分の連携", by: city.northMember)
        #expect(try await city.db.staff(forToken: own.token)?.id == north)
        _ = try await city.db.issueToken(staffId: admin, label: "管理用", by: city.administrator)
        await #expect(throws: KasaneError.self) { try await city.db.revokeToken(id: own.record.id!, by: city.southMember) }
        try await city.db.revokeToken(id: own.record.id!, by: city.administrator)
        #expect(try await city.db.staff(forToken: own.token) == nil)
        // The audit log names who issued each: the owner themself.
        let issued = try await city.db.auditLog(AuditFilter(action: "token.issue"), for: city.administrator)
        #expect(issued.filter(\.allowed).allSatisfy { $0.target == "staff:\($0.staffId ?? 0)" })
        #expect(issued.contains { !$0.allowed && $0.staffId == admin && $0.target == "staff:\(north)" })
    }

    @Test("An administrator who gives themself the coordinator role only asks for it; a second person approves, never the one asking or the one it is for")
    func roles() async throws {
        let city = try await TestCity.make()
        let db = city.db
        let adminId = try #require(city.administrator.staffId)
        var me = try await db.staff(id: adminId)
        me.roles = [.administrator, .coordinator]
        let saved = try await db.updateStaff(id: adminId, with: me, by: city.administrator)
        #expect(saved.roles == [.administrator])
        #expect(try await db.staff(id: adminId).roles == [.administrator])
        let pending = try await db.roleGrants(for: city.administrator)
        #expect(pending.count == 1 && pending[0].role == .coordinator && pending[0].requestedBy == adminId && pending[0].status == .pending)
        // Nobody reads a case on the strength of a request.
        #expect(try await db.cases(for: .staff(try await db.staff(id: adminId))).isEmpty)
        // The one asking (and the one it is for) cannot approve; a member cannot either.
        await #expect(throws: KasaneError.self) { try await db.decideRoleGrant(id: pending[0].id!, approve: true, by: city.administrator) }
        await #expect(throws: KasaneError.self) { try await db.decideRoleGrant(id: pending[0].id!, approve: true, by: city.northMember) }
        #expect(try await db.staff(id: adminId).roles == [.administrator])

        // A new member asked for by the administrator: a coordinator approves; the member cannot approve their own.
        let agency = try #require(try await db.agencies().first { $0.code == "HK-S" }?.id)
        let added = try await db.createStaff(
            Staff(agencyId: agency, name: "新人 六郎", email: "new@city.example.jp", roles: [.member]), by: city.administrator)
        #expect(added.roles.isEmpty)
        let request = try #require(try await db.roleGrants(for: city.coordinator).first { $0.staffId == added.id })
        let newcomer = Actor.staff(try await db.staff(id: added.id!))
        await #expect(throws: KasaneError.self) { try await db.decideRoleGrant(id: request.id!, approve: true, by: newcomer) }
        let approved = try await db.decideRoleGrant(id: request.id!, approve: true, by: city.coordinator)
        #expect(approved.status == .approved && approved.decidedBy == city.coordinator.staffId)
        #expect(try await db.staff(id: added.id!).roles == [.member])
        await #expect(throws: KasaneError.self) { try await db.decideRoleGrant(id: request.id!, approve: false, by: city.coordinator) }
        // The coordinator refuses the administrator's own request.
        let refused = try await db.decideRoleGrant(id: pending[0].id!, approve: false, reason: "管理者は事例を読まない", by: city.coordinator)
        let rolesNow = try await db.staff(id: adminId).roles
        #expect(refused.status == .refused && rolesNow == [.administrator])
        // Every request and decision is in the log, naming who asked and who decided.
        let log = try await db.auditLog(AuditFilter(action: "role"), for: city.administrator)
        #expect(log.contains { $0.action == "role.request" && $0.staffId == adminId && $0.detail?.contains("多機関協働") == true })
        #expect(log.contains { $0.action == "role.approve" && $0.allowed && $0.staffId == city.coordinator.staffId && $0.detail?.contains("依頼: 職員ID \(adminId)") == true })
        #expect(log.contains { $0.action == "role.approve" && !$0.allowed && $0.staffId == adminId })
        // Taking a role away needs no second person (nor does a role that reads no case).
        var less = try await db.staff(id: added.id!)
        less.roles = [.administrator]
        #expect(try await db.updateStaff(id: added.id!, with: less, by: city.administrator).roles == [.administrator])
        // A decision stands, in the database too.
        await #expect(throws: DatabaseError.self) {
            try await db.writer.write { db in try db.execute(sql: "UPDATE roleGrant SET status = 'approved', decidedBy = ? WHERE id = ?", arguments: [adminId, pending[0].id]) }
        }
    }

    @Test("A directory import by the administrator asks for the case-reading roles of new staff instead of giving them")
    func importAsks() async throws {
        let city = try await TestCity.make()
        let csv = "機関コード,氏名,メール,役割,守秘義務確認日,有効\nHK-S,南部 七郎,seven@city.example.jp,構成員,,有効\nKYS,事務 八子,eight@city.example.jp,管理者,,有効\n"
        let report = try await city.db.importDirectory(agenciesCSV: nil, staffCSV: Data(csv.utf8), by: city.administrator)
        #expect(report.staffCreated == 2 && report.rolesRequested == 1 && report.summary.contains("承認待ち"))
        #expect(try await city.db.staff(email: "seven@city.example.jp").roles.isEmpty)
        #expect(try await city.db.staff(email: "eight@city.example.jp").roles == [.administrator])
        // The console (setting a city up, with the database file at hand) gives them directly.
        let direct = try await city.db.importDirectory(
            agenciesCSV: nil, staffCSV: Data(csv.replacingOccurrences(of: "seven", with: "nine").replacingOccurrences(of: "eight", with: "ten").utf8),
            by: .localOperator)
        let nine = try await city.db.staff(email: "nine@city.example.jp").roles
        #expect(direct.rolesRequested == 0 && nine == [.member])
    }
}
