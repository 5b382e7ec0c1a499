import Foundation
import GRDB
import KasaneApp
import KasaneCore
import KasaneStorage

/// 支援プラン: written by the coordinator while a draft, moved only by the meeting
/// funnel (on or off an agenda) and by decisions in approved minutes (DOMAIN rule 8).
extension AppDatabase {
    public func createPlan(caseId: Int64, _ input: PlanInput, by actor: Actor) async throws -> SupportPlan {
        try await audited(actor, "plan.create", target: "case:\(caseId)") { db, note in
            let today = LocalDate.today(now: note.at)
            try Access.require(.registerCases, actor)
            let c = try CaseAccess.supportCase(SQLiteWork(db: db), id: caseId, for: actor, note: note)
            let latest = try SQLiteWork(db: db).plans.latestPlan(caseId: caseId)
            if let latest, !latest.state.isFinal {
                throw KasaneError.conflict(latest.state == .draft
                    ? "事例\(c.code)には作成中の支援プラン（第\(latest.version)版）があります。その版を直してください。"
                    : "事例\(c.code)の支援プラン（第\(latest.version)版）は\(latest.state.japaneseName)です。見直しは重層的支援会議の決定で行います。")
            }
            if c.status.isClosed {
                throw KasaneError.conflict("事例\(c.code)は\(c.status.japaneseName)しています。新たな相談として再受付してからプランを作ってください。")
            }
            let content = try Self.validatedPlan(db, input, caseId: caseId, today: today)
            var row = PlanRecord(
                caseId: caseId, version: (latest?.version ?? 0) + 1, state: .draft, content: try Self.canonical(content),
                nextReviewOn: content.nextReviewOn, createdBy: actor.staffId, createdAt: note.at, createdOn: today)
            try row.insert(db)
            if c.status == .intake || c.status == .assessment {
                try db.execute(sql: "UPDATE supportCase SET status = 'planning' WHERE id = ?", arguments: [caseId])
            }
            // Already on a 重層的支援会議's agenda for plan review: under review at once.
            for meetingId in try MeetingFunnel.liveMeetings(SQLiteWork(db: db), caseId: caseId) { try MeetingFunnel.syncPlans(SQLiteWork(db: db), try MeetingFunnel.load(SQLiteWork(db: db), id: meetingId), by: actor, now: note.at) }
            return try Self.plan(db, id: row.id!)
        }
    }

    /// Rewrites a draft; any other state is refused, here and by the database.
    public func updatePlan(planId: Int64, _ input: PlanInput, by actor: Actor) async throws -> SupportPlan {
        try await audited(actor, "plan.update", target: "plan:\(planId)") { db, note in
            let today = LocalDate.today(now: note.at)
            try Access.require(.registerCases, actor)
            guard var row = try PlanRecord.fetchOne(db, key: planId) else { throw KasaneError.notFound("支援プラン（ID \(planId)）は見つかりません。") }
            let c = try CaseAccess.supportCase(SQLiteWork(db: db), id: row.caseId, for: actor, note: note)
            guard row.state == .draft else {
                throw KasaneError.conflict("事例\(c.code)の支援プラン（第\(row.version)版）は\(row.state.japaneseName)のため、内容を変えられません。")
            }
            let content = try Self.validatedPlan(db, input, caseId: row.caseId, today: today)
            row.content = try Self.canonical(content)
            row.nextReviewOn = content.nextReviewOn
            try row.update(db)
            return try Self.plan(db, id: planId)
        }
    }

    /// Every version of a case's plan, newest first, for those who may read the case.
    public func plans(caseId: Int64, for actor: Actor) async throws -> [SupportPlan] {
        try await audited(actor, "plan.read", target: "case:\(caseId)") { db, note in
            _ = try CaseAccess.supportCase(SQLiteWork(db: db), id: caseId, for: actor, note: note)
            return try PlanRecord.filter(Column("caseId") == caseId).order(Column("version").desc).fetchAll(db).map { try Self.plan(db, $0) }
        }
    }

    /// Reopens an ended case on a new referral (再受付): its next plan is a new version,
    /// and its history stays.
    public func reopenCase(caseId: Int64, _ input: ReopenInput, by actor: Actor) async throws -> SupportCase {
        try await audited(actor, "case.reopen", target: "case:\(caseId)") { db, note in
            try Access.require(.registerCases, actor)
            var c = try CaseAccess.supportCase(SQLiteWork(db: db), id: caseId, for: actor, note: note)
            let reason = try Validate.text(input.reason, field: "reason", label: "再受付の理由", max: 500)
            guard c.status.isClosed else {
                throw KasaneError.conflict("事例\(c.code)は\(c.status.japaneseName)で、終結・中断していないため再受付できません。")
            }
            c.status = .intake
            c.closedOn = nil
            try c.update(db)
            note.detail = reason
            return c
        }
    }

    static func validatedPlan(_ db: Database, _ input: PlanInput, caseId: Int64, today: LocalDate) throws -> PlanInput {
        let names = Dictionary(uniqueKeysWithValues: try Agency.fetchAll(db).compactMap { a in a.id.map { ($0, a.name) } })
        return try input.validated(consents: try SQLiteConsents(db: db).consents(caseId: caseId), on: today, agencyNames: names)
    }

    static func canonical(_ content: PlanInput) throws -> String { String(decoding: try CanonicalJSON.encode(content), as: UTF8.self) }

    static func plan(_ db: Database, id: Int64) throws -> SupportPlan {
        guard let row = try PlanRecord.fetchOne(db, key: id) else { throw KasaneError.notFound("支援プラン（ID \(id)）は見つかりません。") }
        return try plan(db, row)
    }

    static func plan(_ db: Database, _ row: PlanRecord) throws -> SupportPlan {
        let code = try String.fetchOne(db, sql: "SELECT code FROM supportCase WHERE id = ?", arguments: [row.caseId]) ?? ""
        let versions = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, version FROM minutesVersion").map {
            ($0["id"] as Int64, $0["version"] as Int)
        })
        let history = try PlanTransitionRecord.filter(Column("planId") == row.id).order(Column("id")).fetchAll(db).map { t in
            PlanTransition(
                from: t.fromState, to: t.toState, on: t.on, meetingId: t.meetingId, minutesVersion: t.minutesVersionId.flatMap { versions[$0] },
                decision: t.decision, termination: t.termination, agencyId: t.agencyId, reason: t.reason)
        }
        let events = try PlanEventRow.filter(Column("planId") == row.id).order(Column("id")).fetchAll(db).map { e in
            PlanEvent(kind: e.kind, on: e.on, meetingId: e.meetingId, goal: e.goal, rating: e.rating, agencyId: e.agencyId, detail: e.detail)
        }
        var content = try row.decodedContent()
        content.nextReviewOn = row.nextReviewOn
        return SupportPlan(
            id: row.id!, caseId: row.caseId, caseCode: code, version: row.version, state: row.state, content: content,
            createdOn: row.createdOn, history: history, events: events)
    }
}
