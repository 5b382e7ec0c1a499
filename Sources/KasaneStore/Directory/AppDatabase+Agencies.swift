import GRDB
import KasaneCore

extension AppDatabase {
    public func agencies() async throws -> [Agency] {
        try await reader.read { db in try Agency.order(Column("id")).fetchAll(db) }
    }

    public func agency(id: Int64) async throws -> Agency {
        try await reader.read { db in try Self.agency(db, id: id) }
    }

    static func agency(_ db: Database, id: Int64) throws -> Agency {
        guard let agency = try Agency.fetchOne(db, key: id) else {
            throw KasaneError.notFound("機関（ID \(id)）は登録されていません。")
        }
        return agency
    }

    @discardableResult
    public func createAgency(_ agency: Agency, by actor: Actor) async throws -> Agency {
        try await audited(actor, "agency.create", target: "agency") { db, _ in
            try Access.require(.manageDirectory, actor)

            var a = try Self.validate(agency, db)
            guard a.defaultContactId == nil else {
                throw KasaneError.invalid(
                    field: "defaultContactId", message: "既定の連絡先は、機関を登録して職員を登録した後に設定してください。")
            }
            a.id = nil
            try a.insert(db)
            return a
        }
    }

    /// Replaces an agency's details.
    @discardableResult
    public func updateAgency(id: Int64, with agency: Agency, by actor: Actor) async throws -> Agency {
        try await audited(actor, "agency.update", target: "agency:\(id)") { db, _ in
            try Access.require(.manageDirectory, actor)

            _ = try Self.agency(db, id: id)
            var a = try Self.validate(agency, db, replacing: id)
            a.id = id
            if let contact = a.defaultContactId {
                guard let staff = try Staff.fetchOne(db, key: contact), staff.agencyId == id else {
                    throw KasaneError.invalid(
                        field: "defaultContactId", message: "既定の連絡先は、この機関に登録された職員から選んでください（ID \(contact)）。")
                }
                guard staff.active else {
                    throw KasaneError.invalid(field: "defaultContactId", message: "無効な職員は既定の連絡先にできません。")
                }
            }
            try a.update(db)
            return a
        }
    }

    static func validate(_ agency: Agency, _ db: Database, replacing id: Int64? = nil) throws -> Agency {
        let known = Set(try fields(db))
        let districts = Set(try String.fetchAll(db, sql: "SELECT code FROM district"))
        let a = try agency.validated(knownFields: known, knownDistricts: districts)
        if let other = try Agency.filter(Column("code") == a.code).fetchOne(db), other.id != id {
            throw KasaneError.conflict("機関コード「\(a.code)」は既に「\(other.name)」に使われています。")
        }
        return a
    }
}
