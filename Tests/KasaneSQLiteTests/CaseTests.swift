import Foundation
import GRDB
import KasaneApp
import KasaneCore
import KasaneSQLite
import Testing

@Suite("Cases, household and consent")
struct CaseTests {
    @Test("Case codes count from 1 in each fiscal year, which starts on 1 April")
    func caseCodes() async throws {
        let city = try await TestCity.make()
        let a = try await city.northCase(received: "2026-03-31").0
        let b = try await city.northCase(received: "2026-04-01").0
        let c = try await city.northCase(received: "2026-11-01").0
        #expect([a.code, b.code, c.code] == ["K-2025-001", "K-2026-001", "K-2026-002"])
    }

    @Test("Bad case input is refused with the field, and nothing is stored")
    func caseRefusals() async throws {
        let city = try await TestCity.make()
        let before = try await city.counts()
        let bad: [(CaseInput, String)] = [
            (CaseInput(district: "Z", fields: [.care], summary: "x"), "district"),
            (CaseInput(district: "N", fields: [], summary: "x"), "fields"),
            (CaseInput(district: "N", fields: [.care], leadAgencyId: 999, summary: "x"), "leadAgencyId"),
            (CaseInput(district: "N", fields: [.care], summary: String(repeating: "長", count: 201)), "summary"),
            (CaseInput(receivedOn: LocalDate("2099-01-01"), district: "N", fields: [.care], summary: "x"), "receivedOn"),
        ]
        for (input, field) in bad {
            await #expect { try await city.db.createCase(input, by: city.coordinator) } throws: {
                ($0 as? KasaneError)?.field == field
            }
        }
        await #expect(throws: KasaneError.self) {
            try await city.db.createCase(CaseInput(district: "N", fields: [.care], summary: "x"), by: city.administrator)
        }
        #expect(try await city.counts() == before)
    }

    @Test("A member sees only cases of their agency; others are not hinted at")
    func needToKnow() async throws {
        let city = try await TestCity.make()
        let (c, principal) = try await city.northCase()
        #expect(try await city.db.cases(for: city.northMember).map(\.id) == [c.id])
        #expect(try await city.db.cases(for: city.southMember).isEmpty)
        #expect(try await city.db.cases(for: city.administrator).isEmpty)
        await #expect(throws: KasaneError.notFound("事例（ID \(c.id!)）は見つかりません。")) {
            try await city.db.supportCase(id: c.id!, for: city.southMember)
        }
        await #expect(throws: KasaneError.notFound("事例（ID \(c.id!)）は見つかりません。")) {
            try await city.db.personalData(caseId: c.id!, memberId: principal.id!, for: city.southMember)
        }
        #expect(try await city.db.personalData(caseId: c.id!, memberId: principal.id!, for: city.northMember).name == "試験 太郎")
        await #expect(throws: KasaneError.self) {
            try await city.db.personalData(caseId: c.id!, memberId: principal.id!, for: city.secretariat)
        }
        let labels = try await city.db.household(caseId: c.id!, for: city.secretariat)
        #expect(labels.map(\.label) == ["本人 50代男性"])
    }

    @Test("Personal data is stored apart from the household row")
    func personalDataApart() async throws {
        let city = try await TestCity.make()
        let (c, _) = try await city.northCase()
        let memberRow = try await city.db.reader.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM householdMember WHERE caseId = ?", arguments: [c.id])!
        }
        #expect(!memberRow.description.contains("試験"))
        let caseRow = try await city.db.reader.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM supportCase WHERE id = ?", arguments: [c.id])!
        }
        #expect(!caseRow.description.contains("試験"))
    }

    @Test("A label or summary naming a household member is refused however written, and nothing changes")
    func identifyingTexts() async throws {
        let city = try await TestCity.make()
        let (c, principal) = try await city.northCase()
        let father = HouseholdMemberInput(relation: "父", name: "試験 清", kana: "しけん きよし", birthDate: LocalDate("1942-03-05"))
        let before = try await city.counts()
        for label in ["父 シケン", "父 ｷﾖｼ", "父（清）", "父 タロウの父", "父 S17.3.5", "父 試\u{200B}験"] {
            var input = father
            input.label = label
            await #expect("\(label)") { try await city.db.addHouseholdMember(caseId: c.id!, input, by: city.coordinator) } throws: {
                ($0 as? KasaneError)?.field == "label"
            }
        }
        #expect(try await city.counts() == before)
        _ = try await city.db.addHouseholdMember(caseId: c.id!, father, by: city.coordinator)

        // The summary names no one: the principal's given name in katakana, the father's birth date.
        for summary in ["8050世帯、タロウさんがひきこもり", "父（昭和17年3月5日生）の介護"] {
            await #expect("\(summary)") {
                try await city.db.updateCase(
                    id: c.id!, with: CaseInput(district: "N", fields: [.care], summary: summary), by: city.coordinator)
            } throws: { ($0 as? KasaneError)?.field == "summary" }
        }
        #expect(try await city.db.supportCase(id: c.id!, for: city.coordinator).summary == "8050世帯")
        // Changing the principal so the existing label would name him is refused too.
        var renamed = HouseholdMemberInput(relation: "本人", name: "試験 太郎", kana: "しけん たろう", birthDate: LocalDate("1972-01-01"))
        renamed.label = "本人 タロウ"
        await #expect(throws: KasaneError.self) {
            try await city.db.updateHouseholdMember(caseId: c.id!, memberId: principal.id!, renamed, by: city.coordinator)
        }
        // A member whose name the summary already carries cannot be added until the summary is fixed.
        try await city.db.updateCase(
            id: c.id!, with: CaseInput(district: "N", fields: [.care], summary: "8050世帯、ハナコさんも同居"), by: city.coordinator)
        await #expect { try await city.db.addHouseholdMember(
            caseId: c.id!, HouseholdMemberInput(relation: "妹", name: "試験 花子", kana: "しけん はなこ"), by: city.coordinator)
        } throws: { ($0 as? KasaneError)?.field == "name" }
    }

    @Test("One principal per household")
    func onePrincipal() async throws {
        let city = try await TestCity.make()
        let (c, _) = try await city.northCase()
        await #expect(throws: KasaneError.self) {
            try await city.db.addHouseholdMember(
                caseId: c.id!, HouseholdMemberInput(relation: "本人", name: "別人 次郎"), by: city.coordinator)
        }
        let father = try await city.db.addHouseholdMember(
            caseId: c.id!, HouseholdMemberInput(relation: "父", name: "試験 一郎", birthDate: LocalDate("1942-01-01"), sex: "男性"),
            by: city.coordinator)
        #expect(father.label == "父 80代男性")
        #expect(!father.isPrincipal)
    }

    @Test("Consent history is kept: a withdrawal is written once, and SQL cannot rewrite or delete a record")
    func consentHistory() async throws {
        let city = try await TestCity.make()
        let (c, principal) = try await city.northCase()
        let consent = try await city.db.recordConsent(
            caseId: c.id!,
            ConsentInput(givenByMemberId: principal.id!, givenOn: LocalDate("2026-07-01")!, scope: .agencies([city.northCare]),
                         purpose: "情報共有", expiresOn: nil),
            by: city.coordinator)
        let withdrawn = try await city.db.withdrawConsent(
            caseId: c.id!, consentId: consent.id!, WithdrawalInput(withdrawnOn: LocalDate("2026-10-01"), reason: "本人の申し出"),
            by: city.coordinator)
        #expect(withdrawn.consent.withdrawnOn == LocalDate("2026-10-01"))
        await #expect { try await city.db.withdrawConsent(
            caseId: c.id!, consentId: consent.id!, WithdrawalInput(reason: "再度"), by: city.coordinator)
        } throws: { if case .conflict = $0 as? KasaneError { true } else { false } }
        await #expect(throws: DatabaseError.self) {
            try await city.db.writer.write { db in try db.execute(sql: "UPDATE consent SET withdrawnOn = NULL, withdrawalReason = NULL, withdrawalRecordedBy = NULL") }
        }
        await #expect(throws: DatabaseError.self) {
            try await city.db.writer.write { db in try db.execute(sql: "UPDATE consent SET scope = '{\"allMeetingMembers\":true}'") }
        }
        await #expect(throws: DatabaseError.self) {
            try await city.db.writer.write { db in try db.execute(sql: "DELETE FROM consent") }
        }
        // A new consent is a new record; the old one stays.
        _ = try await city.db.recordConsent(
            caseId: c.id!,
            ConsentInput(givenByMemberId: principal.id!, givenOn: LocalDate("2026-11-01")!, scope: .allMeetingMembers,
                         purpose: "情報共有", expiresOn: LocalDate("2027-10-31")),
            by: city.coordinator)
        let history = try await city.db.consents(caseId: c.id!, for: city.coordinator)
        #expect(history.count == 2)
        #expect(history[0].withdrawnOn != nil && history[1].withdrawnOn == nil)
    }

    @Test("Bad consent input is refused and nothing is stored")
    func consentRefusals() async throws {
        let city = try await TestCity.make()
        let (c, principal) = try await city.northCase()
        let (other, otherPrincipal) = try await city.northCase()
        _ = other
        let before = try await city.counts()
        let bad: [ConsentInput] = [
            ConsentInput(givenByMemberId: otherPrincipal.id!, givenOn: LocalDate("2026-07-01")!, scope: .allMeetingMembers, purpose: "x", expiresOn: nil),
            ConsentInput(givenByMemberId: principal.id!, givenOn: LocalDate("2099-07-01")!, scope: .allMeetingMembers, purpose: "x", expiresOn: nil),
            ConsentInput(givenByMemberId: principal.id!, givenOn: LocalDate("2026-07-01")!, scope: .allMeetingMembers, purpose: "x", expiresOn: LocalDate("2026-06-01")),
            ConsentInput(givenByMemberId: principal.id!, givenOn: LocalDate("2026-07-01")!, scope: .agencies([999]), purpose: "x", expiresOn: nil),
            ConsentInput(givenByMemberId: principal.id!, givenOn: LocalDate("2026-07-01")!, scope: .allMeetingMembers, purpose: " ", expiresOn: nil),
        ]
        for input in bad {
            await #expect(throws: KasaneError.self) { try await city.db.recordConsent(caseId: c.id!, input, by: city.coordinator) }
        }
        await #expect(throws: KasaneError.self) {
            try await city.db.recordConsent(
                caseId: c.id!,
                ConsentInput(givenByMemberId: principal.id!, givenOn: LocalDate("2026-07-01")!, scope: .allMeetingMembers, purpose: "x", expiresOn: nil),
                by: city.northMember)
        }
        #expect(try await city.counts() == before)
    }

    @Test("An assignment must be staff of that agency")
    func assignments() async throws {
        let city = try await TestCity.make()
        let (c, _) = try await city.northCase()
        let south = try await city.db.staff(email: "south@city.example.jp")
        await #expect(throws: KasaneError.self) {
            try await city.db.assign(caseId: c.id!, agencyId: city.northCare, staffId: south.id!, by: city.coordinator)
        }
        try await city.db.assign(caseId: c.id!, agencyId: city.southCare, staffId: south.id!, by: city.coordinator)
        #expect(try await city.db.assignments(caseId: c.id!, for: city.coordinator).count == 1)
    }
}
