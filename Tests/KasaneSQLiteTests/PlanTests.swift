import Foundation
import GRDB
import KasaneApp
import KasaneCore
import KasaneSQLite
import Testing

/// Holds a meeting on `days` from now with the given items, the listed members on every
/// item, drafts its minutes with `decisions` per item, and returns its id (not approved).
func heldMeeting(
    _ city: TestCity, kind: MeetingKind, days: Int, items: [AgendaItemInput], members: [Int64],
    decisions: [[Decision]]
) async throws -> Int64 {
    let (start, end) = MeetingCity.future(days: days)
    let meeting = try await city.db.createMeeting(
        MeetingInput(kind: kind, startsAt: start, endsAt: end, place: "第1会議室", items: items), by: city.coordinator)
    for staffId in members {
        _ = try await city.db.addAttendee(meetingId: meeting.id, AttendeeInput(staffId: staffId), by: city.coordinator)
    }
    _ = try await city.db.at(end).markHeld(id: meeting.id, by: city.secretariat)
    _ = try await city.db.draftMinutes(meetingId: meeting.id, by: city.secretariat)
    _ = try await city.db.editMinutes(meetingId: meeting.id, MinutesEdit(items: zip(meeting.items, decisions).map { item, ds in
        .init(itemId: item.id, summary: "協議した。", decisions: ds)
    }), by: city.secretariat)
    return meeting.id
}

@Suite("Support plans, moved only by decisions in approved minutes")
struct PlanTests {
    @Test("One case from a 支援会議 without consent to termination with hand-back, and every refusal on the way")
    func walkThrough() async throws {
        let city = try await TestCity.make()
        let db = city.db
        let (c, principal) = try await city.northCase()
        let north = try await db.staff(email: "north@city.example.jp")

        // 1. A 支援会議 needs no consent; its decisions are no plan decisions.
        let support = try await heldMeeting(
            city, kind: .supportMeeting, days: 2, items: [AgendaItemInput(caseId: c.id, purpose: .informationSharing)], members: [north.id!],
            decisions: [[Decision(kind: .informationShared, text: "通院が途切れている")]])
        _ = try await db.approveMinutes(meetingId: support, by: city.coordinator)

        // 2. Consent for 社協, 事務局 and 北部包括; a plan naming 保健センター is refused, naming it.
        let agencies = try await db.agencies()
        let covered = agencies.filter { ["CSW", "KYS", "HK-N"].contains($0.code) }.map { $0.id! }
        let consent = try await db.recordConsent(
            caseId: c.id!, ConsentInput(givenByMemberId: principal.id!, givenOn: LocalDate.today(), scope: .agencies(covered), purpose: "情報共有", expiresOn: nil),
            by: city.coordinator)
        await #expect { try await db.createPlan(caseId: c.id!, .sample(agency: city.mentalHealth), by: city.coordinator) } throws: { e in
            (e as? KasaneError)?.message.contains("保健センター") == true
        }
        let draft = try await db.createPlan(caseId: c.id!, .sample(agency: city.northCare), by: city.coordinator)
        #expect(draft.state == .draft && draft.version == 1)
        await #expect { try await db.createPlan(caseId: c.id!, .sample(agency: city.northCare), by: city.coordinator) } throws: { isConflict($0) }

