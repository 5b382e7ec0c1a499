import Foundation
import GRDB
import KasaneCore
import KasaneStorage

// Cases, households and consents as the case access rule reads them, on SQLite.
// What they decide is the application's (KasaneApp/Cases).

struct SQLiteCases: CaseRepository {
    let db: Database

    func supportCase(id: Int64) throws -> SupportCase? { try SupportCase.fetchOne(db, key: id) }

    func supportCase(code: String) throws -> SupportCase? { try SupportCase.filter(Column("code") == code).fetchOne(db) }

    func codes(caseIds: [Int64]) throws -> [Int64: String] {
        guard !caseIds.isEmpty else { return [:] }
        return Dictionary(try SupportCase.filter(keys: caseIds).fetchAll(db).compactMap { c in c.id.map { ($0, c.code) } },
                          uniquingKeysWith: { first, _ in first })
    }

    func cases() throws -> [SupportCase] {
        try SupportCase.order(Column("fiscalYear").desc, Column("code")).fetchAll(db)
    }

    func count(fiscalYear: Int) throws -> Int {
        try SupportCase.filter(Column("fiscalYear") == fiscalYear).fetchCount(db)
    }

    func insert(_ supportCase: SupportCase) throws -> SupportCase {
        try supportCase.inserted(db)
    }

    func update(_ supportCase: SupportCase) throws { try supportCase.update(db) }

    func recordReferral(caseId: Int64, on day: LocalDate, agencyId: Int64?, reopening: Bool, at: Date) throws {
        try db.execute(
            sql: "INSERT INTO caseReferral (caseId, referredOn, referringAgencyId, reopening, recordedAt) VALUES (?, ?, ?, ?, ?)",
            arguments: [caseId, day.description, agencyId, reopening, at])
    }

    func assignments(caseId: Int64) throws -> [CaseAssignment] {
        try CaseAssignment.filter(Column("caseId") == caseId).order(Column("agencyId")).fetchAll(db)
    }

    func assign(_ assignment: CaseAssignment) throws { try assignment.upsert(db) }
}

struct SQLiteHousehold: HouseholdRepository {
    let db: Database

    func members(caseId: Int64) throws -> [HouseholdMember] {
        try HouseholdMember.filter(Column("caseId") == caseId).order(Column("id")).fetchAll(db)
    }

    func member(id: Int64) throws -> HouseholdMember? { try HouseholdMember.fetchOne(db, key: id) }

    func personal(caseId: Int64, excluding: Int64?) throws -> [HouseholdMemberPersonal] {
        try HouseholdMemberPersonal.fetchAll(db, sql: """
            SELECT p.* FROM householdMemberPersonal p JOIN householdMember m ON m.id = p.memberId
            WHERE m.caseId = ? AND m.id IS NOT ?
            """, arguments: [caseId, excluding])
    }

    func personal(memberId: Int64) throws -> HouseholdMemberPersonal? { try HouseholdMemberPersonal.fetchOne(db, key: memberId) }

    func everyPersonal() throws -> [HouseholdMemberPersonal] { try HouseholdMemberPersonal.fetchAll(db) }

    func insert(_ member: HouseholdMember, _ personal: HouseholdMemberPersonal) throws -> HouseholdMember {
        var m = member, p = personal
        try m.insert(db)
        p.memberId = try m.id ?? { throw KasaneError.unusableDatabase("登録した世帯員にIDがありません。") }()
        try p.insert(db)
        return m
    }

    func update(_ member: HouseholdMember, _ personal: HouseholdMemberPersonal) throws {
        try member.update(db)
        try personal.upsert(db)
    }
}

struct SQLiteConsents: ConsentRepository {
    let db: Database

    func consent(id: Int64) throws -> Consent? { try Consent.fetchOne(db, key: id) }

    func insert(_ consent: Consent) throws -> Consent {
        try consent.inserted(db)
    }

    func update(_ consent: Consent) throws { try consent.update(db) }

    func consents(caseId: Int64) throws -> [Consent] {
        try Consent.filter(Column("caseId") == caseId).order(Column("givenOn"), Column("id")).fetchAll(db)
    }

    func consents(caseIds: Set<Int64>) throws -> [Int64: [Consent]] {
        guard !caseIds.isEmpty else { return [:] }
        let found = Dictionary(grouping: try Consent.filter(caseIds.contains(Column("caseId")))
            .order(Column("givenOn"), Column("id")).fetchAll(db), by: \.caseId)
        return Dictionary(uniqueKeysWithValues: caseIds.map { ($0, found[$0] ?? []) })
    }
}
