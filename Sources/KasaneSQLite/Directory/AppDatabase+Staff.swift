import GRDB
import KasaneCore

extension AppDatabase {
    public func staffList(agencyId: Int64? = nil) async throws -> [Staff] {
        try await reader.read { db in
            var request = Staff.order(Column("id"))
            if let agencyId { request = request.filter(Column("agencyId") == agencyId) }
            return try request.fetchAll(db)
        }
    }

    public func staff(id: Int64) async throws -> Staff {
        try await reader.read { db in try Self.staff(db, id: id) }
    }

    static func staff(_ db: Database, id: Int64) throws -> Staff {
        guard let staff = try Staff.fetchOne(db, key: id) else {
            throw KasaneError.notFound("職員（ID \(id)）は登録されていません。")
        }
        return staff
    }

    public func staff(email: String) async throws -> Staff {
        try await reader.read { db in
            guard let staff = try Staff.filter(sql: "email = ? COLLATE NOCASE", arguments: [email]).fetchOne(db) else {
                throw KasaneError.notFound("メールアドレス \(email) の職員は登録されていません。")
            }
            return staff
        }
    }

    @discardableResult
    public func createStaff(_ staff: Staff, by actor: Actor) async throws -> Staff {
        try await audited(actor, "staff.create", target: "staff") { db, note in
            try Access.require(.manageDirectory, actor)

            var s = try Self.validate(staff, db)
            s.id = nil
            let held = Self.holdReadingRoles(&s, previous: nil, by: actor)
            try s.insert(db)
            try Self.requestRoles(db, held, staffId: s.id!, by: actor, now: note.at)
            return s
        }
    }

    @discardableResult
    public func updateStaff(id: Int64, with staff: Staff, by actor: Actor) async throws -> Staff {
        try await audited(actor, "staff.update", target: "staff:\(id)") { db, note in
            try Access.require(.manageDirectory, actor)

            let old = try Self.staff(db, id: id)
            var s = try Self.validate(staff, db, replacing: id)
            s.id = id
            let held = Self.holdReadingRoles(&s, previous: old, by: actor)
            try Self.releaseDefaultContact(db, from: old, to: s)
            try s.update(db)
            try Self.requestRoles(db, held, staffId: id, by: actor, now: note.at)
            return s
        }
    }

    /// Someone who moved to another agency or left is no longer their old agency's default contact.
    static func releaseDefaultContact(_ db: Database, from old: Staff, to new: Staff) throws {
        guard old.agencyId != new.agencyId || !new.active else { return }
        try db.execute(sql: "UPDATE agency SET defaultContactId = NULL WHERE defaultContactId = ?", arguments: [old.id])
    }

    static func validate(_ staff: Staff, _ db: Database, replacing id: Int64? = nil) throws -> Staff {
        let s = try staff.validated()
        guard try Agency.exists(db, key: s.agencyId) else {
            throw KasaneError.invalid(field: "agencyId", message: "機関（ID \(s.agencyId)）は登録されていません。")
        }
        if let other = try Staff.filter(sql: "email = ? COLLATE NOCASE", arguments: [s.email]).fetchOne(db), other.id != id {
            throw KasaneError.conflict("メールアドレス \(s.email) は既に別の職員（ID \(other.id!)）に使われています。")
        }
        return s
    }

    // MARK: pledges

    /// Records a confidentiality pledge (守秘義務の確認) for a staff member.
    @discardableResult
    public func recordPledge(staffId: Int64, pledgedOn: LocalDate, note: String?, by actor: Actor) async throws -> Pledge {
        try await audited(actor, "pledge.record", target: "staff:\(staffId)") { db, change in
            try Access.require(.recordPledge, actor)
            let note = try Validate.optionalText(note, field: "note", label: "備考", max: 500)
            guard pledgedOn <= LocalDate.today(now: change.at) else {
                throw KasaneError.invalid(field: "pledgedOn", message: "守秘義務の確認日に未来の日付は指定できません。")
            }

            _ = try Self.staff(db, id: staffId)
            var pledge = Pledge(staffId: staffId, pledgedOn: pledgedOn, recordedBy: actor.staffId, note: note)
            try pledge.insert(db)
            return pledge
        }
    }

    public func pledges(staffId: Int64? = nil) async throws -> [Pledge] {
        try await reader.read { db in
            var request = Pledge.order(Column("staffId"), Column("pledgedOn"), Column("id"))
            if let staffId {
                _ = try Self.staff(db, id: staffId)
                request = request.filter(Column("staffId") == staffId)
            }
            return try request.fetchAll(db)
        }
    }

    static func pledgedStaffIds(_ db: Database, on day: LocalDate) throws -> Set<Int64> {
        Set(try Int64.fetchAll(db, sql: "SELECT DISTINCT staffId FROM pledge WHERE pledgedOn <= ?", arguments: [day.description]))
    }
}
