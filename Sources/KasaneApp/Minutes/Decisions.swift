import Foundation
import KasaneCore
import KasaneStorage

/// Approving minutes applies their decisions, in the same transaction: a refusal of
/// any one (a plan in the wrong state, a case whose consent no longer holds) leaves
/// the minutes a draft and every plan as it was.
/// What approving minutes decides.
enum DecisionRules {
    static func apply(
        _ work: any UnitOfWork, _ loaded: LoadedMeeting, version row: MinutesVersionRecord, record: MinutesRecord, by actor: Actor, now: Date
    ) throws {
        // A correction re-approves words, not decisions: those were applied with the first approval.
        if let previous = try work.minutes.versions(meetingId: row.meetingId).last(where: { $0.isApproved && $0.version < row.version }) {
            let before = try previous.decodedRecord().items.map { $0.decisions }
            guard before == record.items.map(\.decisions) else {
                throw KasaneError.conflict("訂正で決定（種類・日付・機関・理由）を変えることはできません。決定は支援プランに反映済みです。変えるときは次の重層的支援会議で決定してください。")
            }
            return
        }
        let m = loaded.meeting
        let versionId = row.id ?? 0
        let texts = Dictionary(uniqueKeysWithValues: try work.minutes.texts(versionId: versionId).map { ($0.itemId, try $0.decodedBody()) })
        let cases = Dictionary(try record.items.compactMap(\.caseId).compactMap { try work.cases.supportCase(id: $0) }.compactMap { c in c.id.map { ($0, c) } },
                              uniquingKeysWith: { first, _ in first })
        let staff = try MeetingFunnel.staffById(work)
        let agencyNames = try MeetingFunnel.agencyNames(work)
        for item in record.items where !item.decisions.isEmpty {
            let words = texts[item.itemId] ?? nil
            let c = item.caseId.flatMap { cases[$0] }
            if let c, m.kind == .multiLayeredSupportMeeting, item.decisions.contains(where: { $0.kind.isAboutPlan }) {
                try checkConsent(work, c, itemId: item.itemId, loaded, staff: staff, agencyNames: agencyNames, now: now)
            }
            for (k, d) in item.decisions.enumerated() {
                let text = words.flatMap { k < $0.decisionTexts.count ? $0.decisionTexts[k] : nil }
                if d.kind == .resourceGap {
                    try work.followUp.raise(GapRecord(
                        field: d.field ?? Field("地域"), district: c?.district, description: text ?? "", caseCodes: c.map { [$0.code] } ?? [],
                        raisedOn: m.day, meetingId: m.id, minutesVersionId: row.id))
                    continue
                }
                guard d.kind.isAboutPlan, m.kind == .multiLayeredSupportMeeting, let caseRow = c, let caseId = caseRow.id, let meetingId = m.id else { continue }
                guard var plan = try work.plans.latestPlan(caseId: caseId) else {
                    throw KasaneError.conflict("事例\(caseRow.code)には支援プランがありません。「\(d.kind.japaneseName)」を承認する前に作成してください。")
                }
                func stamp(_ state: PlanState, reason: String? = nil) throws {
                    plan = try MeetingFunnel.movePlan(work, plan, to: state, on: m.day, meetingId: m.id, minutesVersionId: row.id, decision: d.kind, termination: d.termination,
                        agencyId: d.agencyId, by: actor, reason: reason ?? text, at: now)
                }
                /// Lists, on the plan, the agencies whose actions end with it.
                func endedActions(_ plan: PlanRecord, keeping lead: Int64?) throws {
                    let ended = try plan.decodedContent().agencyIds.subtracting(lead.map { [$0] } ?? []).sorted()
                    try work.plans.insert(PlanEventRecord(
                        planId: plan.id ?? 0, kind: d.kind, on: m.day, meetingId: meetingId, minutesVersionId: versionId, goal: nil, rating: nil,
                        agencyId: lead, detail: "取り組みを終える機関: " + (ended.isEmpty ? "なし" : ended.map { agencyNames[$0] ?? "機関ID \($0)" }.joined(separator: "、"))))
                }
                func event(goal: Int? = nil, rating: GoalRating? = nil) throws {
                    try work.plans.insert(PlanEventRecord(
                        planId: plan.id ?? 0, kind: d.kind, on: m.day, meetingId: meetingId, minutesVersionId: versionId, goal: goal, rating: rating,
                        agencyId: d.agencyId, detail: text))
                }
                switch d.kind {
                case .planApproved:
                    if plan.state == .draft { try stamp(.underReview, reason: "重層的支援会議の議題（プランの適切性の協議）") }
                    try stamp(.approved)
                    try stamp(.inProgress, reason: "承認により支援開始")
                    try setCase(work, caseId) { $0.status = .supporting }
                case .planSentBack:
                    try stamp(.draft)
                case .goalEvaluation:
                    if plan.state != .evaluation { try stamp(.evaluation, reason: "評価") }
                    for g in d.goals ?? [] { try event(goal: g.goal, rating: g.rating) }
                case .roleAssigned:
                    try event()
                case .planContinued:
                    if plan.state != .inProgress { try stamp(.inProgress) }
                    if let date = d.date {
                        plan.nextReviewOn = date
                        try work.plans.update(plan)
                    }
                case .planRevised:
                    try stamp(.revised)
                    _ = try work.plans.insert(PlanRecord(
                        caseId: plan.caseId, version: plan.version + 1, state: .draft, content: plan.content, nextReviewOn: plan.nextReviewOn,
                        createdBy: actor.staffId, createdAt: now, createdOn: m.day))
                    try setCase(work, caseId) { $0.status = .planning }
                case .planSuspended:
                    try stamp(.suspended)
                    try endedActions(plan, keeping: nil)
                    try setCase(work, caseId) { $0.status = .suspended; $0.closedOn = m.day }
                case .planTerminated:
                    try stamp(.terminated)
                    try endedActions(plan, keeping: d.termination == .handedBack ? d.agencyId : nil)
                    try setCase(work, caseId) { $0.status = .terminated; $0.closedOn = m.day }
                    if d.termination == .handedBack, let lead = d.agencyId {
                        try handBack(work, caseRow, to: lead, plan: plan, meeting: m, agencyNames: agencyNames, now: now)
                    }
                default:
                    break
                }
            }
        }
    }

