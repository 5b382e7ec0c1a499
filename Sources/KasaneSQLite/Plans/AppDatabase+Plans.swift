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
            let latest = try Self.latestPlan(db, caseId: caseId)
            if let latest, !latest.state.isFinal {
                throw KasaneError.conflict(latest.state == .draft
                    ? "事例\(c.code)には作成中の支援プラン（第\(latest.version)版）があります。その版を直してください。"
                    : "事例\(c.code)の支援プラン（第\(latest.version)版）は\(latest.state.japaneseName)です。見直しは重層的支援会議の決定で行います。")
            }
            if c.status.isClosed {
                throw KasaneError.conflict("事例\(c.code)は\(c.status.japaneseName)しています。新たな相談として再受付してからプランを作ってください。")
            }
            let content = try Self.validatedPlan(db, input, caseId: caseId, today: today)
            var row = PlanRow(
                caseId: caseId, version: (latest?.version ?? 0) + 1, state: .draft, content: try Self.canonical(content),
                nextReviewOn: content.nextReviewOn, createdBy: actor.staffId, createdAt: note.at, createdOn: today)
            try row.insert(db)
            if c.status == .intake || c.status == .assessment {
                try db.execute(sql: "UPDATE supportCase SET status = 'planning' WHERE id = ?", arguments: [caseId])
            }
            // Already on a 重層的支援会議's agenda for plan review: under review at once.
            for meetingId in try Self.liveMeetings(db, caseId: caseId) { try Self.syncPlans(db, try Self.loadMeeting(db, id: meetingId), by: actor, now: note.at) }
            return try Self.plan(db, id: row.id!)
        }
    }

    /// Rewrites a draft; any other state is refused, here and by the database.
    public func updatePlan(planId: Int64, _ input: PlanInput, by actor: Actor) async throws -> SupportPlan {
        try await audited(actor, "plan.update", target: "plan:\(planId)") { db, note in
            let today = LocalDate.today(now: note.at)
            try Access.require(.registerCases, actor)
            guard var row = try PlanRow.fetchOne(db, key: planId) else { throw KasaneError.notFound("支援プラン（ID \(planId)）は見つかりません。") }
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
            return try PlanRow.filter(Column("caseId") == caseId).order(Column("version").desc).fetchAll(db).map { try Self.plan(db, $0) }
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

    // MARK: the funnel

    /// Plans follow the agenda: a draft goes under review while its case is on a live
    /// 重層的支援会議 for plan review, a plan in progress is under evaluation while on one
    /// for evaluation; taken off (item removed, meeting cancelled) they go back.
    /// `loaded` is the meeting as the change left it, loaded once by the change and passed on.
    static func syncPlans(_ db: Database, _ loaded: LoadedMeeting, by actor: Actor, now: Date) throws {
        let m = loaded.meeting, meetingId = m.id!
        guard m.kind == .multiLayeredSupportMeeting else { return }
        let live = m.status != .cancelled && m.status != .minutesApproved
        let today = LocalDate.today(now: now)
        if live {
            for item in loaded.items {
                guard let caseId = item.caseId, let plan = try latestPlan(db, caseId: caseId) else { continue }
                if item.purpose == .planReview, plan.state == .draft {
                    try move(db, plan, to: .underReview, on: today, meetingId: meetingId, by: actor, reason: "重層的支援会議の議題（プランの適切性の協議）", at: now)
                } else if item.purpose == .evaluationTermination, plan.state == .inProgress {
                    try move(db, plan, to: .evaluation, on: today, meetingId: meetingId, by: actor, reason: "重層的支援会議の議題（評価・終結）", at: now)
                }
            }
        }
        // Plans this meeting moved, whose item is gone or whose meeting is off.
        let moved = try TransitionRow.fetchAll(db, sql: """
            SELECT t.* FROM planTransition t WHERE t.meetingId = ? AND t.minutesVersionId IS NULL
              AND t.id = (SELECT MAX(id) FROM planTransition WHERE planId = t.planId)
            """, arguments: [meetingId])
        for t in moved where t.toState == .underReview || t.toState == .evaluation {
            guard let plan = try PlanRow.fetchOne(db, key: t.planId), plan.state == t.toState else { continue }
            let purpose: AgendaPurpose = t.toState == .underReview ? .planReview : .evaluationTermination
            let stillOn = live && loaded.items.contains { $0.caseId == plan.caseId && $0.purpose == purpose }
            guard !stillOn else { continue }
            try move(db, plan, to: t.fromState, on: today, meetingId: meetingId, by: actor,
                     reason: m.status == .cancelled ? "会議の中止" : "議題から外れたため", at: now)
        }
    }

    /// Live 重層的支援会議 that have the case on their agenda.
    static func liveMeetings(_ db: Database, caseId: Int64) throws -> [Int64] {
        try Int64.fetchAll(db, sql: """
            SELECT DISTINCT meeting.id FROM meeting JOIN agendaItem ON agendaItem.meetingId = meeting.id
            WHERE agendaItem.caseId = ? AND meeting.kind = 'multiLayered' AND meeting.status IN ('planned', 'invited', 'held')
            """, arguments: [caseId])
    }

    /// One move: the transition is recorded first, then the state follows (the database
    /// refuses a state that no recorded transition leads to).
    @discardableResult
    static func move(
        _ db: Database, _ plan: PlanRow, to state: PlanState, on day: LocalDate, meetingId: Int64? = nil, minutesVersionId: Int64? = nil,
        decision: DecisionKind? = nil, termination: TerminationReason? = nil, agencyId: Int64? = nil, by actor: Actor, reason: String? = nil, at now: Date
    ) throws -> PlanRow {
        guard plan.state.canMove(to: state) else {
            let code = try String.fetchOne(db, sql: "SELECT code FROM supportCase WHERE id = ?", arguments: [plan.caseId]) ?? ""
            throw KasaneError.conflict(
                "事例\(code)の支援プラン（第\(plan.version)版）は「\(plan.state.japaneseName)」のため、「\(state.japaneseName)」にはできません。")
        }
        var t = TransitionRow(
            planId: plan.id!, fromState: plan.state, toState: state, on: day, at: now, meetingId: meetingId,
            minutesVersionId: minutesVersionId, decision: decision, termination: termination, agencyId: agencyId, reason: reason,
            staffId: actor.staffId)
        try t.insert(db)
        var moved = plan
        moved.state = state
        try moved.update(db)
        return moved
    }

    static func latestPlan(_ db: Database, caseId: Int64) throws -> PlanRow? {
        try PlanRow.filter(Column("caseId") == caseId).order(Column("version").desc).fetchOne(db)
    }

    static func validatedPlan(_ db: Database, _ input: PlanInput, caseId: Int64, today: LocalDate) throws -> PlanInput {
        let names = Dictionary(uniqueKeysWithValues: try Agency.fetchAll(db).compactMap { a in a.id.map { ($0, a.name) } })
        return try input.validated(consents: try SQLiteConsentReading(db: db).consents(caseId: caseId), on: today, agencyNames: names)
    }

    static func canonical(_ content: PlanInput) throws -> String { String(decoding: try CanonicalJSON.encode(content), as: UTF8.self) }

    static func plan(_ db: Database, id: Int64) throws -> SupportPlan {
        guard let row = try PlanRow.fetchOne(db, key: id) else { throw KasaneError.notFound("支援プラン（ID \(id)）は見つかりません。") }
        return try plan(db, row)
    }

    static func plan(_ db: Database, _ row: PlanRow) throws -> SupportPlan {
        let code = try String.fetchOne(db, sql: "SELECT code FROM supportCase WHERE id = ?", arguments: [row.caseId]) ?? ""
        let versions = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, version FROM minutesVersion").map {
            ($0["id"] as Int64, $0["version"] as Int)
        })
        let history = try TransitionRow.filter(Column("planId") == row.id).order(Column("id")).fetchAll(db).map { t in
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
