import Foundation
import KasaneApp
import KasaneCore
import KasaneDemo
import KasaneSQLite
import Testing

@Suite("Member proposals on the demo city")
struct ProposalTests {
    @Test("The 8050 case: a 重層的支援会議 names care, withdrawal and poverty agencies and excludes those outside the consent")
    func eightyFiftyMultiLayered() async throws {
        let db = try AppDatabase.inMemory()
        let seed = try await db.seedDemo()
        let coordinator = Actor.staff(try await db.staff(email: DemoSeed.coordinatorEmail))
        let stored = try await db.proposeMembers(
            ProposalRequest(kind: .multiLayeredSupportMeeting, caseIds: [seed.eightyFiftyCaseId]), by: coordinator)
        let p = stored.proposal
        let names = Set(p.members.map(\.agencyName))
        #expect(names.contains("北部地域包括支援センター"))
        #expect(names.contains("ひきこもり地域支援センター"))
        #expect(names.contains("生活サポートセンターみなみ野"))
        let reasons = p.members.flatMap { $0.cases.flatMap(\.reasons) }
        #expect(reasons.contains { $0.hasPrefix("分野「介護・高齢」") })
        #expect(reasons.contains { $0.hasPrefix("分野「ひきこもり」") })
        #expect(reasons.contains { $0.hasPrefix("分野「生活困窮」") })
        #expect(p.excluded.contains { $0.agencyName == "保健センター（精神保健）" && $0.reason == "本人同意の対象外の機関です" })
        #expect(p.notes.contains(MemberSelection.supportMeetingNeedsNoConsent))
        let reread = try await db.proposal(id: stored.id, for: coordinator)
        #expect(reread.proposal == stored.proposal && reread.request == stored.request && reread.createdBy == stored.createdBy)
    }

    @Test("The 8050 case: a 支援会議 includes mental health but excludes the member without a pledge")
    func eightyFiftySupportMeeting() async throws {
        let db = try AppDatabase.inMemory()
        let seed = try await db.seedDemo()
        let coordinator = Actor.staff(try await db.staff(email: DemoSeed.coordinatorEmail))
        let p = try await db.proposeMembers(
            ProposalRequest(kind: .supportMeeting, caseIds: [seed.eightyFiftyCaseId]), by: coordinator).proposal
        let unpledged = try await db.staff(email: DemoSeed.unpledgedMemberEmail)
        #expect(p.member(staffId: unpledged.id!) == nil)
        #expect(p.excluded.contains { $0.staffId == unpledged.id && $0.reason.contains("守秘義務の確認") })
        #expect(p.members.contains { $0.agencyName == "保健センター（精神保健）" })
    }

    @Test("Unknown ids in a request are refused and no proposal is stored")
    func unknownIds() async throws {
        let city = try await TestCity.make()
        let (c, _) = try await city.northCase()
        let before = try await city.counts()
        let bad = [
            ProposalRequest(kind: .supportMeeting, caseIds: [999]),
            ProposalRequest(kind: .supportMeeting, caseIds: [c.id!], chairId: 999),
            ProposalRequest(kind: .supportMeeting, caseIds: [c.id!], additions: [ManualAddition(staffId: 999, reason: "x")]),
            ProposalRequest(kind: .supportMeeting, caseIds: [c.id!], exclusions: [ManualExclusion(agencyId: 999, reason: "x")]),
        ]
        for request in bad {
            await #expect(throws: KasaneError.self) { try await city.db.proposeMembers(request, by: city.coordinator) }
        }
        await #expect(throws: KasaneError.self) {
            try await city.db.proposeMembers(ProposalRequest(kind: .supportMeeting, caseIds: [c.id!]), by: city.northMember)
        }
        #expect(try await city.counts() == before)
    }

    @Test("The demo city has 20–30 agencies and about 20 cases, with and without consent, one withdrawn")
    func demoShape() async throws {
        let db = try AppDatabase.inMemory()
        let seed = try await db.seedDemo()
        #expect((20...30).contains(try await db.agencies().count))
        #expect((18...25).contains(seed.caseIds.count))
        var withdrawn = 0, none = 0, valid = 0
        for id in seed.caseIds {
            let consents = try await db.consents(caseId: id, for: .localOperator)
            if consents.isEmpty { none += 1 }
            if consents.contains(where: { $0.withdrawnOn != nil }) { withdrawn += 1 }
            if ConsentCoverage(consents: consents, on: LocalDate.today()).hasValidConsent { valid += 1 }
        }
        #expect(withdrawn == 1 && none >= 3 && valid >= 10)
    }
}
