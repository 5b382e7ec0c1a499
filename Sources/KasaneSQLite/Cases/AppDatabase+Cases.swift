import Foundation
import GRDB
import KasaneCore

extension AppDatabase {
    /// Registers a case and gives it the next code of its fiscal year (K-2026-014).
    @discardableResult
    public func createCase(_ input: CaseInput, by actor: Actor) async throws -> SupportCase {
        try await audited(actor, "case.create", target: "case") { db, note in
            try Access.require(.registerCases, actor)
            let settings = try Self.settings(db)
            let received = input.receivedOn ?? LocalDate.today(now: note.at)
            guard received <= LocalDate.today(now: note.at) else {
                throw KasaneError.invalid(field: "receivedOn", message: "受付日に未来の日付は指定できません。")
            }
            let fiscalYear = received.fiscalYear(startingIn: settings.fiscalYearStartMonth)
            let last = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM supportCase WHERE fiscalYear = ?", arguments: [fiscalYear]) ?? 0
            var c = SupportCase(
                code: CaseCode(fiscalYear: fiscalYear, number: last + 1).description, fiscalYear: fiscalYear,
                receivedOn: received, district: "", fields: [], referringAgencyId: nil, leadAgencyId: nil,
                involvedAgencyIds: [], status: .intake, summary: "")
            try Self.apply(input, to: &c, db, today: LocalDate.today(now: note.at))
            try c.insert(db)
            try Self.recordReferral(db, caseId: c.id!, on: received, agencyId: c.referringAgencyId, reopening: false, at: note.at)
            note.target = "case:\(c.id!)"
            note.caseCode = c.code
            return c
        }
    }

    /// Changes a case's district, fields, agencies, status or summary. Its code and
    /// received date never change.
    @discardableResult
    public func updateCase(id: Int64, with input: CaseInput, by actor: Actor) async throws -> SupportCase {
        try await audited(actor, "case.update", target: "case:\(id)") { db, note in
            try Access.require(.registerCases, actor)
            var c = try Self.supportCase(db, id: id, for: actor, note: note)
            if let received = input.receivedOn, received != c.receivedOn {
                throw KasaneError.invalid(field: "receivedOn", message: "受付日は変更できません（事例番号が年度で決まるため）。")
            }
            let wasClosed = c.status.isClosed
            let closedOn = c.closedOn
            try Self.apply(input, to: &c, db, today: LocalDate.today(now: note.at))
            if wasClosed, !c.status.isClosed {
                // Opened again by a new referral: a referral of its own year.
                let day = input.reopenedOn ?? LocalDate.today(now: note.at)
                guard day <= LocalDate.today(now: note.at), closedOn.map({ day >= $0 }) ?? true else {
                    throw KasaneError.invalid(
                        field: "reopenedOn", message: "再び受け付けた日は、終結・中断の日（\(closedOn?.description ?? "")）から今日までの日にしてください。")
                }
                try Self.recordReferral(db, caseId: id, on: day, agencyId: input.referringAgencyId, reopening: true, at: note.at)
            } else if input.reopenedOn != nil {
                throw KasaneError.invalid(field: "reopenedOn", message: "再び受け付けた日は、終結・中断した事例を再開するときだけ指定します。")
            }
            try c.update(db)
            return c
        }
    }

    /// A referral (受付) of a case: its first, or one that opens it again. Never changed.
    static func recordReferral(_ db: Database, caseId: Int64, on day: LocalDate, agencyId: Int64?, reopening: Bool, at now: Date) throws {
        try db.execute(
            sql: "INSERT INTO caseReferral (caseId, referredOn, referringAgencyId, reopening, recordedAt) VALUES (?, ?, ?, ?, ?)",
            arguments: [caseId, day.description, agencyId, reopening, now])
    }