    /// A decision about a case is made only among agencies its consent covers.
    static func checkConsent(
        _ work: any UnitOfWork, _ c: SupportCase, itemId: Int64, _ loaded: LoadedMeeting, staff: [Int64: Staff], agencyNames: [Int64: String], now: Date
    ) throws {
        // Valid on the meeting's day, and not withdrawn (or expired) by the day of approval.
        let all = try work.consents.consents(caseId: c.id ?? 0)
        let coverage = ConsentCoverage(consents: all, on: loaded.meeting.day)
        let now = ConsentCoverage(consents: all, on: max(loaded.meeting.day, LocalDate.today(now: now)))
        guard now.hasValidConsent else {
            throw KasaneError.ruleViolation(
                "事例\(c.code)について決定を承認できません: \(now.absenceReason ?? "本人同意が撤回されています")。")
        }
        guard coverage.hasValidConsent else {
            throw KasaneError.ruleViolation(
                "事例\(c.code)について決定を承認できません: \(coverage.absenceReason ?? "有効な本人同意がありません")。")
        }
        let outside = Set(loaded.attendees.filter { $0.hears(itemId) }.compactMap { staff[$0.staffId]?.agencyId })
            .filter { !coverage.covers(agency: $0) }
        if !outside.isEmpty {
            let names = outside.sorted().map { agencyNames[$0] ?? "機関ID \($0)" }.joined(separator: "、")
            throw KasaneError.ruleViolation("事例\(c.code)について決定を承認できません: 本人同意が\(names)を含んでいません。")
        }
    }

    /// つなぎ戻し: the named agency leads the case again; the agencies whose actions end
    /// are recorded; the lead agency's staff get a plain notice with the case code only.
    static func handBack(
        _ work: any UnitOfWork, _ c: SupportCase, to lead: Int64, plan: PlanRecord, meeting: Meeting, agencyNames: [Int64: String], now: Date
    ) throws {
        let ended = try plan.decodedContent().agencyIds.subtracting([lead]).sorted()
        try setCase(work, c.id ?? 0) { $0.leadAgencyId = lead }
        let endedNames = ended.map { agencyNames[$0] ?? "機関ID \($0)" }.joined(separator: "、")
        let settings = try work.settings.settings()
        for s in try work.staff.staff(agencyId: lead).filter(\.active).sorted(by: { ($0.id ?? 0) < ($1.id ?? 0) }) {
            try work.notices.insert(
                staffId: s.id ?? 0, email: s.email, subject: "【Kasane】事例 \(c.code) のつなぎ戻し",
                body: """
                    \(meeting.title(settings))（\(JapaneseEra.dateName(meeting.day))）の決定により、事例 \(c.code) の支援は終結し、
                    主担当が貴機関（\(agencyNames[lead] ?? "")）に戻りました（つなぎ戻し）。
                    終了する取り組みの機関: \(endedNames.isEmpty ? "なし" : endedNames)
                    詳細は Kasane で事例 \(c.code) を開いてご確認ください（\(settings.baseURL)）。
                    """,
                at: now)
        }
        let trace = AuditNote(target: "case:\(c.id ?? 0)", at: now)
        trace.caseCode = c.code
        trace.meetingId = meeting.id
        trace.detail = "つなぎ戻し: 主担当 \(agencyNames[lead] ?? String(lead))、終了 \(endedNames)"
        try work.audit.append(.localOperator, "plan.handBack", trace, allowed: true)
    }

    /// Changes the case as the decision says (its status, the day it closed, who leads it).
    static func setCase(_ work: any UnitOfWork, _ caseId: Int64, _ change: (inout SupportCase) -> Void) throws {
        guard var c = try work.cases.supportCase(id: caseId) else {
            throw KasaneError.unusableDatabase("決定の事例（ID \(caseId)）がありません。")
        }
        change(&c)
        try work.cases.update(c)
    }
}
