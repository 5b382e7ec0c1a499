import Foundation
import GRDB
import KasaneCore

/// What the demo set up, for the CLI to print and tests to use.
public struct DemoSeed: Sendable {
    /// E-mail of the staff members the demo prints tokens for, by role.
    public static let coordinatorEmail = "aizawa.misaki@minamino.example.jp"
    public static let secretariatEmail = "sasaki.yoko@minamino.example.jp"
    public static let administratorEmail = "inoue.makoto@minamino.example.jp"
    /// A member of an agency in the 8050 case (北部地域包括支援センター).
    public static let involvedMemberEmail = "kitamura.naoko@minamino.example.jp"
    /// A member of an agency in none of the 8050 case (こども家庭センター).
    public static let outsideMemberEmail = "kodama.mai@minamino.example.jp"
    /// Assigned to the 8050 case, with no pledge on record yet.
    public static let unpledgedMemberEmail = "arai.shota@minamino.example.jp"

    public let eightyFiftyCaseId: Int64
    public let caseIds: [Int64]
}

extension AppDatabase {
    /// Fills an empty database with the fictional city of みなみ野市.
    @discardableResult
    public func seedDemo() async throws -> DemoSeed {
        let admin = Actor(kind: .localOperator, origin: "demo")
        try await updateSettings(
            MunicipalitySettings(
                municipalityName: "みなみ野市", supportMeetingName: "支援会議",
                multiLayeredMeetingName: "まるごと支援会議（重層的支援会議）"),
            by: admin)
        for (code, name) in DemoDirectory.districts {
            try await addDistrict(District(code: code, name: name), by: admin)
        }
        try await importDirectory(
            agenciesCSV: Data(DemoDirectory.agenciesCSV.utf8), staffCSV: Data(DemoDirectory.staffCSV.utf8), by: admin)

        let agencies = try await self.agencies()
        func agency(_ code: String) -> Int64 { agencies.first { $0.code == code }!.id! }
        let coordinator = Actor.staff(try await staff(email: DemoSeed.coordinatorEmail), from: "demo")

        var ids: [Int64] = []
        for spec in DemoCases.specs {
            let c = try await createCase(
                CaseInput(
                    receivedOn: LocalDate(spec.received)!, district: spec.district, fields: spec.fields,
                    referringAgencyId: spec.referring.map(agency), leadAgencyId: spec.lead.map(agency),
                    involvedAgencyIds: spec.involved.map(agency), status: spec.status, summary: spec.summary),
                by: coordinator)
            ids.append(c.id!)
            var principal: Int64?
            for person in spec.household {
                let member = try await addHouseholdMember(
                    caseId: c.id!,
                    HouseholdMemberInput(
                        relation: person.relation, name: person.name, kana: person.kana,
                        birthDate: LocalDate(person.born)!, sex: person.sex, address: person.address, notes: person.notes),
                    by: coordinator)
                if member.isPrincipal { principal = member.id }
            }
            for (agencyCode, local) in spec.assignments {
                let s = try await staff(email: local + DemoCases.mail)
                try await assign(caseId: c.id!, agencyId: agency(agencyCode), staffId: s.id!, by: coordinator)
            }
            try await recordDemoConsent(spec.consent, caseId: c.id!, principal: principal!, agency: agency, by: coordinator)
        }
        return DemoSeed(eightyFiftyCaseId: ids[0], caseIds: ids)
    }

    private func recordDemoConsent(
        _ spec: DemoCases.ConsentSpec, caseId: Int64, principal: Int64, agency: (String) -> Int64, by actor: Actor
    ) async throws {
        let purpose = "重層的支援会議において、支援関係機関の間で支援に必要な情報を共有すること"
        switch spec {
        case .none:
            return
        case .all(let given, let expires):
            try await recordConsent(
                caseId: caseId,
                ConsentInput(
                    givenByMemberId: principal, givenOn: LocalDate(given)!, scope: .allMeetingMembers, purpose: purpose,
                    expiresOn: expires.flatMap(LocalDate.init)),
                by: actor)
        case .agencies(let codes, let given, let expires):
            try await recordConsent(
                caseId: caseId,
                ConsentInput(
                    givenByMemberId: principal, givenOn: LocalDate(given)!, scope: .agencies(codes.map(agency)),
                    purpose: purpose, expiresOn: expires.flatMap(LocalDate.init)),
                by: actor)
        case .withdrawn(let codes, let given, let withdrawn, let reason):
            let consent = try await recordConsent(
                caseId: caseId,
                ConsentInput(
                    givenByMemberId: principal, givenOn: LocalDate(given)!, scope: .agencies(codes.map(agency)),
                    purpose: purpose, expiresOn: nil),
                by: actor)
            try await withdrawConsent(
                caseId: caseId, consentId: consent.id!, WithdrawalInput(withdrawnOn: LocalDate(withdrawn)!, reason: reason),
                by: actor)
        }
    }
}
