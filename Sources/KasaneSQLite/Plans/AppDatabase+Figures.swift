import Foundation
import GRDB
import KasaneCore

/// What the coordinator and the secretariat follow: reviews coming due, resource gaps,
/// and the year's figures against the city's targets. No personal data in any of it.
extension AppDatabase {
    /// Plans in progress whose review date has passed or falls within `withinDays`, each
    /// with where it could be discussed next.
    public func overdueReviews(withinDays: Int = 14, for actor: Actor) async throws
        -> [OverdueReview]
    {
        try await audited(actor, "plan.overdue", target: "plans") { db, note in
            let now = note.at, today = LocalDate.today(now: now)
            try Access.require(.followPlans, actor)
            guard (0...365).contains(withinDays) else {
                throw KasaneError.invalid(field: "withinDays", message: "日数は0から365で指定してください。")
            }
            let limit = today.adding(days: withinDays)
            let rows = try PlanRow.fetchAll(db, sql: """
                SELECT p.* FROM supportPlan p WHERE p.state = 'inProgress' AND p.nextReviewOn <= ?
                  AND p.version = (SELECT MAX(version) FROM supportPlan q WHERE q.caseId = p.caseId) ORDER BY p.nextReviewOn
                """, arguments: [limit.description])
            let codes = Dictionary(uniqueKeysWithValues: try SupportCase.filter(keys: rows.map(\.caseId)).fetchAll(db).compactMap { c in c.id.map { ($0, c.code) } })
            let settings = try Self.settings(db)
            // The next live 重層的支援会議 with room for a 30-minute item.
            let upcoming = try Meeting.filter(Column("kind") == MeetingKind.multiLayeredSupportMeeting.rawValue)
                .filter(["planned", "invited"].contains(Column("status"))).filter(Column("startsAt") > now).order(Column("startsAt")).fetchAll(db)
            var room: (Meeting, Int)?
            for m in upcoming {
                let used = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(minutes), 0) FROM agendaItem WHERE meetingId = ?", arguments: [m.id]) ?? 0
                let free = Int(m.endsAt.timeIntervalSince(m.startsAt) / 60) - used
                if free >= 30 { room = (m, free); break }
            }
            return rows.map { p in
                let days = LocalDate.daysBetween(today, p.nextReviewOn)
                let suggestion = room.map { m, free in
                    "\(m.title(settings))（\(JapaneseEra.dateName(m.day))）の議題に「評価・終結」として加えられます（残り\(free)分）。"
                } ?? "空きのある重層的支援会議がありません。日程調整（POST /api/v1/schedule/search）で新しい会議を探してください。"
                return OverdueReview(
                    planId: p.id ?? 0, caseId: p.caseId, caseCode: codes[p.caseId] ?? "", state: p.state, nextReviewOn: p.nextReviewOn,
                    daysLeft: days, suggestedMeetingId: room?.0.id, suggestion: suggestion)
            }
        }
    }

    public func resourceGaps(status: GapStatus? = nil, field: Field? = nil, district: String? = nil, for actor: Actor) async throws -> [ResourceGap] {
        try await audited(actor, "gap.list", target: "resourceGaps") { db, _ in
            try Access.require(.followPlans, actor)
            var request = GapRow.order(Column("raisedOn").desc, Column("id").desc)
            if let status { request = request.filter(Column("status") == status.rawValue) }
            if let field { request = request.filter(Column("field") == field.rawValue) }
            if let district { request = request.filter(Column("district") == district) }
            return try request.fetchAll(db).map(\.gap)
        }
    }

    /// Moves a gap forward (open → being studied → turned into a project → resolved) and
    /// names the 協議体 or department it went to.
    public func updateGap(id: Int64, _ input: GapUpdate, by actor: Actor) async throws -> ResourceGap {
        try await audited(actor, "gap.update", target: "resourceGap:\(id)") { db, note in
            let today = LocalDate.today(now: note.at)
            try Access.require(.followPlans, actor)
            guard var gap = try GapRow.fetchOne(db, key: id) else { throw KasaneError.notFound("社会資源の不足（ID \(id)）は見つかりません。") }
            guard gap.status.canMove(to: input.status) else {
                throw KasaneError.conflict("「\(gap.status.japaneseName)」から「\(input.status.japaneseName)」には戻せません（未対応→検討中→事業化→解決の順）。")
            }
            gap.status = input.status
            gap.passedTo = try Validate.optionalText(input.passedTo, field: "passedTo", label: "つないだ協議体・部署", max: 200) ?? gap.passedTo
            if input.status == .resolved { gap.resolvedOn = today }
            try gap.update(db)
            return gap.gap
        }
    }

    /// The year's figures, counted straight from the records.
    public func figures(fiscalYear: Int, by actor: Actor) async throws -> YearFigures {
        try await audited(actor, "figures.read", target: "fiscalYear:\(fiscalYear)") { db, _ in
            try Access.require(.followPlans, actor)
            guard (2000...2100).contains(fiscalYear) else {
                throw KasaneError.invalid(field: "fiscalYear", message: "年度は2000から2100の間で指定してください（\(fiscalYear)）。")
            }
            let settings = try Self.settings(db)
            let startMonth = settings.fiscalYearStartMonth
            guard let from = LocalDate(year: fiscalYear, month: startMonth, day: 1) else {
                throw KasaneError.invalid(field: "fiscalYear", message: "年度の初日を決められません。")
            }
            let to = (LocalDate(year: fiscalYear + 1, month: startMonth, day: 1) ?? from).adding(days: -1)
            let range: [any DatabaseValueConvertible] = [from.description, to.description]
            func count(_ sql: String, _ arguments: [any DatabaseValueConvertible]) throws -> Double {
                Double(try Int.fetchOne(db, sql: sql, arguments: StatementArguments(arguments)) ?? 0)
            }
            let held = "status IN ('held', 'minutesApproved') AND fiscalYear = ?"
            var actual: [Figure: Double] = [
                .supportMeetings: try count("SELECT COUNT(*) FROM meeting WHERE kind = 'support' AND \(held)", [fiscalYear]),
                .multiLayeredMeetings: try count("SELECT COUNT(*) FROM meeting WHERE kind = 'multiLayered' AND \(held)", [fiscalYear]),
                .casesDiscussed: try count("""
                    SELECT COUNT(DISTINCT agendaItem.caseId) FROM agendaItem JOIN meeting ON meeting.id = agendaItem.meetingId
                    WHERE agendaItem.caseId IS NOT NULL AND meeting.\(held)
                    """, [fiscalYear]),
                // Every referral in the year: a case's first, and each that opened an ended case again.
                .referrals: try count("SELECT COUNT(*) FROM caseReferral WHERE referredOn BETWEEN ? AND ?", range),
                .plansMade: try count("SELECT COUNT(*) FROM supportPlan WHERE createdOn BETWEEN ? AND ?", range),
                .plansApproved: try count("SELECT COUNT(*) FROM planTransition WHERE toState = 'approved' AND \"on\" BETWEEN ? AND ?", range),
                .plansEvaluated: try count("SELECT COUNT(DISTINCT planId) FROM planEvent WHERE kind = 'goalEvaluation' AND \"on\" BETWEEN ? AND ?", range),
                .plansTerminated: try count("SELECT COUNT(*) FROM planTransition WHERE toState = 'terminated' AND \"on\" BETWEEN ? AND ?", range),
                .plansSuspended: try count("SELECT COUNT(*) FROM planTransition WHERE toState = 'suspended' AND \"on\" BETWEEN ? AND ?", range),
                .gapsRaised: try count("SELECT COUNT(*) FROM resourceGap WHERE raisedOn BETWEEN ? AND ?", range),
                .gapsResolved: try count("SELECT COUNT(*) FROM resourceGap WHERE resolvedOn BETWEEN ? AND ?", range),
            ]
            // Days from referral (受付日) to the first approval of a plan, for first approvals in the year.
            let days = try Row.fetchAll(db, sql: """
                SELECT c.receivedOn AS received, MIN(t."on") AS approved FROM planTransition t
                JOIN supportPlan p ON p.id = t.planId JOIN supportCase c ON c.id = p.caseId
                WHERE t.toState = 'approved' GROUP BY c.id HAVING MIN(t."on") BETWEEN ? AND ?
                """, arguments: StatementArguments(range)).compactMap { row -> Int? in
                guard let r = LocalDate(row["received"] as String), let a = LocalDate(row["approved"] as String) else { return nil }
                return LocalDate.daysBetween(r, a)
            }.sorted()
            actual[.medianDaysToApproval] = days.isEmpty ? 0 : days.count % 2 == 1
                ? Double(days[days.count / 2]) : Double(days[days.count / 2 - 1] + days[days.count / 2]) / 2
            let targets = Dictionary((settings.targets ?? []).filter { $0.fiscalYear == fiscalYear }.map { ($0.figure, $0.value) }, uniquingKeysWith: { a, _ in a })
            var rows = Figure.allCases.map { f in
                YearFigures.Row(figure: f.rawValue, label: f.japaneseName, actual: actual[f] ?? 0, target: targets[f])
            }
            // Terminations by reason, right after the total.
            let byReason = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
                SELECT termination, COUNT(*) AS n FROM planTransition WHERE toState = 'terminated' AND "on" BETWEEN ? AND ? GROUP BY termination
                """, arguments: StatementArguments(range)).map { ($0["termination"] as String? ?? "", $0["n"] as Int) })
            let at = (rows.firstIndex { $0.figure == Figure.plansTerminated.rawValue } ?? rows.count - 1) + 1
            rows.insert(contentsOf: TerminationReason.allCases.map { r in
                YearFigures.Row(figure: "plansTerminated.\(r.rawValue)", label: "　うち\(r.japaneseName)", actual: Double(byReason[r.rawValue] ?? 0), target: nil)
            }, at: at)
            return YearFigures(fiscalYear: fiscalYear, from: from, to: to, rows: rows)
        }
    }
}
