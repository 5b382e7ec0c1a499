import Foundation
import KasaneApp
import KasaneCore
import KasaneStorage
import Testing

@Suite("Cases, households and the case access rule, decided by the application, on each engine")
struct CasesOnEachEngineTests {
    static let instant = ISO8601DateFormatter().date(from: "2026-12-04T01:00:00Z")!
    static let admin = Actor.localOperator

    /// A storage with one district and two agencies: 北部包括 (id `lead`) and 南部包括 (`other`).
    static func city(_ engine: Engine) async throws -> (storage: any TransactionalStorage, lead: Int64, other: Int64) {
        let storage = try engine.storage(at: instant)
        _ = try await storage.addDistrict(District(code: "N", name: "北部"), by: admin)
        _ = try await storage.addDistrict(District(code: "S", name: "南部"), by: admin)
        let lead = try await storage.createAgency(Agency(
            code: "HK-N", name: "北部地域包括支援センター", kind: "地域包括支援センター", fields: [.care], districts: ["N"],
            operation: .contracted, department: "高齢福祉課"), by: admin)
        let other = try await storage.createAgency(Agency(
            code: "HK-S", name: "南部地域包括支援センター", kind: "地域包括支援センター", fields: [.care], districts: ["S"],
            operation: .contracted, department: "高齢福祉課"), by: admin)
        return (storage, try #require(lead.id), try #require(other.id))
    }

    static func staff(_ id: Int64, agency: Int64, _ roles: [StaffRole]) -> Actor {
        .staff(Staff(id: id, agencyId: agency, name: "職員 \(id)", email: "s\(id)@city.example.jp", roles: roles))
    }

    static func isInvalid(_ error: any Error, field: String) -> Bool {
        if case .invalid(let f, _) = error as? KasaneError { f == field } else { false }
    }

    static func isNotFound(_ error: any Error) -> Bool {
        if case .notFound = error as? KasaneError { true } else { false }
    }

    @Test("A case: a coordinator's to register, coded by its fiscal year, its district and fields known, never received in the future; a refusal stores nothing", arguments: Engine.allCases)
    func register(engine: Engine) async throws {
        let (storage, lead, other) = try await Self.city(engine)
        let coordinator = Self.staff(901, agency: lead, [.coordinator])
        let input = CaseInput(district: "N", fields: [.care, .disability], leadAgencyId: lead, summary: "8050世帯、父の介護と子のひきこもり")
        await #expect { try await storage.createCase(input, by: Self.staff(902, agency: lead, [.member])) } throws: {
            if case .forbidden = $0 as? KasaneError { true } else { false }
        }
        var unknown = input
        unknown.district = "W"
        await #expect { try await storage.createCase(unknown, by: coordinator) } throws: { Self.isInvalid($0, field: "district") }
        var future = input
        future.receivedOn = LocalDate(year: 2026, month: 12, day: 5)
        await #expect { try await storage.createCase(future, by: coordinator) } throws: { Self.isInvalid($0, field: "receivedOn") }
        #expect(try await storage.cases(for: coordinator).isEmpty, "no refused case was stored")

        let first = try await storage.createCase(input, by: coordinator)
        var spring = input
        spring.receivedOn = LocalDate(year: 2026, month: 3, day: 31)
        let lastYear = try await storage.createCase(spring, by: coordinator)
        let second = try await storage.createCase(input, by: coordinator)
        #expect([first.code, lastYear.code, second.code] == ["K-2026-001", "K-2025-001", "K-2026-002"])
        #expect(try await storage.cases(for: coordinator).map(\.code) == ["K-2026-001", "K-2026-002", "K-2025-001"])

        // Its received date fixes its code and never changes.
        var moved = input
        moved.receivedOn = LocalDate(year: 2026, month: 11, day: 1)
        await #expect { try await storage.updateCase(id: first.id!, with: moved, by: coordinator) } throws: {
            Self.isInvalid($0, field: "receivedOn")
        }
        // Who may know of it: the involved agency's member, not another agency's, which is
        // answered as if there were no such case.
        let insider = Self.staff(903, agency: lead, [.member])
        let outsider = Self.staff(904, agency: other, [.member])
        #expect(try await storage.supportCase(id: first.id!, for: insider).code == "K-2026-001")
        await #expect { try await storage.supportCase(id: first.id!, for: outsider) } throws: { Self.isNotFound($0) }
        await #expect { try await storage.supportCase(id: 9999, for: coordinator) } throws: { Self.isNotFound($0) }
        #expect(try await storage.cases(for: outsider).isEmpty)
        #expect(try await storage.cases(for: insider).count == 3)
    }

    @Test("An assignment names the agency's own active staff member, replacing whom it named before", arguments: Engine.allCases)
    func assignments(engine: Engine) async throws {
        let (storage, lead, other) = try await Self.city(engine)
        let coordinator = Self.staff(901, agency: lead, [.coordinator])
        let c = try await storage.createCase(CaseInput(district: "N", fields: [.care], leadAgencyId: lead, summary: "独居高齢者"), by: coordinator)
        let a = try await storage.createStaff(Staff(agencyId: lead, name: "包括 一", email: "a@city.example.jp", roles: [.member]), by: Self.admin)
        let b = try await storage.createStaff(Staff(agencyId: lead, name: "包括 二", email: "b@city.example.jp", roles: [.member]), by: Self.admin)
        let elsewhere = try await storage.createStaff(Staff(agencyId: other, name: "南部 三", email: "c@city.example.jp", roles: [.member]), by: Self.admin)
        await #expect { try await storage.assign(caseId: c.id!, agencyId: lead, staffId: elsewhere.id!, by: coordinator) } throws: {
            Self.isInvalid($0, field: "staffId")
        }
        await #expect { try await storage.assign(caseId: c.id!, agencyId: 9999, staffId: a.id!, by: coordinator) } throws: { Self.isNotFound($0) }
        _ = try await storage.assign(caseId: c.id!, agencyId: lead, staffId: a.id!, by: coordinator)
        _ = try await storage.assign(caseId: c.id!, agencyId: lead, staffId: b.id!, by: coordinator)
        #expect(try await storage.assignments(caseId: c.id!, for: coordinator).map(\.staffId) == [b.id!])
    }

    @Test("A household: one principal, nothing that travels names a member, the personal data only for those the rule lets read it", arguments: Engine.allCases)
    func household(engine: Engine) async throws {
        let (storage, lead, other) = try await Self.city(engine)
        let coordinator = Self.staff(901, agency: lead, [.coordinator])
        let c = try await storage.createCase(
            CaseInput(district: "N", fields: [.care], leadAgencyId: lead, summary: "山田 太郎さんの介護"), by: coordinator)
        let father = HouseholdMemberInput(
            relation: "本人", isPrincipal: true, name: "山田 太郎", kana: "ヤマダ タロウ",
            birthDate: LocalDate(year: 1944, month: 5, day: 1), sex: "男", address: "北区1-2-3")
        // The case's summary names him: fixed first, and nothing was stored.
        await #expect { try await storage.addHouseholdMember(caseId: c.id!, father, by: coordinator) } throws: {
            Self.isInvalid($0, field: "name")
        }
        #expect(try await storage.household(caseId: c.id!, for: coordinator).isEmpty)
        _ = try await storage.updateCase(
            id: c.id!, with: CaseInput(district: "N", fields: [.care], leadAgencyId: lead, summary: "父の介護と子のひきこもり"), by: coordinator)
        let principal = try await storage.addHouseholdMember(caseId: c.id!, father, by: coordinator)
        #expect(!principal.label.contains("山田"), "the label names no one")
        let son = HouseholdMemberInput(relation: "長男", isPrincipal: true, name: "山田 一郎", birthDate: LocalDate(year: 1976, month: 2, day: 2))
        await #expect { try await storage.addHouseholdMember(caseId: c.id!, son, by: coordinator) } throws: {
            if case .conflict = $0 as? KasaneError { true } else { false }
        }
        var named = son
        named.isPrincipal = false
        named.label = "山田 太郎の長男"
        await #expect { try await storage.addHouseholdMember(caseId: c.id!, named, by: coordinator) } throws: { $0 is KasaneError }
        named.label = nil
        let added = try await storage.addHouseholdMember(caseId: c.id!, named, by: coordinator)
        #expect(try await storage.household(caseId: c.id!, for: coordinator).map(\.id) == [principal.id, added.id])

        // The personal data: the coordinator and the involved agency's member read it; the
        // secretariat works from labels; another agency's member is not told the case exists.
        #expect(try await storage.personalData(caseId: c.id!, memberId: principal.id!, for: coordinator).address == "北区1-2-3")
        #expect(try await storage.personalData(caseId: c.id!, memberId: principal.id!, for: Self.staff(903, agency: lead, [.member])).name == "山田 太郎")
        await #expect { try await storage.personalData(caseId: c.id!, memberId: principal.id!, for: Self.staff(905, agency: lead, [.secretariat])) } throws: {
            if case .forbidden = $0 as? KasaneError { true } else { false }
        }
        await #expect { try await storage.personalData(caseId: c.id!, memberId: principal.id!, for: Self.staff(904, agency: other, [.member])) } throws: {
            Self.isNotFound($0)
        }
        await #expect { try await storage.personalData(caseId: c.id!, memberId: 9999, for: coordinator) } throws: { Self.isNotFound($0) }

        // Each attempt is a line of the audit log, the refusals marked and the case coded.
        let refusals = try await storage.auditLog(AuditFilter(refusalsOnly: true), for: Self.admin)
        #expect(refusals.filter { $0.action == "personal.read" }.count == 3)
        #expect(refusals.allSatisfy { $0.caseCode == nil || $0.caseCode == c.code })
    }

    @Test("Consent: recorded by a coordinator from the signed form, never in the future or ending before it began, withdrawn once with a reason; the expiring list", arguments: Engine.allCases)
    func consent(engine: Engine) async throws {
        let (storage, lead, _) = try await Self.city(engine)
        // Who records a consent is named in it: a staff member of the directory.
        let coordinator = Actor.staff(try await storage.createStaff(
            Staff(agencyId: lead, name: "調整 一", email: "k@city.example.jp", roles: [.coordinator]), by: Self.admin))
        let c = try await storage.createCase(CaseInput(district: "N", fields: [.care], leadAgencyId: lead, summary: "父の介護"), by: coordinator)
        let principal = try await storage.addHouseholdMember(
            caseId: c.id!, HouseholdMemberInput(relation: "本人", isPrincipal: true, name: "北野 一"), by: coordinator)
        let today = try #require(LocalDate(year: 2026, month: 12, day: 4))
        func given(on day: LocalDate, expires: LocalDate? = nil, scope: ConsentScope = .allMeetingMembers, by: Int64? = nil) -> ConsentInput {
            ConsentInput(givenByMemberId: by ?? principal.id!, givenOn: day, scope: scope, purpose: "重層的支援会議での情報共有", expiresOn: expires)
        }
        await #expect { try await storage.recordConsent(caseId: c.id!, given(on: today.adding(days: 1)), by: coordinator) } throws: {
            Self.isInvalid($0, field: "givenOn")
        }
        await #expect { try await storage.recordConsent(caseId: c.id!, given(on: today, expires: today.adding(days: -1)), by: coordinator) } throws: {
            Self.isInvalid($0, field: "expiresOn")
        }
        await #expect { try await storage.recordConsent(caseId: c.id!, given(on: today, scope: .agencies([9999])), by: coordinator) } throws: {
            Self.isInvalid($0, field: "scope.agencyIds")
        }
        await #expect { try await storage.recordConsent(caseId: c.id!, given(on: today, by: 9999), by: coordinator) } throws: { Self.isNotFound($0) }
        await #expect { try await storage.recordConsent(caseId: c.id!, given(on: today), by: Self.staff(905, agency: lead, [.secretariat])) } throws: {
            if case .forbidden = $0 as? KasaneError { true } else { false }
        }
        // The console has no staff member to name as the one who recorded it.
        await #expect { try await storage.recordConsent(caseId: c.id!, given(on: today), by: Self.admin) } throws: {
            if case .forbidden = $0 as? KasaneError { true } else { false }
        }
        #expect(try await storage.consents(caseId: c.id!, for: coordinator).isEmpty, "no refused consent was stored")

        let first = try await storage.recordConsent(caseId: c.id!, given(on: today.adding(days: -30), expires: today.adding(days: 20)), by: coordinator)
        #expect(try await storage.expiringConsents(within: 30, for: coordinator).map(\.consentId) == [first.id!])
        #expect(try await storage.expiringConsents(within: 10, for: coordinator).isEmpty)
        #expect(try await storage.expiringConsents(within: 30, for: Self.staff(903, agency: lead, [.member])).isEmpty, "only for those who record consent")

        let withdrawal = WithdrawalInput(reason: "本人の申出")
        await #expect { try await storage.withdrawConsent(caseId: c.id!, consentId: first.id!, WithdrawalInput(withdrawnOn: today.adding(days: 1), reason: "x"), by: coordinator) } throws: {
            Self.isInvalid($0, field: "withdrawnOn")
        }
        await #expect { try await storage.withdrawConsent(caseId: c.id!, consentId: first.id!, WithdrawalInput(withdrawnOn: today.adding(days: -31), reason: "x"), by: coordinator) } throws: {
            Self.isInvalid($0, field: "withdrawnOn")
        }
        await #expect { try await storage.withdrawConsent(caseId: c.id!, consentId: 9999, withdrawal, by: coordinator) } throws: { Self.isNotFound($0) }
        let preview = try await storage.withdrawalPreview(caseId: c.id!, consentId: first.id!, for: coordinator)
        #expect(preview.effects.isEmpty, "no meeting has the case on its agenda")
        let result = try await storage.withdrawConsent(caseId: c.id!, consentId: first.id!, withdrawal, by: coordinator)
        #expect(result.consent.withdrawnOn == today && result.consent.withdrawalRecordedBy == coordinator.staffId && result.affectedMeetingIds.isEmpty)
        await #expect { try await storage.withdrawConsent(caseId: c.id!, consentId: first.id!, withdrawal, by: coordinator) } throws: {
            if case .conflict = $0 as? KasaneError { true } else { false }
        }
        let kept = try await storage.consents(caseId: c.id!, for: coordinator)
        #expect(kept.count == 1 && kept[0].purpose == first.purpose && kept[0].givenOn == first.givenOn, "the record keeps what was given")
        #expect(try await storage.expiringConsents(within: 30, for: coordinator).isEmpty, "a withdrawn consent runs out of nothing")
    }
}
