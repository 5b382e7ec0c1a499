import Foundation
import GRDB
import KasaneCore

/// A role that reads cases (多機関協働, 事務局, 構成員), asked for one staff member and
/// given only when a second person approves: a coordinator, or an administrator other than
/// the one who asked, and never the person it is for. Until then the staff member does not
/// have it. Every request and decision is audited with who asked and who decided.
public struct RoleGrant: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public enum Status: String, Codable, Sendable { case pending, approved, refused }

    public static let databaseTableName = "roleGrant"
    public var id: Int64?
    public var staffId: Int64
    public var role: StaffRole
    public var requestedBy: Int64
    public var requestedAt: Date
    public var status: Status
    public var decidedBy: Int64?
    public var decidedAt: Date?
    public var reason: String?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension StaffRole {
    /// Roles that read case details or minutes: given only by a second person.
    public var readsCases: Bool { self != .administrator }
}

extension AppDatabase {
    /// For a change of staff by a staff member (an administrator at the API, a page or an
    /// import): the case-reading roles it would add are taken out of `staff` and returned, to
    /// be asked for instead. The console (the operator with the database file, setting the
    /// city up) gives roles directly.
    static func holdReadingRoles(_ staff: inout Staff, previous: Staff?, by actor: Actor) -> [StaffRole] {
        guard actor.staffId != nil else { return [] }
        let held = staff.roles.filter { $0.readsCases && !(previous?.roles.contains($0) ?? false) }
        staff.roles.removeAll { held.contains($0) }
        return held.sorted()
    }

    /// Asks for `roles` for a staff member (one request per role not already asked for).
    static func requestRoles(_ db: Database, _ roles: [StaffRole], staffId: Int64, by actor: Actor, now: Date) throws {
        guard let requester = actor.staffId else { return }
        for role in roles {
            let open = try RoleGrant.filter(Column("staffId") == staffId && Column("role") == role.rawValue && Column("status") == "pending").fetchCount(db)
            guard open == 0 else { continue }
            var grant = RoleGrant(staffId: staffId, role: role, requestedBy: requester, requestedAt: now, status: .pending)
            try grant.insert(db)
            let note = AuditNote(target: "staff:\(staffId)", at: now)
            note.detail = "役割「\(role.japaneseName)」の付与を依頼（依頼: 職員ID \(requester)、承認待ち ID \(grant.id ?? 0)）"
            try log(db, actor, "role.request", note, allowed: true)
        }
    }

    /// Requests waiting for a second person, for administrators and coordinators.
    public func roleGrants(status: RoleGrant.Status? = .pending, for actor: Actor) async throws -> [RoleGrant] {
        try await audited(actor, "role.list", target: "roleGrants") { db, _ in
            guard Access.allows(.manageDirectory, actor) || Access.allows(.registerCases, actor) else {
                throw KasaneError.forbidden("役割の付与の依頼は、管理者と多機関協働の担当者が確認します。")
            }
            var request = RoleGrant.order(Column("id").desc)
            if let status { request = request.filter(Column("status") == status.rawValue) }
            return try request.fetchAll(db)
        }
    }

    /// Approves (or refuses) a request: only by a coordinator or an administrator who is
    /// neither the one who asked nor the one it is for. Approval gives the role at once.
    @discardableResult
    public func decideRoleGrant(id: Int64, approve: Bool, reason: String? = nil, by actor: Actor) async throws -> RoleGrant {
        try await audited(actor, approve ? "role.approve" : "role.refuse", target: "roleGrant:\(id)") { db, note in
            let now = note.at
            guard let decider = actor.staff, decider.active, decider.has(.coordinator) || decider.has(.administrator) else {
                throw KasaneError.forbidden("役割の付与を承認できるのは、多機関協働の担当者か、依頼した人とは別の管理者です。")
            }
            guard var grant = try RoleGrant.fetchOne(db, key: id) else {
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
            grant.decidedAt = now
            grant.reason = try Validate.optionalText(reason, field: "reason", label: "理由", max: 500)
            try grant.update(db)
            if approve {
                var staff = try Self.staff(db, id: grant.staffId)
                guard staff.active else { throw KasaneError.conflict("無効な職員には役割を付与できません。") }
                if !staff.roles.contains(grant.role) {
                    staff.roles = (staff.roles + [grant.role]).sorted()
                    try staff.update(db)
                }
            }
            note.detail = "役割「\(grant.role.japaneseName)」\(approve ? "を付与" : "の付与を却下")（依頼: 職員ID \(grant.requestedBy)、\(approve ? "承認" : "却下"): 職員ID \(decider.id ?? 0)）"
            return grant
        }
    }
}
