import Foundation
import GRDB
import KasaneApp
import KasaneCore
import KasaneSQLite

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
    public func seedDemo(now: Date = Date()) async throws -> DemoSeed {
        let admin = Actor(kind: .localOperator, origin: "demo")
        // The demo was written on 2026-11-24; every date in it moves with the day it is made.
        let today = LocalDate.today(now: now)
        let shift = LocalDate.daysBetween(DemoCases.writtenOn, today)
        func day(_ text: String) -> LocalDate { (LocalDate(text) ?? DemoCases.writtenOn).adding(days: shift) }
        // 印西市の実施計画: 支援会議・重層的支援会議 2回, 支援プラン作成 2件 per year from 令和9年度.
        let targets = (2027...2030).flatMap { year in
            [Figure.supportMeetings, .multiLayeredMeetings, .plansMade].map { FigureTarget(fiscalYear: year, figure: $0, value: 2) }
        }
        var settings = MunicipalitySettings(
            municipalityName: "みなみ野市", supportMeetingName: "支援会議", multiLayeredMeetingName: "まるごと支援会議（重層的支援会議）")
        settings.targets = targets
        try await updateSettings(settings, by: admin)
        for (code, name) in DemoDirectory.districts {
            try await addDistrict(District(code: code, name: name), by: admin)
        }
        // Pledges on record well before the year of history.
        let staffCSV = DemoDirectory.staffCSV.replacingOccurrences(of: "2026-04-01", with: today.adding(days: -420).description)
        try await importDirectory(agenciesCSV: Data(DemoDirectory.agenciesCSV.utf8), staffCSV: Data(staffCSV.utf8), by: admin)

        let agencies = try await self.agencies()
        func agency(_ code: String) -> Int64 { agencies.first { $0.code == code }!.id! }
        let coordinator = Actor.staff(try await staff(email: DemoSeed.coordinatorEmail), from: "demo")

        var ids: [Int64] = []
        for spec in DemoCases.specs {
            let c = try await createCase(
                CaseInput(
                    receivedOn: day(spec.received), district: spec.district, fields: spec.fields,
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
                        birthDate: day(person.born), sex: person.sex, address: person.address, notes: person.notes),
                    by: coordinator)
                if member.isPrincipal { principal = member.id }
            }
            for (agencyCode, local) in spec.assignments {
                let s = try await staff(email: local + DemoCases.mail)
                try await assign(caseId: c.id!, agencyId: agency(agencyCode), staffId: s.id!, by: coordinator)
            }
            try await recordDemoConsent(spec.consent, caseId: c.id!, principal: principal!, agency: agency, day: day, by: coordinator)
        }
        // Held meetings first, oldest first, so that they take the years' first numbers.
        try await seedDemoHistory(caseIds: ids, now: now)
        try await seedDemoMinutes(caseIds: ids, now: now)
        try await seedDemoScheduling(admin: admin, now: now)
        return DemoSeed(eightyFiftyCaseId: ids[0], caseIds: ids)
    }

    /// Rooms, and the busy time of some members, as if they had uploaded their
    /// calendars: relative to today, so the demo never ages.
    func seedDemoScheduling(admin: Actor, now: Date = Date()) async throws {
        for room in [
            Room(name: "市役所本庁舎 5階 第2会議室", capacity: 12, equipment: ["プロジェクター", "ホワイトボード"]),
            Room(name: "市役所本庁舎 5階 第3会議室", capacity: 8, equipment: ["ホワイトボード"]),
            Room(name: "保健センター 2階 会議室", capacity: 20, equipment: ["プロジェクター", "車いす対応"]),
            Room(name: "Web会議（庁内ネットワーク）", capacity: nil, online: true, equipment: ["Web会議"]),
        ] {
            _ = try await createRoom(room, by: admin)
        }
        let window = try await at(now).busyWindow()
        let today = LocalDate.today(now: now)
        // (member, weekday 1 = Monday ... 5 = Friday or 0 = every weekday, from, to)
        let patterns: [(String, Int, Int, Int)] = [
            ("kitamura.naoko", 0, 9 * 60, 10 * 60 + 30),      // 毎朝の訪問
            ("kitamura.naoko", 3, 13 * 60, 17 * 60),          // 水曜午後の地域ケア会議
            ("hikita.jun", 2, 9 * 60, 12 * 60),               // 火曜午前の家族会
            ("hikita.jun", 4, 14 * 60, 16 * 60),
            ("nakai.takeshi", 1, 13 * 60 + 30, 15 * 60),
            ("nakai.takeshi", 5, 9 * 60, 12 * 60),
            ("aoki.shun", 0, 16 * 60, 17 * 60 + 15),
        ]
        var byStaff: [String: [BusyInterval]] = [:]
        for offset in 0..<56 {
            let day = today.adding(days: offset)
            let weekday = JapaneseHolidays.weekday(day)
            guard (1...5).contains(weekday) else { continue }
            for (member, on, from, to) in patterns where on == 0 || on == weekday {
                byStaff[member, default: []].append(
                    BusyInterval(start: day.instant(minutesAfterMidnight: from), end: day.instant(minutesAfterMidnight: to)))
            }
        }
        // One open 日程調整 for a 支援会議 on the 8050 household, and a monthly 定例.
        let coordinator = Actor.staff(try await staff(email: DemoSeed.coordinatorEmail), from: "demo")
        let calendar = WorkingCalendar(settings: try await settings())
        var day = today.adding(days: 7)
        var slots: [PollSlotInput] = []
        while slots.count < 4 {
            if calendar.isWorkingDay(day) {
                for hour in [10, 14] where slots.count < 4 {
                    let start = day.instant(minutesAfterMidnight: hour * 60)
                    slots.append(PollSlotInput(startsAt: start, endsAt: start.addingTimeInterval(5400)))
                }
            }
            day = day.adding(days: 1)
        }
        let asked = try await ["kitamura.naoko", "nakai.takeshi", "hikita.jun"].asyncMap { try await staff(email: $0 + DemoCases.mail).id }
        _ = try await at(now).createPoll(
            PollInput(kind: .supportMeeting, required: [coordinator.staffId].compactMap { $0 } + asked.compactMap { $0 }, slots: slots,
                      closesOn: today.adding(days: 5), note: "見守り方針の共有のため、ご都合をお知らせください。"),
            by: coordinator)
        _ = try await createSeries(
            SeriesInput(
                kind: .supportMeeting, weekday: 2, ordinal: 2, startTime: TimeOfDay("14:00") ?? .defaultOpening,
                endTime: TimeOfDay("15:30") ?? .defaultClosing, from: today, to: today.adding(days: 180),
                roomId: try await rooms().first { $0.name.contains("第3会議室") }?.id, onClosure: .nextWorkingDay),
            by: coordinator)

        for (member, intervals) in byStaff {
            let staff = try await staff(email: member + DemoCases.mail)
            _ = try await at(now).replaceBusy(
                BusyUpload(intervals: intervals, windowStart: window.start, windowEnd: window.end, events: intervals.count, truncatedRules: 0),
                by: .staff(staff, from: "demo"))
        }
    }

    private func recordDemoConsent(
        _ spec: DemoCases.ConsentSpec, caseId: Int64, principal: Int64, agency: (String) -> Int64, day: (String) -> LocalDate,
        by actor: Actor
    ) async throws {
        let purpose = "重層的支援会議において、支援関係機関の間で支援に必要な情報を共有すること"
        switch spec {
        case .none:
            return
        case .all(let given, let expires):
            try await recordConsent(
                caseId: caseId,
                ConsentInput(
                    givenByMemberId: principal, givenOn: day(given), scope: .allMeetingMembers, purpose: purpose,
                    expiresOn: expires.map(day)),
                by: actor)
        case .agencies(let codes, let given, let expires):
            try await recordConsent(
                caseId: caseId,
                ConsentInput(
                    givenByMemberId: principal, givenOn: day(given), scope: .agencies(codes.map(agency)),
                    purpose: purpose, expiresOn: expires.map(day)),
                by: actor)
        case .withdrawn(let codes, let given, let withdrawn, let reason):
            let consent = try await recordConsent(
                caseId: caseId,
                ConsentInput(
                    givenByMemberId: principal, givenOn: day(given), scope: .agencies(codes.map(agency)),
                    purpose: purpose, expiresOn: nil),
                by: actor)
            try await withdrawConsent(
                caseId: caseId, consentId: consent.id!, WithdrawalInput(withdrawnOn: day(withdrawn), reason: reason),
                by: actor)
        }
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
