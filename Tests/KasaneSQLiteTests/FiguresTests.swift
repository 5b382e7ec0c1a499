import Foundation
import GRDB
import KasaneApp
import KasaneCore
import KasaneDemo
import KasaneSQLite
import Testing

@Suite("Yearly figures against the city's targets")
struct FiguresTests {
    /// A fixture year, 令和7年度 (April 2025 – March 2026), every figure counted by hand below.
    @Test("Each figure of a fixture year matches a hand count; targets give rates; gaps follow their status")
    func fixtureYear() async throws {
        let city = try await TestCity.make()
        let db = city.db
        for email in ["coord@city.example.jp", "sec@city.example.jp", "north@city.example.jp"] {
            let s = try await db.staff(email: email)
            _ = try await db.recordPledge(staffId: s.id!, pledgedOn: LocalDate("2025-01-01")!, note: nil, by: .localOperator)
        }
        func newCase(_ received: String) async throws -> (SupportCase, HouseholdMember) {
            try await city.northCase(received: received)
        }
        let (c1, p1) = try await newCase("2025-04-15"), (c2, p2) = try await newCase("2025-05-01"), (c3, _) = try await newCase("2024-12-01")
        for (c, p) in [(c1, p1), (c2, p2)] {
            _ = try await db.recordConsent(
                caseId: c.id!, ConsentInput(givenByMemberId: p.id!, givenOn: LocalDate("2025-06-01")!, scope: .allMeetingMembers, purpose: "情報共有", expiresOn: nil),
                by: city.coordinator)
        }
        let north = try await db.staff(email: "north@city.example.jp").id!
        func meeting(_ kind: MeetingKind, _ day: String, _ items: [AgendaItemInput], _ decisions: [[Decision]], approve: Bool = true) async throws -> Int64 {
            let d = LocalDate(day)!
            let m = try await db.createMeeting(
                MeetingInput(kind: kind, startsAt: d.instant(minutesAfterMidnight: 600), endsAt: d.instant(minutesAfterMidnight: 720), place: "会議室", items: items),
                by: city.coordinator)
            _ = try await db.addAttendee(meetingId: m.id, AttendeeInput(staffId: north), by: city.coordinator)
            _ = try await db.at(m.endsAt).markHeld(id: m.id, by: city.secretariat)
            _ = try await db.draftMinutes(meetingId: m.id, by: city.secretariat)
            _ = try await db.editMinutes(meetingId: m.id, MinutesEdit(items: zip(m.items, decisions).map { .init(itemId: $0.id, summary: "協議", decisions: $1) }), by: city.secretariat)
            if approve { _ = try await db.approveMinutes(meetingId: m.id, by: city.coordinator) }
            return m.id
        }
        _ = try await meeting(.supportMeeting, "2025-06-10", [AgendaItemInput(caseId: c1.id, purpose: .informationSharing)], [[Decision(kind: .informationShared, text: "共有")]])
        _ = try await meeting(.supportMeeting, "2025-07-08", [AgendaItemInput(caseId: c3.id, purpose: .informationSharing)], [[]], approve: false)
        _ = try await db.at(day: LocalDate("2025-06-15")!).createPlan(caseId: c1.id!, .sample(agency: city.northCare, review: LocalDate("2025-10-01")!), by: city.coordinator)
        _ = try await db.at(day: LocalDate("2025-06-20")!).createPlan(caseId: c2.id!, .sample(agency: city.northCare, review: LocalDate("2025-10-01")!), by: city.coordinator)
        _ = try await meeting(.multiLayeredSupportMeeting, "2025-07-15",
            [AgendaItemInput(caseId: c1.id, purpose: .planReview), AgendaItemInput(caseId: c2.id, purpose: .planReview)],
            [[Decision(kind: .planApproved)], [Decision(kind: .planApproved)]])
        _ = try await meeting(.multiLayeredSupportMeeting, "2025-10-14",
            [AgendaItemInput(caseId: c1.id, purpose: .evaluationTermination), AgendaItemInput(caseId: c2.id, purpose: .evaluationTermination),
             AgendaItemInput(caseId: nil, purpose: .socialResources)],
            [[Decision(kind: .goalEvaluation, goals: [GoalEvaluation(goal: 1, rating: .achieved)]), Decision(kind: .planTerminated, termination: .goalReached)],
             [Decision(kind: .goalEvaluation, goals: [GoalEvaluation(goal: 1, rating: .notAchieved)]), Decision(kind: .planSuspended, text: "入院", date: LocalDate("2026-01-10"))],
             [Decision(kind: .resourceGap, text: "夜間に通える居場所がない", field: .employment)]])
        let gap = try #require(try await db.resourceGaps(for: city.secretariat).first)
        #expect(gap.caseCodes.isEmpty && gap.status == .open && gap.field == .employment)
        await #expect { try await db.resourceGaps(for: city.northMember) } throws: { isForbidden($0) }
        _ = try await db.updateGap(id: gap.id, GapUpdate(status: .studying, passedTo: "就労支援の協議体"), by: city.secretariat)
        await #expect { try await db.updateGap(id: gap.id, GapUpdate(status: .open), by: city.secretariat) } throws: { isConflict($0) }
        _ = try await db.at(day: LocalDate("2026-01-20")!).updateGap(id: gap.id, GapUpdate(status: .resolved), by: city.secretariat)

        var settings = try await db.settings()
        settings.targets = [
            FigureTarget(fiscalYear: 2025, figure: .supportMeetings, value: 2), FigureTarget(fiscalYear: 2025, figure: .multiLayeredMeetings, value: 2),
            FigureTarget(fiscalYear: 2025, figure: .plansMade, value: 4),
        ]
        _ = try await db.updateSettings(settings, by: city.administrator)

        let figures = try await db.figures(fiscalYear: 2025, by: city.secretariat)
        #expect(figures.fiscalYearName == "令和7年度" && figures.from == LocalDate("2025-04-01") && figures.to == LocalDate("2026-03-31"))
        let actual = Dictionary(uniqueKeysWithValues: figures.rows.map { ($0.figure, $0.actual) })
        let expected: [String: Double] = [
            "supportMeetings": 2,          // 06-10 (approved) and 07-08 (held)
            "multiLayeredMeetings": 2,     // 07-15 and 10-14
            "casesDiscussed": 3,           // c1, c3, c2
            "referrals": 2,                // c1 and c2 received in the year; c3 in 令和6年度
            "plansMade": 2,
            "plansApproved": 2,
            "plansEvaluated": 2,
            "plansTerminated": 1, "plansTerminated.goalReached": 1, "plansTerminated.handedBack": 0,
            "plansSuspended": 1,
            "gapsRaised": 1, "gapsResolved": 1,
            "medianDaysToApproval": 83,    // 91 (04-15 → 07-15) and 75 (05-01 → 07-15)
        ]
        for (figure, value) in expected { #expect(actual[figure] == value, "\(figure)") }
        let rows = Dictionary(uniqueKeysWithValues: figures.rows.map { ($0.figure, $0) })
        #expect(rows["supportMeetings"]?.target == 2 && rows["supportMeetings"]?.rate == 100)
        #expect(rows["plansMade"]?.rate == 50 && rows["referrals"]?.target == nil)
        // The next year holds none of it.
        #expect(try await db.figures(fiscalYear: 2026, by: city.coordinator).rows.allSatisfy { $0.actual == 0 })
        await #expect { try await db.figures(fiscalYear: 2025, by: city.northMember) } throws: { isForbidden($0) }
        #expect(figures.csv.hasPrefix("\u{FEFF}年度,項目,実績,目標,達成率（%）\r\n令和7年度,支援会議回数（回）,2,2,100\r\n"))
    }

    @Test("A case reopened by a new referral counts among the referrals of that referral's year; the first counts in its own")
    func reopenedReferral() async throws {
        let city = try await TestCity.make()
        let db = city.db
        let (c, _) = try await city.northCase(received: "2024-12-01")
        func input(_ status: CaseStatus, reopenedOn: LocalDate? = nil) -> CaseInput {
            CaseInput(district: "N", fields: [.care], referringAgencyId: city.southCare, status: status, summary: "8050世帯", reopenedOn: reopenedOn)
        }
        // Only an ended case is reopened, on a day from its end to today.
        await #expect { try await db.updateCase(id: c.id!, with: input(.supporting, reopenedOn: LocalDate.today()), by: city.coordinator) } throws: {
            ($0 as? KasaneError)?.field == "reopenedOn"
        }
        _ = try await db.updateCase(id: c.id!, with: input(.terminated), by: city.coordinator)
        for bad in [LocalDate.today().adding(days: 1), LocalDate("2024-12-02")!] {
            await #expect { try await db.updateCase(id: c.id!, with: input(.intake, reopenedOn: bad), by: city.coordinator) } throws: {
                ($0 as? KasaneError)?.field == "reopenedOn"
            }
        }
        #expect(try await db.supportCase(id: c.id!, for: city.coordinator).status == .terminated)
        let reopened = try await db.updateCase(id: c.id!, with: input(.intake), by: city.coordinator)
        #expect(reopened.status == .intake && reopened.closedOn == nil && reopened.receivedOn == LocalDate("2024-12-01"))
        func referrals(_ year: Int) async throws -> Double? {
            try await db.figures(fiscalYear: year, by: city.coordinator).rows.first { $0.figure == "referrals" }?.actual
        }
        let thisYear = LocalDate.today().fiscalYear()
        #expect(try await referrals(2024) == 1)
        #expect(try await referrals(thisYear) == 1)
        // The record of referrals is kept as it is.
        await #expect(throws: (any Error).self) {
            try await db.writer.write { db in try db.execute(sql: "DELETE FROM caseReferral") }
        }
    }

    @Test("An overdue review is offered the first coming 重層的支援会議 with 30 free minutes, naming what is left; a fuller one is passed over")
    func overdueSuggestion() async throws {
        let base = try AppDatabase.inMemory()
        _ = try await base.seedDemo()
        let coordinator = Actor.staff(try await base.staff(email: DemoSeed.coordinatorEmail))
        // Far past every demo meeting, so that only the two below are coming.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .tokyo
        func weekday(after days: Int) -> Date {
            var day = calendar.startOfDay(for: Date().addingTimeInterval(Double(days) * 86400))
            while calendar.isDateInWeekend(day) { day = calendar.date(byAdding: .day, value: 1, to: day)! }
            return calendar.date(bySettingHour: 10, minute: 0, second: 0, of: day)!
        }
        let db = base.at(weekday(after: 400).addingTimeInterval(-86400 * 3))
        let full = weekday(after: 401), roomy = weekday(after: 405)
        _ = try await db.createMeeting(
            MeetingInput(kind: .multiLayeredSupportMeeting, startsAt: full, endsAt: full.addingTimeInterval(3600), place: "会議室",
                         items: [AgendaItemInput(caseId: nil, purpose: .socialResources, minutes: 40)]), by: coordinator)
        let second = try await db.createMeeting(
            MeetingInput(kind: .multiLayeredSupportMeeting, startsAt: roomy, endsAt: roomy.addingTimeInterval(5400), place: "会議室",
                         items: [AgendaItemInput(caseId: nil, purpose: .socialResources, minutes: 20)]), by: coordinator)
        let overdue = try await db.overdueReviews(for: coordinator)
        let first = try #require(overdue.first)
        #expect(first.daysLeft < 0)
        #expect(overdue.allSatisfy { $0.suggestedMeetingId == second.id && $0.suggestion.contains("残り70分") })
    }
}