    static func apply(_ input: CaseInput, to c: inout SupportCase, _ db: Database, today: LocalDate) throws {
        guard try District.exists(db, key: input.district) else {
            throw KasaneError.invalid(field: "district", message: "地区コード「\(input.district)」は登録されていません。")
        }
        guard !input.fields.isEmpty else {
            throw KasaneError.invalid(field: "fields", message: "事例に関わる分野を1つ以上指定してください。")
        }
        let known = Set(try fields(db))
        if let unknown = input.fields.first(where: { !known.contains($0) }) {
            throw KasaneError.invalid(field: "fields", message: "分野「\(unknown.rawValue)」は登録されていません。")
        }
        for (field, id) in input.referencedAgencies where try !Agency.exists(db, key: id) {
            throw KasaneError.invalid(field: field, message: "機関（ID \(id)）は登録されていません。")
        }
        c.district = input.district
        c.fields = Array(Set(input.fields)).sorted { a, b in
            (Field.standard.firstIndex(of: a) ?? .max, a.rawValue) < (Field.standard.firstIndex(of: b) ?? .max, b.rawValue)
        }
        c.referringAgencyId = input.referringAgencyId
        c.leadAgencyId = input.leadAgencyId
        c.involvedAgencyIds = Array(Set(input.involvedAgencyIds ?? [])).sorted()
        let status = input.status ?? c.status
        if status.isClosed != c.status.isClosed { c.closedOn = status.isClosed ? today : nil }
        c.status = status
        c.summary = try input.validatedSummary(household: try c.id.map { try householdIdentities(db, caseId: $0) } ?? [])
    }

    /// The cases the actor may know of; others are not hinted at.
    public func cases(for actor: Actor) async throws -> [SupportCase] {
        try await audited(actor, "case.list", target: "case") { db, _ in
            let heard = try Self.casesHeard(db, by: actor)
            return try SupportCase.order(Column("fiscalYear").desc, Column("code")).fetchAll(db)
                .filter { Access.mayRead(case: $0, actor, hearing: heard) }
        }
    }

    public func supportCase(id: Int64, for actor: Actor) async throws -> SupportCase {
        try await audited(actor, "case.read", target: "case:\(id)") { db, note in
            try Self.supportCase(db, id: id, for: actor, note: note)
        }
    }

    /// A case the actor may read; for one they may not, the same answer as for one
    /// that does not exist, so that its existence is not revealed to them (the audit
    /// log, which only administrators read, keeps the code).
    static func supportCase(_ db: Database, id: Int64, for actor: Actor, note: AuditNote? = nil) throws -> SupportCase {
        let c = try SupportCase.fetchOne(db, key: id)
        note?.caseCode = c?.code
        guard let c, Access.mayRead(case: c, actor, hearing: try casesHeard(db, by: actor)) else {
            throw KasaneError.notFound("事例（ID \(id)）は見つかりません。")
        }
        return c
    }

    // MARK: assignments

    /// Names the staff member an agency has assigned to the case (担当者).
    @discardableResult
    public func assign(caseId: Int64, agencyId: Int64, staffId: Int64, by actor: Actor) async throws -> CaseAssignment {
        try await audited(actor, "case.assign", target: "case:\(caseId)") { db, note in
            try Access.require(.registerCases, actor)
            _ = try Self.supportCase(db, id: caseId, for: actor, note: note)
            _ = try Self.agency(db, id: agencyId)
            let staff = try Self.staff(db, id: staffId)
            guard staff.agencyId == agencyId else {
                throw KasaneError.invalid(field: "staffId", message: "担当者は、その機関の職員から選んでください。")
            }
            guard staff.active else { throw KasaneError.invalid(field: "staffId", message: "無効な職員は担当者にできません。") }
            let assignment = CaseAssignment(caseId: caseId, agencyId: agencyId, staffId: staffId)
            try assignment.upsert(db)
            return assignment
        }
    }

    public func assignments(caseId: Int64, for actor: Actor) async throws -> [CaseAssignment] {
        try await audited(actor, "case.assignments.read", target: "case:\(caseId)") { db, note in
            _ = try Self.supportCase(db, id: caseId, for: actor, note: note)
            return try CaseAssignment.filter(Column("caseId") == caseId).order(Column("agencyId")).fetchAll(db)
        }
    }
}