        // The database refuses a state no decision made, and a decided state without approved minutes.
        await #expect(throws: DatabaseError.self) {
            try await db.writer.write { db in try db.execute(sql: "UPDATE supportPlan SET state = 'approved' WHERE id = ?", arguments: [draft.id]) }
        }
        await #expect(throws: DatabaseError.self) {
            try await db.writer.write { db in
                try db.execute(sql: "INSERT INTO planTransition (planId, fromState, toState, \"on\", at) VALUES (?, 'draft', 'underReview', '2026-01-01', 0)", arguments: [draft.id])
                try db.execute(sql: "INSERT INTO planTransition (planId, fromState, toState, \"on\", at) VALUES (?, 'underReview', 'approved', '2026-01-01', 0)", arguments: [draft.id])
            }
        }

        // 3. A 重層的支援会議 for plan review: under review while on its agenda; approved by the minutes.
        let review = try await heldMeeting(
            city, kind: .multiLayeredSupportMeeting, days: 5, items: [AgendaItemInput(caseId: c.id, purpose: .planReview)], members: [north.id!],
            decisions: [[Decision(kind: .planApproved), Decision(kind: .roleAssigned, text: "週1回の訪問", agencyId: city.northCare)]])
        #expect(try await db.plans(caseId: c.id!, for: city.coordinator)[0].state == .underReview)
        // Only the chair's approval moves it; before that, still under review.
        await #expect { try await db.approveMinutes(meetingId: review, by: city.secretariat) } throws: { isForbidden($0) }
        _ = try await db.approveMinutes(meetingId: review, by: city.coordinator)
        let plan = try await db.plans(caseId: c.id!, for: city.coordinator)[0]
        #expect(plan.state == .inProgress)
        #expect(plan.history.map(\.to) == [.underReview, .approved, .inProgress])
        #expect(plan.history[1].meetingId == review && plan.history[1].minutesVersion == 1 && plan.history[1].decision == .planApproved)
        #expect(plan.events.map(\.kind) == [.roleAssigned])
        #expect(try await db.supportCase(id: c.id!, for: city.coordinator).status == .supporting)
        // Its content is fixed now, at the API and in the database.
        await #expect { try await db.updatePlan(planId: plan.id, .sample(agency: city.northCare), by: city.coordinator) } throws: { isConflict($0) }
        await #expect(throws: DatabaseError.self) {
            try await db.writer.write { db in try db.execute(sql: "UPDATE supportPlan SET content = '{}' WHERE id = ?", arguments: [plan.id]) }
        }

        // An invalid transition: approving a plan already in progress is refused at approval; minutes stay a draft.
        let again = try await heldMeeting(
            city, kind: .multiLayeredSupportMeeting, days: 6, items: [AgendaItemInput(caseId: c.id, purpose: .planReview)], members: [north.id!],
            decisions: [[Decision(kind: .planApproved)]])
        await #expect { try await db.approveMinutes(meetingId: again, by: city.coordinator) } throws: { e in
            (e as? KasaneError)?.message.contains("支援中") == true
        }
        #expect(try await db.minutes(meetingId: again, for: city.secretariat).version.state == .draft)

        // 4. Evaluation and termination with hand-back to 北部包括.
        let evaluation = try await heldMeeting(
            city, kind: .multiLayeredSupportMeeting, days: 8, items: [AgendaItemInput(caseId: c.id, purpose: .evaluationTermination)],
            members: [north.id!],
            decisions: [[Decision(kind: .goalEvaluation, goals: [GoalEvaluation(goal: 1, rating: .achieved), GoalEvaluation(goal: 2, rating: .partlyAchieved)]),
                         Decision(kind: .planTerminated, text: "通院が定着した", agencyId: city.northCare, termination: .handedBack)]])
        #expect(try await db.plans(caseId: c.id!, for: city.coordinator)[0].state == .evaluation)
        _ = try await db.approveMinutes(meetingId: evaluation, by: city.coordinator)
        let terminated = try await db.plans(caseId: c.id!, for: city.coordinator)[0]
        #expect(terminated.state == .terminated && terminated.history.last?.termination == .handedBack)
        #expect(terminated.events.filter { $0.kind == .goalEvaluation }.map(\.rating) == [.achieved, .partlyAchieved])
        // The agencies whose actions end are listed (北部包括 takes the case back, so none here but it).
        #expect(terminated.events.contains { $0.kind == .planTerminated && $0.detail == "取り組みを終える機関: なし" && $0.agencyId == city.northCare })
        let ended = try await db.supportCase(id: c.id!, for: city.coordinator)
        #expect(ended.status == .terminated && ended.leadAgencyId == city.northCare && ended.closedOn != nil)
        let notices = try await db.unmailedNotices()
        #expect(notices.map(\.email) == ["north@city.example.jp"])
        #expect(notices[0].subject.contains(c.code) && notices[0].body.contains(c.code) && !notices[0].body.contains("試験 太郎"))

        // 5. Reopened on a new referral: a new plan version; the old one and its history stay.
        await #expect { try await db.createPlan(caseId: c.id!, .sample(agency: city.northCare), by: city.coordinator) } throws: { isConflict($0) }
        _ = try await db.reopenCase(caseId: c.id!, ReopenInput(reason: "再び相談があった"), by: city.coordinator)
        let second = try await db.createPlan(caseId: c.id!, .sample(agency: city.northCare), by: city.coordinator)
        #expect(second.version == 2)
        #expect(try await db.plans(caseId: c.id!, for: city.coordinator).map(\.version) == [2, 1])

        // 6. Consent withdrawn after the meeting, before approval: refused at approval, naming the case.
        let last = try await heldMeeting(
            city, kind: .multiLayeredSupportMeeting, days: 9, items: [AgendaItemInput(caseId: c.id, purpose: .planReview)], members: [north.id!],
            decisions: [[Decision(kind: .planApproved)]])
        _ = try await db.withdrawConsent(caseId: c.id!, consentId: consent.id!, WithdrawalInput(reason: "本人の申し出"), by: city.coordinator)
        await #expect { try await db.approveMinutes(meetingId: last, by: city.coordinator) } throws: { e in
            (e as? KasaneError)?.message.contains(c.code) == true
        }
        #expect(try await db.plans(caseId: c.id!, for: city.coordinator)[0].state == .underReview)
    }

    @Test("A plan taken off the agenda goes back to draft; a cancelled meeting releases it too")
    func agendaFollows() async throws {
        let m = try await MeetingCity.make()
        let plan = try await m.db.createPlan(caseId: m.caseB.id!, .sample(agency: m.city.mentalHealth), by: m.city.coordinator)
        let meeting = try await m.multiLayered()
        #expect(try await m.db.plans(caseId: m.caseB.id!, for: m.city.coordinator)[0].state == .underReview)
        _ = try await m.db.removeItem(meetingId: meeting.id, itemId: meeting.items[1].id, by: m.city.coordinator)
        #expect(try await m.db.plans(caseId: m.caseB.id!, for: m.city.coordinator)[0].state == .draft)
        let other = try await m.multiLayered(days: 12)
        #expect(try await m.db.plans(caseId: m.caseB.id!, for: m.city.coordinator)[0].state == .underReview)
        _ = try await m.db.cancelMeeting(id: other.id, CancellationInput(reason: "延期"), by: m.city.coordinator)
        let back = try await m.db.plans(caseId: m.caseB.id!, for: m.city.coordinator)[0]
        #expect(back.id == plan.id && back.state == .draft && back.history.map(\.to) == [.underReview, .draft, .underReview, .draft])
    }
}
