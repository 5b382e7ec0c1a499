import Foundation
import KasaneCore
import KasaneStorage

extension TransactionalStorage {
    /// Proposes the members of a meeting for the requested cases, and records the
    /// proposal with its manual additions and exclusions.
    public func proposeMembers(_ request: ProposalRequest, by actor: Actor) async throws -> StoredProposal {
        try await audited(actor, "proposal.create", target: "proposal") { work, note in
            try Access.require(.proposeMembers, actor)
            let request = try request.validated()

            let input = try SelectionRules.input(request, work, actor: actor, today: LocalDate.today(now: note.at))
            let proposal = MemberSelection.propose(input)
            let now = note.at
            return try work.proposals.insert(request: request, proposal: proposal, by: actor.staffId, at: now)
        }
    }

    public func proposal(id: Int64, for actor: Actor) async throws -> StoredProposal {
        try await audited(actor, "proposal.read", target: "proposal:\(id)") { work, _ in
            try Access.require(.proposeMembers, actor)
            return try SelectionRules.stored(work, id: id)
        }
    }
}

/// What member selection reads, checked, and the proposals it stored.
enum SelectionRules {
    /// Gathers what selection reads, checking that every id the request names exists.
    static func input(_ request: ProposalRequest, _ work: any UnitOfWork, actor: Actor, today: LocalDate) throws -> SelectionInput {
        let day = request.date ?? today
        var contexts: [SelectionInput.CaseContext] = []
        for id in request.caseIds {
            let c = try CaseAccess.supportCase(work, id: id, for: actor)
            contexts.append(.init(
                supportCase: c, consents: try work.consents.consents(caseId: id), assignments: try work.cases.assignments(caseId: id)))
        }
        let staff = try work.staff.staff(agencyId: nil).sorted { ($0.id ?? 0) < ($1.id ?? 0) }
        let staffIds = Set(staff.compactMap(\.id))
        for (field, id) in [("chairId", request.chairId), ("secretariatId", request.secretariatId)] {
            if let id, !staffIds.contains(id) {
                throw KasaneError.invalid(field: field, message: "職員（ID \(id)）は登録されていません。")
            }
        }
        for (i, addition) in request.additions.enumerated() {
            guard staffIds.contains(addition.staffId) else {
                throw KasaneError.invalid(field: "additions[\(i)].staffId", message: "職員（ID \(addition.staffId)）は登録されていません。")
            }
            if let ids = addition.caseIds, let stray = ids.first(where: { !request.caseIds.contains($0) }) {
                throw KasaneError.invalid(
                    field: "additions[\(i)].caseIds", message: "事例（ID \(stray)）はこの提案の対象ではありません。")
            }
        }
        let agencies = try work.directory.agencies().sorted { ($0.id ?? 0) < ($1.id ?? 0) }
        for (i, exclusion) in request.exclusions.enumerated() {
            if let id = exclusion.staffId, !staffIds.contains(id) {
                throw KasaneError.invalid(field: "exclusions[\(i)].staffId", message: "職員（ID \(id)）は登録されていません。")
            }
            if let id = exclusion.agencyId, !agencies.contains(where: { $0.id == id }) {
                throw KasaneError.invalid(field: "exclusions[\(i)].agencyId", message: "機関（ID \(id)）は登録されていません。")
            }
        }
        return SelectionInput(
            request: request, date: day, cases: contexts, agencies: agencies, staff: staff,
            pledgedStaffIds: try MeetingFunnel.pledgedStaffIds(work, on: day),
            districtNames: Dictionary(try work.directory.districts().map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first }))
    }

    /// A stored proposal as it was recorded; an unknown id is a 404.
    static func stored(_ work: any UnitOfWork, id: Int64) throws -> StoredProposal {
        guard let stored = try work.proposals.stored(id: id) else {
            throw KasaneError.notFound("構成員の提案（ID \(id)）はありません。")
        }
        return stored
    }
}
