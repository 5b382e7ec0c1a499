import Foundation
import KasaneCore
import KasaneStorage

// Cases (事例): registered by a coordinator, coded by their fiscal year (K-2026-014), read only
// by those the case access rule lets read them (CaseAccess.swift).

extension TransactionalStorage {
    /// Registers a case and gives it the next code of its fiscal year (K-2026-014).
    @discardableResult
    public func createCase(_ input: CaseInput, by actor: Actor) async throws -> SupportCase {
        try await audited(actor, "case.create", target: "case") { work, note in
            try Access.require(.registerCases, actor)
            let settings = try work.settings.settings()
            let today = LocalDate.today(now: note.at)
            let received = input.receivedOn ?? today
            guard received <= today else {
                throw KasaneError.invalid(field: "receivedOn", message: "受付日に未来の日付は指定できません。")
            }
            let fiscalYear = received.fiscalYear(startingIn: settings.fiscalYearStartMonth)
            let last = try work.cases.count(fiscalYear: fiscalYear)
            var c = SupportCase(
                code: CaseCode(fiscalYear: fiscalYear, number: last + 1).description, fiscalYear: fiscalYear,
                receivedOn: received, district: "", fields: [], referringAgencyId: nil, leadAgencyId: nil,
                involvedAgencyIds: [], status: .intake, summary: "")
            try CaseRules.apply(input, to: &c, work, today: today)
            c = try work.cases.insert(c)
            let id = try c.id ?? { throw KasaneError.unusableDatabase("登録した事例にIDがありません。") }()
            try work.cases.recordReferral(caseId: id, on: received, agencyId: c.referringAgencyId, reopening: false, at: note.at)
            note.target = "case:\(id)"
            note.caseCode = c.code
            return c
        }
    }

    /// Changes a case's district, fields, agencies, status or summary. Its code and
    /// received date never change.
    @discardableResult
    public func updateCase(id: Int64, with input: CaseInput, by actor: Actor) async throws -> SupportCase {
        try await audited(actor, "case.update", target: "case:\(id)") { work, note in
            try Access.require(.registerCases, actor)
            var c = try CaseAccess.supportCase(work, id: id, for: actor, note: note)
            if let received = input.receivedOn, received != c.receivedOn {
                throw KasaneError.invalid(field: "receivedOn", message: "受付日は変更できません（事例番号が年度で決まるため）。")
            }
            let today = LocalDate.today(now: note.at)
            let wasClosed = c.status.isClosed
            let closedOn = c.closedOn
            try CaseRules.apply(input, to: &c, work, today: today)
            if wasClosed, !c.status.isClosed {
                // Opened again by a new referral: a referral of its own year.
                let day = input.reopenedOn ?? today
                guard day <= today, closedOn.map({ day >= $0 }) ?? true else {
                    throw KasaneError.invalid(
                        field: "reopenedOn", message: "再び受け付けた日は、終結・中断の日（\(closedOn?.description ?? "")）から今日までの日にしてください。")
                }
                try work.cases.recordReferral(caseId: id, on: day, agencyId: input.referringAgencyId, reopening: true, at: note.at)
            } else if input.reopenedOn != nil {
                throw KasaneError.invalid(field: "reopenedOn", message: "再び受け付けた日は、終結・中断した事例を再開するときだけ指定します。")
            }
            try work.cases.update(c)
            return c
        }
    }

    /// The cases the actor may know of; others are not hinted at.
    public func cases(for actor: Actor) async throws -> [SupportCase] {
        try await audited(actor, "case.list", target: "case") { work, _ in
            let heard = try CaseAccess.casesHeard(work, by: actor)
            return try work.cases.cases().filter { Access.mayRead(case: $0, actor, hearing: heard) }
        }
    }

    public func supportCase(id: Int64, for actor: Actor) async throws -> SupportCase {
        try await audited(actor, "case.read", target: "case:\(id)") { work, note in
            try CaseAccess.supportCase(work, id: id, for: actor, note: note)
        }
    }

    // MARK: assignments

    /// Names the staff member an agency has assigned to the case (担当者).
    @discardableResult
    public func assign(caseId: Int64, agencyId: Int64, staffId: Int64, by actor: Actor) async throws -> CaseAssignment {
        try await audited(actor, "case.assign", target: "case:\(caseId)") { work, note in
            try Access.require(.registerCases, actor)
            _ = try CaseAccess.supportCase(work, id: caseId, for: actor, note: note)
            _ = try Directory.agency(work, id: agencyId)
            let staff = try StaffRules.staff(work, id: staffId)
            guard staff.agencyId == agencyId else {
                throw KasaneError.invalid(field: "staffId", message: "担当者は、その機関の職員から選んでください。")
            }
            guard staff.active else { throw KasaneError.invalid(field: "staffId", message: "無効な職員は担当者にできません。") }
            let assignment = CaseAssignment(caseId: caseId, agencyId: agencyId, staffId: staffId)
            try work.cases.assign(assignment)
            return assignment
        }
    }

    public func assignments(caseId: Int64, for actor: Actor) async throws -> [CaseAssignment] {
        try await audited(actor, "case.assignments.read", target: "case:\(caseId)") { work, note in
            _ = try CaseAccess.supportCase(work, id: caseId, for: actor, note: note)
            return try work.cases.assignments(caseId: caseId)
        }
    }
}

/// What a case's input must hold, checked against the directory.
enum CaseRules {
    static func apply(_ input: CaseInput, to c: inout SupportCase, _ work: any UnitOfWork, today: LocalDate) throws {
        guard try work.directory.districts().contains(where: { $0.code == input.district }) else {
            throw KasaneError.invalid(field: "district", message: "地区コード「\(input.district)」は登録されていません。")
        }
        guard !input.fields.isEmpty else {
            throw KasaneError.invalid(field: "fields", message: "事例に関わる分野を1つ以上指定してください。")
        }
        let known = Set(try work.directory.fields())
        if let unknown = input.fields.first(where: { !known.contains($0) }) {
            throw KasaneError.invalid(field: "fields", message: "分野「\(unknown.rawValue)」は登録されていません。")
        }
        for (field, id) in input.referencedAgencies where try work.directory.agency(id: id) == nil {
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
        let household = try c.id.map { try work.household.personal(caseId: $0, excluding: nil).map(PersonIdentity.init) } ?? []
        c.summary = try input.validatedSummary(household: household)
    }
}
