import Foundation
import KasaneCore
import KasaneStorage

// Staff and their confidentiality pledges (守秘義務の確認). An administrator keeps the
// directory but never gives a role that reads cases by themselves: such a role, new to the
// person, is held back and asked for, and a second person decides (RoleGrants.swift).

extension TransactionalStorage {
    public func staffList(agencyId: Int64? = nil) async throws -> [Staff] {
        try await read { work in try work.staff.staff(agencyId: agencyId) }
    }

    public func staff(id: Int64) async throws -> Staff {
        try await read { work in try StaffRules.staff(work, id: id) }
    }

    public func staff(email: String) async throws -> Staff {
        try await read { work in
            guard let staff = try work.staff.staff(email: email) else {
                throw KasaneError.notFound("メールアドレス \(email) の職員は登録されていません。")
            }
            return staff
        }
    }

    @discardableResult
    public func createStaff(_ staff: Staff, by actor: Actor) async throws -> Staff {
        try await audited(actor, "staff.create", target: "staff") { work, note in
            try Access.require(.manageDirectory, actor)
            var s = try StaffRules.validate(staff, work)
            s.id = nil
            let held = StaffRules.holdReadingRoles(&s, previous: nil, by: actor)
            s = try work.staff.insert(s)
            try StaffRules.requestRoles(work, held, staffId: s.id!, by: actor, at: note.at)
            return s
        }
    }

    @discardableResult
    public func updateStaff(id: Int64, with staff: Staff, by actor: Actor) async throws -> Staff {
        try await audited(actor, "staff.update", target: "staff:\(id)") { work, note in
            try Access.require(.manageDirectory, actor)
            let old = try StaffRules.staff(work, id: id)
            var s = try StaffRules.validate(staff, work, replacing: id)
            s.id = id
            let held = StaffRules.holdReadingRoles(&s, previous: old, by: actor)
            try StaffRules.releaseDefaultContact(work, from: old, to: s)
            try work.staff.update(s)
            try StaffRules.requestRoles(work, held, staffId: id, by: actor, at: note.at)
            return s
        }
    }

    /// Records a confidentiality pledge (守秘義務の確認) for a staff member.
    @discardableResult
    public func recordPledge(staffId: Int64, pledgedOn: LocalDate, note: String?, by actor: Actor) async throws -> Pledge {
        try await audited(actor, "pledge.record", target: "staff:\(staffId)") { work, change in
            try Access.require(.recordPledge, actor)
            let note = try Validate.optionalText(note, field: "note", label: "備考", max: 500)
            guard pledgedOn <= LocalDate.today(now: change.at) else {
                throw KasaneError.invalid(field: "pledgedOn", message: "守秘義務の確認日に未来の日付は指定できません。")
            }
            _ = try StaffRules.staff(work, id: staffId)
            return try work.staff.insert(Pledge(staffId: staffId, pledgedOn: pledgedOn, recordedBy: actor.staffId, note: note))
        }
    }

    public func pledges(staffId: Int64? = nil) async throws -> [Pledge] {
        try await read { work in
            if let staffId { _ = try StaffRules.staff(work, id: staffId) }
            return try work.staff.pledges(staffId: staffId)
        }
    }
}

/// The staff rules, inside a unit of work.
enum StaffRules {
    static func staff(_ work: any UnitOfWork, id: Int64) throws -> Staff {
        guard let staff = try work.staff.staff(id: id) else {
            throw KasaneError.notFound("職員（ID \(id)）は登録されていません。")
        }
        return staff
    }

    static func validate(_ staff: Staff, _ work: any UnitOfWork, replacing id: Int64? = nil) throws -> Staff {
        let s = try staff.validated()
        guard try work.directory.agency(id: s.agencyId) != nil else {
            throw KasaneError.invalid(field: "agencyId", message: "機関（ID \(s.agencyId)）は登録されていません。")
        }
        if let other = try work.staff.staff(email: s.email), other.id != id {
            throw KasaneError.conflict("メールアドレス \(s.email) は既に別の職員（ID \(other.id ?? 0)）に使われています。")
        }
        return s
    }

    /// Someone who moved to another agency or left is no longer their old agency's default contact.
    static func releaseDefaultContact(_ work: any UnitOfWork, from old: Staff, to new: Staff) throws {
        guard old.agencyId != new.agencyId || !new.active, let id = old.id else { return }
        try work.directory.releaseDefaultContact(staffId: id)
    }

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

    /// Asks for `roles` for a staff member (one request per role not already asked for),
    /// each request its own audit line.
    static func requestRoles(_ work: any UnitOfWork, _ roles: [StaffRole], staffId: Int64, by actor: Actor, at now: Date) throws {
        guard let requester = actor.staffId else { return }
        let open = try work.staff.roleGrants(status: .pending).filter { $0.staffId == staffId }
        for role in roles where !open.contains(where: { $0.role == role }) {
            let grant = try work.staff.insert(
                RoleGrant(staffId: staffId, role: role, requestedBy: requester, requestedAt: now, status: .pending))
            let note = AuditNote(target: "staff:\(staffId)", at: now)
            note.detail = "役割「\(role.japaneseName)」の付与を依頼（依頼: 職員ID \(requester)、承認待ち ID \(grant.id ?? 0)）"
            try work.audit.append(actor, "role.request", note, allowed: true)
        }
    }
}
