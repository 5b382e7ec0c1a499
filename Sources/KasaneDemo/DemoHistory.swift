import Foundation
import KasaneApp
import KasaneCore
import KasaneSQLite

/// A year of みなみ野市's meetings behind today, so that plans stand in every state, the
/// overdue list, the figures and the resource gaps have something in them: eleven more
/// 支援会議 (one a month), seven 重層的支援会議 with plans approved, sent back, evaluated,
/// terminated twice (once handed back), suspended and revised, and two resource gaps.
/// Six households of its own, received a little over a year ago. All relative to today.
extension AppDatabase {
    func seedDemoHistory(caseIds: [Int64], now: Date) async throws {
        let today = LocalDate.today(now: now)
        let calendar = WorkingCalendar(settings: try await settings())
        func workingDay(_ daysAgo: Int) -> LocalDate {
            var day = today.adding(days: -daysAgo)
            while !calendar.isWorkingDay(day) { day = day.adding(days: -1) }
            return day
        }
        let coordinator = Actor.staff(try await staff(email: DemoSeed.coordinatorEmail), from: "demo")
        let secretariat = Actor.staff(try await staff(email: DemoSeed.secretariatEmail), from: "demo")
        let agencies = try await self.agencies()
        func agency(_ code: String) -> Int64 { agencies.first { $0.code == code }?.id ?? 0 }
        func staffId(_ local: String) async throws -> Int64 { try await staff(email: local + DemoCases.mail).id ?? 0 }

        // Six households received 400 days ago and after, each with the principal's consent to every member.
        let households: [(String, [Field], String, String, String, String)] = [
            ("N", [.poverty, .employment], "長期失業と家賃滞納", "本人", "北原 健司", "きたはら けんじ"),
            ("C", [.care, .mentalHealth], "介護する息子の抑うつ", "本人", "中野 弘", "なかの ひろし"),
            ("S", [.disability, .housing], "障害のある姉妹の住まい", "本人", "南雲 咲", "なぐも さき"),
            ("E", [.withdrawal, .employment], "30代のひきこもりと就労", "本人", "東 大輔", "ひがし だいすけ"),
            ("W", [.childcare, .poverty], "ひとり親の就労と子育て", "本人", "西田 美和", "にしだ みわ"),
            ("N", [.debtLegal, .mentalHealth], "債務と依存の問題", "本人", "北島 亮", "きたじま りょう"),
        ]
        var h: [Int64] = []
        for (i, (district, fields, summary, relation, name, kana)) in households.enumerated() {
            let received = today.adding(days: -420 + i * 5)
            let c = try await createCase(
                CaseInput(receivedOn: received, district: district, fields: fields, referringAgencyId: agency("JIRITSU"), leadAgencyId: agency("CSW"),
                          summary: summary),
                by: coordinator)
            let principal = try await addHouseholdMember(
                caseId: c.id!,
                HouseholdMemberInput(relation: relation, name: name, kana: kana, birthDate: today.adding(days: -365 * (35 + i * 4)), sex: i % 2 == 0 ? "男性" : "女性",
                                     address: "みなみ野市\(district == "N" ? "北" : "本")町\(i + 1)-\(i + 3)"),
                by: coordinator)
            _ = try await recordConsent(
                caseId: c.id!,
                ConsentInput(givenByMemberId: principal.id!, givenOn: received.adding(days: 3), scope: .allMeetingMembers,
                             purpose: "重層的支援会議において、支援関係機関の間で支援に必要な情報を共有すること", expiresOn: nil),
                by: coordinator)
            h.append(c.id!)
        }
        func plan(_ caseId: Int64, _ codes: [String], daysAgo: Int) async throws {
            let actions = codes.map { PlanAction(agencyId: agency($0), what: "面談と同行支援", frequency: "月2回", period: "6か月") }
            _ = try await at(day: today.adding(days: -daysAgo)).createPlan(
                caseId: caseId,
                PlanInput(wishes: "自分のペースで生活を立て直したい",
                          goals: [PlanGoal(term: .long, text: "安定した暮らしを続けられる", actions: actions),
                                  PlanGoal(term: .short, text: "毎月の支払いの見通しを立てる", actions: [actions[0]])],
                          nextReviewOn: today.adding(days: -daysAgo + 120)),
                by: coordinator)
        }
        let jinno = try await staffId("jinno.kazuya"), nakai = try await staffId("nakai.takeshi")

        /// Holds a meeting `daysAgo`, drafts and approves its minutes two days later.
        func hold(
            _ kind: MeetingKind, daysAgo: Int, _ items: [(Int64?, AgendaPurpose)], members: [Int64], _ decisions: [[Decision]], summaries: [String]
        ) async throws {
            let day = workingDay(daysAgo)
            let m = try await createMeeting(
                MeetingInput(
                    kind: kind, startsAt: day.instant(minutesAfterMidnight: 14 * 60), endsAt: day.instant(minutesAfterMidnight: 15 * 60 + 30),
                    place: kind == .supportMeeting ? "市役所本庁舎 5階 第3会議室" : "市役所本庁舎 5階 第2会議室",
                    items: items.map { AgendaItemInput(caseId: $0.0, purpose: $0.1, minutes: 30) }),
                by: coordinator)
            for s in members { _ = try await addAttendee(meetingId: m.id, AttendeeInput(staffId: s), by: coordinator) }
            _ = try await at(m.endsAt).markHeld(id: m.id, by: secretariat)
            _ = try await draftMinutes(meetingId: m.id, by: secretariat)
            _ = try await editMinutes(meetingId: m.id, MinutesEdit(items: m.items.enumerated().map { i, item in
                .init(itemId: item.id, summary: summaries[min(i, summaries.count - 1)], decisions: decisions[i])
            }), by: secretariat)
            _ = try await at(m.endsAt.addingTimeInterval(2 * 86400)).approveMinutes(meetingId: m.id, by: coordinator)
        }

        // Plans, then the 重層的支援会議 and the monthly 支援会議, oldest first.
        try await plan(h[0], ["JIRITSU", "HW"], daysAgo: 345)
        try await plan(h[1], ["HK-C", "HOKEN"], daysAgo: 345)
        try await plan(h[2], ["KIKAN", "KYOJU"], daysAgo: 300)
        try await plan(h[3], ["SAPOSTE", "HIKI"], daysAgo: 300)
        try await plan(h[5], ["HOTERASU", "HOKEN"], daysAgo: 300)
        let shared = "関係機関の見立てを共有した。"
        var schedule: [(Int, () async throws -> Void)] = []
        for k in 2...12 {
            let caseId = h[k % h.count]
            schedule.append((k * 30 + 3, {
                try await hold(.supportMeeting, daysAgo: k * 30 + 3, [(caseId, .informationSharing)], members: [nakai],
                               [[Decision(kind: .informationShared, text: "見守りの状況と最近の変化を共有した。")]], summaries: [shared])
            }))
        }
        schedule.append((330, {
            try await hold(.multiLayeredSupportMeeting, daysAgo: 330, [(h[0], .planReview), (h[1], .planReview)], members: [jinno],
                           [[Decision(kind: .planApproved)], [Decision(kind: .planApproved), Decision(kind: .roleAssigned, text: "月1回の訪問", agencyId: agency("HK-C"))]],
                           summaries: ["プランの内容を確認した。"])
        }))
        schedule.append((285, {
            try await hold(.multiLayeredSupportMeeting, daysAgo: 285, [(h[2], .planReview), (h[3], .planReview), (h[5], .planReview)], members: [jinno],
                           [[Decision(kind: .planApproved)], [Decision(kind: .planSentBack, text: "短期目標を本人と相談して具体的に")], [Decision(kind: .planApproved)]],
                           summaries: ["プランの内容を確認した。"])
        }))
        schedule.append((240, {
            try await plan(h[4], ["JIRITSU", "KODOMO"], daysAgo: 250)
            try await hold(.multiLayeredSupportMeeting, daysAgo: 240, [(h[3], .planReview), (h[4], .planReview), (nil, .socialResources)], members: [jinno],
                           [[Decision(kind: .planApproved)], [Decision(kind: .planApproved)],
                            [Decision(kind: .resourceGap, text: "短時間から働ける職場が市内に少ない", field: .employment)]],
                           summaries: ["プランの内容を確認した。", "プランの内容を確認した。", "複数の事例に共通する課題を整理した。"])
        }))
        schedule.append((195, {
            try await hold(.multiLayeredSupportMeeting, daysAgo: 195, [(h[0], .evaluationTermination)], members: [jinno],
                           [[Decision(kind: .goalEvaluation, goals: [GoalEvaluation(goal: 1, rating: .achieved), GoalEvaluation(goal: 2, rating: .achieved)]),
                             Decision(kind: .planTerminated, text: "就職し、家賃の支払いが安定した", termination: .goalReached)]],
                           summaries: ["目標の達成を確認した。"])
        }))
        schedule.append((150, {
            try await hold(.multiLayeredSupportMeeting, daysAgo: 150, [(h[1], .evaluationTermination)], members: [jinno],
                           [[Decision(kind: .goalEvaluation, goals: [GoalEvaluation(goal: 1, rating: .partlyAchieved), GoalEvaluation(goal: 2, rating: .achieved)]),
                             Decision(kind: .planTerminated, text: "地域包括の支援で足りる状態になった", agencyId: agency("HK-C"), termination: .handedBack)]],
                           summaries: ["評価し、主担当に戻すことにした。"])
        }))
        schedule.append((105, {
            try await hold(.multiLayeredSupportMeeting, daysAgo: 105, [(h[2], .evaluationTermination), (h[5], .evaluationTermination)], members: [jinno],
                           [[Decision(kind: .goalEvaluation, goals: [GoalEvaluation(goal: 1, rating: .notAchieved)]),
                             Decision(kind: .planSuspended, text: "長期入院のため", date: today.adding(days: 30))],
                            [Decision(kind: .goalEvaluation, goals: [GoalEvaluation(goal: 1, rating: .partlyAchieved)]), Decision(kind: .planRevised)]],
                           summaries: ["評価した。"])
        }))
        schedule.append((60, {
            try await hold(.multiLayeredSupportMeeting, daysAgo: 60, [(h[3], .evaluationTermination), (nil, .socialResources)], members: [jinno],
                           [[Decision(kind: .goalEvaluation, goals: [GoalEvaluation(goal: 1, rating: .partlyAchieved)]),
                             Decision(kind: .planContinued, date: today.adding(days: -5))],
                            [Decision(kind: .resourceGap, text: "保証人のいない単身者が借りられる住宅が少ない", field: .housing)]],
                           summaries: ["評価し、支援を続けることにした。", "住まいの確保の課題を整理した。"])
        }))
        for (_, step) in schedule.sorted(by: { $0.0 > $1.0 }) { try await step() }
        if let first = try await resourceGaps(for: secretariat).last {
            _ = try await updateGap(id: first.id, GapUpdate(status: .studying, passedTo: "就労支援ネットワーク会議"), by: secretariat)
        }
    }
}
