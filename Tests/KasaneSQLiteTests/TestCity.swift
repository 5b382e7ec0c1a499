import Foundation
import KasaneApp
import KasaneCore
import KasaneSQLite

/// A small directory in a fresh in-memory database.
struct TestCity {
    let db: AppDatabase
    let coordinator: Actor
    let secretariat: Actor
    let administrator: Actor
    let northMember: Actor
    let southMember: Actor
    let northCare: Int64
    let southCare: Int64
    let mentalHealth: Int64

    static let agencies = """
        機関コード,機関名,種別,分野,地区,運営,所管課,既定の連絡先
        CSW,社協,社会福祉協議会,地域,,委託,地域共生課,coord@city.example.jp
        KYS,事務局,市役所,地域,,直営,地域共生課,
        HK-N,北部包括,地域包括支援センター,介護・高齢,N,委託,高齢者支援課,north@city.example.jp
        HK-S,南部包括,地域包括支援センター,介護・高齢,S,委託,高齢者支援課,south@city.example.jp
        HOKEN,保健センター,保健センター,精神保健,,直営,健康増進課,mental@city.example.jp
        """
    static let staff = """
        機関コード,氏名,メール,役割,守秘義務確認日,有効
        CSW,調整 太郎,coord@city.example.jp,多機関協働,2026-04-01,有効
        KYS,事務 花子,sec@city.example.jp,事務局,2026-04-01,有効
        KYS,管理 次郎,admin@city.example.jp,管理者,,有効
        HK-N,北部 三郎,north@city.example.jp,構成員,2026-04-01,有効
        HK-S,南部 四郎,south@city.example.jp,構成員,,有効
        HOKEN,保健 五郎,mental@city.example.jp,構成員,2026-04-01,有効
        """

    static func make() async throws -> TestCity {
        let db = try AppDatabase.inMemory()
        try await db.addDistrict(District(code: "N", name: "北部"), by: .localOperator)
        try await db.addDistrict(District(code: "S", name: "南部"), by: .localOperator)
        try await db.importDirectory(agenciesCSV: Data(agencies.utf8), staffCSV: Data(staff.utf8), by: .localOperator)
        let agencies = try await db.agencies()
        func actor(_ email: String) async throws -> Actor { .staff(try await db.staff(email: email)) }
        func agency(_ code: String) -> Int64 { agencies.first { $0.code == code }!.id! }
        return TestCity(
            db: db, coordinator: try await actor("coord@city.example.jp"), secretariat: try await actor("sec@city.example.jp"),
            administrator: try await actor("admin@city.example.jp"), northMember: try await actor("north@city.example.jp"),
            southMember: try await actor("south@city.example.jp"), northCare: agency("HK-N"), southCare: agency("HK-S"),
            mentalHealth: agency("HOKEN"))
    }

    /// A case in the north involving the north's care centre, with its principal.
    func northCase(received: String = "2026-06-01") async throws -> (SupportCase, HouseholdMember) {
        let c = try await db.createCase(
            CaseInput(
                receivedOn: LocalDate(received), district: "N", fields: [.care, .mentalHealth],
                referringAgencyId: northCare, summary: "8050世帯"),
            by: coordinator)
        let principal = try await db.addHouseholdMember(
            caseId: c.id!,
            HouseholdMemberInput(relation: "本人", name: "試験 太郎", kana: "しけん たろう", birthDate: LocalDate("1972-01-01"),
                                 sex: "男性", address: "架空市1-1"),
            by: coordinator)
        return (c, principal)
    }

    /// Row counts of every table, to show that a refused input changed nothing.
    func counts() async throws -> [String: Int] {
        try await db.reader.read { db in
            var result: [String: Int] = [:]
            for table in ["agency", "staff", "pledge", "supportCase", "householdMember", "householdMemberPersonal",
                          "consent", "caseAssignment", "memberProposal", "district", "field", "apiToken"] {
                result[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)")
            }
            return result
        }
    }
}

import GRDB
