import Foundation
import KasaneCore
import KasaneStorage

/// 支援プラン: written by the coordinator while a draft, moved only by the meeting
/// funnel (on or off an agenda) and by decisions in approved minutes (DOMAIN rule 8).
extension TransactionalStorage {
    public func createPlan(caseId: Int64, _ input: PlanInput, by actor: Actor) async throws -> SupportPlan {
        try await audited(actor, "plan.create", target: "case:\(caseId)") { work, note in
            let today = LocalDate.today(now: note.at)
            try Access.require(.registerCases, actor)
            let c = try CaseAccess.supportCase(work, id: caseId, for: actor, note: note)
            let latest = try work.plans.latestPlan(caseId: caseId)
            if let latest, !latest.state.isFinal {
                throw KasaneError.conflict(latest.state == .draft
                    ? "事例\(c.code)には作成中の支援プラン（第\(latest.version)版）があります。その版を直してください。"
                    : "事例\(c.code)の支援プラン（第\(latest.version)版）は\(latest.state.japaneseName)です。見直しは重層的支援会議の決定で行います。")
            }
            if c.status.isClosed {
                throw KasaneError.conflict("事例\(c.code)は\(c.status.japaneseName)しています。新たな相談として再受付してからプランを作ってください。")
            }
            let content = try PlanRules.validated(work, input, caseId: caseId, today: today)
            let row = try work.plans.insert(PlanRecord(
                caseId: caseId, version: (latest?.version ?? 0) + 1, state: .draft, content: try PlanRules.canonical(content),
                nextReviewOn: content.nextReviewOn, createdBy: actor.staffId, createdAt: note.at, createdOn: today))
            if c.status == .intake || c.status == .assessment {
                var planning = c
                planning.status = .planning
                try work.cases.update(planning)
            }
            // Already on a 重層的支援会議's agenda for plan review: under review at once.
            for meetingId in try MeetingFunnel.liveMeetings(work, caseId: caseId) { try MeetingFunnel.syncPlans(work, try MeetingFunnel.load(work, id: meetingId), by: actor, now: note.at) }
            return try PlanRules.plan(work, id: row.id ?? 0)
        }
    }

    /// Rewrites a draft; any other state is refused, here and by the database.
    public func updatePlan(planId: Int64, _ input: PlanInput, by actor: Actor) async throws -> SupportPlan {
        try await audited(actor, "plan.update", target: "plan:\(planId)") { work, note in
            let today = LocalDate.today(now: note.at)
            try Access.require(.registerCases, actor)
            guard var row = try work.plans.plan(id: planId) else { throw KasaneError.notFound("支援プラン（ID \(planId)）は見つかりません。") }
            let c = try CaseAccess.supportCase(work, id: row.caseId, for: actor, note: note)
            guard row.state == .draft else {
                throw KasaneError.conflict("事例\(c.code)の支援プラン（第\(row.version)版）は\(row.state.japaneseName)のため、内容を変えられません。")
            }
            let content = try PlanRules.validated(work, input, caseId: row.caseId, today: today)
            row.content = try PlanRules.canonical(content)
            row.nextReviewOn = content.nextReviewOn
            try work.plans.update(row)
            return try PlanRules.plan(work, id: planId)
        }
    }

    /// Every version of a case's plan, newest first, for those who may read the case.
    public func plans(caseId: Int64, for actor: Actor) async throws -> [SupportPlan] {
        try await audited(actor, "plan.read", target: "case:\(caseId)") { work, note in
            _ = try CaseAccess.supportCase(work, id: caseId, for: actor, note: note)
            return try work.plans.plans(caseId: caseId).map { try PlanRules.plan(work, $0) }
        }
    }

    /// Reopens an ended case on a new referral (再受付): its next plan is a new version,
    /// and its history stays.
    public func reopenCase(caseId: Int64, _ input: ReopenInput, by actor: Actor) async throws -> SupportCase {
        try await audited(actor, "case.reopen", target: "case:\(caseId)") { work, note in
            try Access.require(.registerCases, actor)
            var c = try CaseAccess.supportCase(work, id: caseId, for: actor, note: note)
            let reason = try Validate.text(input.reason, field: "reason", label: "再受付の理由", max: 500)
            guard c.status.isClosed else {
                throw KasaneError.conflict("事例\(c.code)は\(c.status.japaneseName)で、終結・中断していないため再受付できません。")
            }
            c.status = .intake
            c.closedOn = nil
            try work.cases.update(c)
            note.detail = reason
            return c
        }
    }
}

/// A plan's content checked, stored canonically, and read back with its history.
public enum PlanRules {
    public static func validated(_ work: any UnitOfWork, _ input: PlanInput, caseId: Int64, today: LocalDate) throws -> PlanInput {
        return try input.validated(consents: try work.consents.consents(caseId: caseId), on: today, agencyNames: try MeetingFunnel.agencyNames(work))
    }

    public static func canonical(_ content: PlanInput) throws -> String { String(decoding: try CanonicalJSON.encode(content), as: UTF8.self) }

    public static func plan(_ work: any UnitOfWork, id: Int64) throws -> SupportPlan {
        guard let row = try work.plans.plan(id: id) else { throw KasaneError.notFound("支援プラン（ID \(id)）は見つかりません。") }
        return try plan(work, row)
    }

    public static func plan(_ work: any UnitOfWork, _ row: PlanRecord) throws -> SupportPlan {
        let planId = row.id ?? 0
        let code = try work.cases.supportCase(id: row.caseId)?.code ?? ""
        let moves = try work.plans.transitions(planId: planId)
        let versions = try work.plans.minutesVersionNumbers(ids: Set(moves.compactMap(\.minutesVersionId)))
        let history = moves.map { t in
            PlanTransition(
                from: t.fromState, to: t.toState, on: t.on, meetingId: t.meetingId, minutesVersion: t.minutesVersionId.flatMap { versions[$0] },
                decision: t.decision, termination: t.termination, agencyId: t.agencyId, reason: t.reason)
        }
        let events = try work.plans.events(planId: planId).map { e in
            PlanEvent(kind: e.kind, on: e.on, meetingId: e.meetingId, goal: e.goal, rating: e.rating, agencyId: e.agencyId, detail: e.detail)
        }
        var content = try row.decodedContent()
        content.nextReviewOn = row.nextReviewOn
        return SupportPlan(
            id: planId, caseId: row.caseId, caseCode: code, version: row.version, state: row.state, content: content,
            createdOn: row.createdOn, history: history, events: events)
    }
}
