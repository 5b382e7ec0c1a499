/// 支援関係機関: an agency around the cases.
public struct Agency: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    /// A short code that names the agency in files and imports (HK-01).
    public var code: String
    public var name: String
    /// 種別, e.g. 地域包括支援センター.
    public var kind: String
    /// The fields it covers.
    public var fields: [Field]
    /// District codes it serves; empty means the whole city (市内全域).
    public var districts: [String]
    public var operation: AgencyOperation
    /// 所管課, the city department in charge.
    public var department: String
    /// The staff member invited when no one is assigned to a case.
    public var defaultContactId: Int64?

    public init(
        id: Int64? = nil, code: String, name: String, kind: String, fields: [Field], districts: [String],
        operation: AgencyOperation, department: String, defaultContactId: Int64? = nil
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.kind = kind
        self.fields = fields
        self.districts = districts
        self.operation = operation
        self.department = department
        self.defaultContactId = defaultContactId
    }

    public var servesWholeCity: Bool { districts.isEmpty }

    public func serves(district: String) -> Bool { servesWholeCity || districts.contains(district) }

    /// Checks form and that every field and district is known to the directory.
    public func validated(knownFields: Set<Field>, knownDistricts: Set<String>) throws -> Agency {
        var a = self
        a.code = try Validate.code(code, field: "code", label: "機関コード")
        a.name = try Validate.text(name, field: "name", label: "機関名", max: 100)
        a.kind = try Validate.text(kind, field: "kind", label: "機関の種別", max: 50)
        a.department = try Validate.text(department, field: "department", label: "所管課", max: 50)
        guard !fields.isEmpty else {
            throw KasaneError.invalid(field: "fields", message: "機関が担う分野を1つ以上指定してください。")
        }
        if let unknown = fields.first(where: { !knownFields.contains($0) }) {
            throw KasaneError.invalid(field: "fields", message: "分野「\(unknown.rawValue)」は登録されていません。")
        }
        if let unknown = districts.first(where: { !knownDistricts.contains($0) }) {
            throw KasaneError.invalid(field: "districts", message: "地区コード「\(unknown)」は登録されていません。")
        }
        a.fields = Array(Set(fields)).sorted()
        a.districts = Array(Set(districts)).sorted()
        return a
    }
}
