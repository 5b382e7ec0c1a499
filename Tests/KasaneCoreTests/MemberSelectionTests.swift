import KasaneCore
import Testing

@Suite("Member selection")
struct MemberSelectionTests {
    let city = SmallCity()

    @Test("重層的支援会議 includes the agencies the consent covers, each field with its reason")
    func multiLayeredAllowsCovered() {
        let consent = SmallCity.consent(.agencies([1, 2, 3, 5, 6, 7]))
        let p = city.propose(.multiLayeredSupportMeeting, cases: [.init(
            supportCase: SmallCity.eightyFifty(), consents: [consent], assignments: [])])
        #expect(p.memberIds == [1, 2, 3, 5, 6, 7])
        #expect(p.member(staffId: 1)?.role == .chair)
        #expect(p.member(staffId: 2)?.role == .secretariat)
        let care = p.member(staffId: 3)!.cases[0].reasons
        #expect(care.contains("分野「介護・高齢」（北部圏域を担当・関与中）"))
        #expect(p.member(staffId: 7)!.cases[0].reasons.contains("分野「生活困窮」（市内全域を担当）"))
        #expect(p.member(staffId: 5)!.cases[0].reasons.contains("分野「精神保健」（市内全域を担当）"))
        #expect(p.excluded.isEmpty)
    }

    @Test("重層的支援会議 refuses agencies outside the consent and says a 支援会議 needs none")
    func multiLayeredRefusesUncovered() {
        let consent = SmallCity.consent(.agencies([1, 2, 3, 6, 7]))
        let p = city.propose(.multiLayeredSupportMeeting, cases: [.init(
            supportCase: SmallCity.eightyFifty(), consents: [consent], assignments: [])])
        #expect(!p.memberIds.contains(5))
        #expect(p.exclusion(staffId: 5)?.reason == "本人同意の対象外の機関です")
        #expect(p.exclusion(staffId: 5)?.caseCode == "K-2026-001")
        #expect(p.notes.contains(MemberSelection.supportMeetingNeedsNoConsent))
    }

    @Test("重層的支援会議 refuses every agency of a case whose consent is missing, expired or withdrawn")
    func multiLayeredWithoutValidConsent() {
        for (consents, words) in [
            ([], "記録されていません"),
            ([SmallCity.consent(.allMeetingMembers, expires: "2026-10-31")], "期限切れ"),
            ([SmallCity.consent(.allMeetingMembers, withdrawn: "2026-11-01")], "撤回済み"),
        ] as [([Consent], String)] {
            let p = city.propose(.multiLayeredSupportMeeting, cases: [.init(
                supportCase: SmallCity.eightyFifty(), consents: consents, assignments: [])])
            #expect(p.members.isEmpty, "\(words)")
            #expect(p.excluded.contains { $0.staffId == 3 && $0.reason.contains(words) })
            #expect(p.notes.contains { $0.contains("重層的支援会議では扱えません") })
            #expect(p.notes.contains(MemberSelection.supportMeetingNeedsNoConsent))
        }
    }

    @Test("支援会議 needs no consent but refuses a member without a pledge")
    func supportMeetingPledgeRule() {
        var city = city
        city.pledged.remove(6)
        let p = city.propose(.supportMeeting, cases: [.init(
            supportCase: SmallCity.eightyFifty(), consents: [], assignments: [])])
        #expect(p.memberIds == [1, 2, 3, 5, 7])
        #expect(p.exclusion(staffId: 6)?.reason.contains("守秘義務の確認") == true)
        #expect(!p.notes.contains(MemberSelection.supportMeetingNeedsNoConsent))
    }

    @Test("支援会議 refuses an unpledged chair and says so")
    func supportMeetingUnpledgedChair() {
        var city = city
        city.pledged.remove(1)
        let p = city.propose(.supportMeeting, cases: [.init(
            supportCase: SmallCity.eightyFifty(), consents: [], assignments: [])])
        #expect(p.member(staffId: 1) == nil)
        #expect(p.exclusion(staffId: 1)?.reason.contains("守秘義務") == true)
        #expect(p.notes.contains { $0.contains("議長") })
    }

    @Test("The assigned staff member represents the agency; else the default contact")
    func representative() {
        let assignment = CaseAssignment(caseId: 100, agencyId: 6, staffId: 10)
        var city = city
        city.pledged.insert(10)
        let p = city.propose(.supportMeeting, cases: [.init(
            supportCase: SmallCity.eightyFifty(), consents: [], assignments: [assignment])])
        #expect(p.memberIds.contains(10))
        #expect(!p.memberIds.contains(6))
        #expect(p.member(staffId: 10)!.cases[0].reasons.contains("事例の担当者"))
        #expect(p.member(staffId: 3)!.cases[0].reasons.contains("機関の既定の連絡先"))
    }

