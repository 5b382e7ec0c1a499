import Foundation
import KasaneApp
import KasaneCore
import KasaneSQLite

/// Two meetings already held, relative to today so the demo never ages: a 支援会議
/// three weeks ago with approved minutes (北村 left the room for its second item),
/// a 重層的支援会議 ten days ago whose minutes were approved and then corrected once, and one
/// two working days ago whose minutes are still to be written.
extension AppDatabase {
    func seedDemoMinutes(caseIds: [Int64], now: Date) async throws {
        let settings = try await settings()
        let calendar = WorkingCalendar(settings: settings)
        func workingDay(_ daysAgo: Int) -> LocalDate {
            var day = LocalDate.today(now: now).adding(days: -daysAgo)
            while !calendar.isWorkingDay(day) { day = day.adding(days: -1) }
            return day
        }
        func staffId(_ local: String) async throws -> Int64 {
            guard let id = try await staff(email: local + DemoCases.mail).id else {
                throw KasaneError.notFound("デモの職員 \(local) がいません。")
            }
            return id
        }
        let coordinator = Actor.staff(try await staff(email: DemoSeed.coordinatorEmail), from: "demo")
        let secretariat = Actor.staff(try await staff(email: DemoSeed.secretariatEmail), from: "demo")
        let agencies = try await self.agencies()
        func agency(_ code: String) -> Int64? { agencies.first { $0.code == code }?.id }
        let kitamura = try await staffId("kitamura.naoko"), nakai = try await staffId("nakai.takeshi")
        let hikita = try await staffId("hikita.jun")

        // 支援会議: the 8050 household's watching policy, and an isolated elderly person.
        let day1 = workingDay(21)
        let support = try await createMeeting(
            MeetingInput(
                kind: .supportMeeting, startsAt: day1.instant(minutesAfterMidnight: 600), endsAt: day1.instant(minutesAfterMidnight: 690),
                place: "市役所本庁舎 5階 第3会議室",
                items: [AgendaItemInput(caseId: caseIds[0], purpose: .watchingDirection, minutes: 45),
                        AgendaItemInput(caseId: caseIds[3], purpose: .informationSharing, minutes: 30)]),
            by: coordinator)
        let (s1, s2) = (support.items[0].id, support.items[1].id)
        _ = try await addAttendee(meetingId: support.id, AttendeeInput(staffId: kitamura, leavesFor: [s2]), by: coordinator)
        _ = try await addAttendee(meetingId: support.id, AttendeeInput(staffId: nakai), by: coordinator)
        _ = try await at(support.endsAt).markHeld(id: support.id, by: secretariat)
        _ = try await draftMinutes(meetingId: support.id, by: secretariat)
        _ = try await editMinutes(meetingId: support.id, MinutesEdit(items: [
            .init(itemId: s1, summary: "父の通所が途切れがちで、子は夜間の外出が増えている。年金支給日前の食料不足が続く。", decisions: [
                Decision(kind: .watchingPolicy, text: "北部包括が週1回訪問し、父の通所再開を働きかける。子へは手紙で関わりを続ける。"),
                Decision(kind: .urgentAction, text: "フードバンクの食料を年金支給日前に届ける。", agencyId: agency("CSW"), date: day1.adding(days: 7)),
            ]),
            .init(itemId: s2, summary: "近隣の民生委員から、郵便物がたまっているとの連絡があった。", decisions: [
                Decision(kind: .informationShared, text: "中部包括が訪問し、安否を確認する。拒否が続く場合は次回の支援会議で再協議する。"),
            ]),
        ]), by: secretariat)
        _ = try await at(support.endsAt.addingTimeInterval(3 * 86400)).approveMinutes(meetingId: support.id, by: coordinator)

        // 重層的支援会議: two plans, one approved and one sent back; corrected once.
        let day2 = workingDay(10)
        for (caseId, codes) in [(caseIds[1], ["HK-C", "KODOMO"]), (caseIds[5], ["HIKI", "SAPOSTE"])] {
            let actions = codes.compactMap(agency).map { PlanAction(agencyId: $0, what: "訪問と相談", frequency: "月2回", period: "6か月") }
            _ = try await at(day: day2.adding(days: -14)).createPlan(
                caseId: caseId,
                PlanInput(
                    wishes: caseId == caseIds[1] ? "介護と子育てを一人で抱え込まずに続けたい" : "自分に合う仕事を見つけたい",
                    goals: [PlanGoal(term: .long, text: "世帯が安定して暮らせる", actions: actions),
                            PlanGoal(term: .short, text: "相談できる場所につながる", actions: [actions[0]])],
                    nextReviewOn: LocalDate.today(now: now).adding(days: 90)),
                by: coordinator)
        }
        let multi = try await createMeeting(
            MeetingInput(
                kind: .multiLayeredSupportMeeting, startsAt: day2.instant(minutesAfterMidnight: 840),
                endsAt: day2.instant(minutesAfterMidnight: 930), place: "市役所本庁舎 5階 第2会議室",
                items: [AgendaItemInput(caseId: caseIds[1], purpose: .planReview, minutes: 40),
                        AgendaItemInput(caseId: caseIds[5], purpose: .planReview, minutes: 40)]),
            by: coordinator)
        let (m1, m2) = (multi.items[0].id, multi.items[1].id)
        _ = try await addAttendee(meetingId: multi.id, AttendeeInput(staffId: nakai, itemIds: [m1]), by: coordinator)
        _ = try await addAttendee(meetingId: multi.id, AttendeeInput(staffId: hikita, itemIds: [m2]), by: coordinator)
        _ = try await at(multi.endsAt).markHeld(id: multi.id, by: secretariat)
        _ = try await draftMinutes(meetingId: multi.id, by: secretariat)
        _ = try await editMinutes(meetingId: multi.id, MinutesEdit(items: [
            .init(itemId: m1, summary: "母の介護と子育ての負担が本人に集中している。ショートステイと一時預かりの併用を確認した。", decisions: [
                Decision(kind: .planApproved),
                Decision(kind: .roleAssigned, text: "月1回の訪問とショートステイの調整", agencyId: agency("HK-C")),
                Decision(kind: .roleAssigned, text: "一時預かりの手配", agencyId: agency("KODOMO")),
            ]),
            .init(itemId: m2, summary: "就労への関心はあるが、生活リズムが整っていない。", decisions: [
                Decision(kind: .planSentBack, text: "短期目標を具体的に（週2回の通所から）"),
            ]),
        ]), by: secretariat)
        let approvedAt = multi.endsAt.addingTimeInterval(2 * 86400)
        _ = try await at(approvedAt).approveMinutes(meetingId: multi.id, by: coordinator)
        _ = try await correctMinutes(meetingId: multi.id, MinutesCorrectionInput(reason: "議題2の差し戻し意見の誤記（通所の回数）"), by: secretariat)
        _ = try await editMinutes(meetingId: multi.id, MinutesEdit(items: [
            .init(itemId: m2, decisions: [Decision(kind: .planSentBack, text: "短期目標を具体的に（週1回の通所から）")]),
        ]), by: secretariat)
        _ = try await at(approvedAt.addingTimeInterval(86400)).approveMinutes(meetingId: multi.id, by: coordinator)

        // Held two working days ago, minutes not yet written: the secretariat's next piece of work
        // (the debt case's first plan is under review there).
        let day3 = workingDay(2)
        let debtActions = ["JIRITSU", "HOTERASU"].compactMap(agency).map {
            PlanAction(agencyId: $0, what: $0 == agency("JIRITSU") ? "家計の見直しと就労準備" : "債務整理の相談", frequency: "月2回", period: "6か月")
        }
        _ = try await at(day: day3.adding(days: -10)).createPlan(
            caseId: caseIds[2],
            PlanInput(
                wishes: "借金を整理して、体調に合う働き方を見つけたい",
                goals: [PlanGoal(term: .long, text: "債務を整理し、生活を立て直す", actions: debtActions),
                        PlanGoal(term: .short, text: "家計の収支が分かるようになる", actions: [debtActions[0]])],
                nextReviewOn: LocalDate.today(now: now).adding(days: 100)),
            by: coordinator)
        let waiting = try await createMeeting(
            MeetingInput(
                kind: .multiLayeredSupportMeeting, startsAt: day3.instant(minutesAfterMidnight: 840),
                endsAt: day3.instant(minutesAfterMidnight: 900), place: "市役所本庁舎 5階 第2会議室",
                items: [AgendaItemInput(caseId: caseIds[2], purpose: .planReview, minutes: 45)]),
            by: coordinator)
        _ = try await addAttendee(meetingId: waiting.id, AttendeeInput(staffId: try await staffId("jinno.kazuya")), by: coordinator)
        _ = try await at(waiting.endsAt).markHeld(id: waiting.id, by: secretariat)

        // Coming: the 8050 household's first plan for review, and a plan for evaluation.
        _ = try await at(day: LocalDate.today(now: now).adding(days: -3)).createPlan(
            caseId: caseIds[0],
            PlanInput(
                wishes: "父の介護を続けながら、自分も少しずつ外に出たい",
                goals: [PlanGoal(term: .long, text: "父子ともに地域で安心して暮らせる", actions: [
                            PlanAction(agencyId: agency("HK-N") ?? 0, what: "父の通所と介護保険サービスの調整", frequency: "週1回", period: "6か月")]),
                        PlanGoal(term: .short, text: "本人が相談の場に月1回来られる", actions: [
                            PlanAction(agencyId: agency("HIKI") ?? 0, what: "手紙と訪問での関係づくり", frequency: "月2回", period: "3か月")])],
                nextReviewOn: LocalDate.today(now: now).adding(days: 120)),
            by: coordinator)
        var ahead = LocalDate.today(now: now).adding(days: 14)
        while !calendar.isWorkingDay(ahead) { ahead = ahead.adding(days: 1) }
        let evaluated = try await cases(for: coordinator).last { $0.summary == "ひとり親の就労と子育て" }?.id
        _ = try await createMeeting(
            MeetingInput(
                kind: .multiLayeredSupportMeeting, startsAt: ahead.instant(minutesAfterMidnight: 840), endsAt: ahead.instant(minutesAfterMidnight: 960),
                place: "市役所本庁舎 5階 第2会議室",
                items: [AgendaItemInput(caseId: caseIds[0], purpose: .planReview, minutes: 45)]
                    + (evaluated.map { [AgendaItemInput(caseId: $0, purpose: .evaluationTermination, minutes: 30)] } ?? [])),
            by: coordinator)
    }
}
