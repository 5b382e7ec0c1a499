/// A member of a case's household as it may travel: a relation and a label that
/// names no one (本人 50代男性, 父 80代).
public struct HouseholdMember: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var caseId: Int64
    /// 続柄: 本人, 父, 母, 妻, 長男...
    public var relation: String
    /// The non-identifying label.
    public var label: String
    /// Whether this is the person at the centre of the case (本人), who gives consent.
    public var isPrincipal: Bool

    public init(id: Int64? = nil, caseId: Int64, relation: String, label: String, isPrincipal: Bool) {
        self.id = id
        self.caseId = caseId
        self.relation = relation
        self.label = label
        self.isPrincipal = isPrincipal
    }

    /// Builds the label from relation, age band and sex, e.g. `本人 50代男性`.
    public static func label(relation: String, birthDate: LocalDate?, sex: String?, on day: LocalDate) -> String {
        var descriptor = ""
        if let birthDate {
            var age = day.year - birthDate.year
            if (day.month, day.day) < (birthDate.month, birthDate.day) { age -= 1 }
            descriptor += age < 10 ? "10歳未満" : "\(age / 10 * 10)代"
        }
        if let sex, !sex.isEmpty { descriptor += sex }
        return descriptor.isEmpty ? relation : "\(relation) \(descriptor)"
    }
}

/// The personal data of one household member. Stored in its own table, read only
/// by those the access rules allow, and never written into anything that travels.
public struct HouseholdMemberPersonal: Codable, Sendable, Equatable {
    public var memberId: Int64
    public var name: String
    public var kana: String?
    public var birthDate: LocalDate?
    /// 性別 as recorded (男性, 女性, or as the person states).
    public var sex: String?
    public var address: String?
    public var notes: String?

    public init(
        memberId: Int64, name: String, kana: String?, birthDate: LocalDate?, sex: String?, address: String?, notes: String?
    ) {
        self.memberId = memberId
        self.name = name
        self.kana = kana
        self.birthDate = birthDate
        self.sex = sex
        self.address = address
        self.notes = notes
    }
}
