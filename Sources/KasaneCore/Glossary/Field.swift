/// 分野: a field of support an agency covers and a case involves.
/// The list is extensible: a municipality adds its own fields to the directory.
public struct Field: RawRepresentable, Hashable, Codable, Sendable, Comparable {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ name: String) { self.rawValue = name }

    public static let care = Field("介護・高齢")
    public static let disability = Field("障害")
    public static let childcare = Field("子ども・子育て")
    public static let poverty = Field("生活困窮")
    public static let mentalHealth = Field("精神保健")
    public static let withdrawal = Field("ひきこもり")
    public static let domesticViolence = Field("DV")
    public static let education = Field("教育")
    public static let employment = Field("就労")
    public static let housing = Field("住まい")
    public static let debtLegal = Field("債務・法律")
    public static let community = Field("地域")

    /// The fields every new directory starts with, in display order.
    public static let standard: [Field] = [
        .care, .disability, .childcare, .poverty, .mentalHealth, .withdrawal,
        .domesticViolence, .education, .employment, .housing, .debtLegal, .community,
    ]

    public static func < (lhs: Field, rhs: Field) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
