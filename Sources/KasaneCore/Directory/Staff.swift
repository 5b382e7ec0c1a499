/// A staff member of an agency (or of the city) who uses Kasane.
public struct Staff: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var agencyId: Int64
    public var name: String
    public var email: String
    public var roles: [StaffRole]
    public var active: Bool

    public init(id: Int64? = nil, agencyId: Int64, name: String, email: String, roles: [StaffRole], active: Bool = true) {
        self.id = id
        self.agencyId = agencyId
        self.name = name
        self.email = email
        self.roles = roles
        self.active = active
    }

    public func has(_ role: StaffRole) -> Bool { roles.contains(role) }

    public func validated() throws -> Staff {
        var s = self
        s.name = try Validate.text(name, field: "name", label: "氏名", max: 50)
        s.email = try Validate.email(email)
        guard !roles.isEmpty else {
            throw KasaneError.invalid(field: "roles", message: "役割を1つ以上指定してください（多機関協働・事務局・構成員・管理者）。")
        }
        s.roles = Array(Set(roles)).sorted()
        return s
    }
}

/// 守秘義務の確認: a staff member's confidentiality pledge on record. The duty lasts
/// after they leave, so a pledge never expires; a new one may be recorded.
public struct Pledge: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var staffId: Int64
    public var pledgedOn: LocalDate
    public var recordedBy: Int64?
    public var note: String?

    public init(id: Int64? = nil, staffId: Int64, pledgedOn: LocalDate, recordedBy: Int64?, note: String? = nil) {
        self.id = id
        self.staffId = staffId
        self.pledgedOn = pledgedOn
        self.recordedBy = recordedBy
        self.note = note
    }
}
