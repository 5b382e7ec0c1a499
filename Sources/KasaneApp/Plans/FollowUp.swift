import Foundation
import KasaneCore
import KasaneStorage

// What the coordinator and the secretariat follow: reviews coming due, with where each could
// be discussed next, and the resource gaps moving from open to resolved. No personal data.

extension TransactionalStorage {
    /// Plans in progress whose review date has passed or falls within `withinDays`, each
    /// with where it could be discussed next.
    public func overdueReviews(withinDays: Int = 14, for actor: Actor) async throws -> [OverdueReview] {
        try await audited(actor, "plan.overdue", target: "plans") { work, note in
            let now = note.at, today = LocalDate.today(now: now)
            try Access.require(.followPlans, actor)
            guard (0...365).contains(withinDays) else {
                throw KasaneError.invalid(field: "withinDays", message: "日数は0から365で指定してください。")
            }
            let due = try work.followUp.reviewsDue(onOrBefore: today.adding(days: withinDays))
            let settings = try work.settings.settings()
            // The next live 重層的支援会議 with room for a 30-minute item.
            let room = try work.followUp.upcomingMultiLayered(after: now).lazy.map { m, used in
                (m, Int(m.endsAt.timeIntervalSince(m.startsAt) / 60) - used)
            }.first { $0.1 >= 30 }
            return due.map { p in
                let suggestion = room.map { m, free in
                    "\(m.title(settings))（\(JapaneseEra.dateName(m.day))）の議題に「評価・終結」として加えられます（残り\(free)分）。"
                } ?? "空きのある重層的支援会議がありません。日程調整（POST /api/v1/schedule/search）で新しい会議を探してください。"
                return OverdueReview(
                    planId: p.planId, caseId: p.caseId, caseCode: p.caseCode, state: p.state, nextReviewOn: p.nextReviewOn,
                    daysLeft: LocalDate.daysBetween(today, p.nextReviewOn), suggestedMeetingId: room?.0.id, suggestion: suggestion)
            }
        }
    }

    public func resourceGaps(status: GapStatus? = nil, field: Field? = nil, district: String? = nil, for actor: Actor) async throws -> [ResourceGap] {
        try await audited(actor, "gap.list", target: "resourceGaps") { work, _ in
            try Access.require(.followPlans, actor)
            return try work.followUp.gaps(status: status, field: field, district: district)
        }
    }

    /// Moves a gap forward (open → being studied → turned into a project → resolved) and
    /// names the 協議体 or department it went to.
    public func updateGap(id: Int64, _ input: GapUpdate, by actor: Actor) async throws -> ResourceGap {
        try await audited(actor, "gap.update", target: "resourceGap:\(id)") { work, note in
            try Access.require(.followPlans, actor)
            guard let gap = try work.followUp.gap(id: id) else { throw KasaneError.notFound("社会資源の不足（ID \(id)）は見つかりません。") }
            guard gap.status.canMove(to: input.status) else {
                throw KasaneError.conflict("「\(gap.status.japaneseName)」から「\(input.status.japaneseName)」には戻せません（未対応→検討中→事業化→解決の順）。")
            }
            let passedTo = try Validate.optionalText(input.passedTo, field: "passedTo", label: "つないだ協議体・部署", max: 200) ?? gap.passedTo
            let resolvedOn = input.status == .resolved ? LocalDate.today(now: note.at) : gap.resolvedOn
            try work.followUp.updateGap(id: id, status: input.status, passedTo: passedTo, resolvedOn: resolvedOn)
            return ResourceGap(
                id: gap.id, field: gap.field, district: gap.district, description: gap.description, caseCodes: gap.caseCodes,
                status: input.status, passedTo: passedTo, raisedOn: gap.raisedOn, resolvedOn: resolvedOn, meetingId: gap.meetingId)
        }
    }
}
