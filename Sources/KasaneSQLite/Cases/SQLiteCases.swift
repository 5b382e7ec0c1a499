import Foundation
import GRDB
import KasaneCore
import KasaneStorage

// Cases, households, consents and meetings as the case access rule reads them, on SQLite.
// What they decide is the application's (KasaneApp/Cases).

struct SQLiteCases: CaseRepository {
    let db: Database

    func supportCase(id: Int64) throws -> SupportCase? { try SupportCase.fetchOne(db, key: id) }

    func cases() throws -> [SupportCase] {
        try SupportCase.order(Column("fiscalYear").desc, Column("code")).fetchAll(db)
    }

    func count(fiscalYear: Int) throws -> Int {
        try SupportCase.filter(Column("fiscalYear") == fiscalYear).fetchCount(db)
    }

    func insert(_ supportCase: SupportCase) throws -> SupportCase {
        var c = supportCase
        try c.insert(db)
        return c
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

struct SQLiteConsentReading: ConsentReading {
    let db: Database

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

struct SQLiteMeetingReading: MeetingReading {
    let db: Database

    func meeting(id: Int64) throws -> LoadedMeeting? { try AppDatabase.meetingIfAny(db, id: id) }

    func meetings(ids: [Int64]) throws -> [LoadedMeeting] {
        guard !ids.isEmpty else { return [] }
        let meetings = try Meeting.filter(keys: ids).fetchAll(db)
        let items = Dictionary(grouping: try AgendaItem.filter(ids.contains(Column("meetingId")))
            .order(Column("position"), Column("id")).fetchAll(db), by: \.meetingId)
        let attendees = Dictionary(grouping: try Attendee.filter(ids.contains(Column("meetingId")))
            .order(Column("id")).fetchAll(db), by: \.meetingId)
        let order = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return meetings.sorted { (order[$0.id ?? 0] ?? 0) < (order[$1.id ?? 0] ?? 0) }.map { meeting in
            let id = meeting.id ?? 0
            return LoadedMeeting(meeting: meeting, items: items[id] ?? [], attendees: attendees[id] ?? [])
        }
    }

    func liveMeetingIds(attendedBy staffId: Int64) throws -> [Int64] {
        try Int64.fetchAll(db, sql: """
            SELECT meeting.id FROM meeting JOIN attendee ON attendee.meetingId = meeting.id
            WHERE attendee.staffId = ? AND meeting.status != 'cancelled'
            """, arguments: [staffId])
    }
}
