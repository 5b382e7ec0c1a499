import Foundation
import GRDB
import KasaneApp
import KasaneCore
import KasaneStorage

/// A proposal as stored, so that the reasons for every manual change stay on record.
public struct StoredProposal: Codable, Sendable, Equatable {
    public var id: Int64
    public var createdBy: Int64?
    public var createdAt: Date
    public var request: ProposalRequest
    public var proposal: MemberProposal
}

extension AppDatabase {
    /// Proposes the members of a meeting for the requested cases, and records the
    /// proposal with its manual additions and exclusions.
    public func proposeMembers(_ request: ProposalRequest, by actor: Actor) async throws -> StoredProposal {
        try await audited(actor, "proposal.create", target: "proposal") { db, note in
            try Access.require(.proposeMembers, actor)
            let request = try request.validated()

            let input = try Self.selectionInput(request, db, actor: actor, today: LocalDate.today(now: note.at))
            let proposal = MemberSelection.propose(input)
            let now = note.at
            try db.execute(
                sql: "INSERT INTO memberProposal (kind, request, proposal, createdBy, createdAt) VALUES (?, ?, ?, ?, ?)",
                arguments: [request.kind.rawValue, try Self.json(request), try Self.json(proposal), actor.staffId, now])
            return StoredProposal(
                id: db.lastInsertedRowID, createdBy: actor.staffId, createdAt: now, request: request, proposal: proposal)
        }
    }

    public func proposal(id: Int64, for actor: Actor) async throws -> StoredProposal {
        try await audited(actor, "proposal.read", target: "proposal:\(id)") { db, _ in
            try Access.require(.proposeMembers, actor)
            return try Self.storedProposal(db, id: id)
        }
    }

    /// Gathers what selection reads, checking that every id the request names exists.
    static func selectionInput(_ request: ProposalRequest, _ db: Database, actor: Actor, today: LocalDate) throws -> SelectionInput {
        let day = request.date ?? today
        var contexts: [SelectionInput.CaseContext] = []
        for id in request.caseIds {
            let c = try CaseAccess.supportCase(SQLiteWork(db: db), id: id, for: actor)
            contexts.append(.init(
                supportCase: c, consents: try SQLiteConsents(db: db).consents(caseId: id),
                assignments: try CaseAssignment.filter(Column("caseId") == id).fetchAll(db)))
        }
        let staff = try Staff.order(Column("id")).fetchAll(db)
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
        let agencies = try Agency.order(Column("id")).fetchAll(db)
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
            pledgedStaffIds: try MeetingFunnel.pledgedStaffIds(SQLiteWork(db: db), on: day),
            districtNames: Dictionary(uniqueKeysWithValues: try District.fetchAll(db).map { ($0.code, $0.name) }))
    }

    /// A stored proposal as it was recorded; an unknown id is a 404.
    static func storedProposal(_ db: Database, id: Int64) throws -> StoredProposal {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM memberProposal WHERE id = ?", arguments: [id]) else {
            throw KasaneError.notFound("構成員の提案（ID \(id)）はありません。")
        }
        let decoder = JSONDecoder()
        return StoredProposal(
            id: row["id"], createdBy: row["createdBy"], createdAt: row["createdAt"],
            request: try decoder.decode(ProposalRequest.self, from: Data((row["request"] as String).utf8)),
            proposal: try decoder.decode(MemberProposal.self, from: Data((row["proposal"] as String).utf8)))
    }
}
