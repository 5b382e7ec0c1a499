import Foundation
import KasaneApp
import KasaneCore
import KasaneStorage
import Testing

@Suite("Minutes, their decisions and the plans they move, decided by the application, on each engine")
struct MinutesOnEachEngineTests {
    typealias City = MeetingsOnEachEngineTests.City

    @Test("A 重層的支援会議 held: the secretariat drafts and fills the minutes, the chair approves, the decision approves the plan and the case is under support; approved minutes are locked and their chain verifies", arguments: Engine.allCases)
    func approval(engine: Engine) async throws {
        let city = try await MeetingsOnEachEngineTests.city(engine)
        let s = city.storage
        let agencyId = city.member.agencyId
        _ = try await s.recordConsent(
            caseId: city.caseId,
            ConsentInput(givenByMemberId: city.principalId, givenOn: LocalDate(year: 2026, month: 11, day: 1)!, scope: .allMeetingMembers,
                         purpose: "重層的支援会議での情報共有", expiresOn: nil), by: city.coordinator)
        let plan = try await s.createPlan(caseId: city.caseId, PlanInput(
            wishes: "父の介護を続けながら、子が外に出られるようになりたい",
            goals: [
                PlanGoal(term: .long, text: "世帯が地域で安定して暮らす", actions: [PlanAction(agencyId: agencyId, what: "見守り", frequency: "月1回", period: "1年")]),
                PlanGoal(term: .short, text: "子が週1回外出する", actions: [PlanAction(agencyId: agencyId, what: "訪問", frequency: "週1回", period: "3か月")]),
            ],
            nextReviewOn: LocalDate(year: 2027, month: 3, day: 1)!), by: city.coordinator)
        #expect(plan.state == .draft && plan.version == 1)
        // Held an hour ago, in this fiscal year.
        let start = MeetingsOnEachEngineTests.instant.addingTimeInterval(-7200)
        let meeting = try await s.createMeeting(MeetingInput(
            kind: .multiLayeredSupportMeeting, startsAt: start, endsAt: start.addingTimeInterval(3600), place: "",
            items: [AgendaItemInput(caseId: city.caseId, purpose: .planReview)], roomId: city.room.id), by: city.coordinator)
        #expect(try await s.plans(caseId: city.caseId, for: city.coordinator).first?.state == .underReview, "on the agenda: under review")
        await #expect { try await s.draftMinutes(meetingId: meeting.id, by: city.secretariat) } throws: {
            if case .conflict = $0 as? KasaneError { true } else { false }
        }
        _ = try await s.markHeld(id: meeting.id, by: city.coordinator)
        let draft = try await s.draftMinutes(meetingId: meeting.id, by: city.secretariat)
        let itemId = try #require(draft.items.first?.itemId)
        await #expect { try await s.approveMinutes(meetingId: meeting.id, by: city.coordinator) } throws: {
            if case .conflict = $0 as? KasaneError { true } else { false }
        }
        _ = try await s.editMinutes(meetingId: meeting.id, MinutesEdit(items: [MinutesEdit.Item(
            itemId: itemId, summary: "支援方針を確認した。", decisions: [Decision(kind: .planApproved, text: "プランを承認する")])]), by: city.secretariat)
        await #expect { try await s.approveMinutes(meetingId: meeting.id, by: city.secretariat) } throws: {
            if case .forbidden = $0 as? KasaneError { true } else { false }
        }
        let approved = try await s.approveMinutes(meetingId: meeting.id, by: city.coordinator)
        #expect(approved.version.state == .approved && approved.status == .minutesApproved)
        let moved = try #require(try await s.plans(caseId: city.caseId, for: city.coordinator).first)
        #expect(moved.state == .inProgress && moved.history.map(\.to) == [.underReview, .approved, .inProgress])
        #expect(moved.history.last?.minutesVersion == 1)
        #expect(try await s.supportCase(id: city.caseId, for: city.coordinator).status == .supporting)
        await #expect { try await s.editMinutes(meetingId: meeting.id, MinutesEdit(items: []), by: city.secretariat) } throws: {
            if case .conflict = $0 as? KasaneError { true } else { false }
        }
        // A correction keeps the decisions; changing one is refused and the chain stays whole.
        _ = try await s.correctMinutes(meetingId: meeting.id, MinutesCorrectionInput(reason: "誤字の訂正"), by: city.secretariat)
        _ = try await s.editMinutes(meetingId: meeting.id, MinutesEdit(items: [MinutesEdit.Item(
            itemId: itemId, decisions: [Decision(kind: .planSentBack, text: "差し戻す")])]), by: city.secretariat)
        await #expect { try await s.approveMinutes(meetingId: meeting.id, by: city.coordinator) } throws: {
            if case .conflict = $0 as? KasaneError { true } else { false }
        }
        #expect(try await s.plans(caseId: city.caseId, for: city.coordinator).first?.state == .inProgress)
        let reports = try await s.verifyMinutes(by: city.secretariat)
        #expect(reports.count == 1 && reports[0].ok && reports[0].versions == 2)

    }
}
