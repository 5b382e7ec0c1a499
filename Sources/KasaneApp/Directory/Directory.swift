import Foundation
import KasaneCore
import KasaneStorage

// The directory as the application keeps it: agencies, fields (分野) and districts. Reading is
// open to every signed-in caller; changing is the administrator's, audited, and checked here
// (codes unique, fields and districts known, a default contact from the agency's own staff).

extension TransactionalStorage {
    public func agencies() async throws -> [Agency] {
        try await read { work in try work.directory.agencies() }
    }

    public func agency(id: Int64) async throws -> Agency {
        try await read { work in try Directory.agency(work, id: id) }
    }

    @discardableResult
    public func createAgency(_ agency: Agency, by actor: Actor) async throws -> Agency {
        try await audited(actor, "agency.create", target: "agency") { work, _ in
            try Access.require(.manageDirectory, actor)
            let a = try Directory.validate(agency, work)
            guard a.defaultContactId == nil else {
                throw KasaneError.invalid(
                    field: "defaultContactId", message: "既定の連絡先は、機関を登録して職員を登録した後に設定してください。")
            }
            let stored = try work.directory.insert(a)
            return stored
        }
    }

    /// Replaces an agency's details.
    @discardableResult
    public func updateAgency(id: Int64, with agency: Agency, by actor: Actor) async throws -> Agency {
        try await audited(actor, "agency.update", target: "agency:\(id)") { work, _ in
            try Access.require(.manageDirectory, actor)
            _ = try Directory.agency(work, id: id)
            var a = try Directory.validate(agency, work, replacing: id)
            a.id = id
            if let contact = a.defaultContactId {
                guard let staff = try work.staff.staff(id: contact), staff.agencyId == id else {
                    throw KasaneError.invalid(
                        field: "defaultContactId", message: "既定の連絡先は、この機関に登録された職員から選んでください（ID \(contact)）。")
                }
                guard staff.active else {
                    throw KasaneError.invalid(field: "defaultContactId", message: "無効な職員は既定の連絡先にできません。")
                }
            }
            try work.directory.update(a)
            return a
        }
    }

    public func fields() async throws -> [Field] {
        try await read { work in try work.directory.fields() }
    }

    /// Adds a field (分野) to the directory's list.
    @discardableResult
    public func addField(_ name: String, by actor: Actor) async throws -> Field {
        try await audited(actor, "field.add", target: "field") { work, _ in
            try Access.require(.manageDirectory, actor)
            let field = Field(try Validate.text(name, field: "name", label: "分野名", max: 30))
            guard try !work.directory.fields().contains(field) else {
                throw KasaneError.conflict("分野「\(field.rawValue)」は既に登録されています。")
            }
            try work.directory.append(field)
            return field
        }
    }

    public func districts() async throws -> [District] {
        try await read { work in try work.directory.districts() }
    }

    @discardableResult
    public func addDistrict(_ district: District, by actor: Actor) async throws -> District {
        try await audited(actor, "district.add", target: "district") { work, _ in
            try Access.require(.manageDirectory, actor)
            let d = try district.validated()
            let known = try work.directory.districts()
            if known.contains(where: { $0.code == d.code }) {
                throw KasaneError.conflict("地区コード「\(d.code)」は既に登録されています。")
            }
            if known.contains(where: { $0.name == d.name }) {
                throw KasaneError.conflict("地区名「\(d.name)」は既に登録されています。")
            }
            try work.directory.insert(d)
            return d
        }
    }
}

/// The directory's checks, inside a unit of work.
enum Directory {
    static func agency(_ work: any UnitOfWork, id: Int64) throws -> Agency {
        guard let agency = try work.directory.agency(id: id) else {
            throw KasaneError.notFound("機関（ID \(id)）は登録されていません。")
        }
        return agency
    }

    /// The agency as the directory takes it: its fields and district known, its code its own.
    static func validate(_ agency: Agency, _ work: any UnitOfWork, replacing id: Int64? = nil) throws -> Agency {
        let known = Set(try work.directory.fields())
        let districts = Set(try work.directory.districts().map(\.code))
        let a = try agency.validated(knownFields: known, knownDistricts: districts)
        if let other = try work.directory.agency(code: a.code), other.id != id {
            throw KasaneError.conflict("機関コード「\(a.code)」は既に「\(other.name)」に使われています。")
        }
        return a
    }
}