    @Test("A field goes to the agency already involved, then to the district's own, not the citywide one")
    func fieldAgencyPreference() {
        // Care in N: 北部包括 (3) serves N; 市全域 (9) serves everywhere.
        let notInvolved = SmallCity.eightyFifty(involved: [])
        var c = notInvolved
        c.referringAgencyId = nil
        let p = city.propose(.supportMeeting, cases: [.init(supportCase: c, consents: [], assignments: [])])
        #expect(p.memberIds.contains(3))
        #expect(!p.memberIds.contains(9))
        // Involve the citywide one: it is preferred.
        c.involvedAgencyIds = [9]
        let q = city.propose(.supportMeeting, cases: [.init(supportCase: c, consents: [], assignments: [])])
        #expect(q.memberIds.contains(9))
        #expect(!q.memberIds.contains(3))
        // Poverty: two citywide agencies, neither involved: the lower id, always.
        #expect(q.memberIds.contains(7) && !q.memberIds.contains(8))
    }

    @Test("Manual additions need the rule too; manual exclusions keep their reason")
    func manualChanges() {
        let consent = SmallCity.consent(.agencies([1, 2, 3, 6, 7]))
        let context = SelectionInput.CaseContext(supportCase: SmallCity.eightyFifty(), consents: [consent], assignments: [])
        let p = city.propose(
            .multiLayeredSupportMeeting, cases: [context],
            additions: [ManualAddition(staffId: 8, reason: "生活保護の申請中"), ManualAddition(staffId: 10, reason: "同席")],
            exclusions: [ManualExclusion(staffId: 7, reason: "今回は欠席の連絡あり")])
        // 8 is outside the consent: the manual addition does not override the law.
        #expect(p.exclusion(staffId: 8)?.reason == "本人同意の対象外の機関です")
        // 10's agency is covered: added, with the reason.
        #expect(p.member(staffId: 10)?.cases[0].reasons == ["手動追加: 同席"])
        #expect(p.exclusion(staffId: 7)?.reason == "手動除外: 今回は欠席の連絡あり")
        #expect(!p.memberIds.contains(7))
    }

    @Test("An inactive staff member is never proposed")
    func inactiveStaff() {
        let p = city.propose(.supportMeeting, cases: [.init(
            supportCase: SmallCity.eightyFifty(), consents: [], assignments: [])],
            additions: [ManualAddition(staffId: 11, reason: "テスト")])
        #expect(!p.memberIds.contains(11))
        #expect(p.exclusion(staffId: 11)?.reason.contains("無効") == true)
    }

    @Test("Several cases give the union, with per case which members are there for it")
    func severalCases() {
        var south = SmallCity.eightyFifty(id: 200, code: "K-2026-002", involved: [])
        south.district = "S"
        south.fields = [.care]
        south.referringAgencyId = 4
        let p = city.propose(.supportMeeting, cases: [
            .init(supportCase: SmallCity.eightyFifty(), consents: [], assignments: []),
            .init(supportCase: south, consents: [], assignments: []),
        ])
        #expect(p.caseCodes == ["K-2026-001", "K-2026-002"])
        #expect(p.member(staffId: 3)!.cases.map(\.caseCode) == ["K-2026-001"])
        #expect(p.member(staffId: 4)!.cases.map(\.caseCode) == ["K-2026-002"])
        #expect(p.member(staffId: 1)!.cases.map(\.caseCode) == ["K-2026-001", "K-2026-002"])
    }

    @Test("A 重層的支援会議 of two cases keeps a member only for the case whose consent covers them")
    func perCaseConsent() {
        let second = SmallCity.eightyFifty(id: 200, code: "K-2026-002")
        let p = city.propose(.multiLayeredSupportMeeting, cases: [
            .init(supportCase: SmallCity.eightyFifty(), consents: [SmallCity.consent(.allMeetingMembers)], assignments: []),
            .init(supportCase: second, consents: [SmallCity.consent(caseId: 200, .agencies([1, 2, 3, 6, 7]))], assignments: []),
        ])
        #expect(p.member(staffId: 5)!.cases.map(\.caseCode) == ["K-2026-001"])
        #expect(p.excluded.contains { $0.staffId == 5 && $0.caseCode == "K-2026-002" })
    }

    @Test("The same request gives the same proposal, whatever the order of cases")
    func deterministic() {
        let a = SelectionInput.CaseContext(supportCase: SmallCity.eightyFifty(), consents: [], assignments: [])
        var southCase = SmallCity.eightyFifty(id: 200, code: "K-2026-002", involved: [])
        southCase.district = "S"
        let b = SelectionInput.CaseContext(supportCase: southCase, consents: [], assignments: [])
        #expect(city.propose(.supportMeeting, cases: [a, b]) == city.propose(.supportMeeting, cases: [b, a]))
    }

    @Test("A request without cases or a manual change without a reason is refused")
    func requestValidation() {
        #expect(throws: KasaneError.self) { try ProposalRequest(kind: .supportMeeting, caseIds: []).validated() }
        #expect(throws: KasaneError.self) { try ProposalRequest(kind: .supportMeeting, caseIds: [1, 1]).validated() }
        #expect(throws: KasaneError.self) {
            try ProposalRequest(kind: .supportMeeting, caseIds: [1], additions: [ManualAddition(staffId: 2, reason: " ")])
                .validated()
        }
        #expect(throws: KasaneError.self) {
            try ProposalRequest(kind: .supportMeeting, caseIds: [1], exclusions: [ManualExclusion(reason: "理由")]).validated()
        }
        #expect((try? ProposalRequest(
            kind: .supportMeeting, caseIds: [1], additions: [ManualAddition(staffId: 2, reason: "同席")]).validated()) != nil)
    }
}
