/// The two legal kinds of case meeting. The kind is fixed by law; each municipality
/// chooses the name it shows (see `MunicipalitySettings.displayName(of:)`).
public enum MeetingKind: String, Codable, Sendable, CaseIterable {
    /// 支援会議: Social Welfare Act Art. 106-6. No consent needed; every attendee is
    /// bound by a statutory duty of confidentiality.
    case supportMeeting = "support"
    /// 重層的支援会議: held by the 多機関協働事業者 under the implementation rules.
    /// Only cases with the person's consent, only with the agencies it covers.
    case multiLayeredSupportMeeting = "multiLayered"

    /// The legal name, used where the law is quoted.
    public var legalName: String {
        switch self {
        case .supportMeeting: "支援会議"
        case .multiLayeredSupportMeeting: "重層的支援会議"
        }
    }
}
