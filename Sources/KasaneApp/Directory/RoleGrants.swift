import Foundation
import KasaneCore
import KasaneStorage

// Roles that read cases are given by a second person: requested when an administrator
// adds them (StaffRules.holdReadingRoles), decided by a coordinator or another administrator,
// never by the one who asked nor the one it is for.

extension TransactionalStorage {
    /// Requests waiting for a second person, for administrators and coordinators.
    public func roleGrants(status: RoleGrant.Status? = .pending, for actor: Actor) async throws -> [RoleGrant] {
        try await audited(actor, "role.list", target: "roleGrants") { work, _ in
            guard Access.allows(.manageDirectory, actor) || Access.allows(.registerCases, actor) else {
                throw KasaneError.forbidden("役割の付与の依頼は、管理者と多機関協働の担当者が確認します。")
            }
            return try work.staff.roleGrants(status: status)
        }
    }

    /// Approves (or refuses) a request: only by a coordinator or an administrator who is
    /// neither the one who asked nor the one it is for. Approval gives the role at once.
    @discardableResult
    public func decideRoleGrant(id: Int64, approve: Bool, reason: String? = nil, by actor: Actor) async throws -> RoleGrant {
        try await audited(actor, approve ? "role.approve" : "role.refuse", target: "roleGrant:\(id)") { work, note in
            guard let decider = actor.staff, decider.active, decider.has(.coordinator) || decider.has(.administrator) else {
                throw KasaneError.forbidden("役割の付与を承認できるのは、多機関協働の担当者か、依頼した人とは別の管理者です。")
            }
            guard var grant = try work.staff.roleGrant(id: id) else {
                throw KasaneError.notFound("役割の付与の依頼（ID \(id)）はありません。")
            }
            note.target = "staff:\(grant.staffId)"
            guard grant.status == .pending else {
                throw KasaneError.conflict("この依頼は既に\(grant.status == .approved ? "承認" : "却下")されています。")
            }
            guard decider.id != grant.requestedBy else {
                throw KasaneError.forbidden("自分で依頼した役割の付与は承認できません。別の人に承認を依頼してください。")
            }
            guard decider.id != grant.staffId else {
                throw KasaneError.forbidden("自分への役割の付与は承認できません。")
            }
            grant.status = approve ? .approved : .refused
            grant.decidedBy = decider.id
            grant.decidedAt = note.at
            grant.reason = try Validate.optionalText(reason, field: "reason", label: "理由", max: 500)
            try work.staff.update(grant)
            if approve {
                var staff = try StaffRules.staff(work, id: grant.staffId)
                guard staff.active else { throw KasaneError.conflict("無効な職員には役割を付与できません。") }
                if !staff.roles.contains(grant.role) {
                    staff.roles = (staff.roles + [grant.role]).sorted()
                    try work.staff.update(staff)
                }
            }
            note.detail = "役割「\(grant.role.japaneseName)」\(approve ? "を付与" : "の付与を却下")（依頼: 職員ID \(grant.requestedBy)、\(approve ? "承認" : "却下"): 職員ID \(decider.id ?? 0)）"
            return grant
        }
    }
}
