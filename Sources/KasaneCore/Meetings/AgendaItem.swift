/// What an agenda item is for. Each meeting kind has its own three.
public enum AgendaPurpose: String, Codable, Sendable, CaseIterable {
    // 重層的支援会議
    case planReview            // プランの適切性の協議
    case evaluationTermination // 評価・終結
    case socialResources       // 社会資源の検討
    // 支援会議
    case informationSharing    // 情報共有
    case watchingDirection     // 見守り・支援方針
    case urgentResponse        // 緊急対応

    public var japaneseName: String {
        switch self {
        case .planReview: "プランの適切性の協議"
        case .evaluationTermination: "評価・終結"
        case .socialResources: "社会資源の検討"
        case .informationSharing: "情報共有"
        case .watchingDirection: "見守り・支援方針"
        case .urgentResponse: "緊急対応"
        }
    }

    public var meetingKind: MeetingKind {
        switch self {
        case .planReview, .evaluationTermination, .socialResources: .multiLayeredSupportMeeting
        case .informationSharing, .watchingDirection, .urgentResponse: .supportMeeting
        }
    }

    /// Plan review and evaluation are always about one case.
    public var requiresCase: Bool { self == .planReview || self == .evaluationTermination }

    public static func allowed(in kind: MeetingKind) -> [AgendaPurpose] { allCases.filter { $0.meetingKind == kind } }
}

/// One item of a meeting's agenda: about one case, or general.
public struct AgendaItem: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var meetingId: Int64
    public var caseId: Int64?
    public var purpose: AgendaPurpose
    /// 1, 2, 3... in the order the items are taken.
    public var position: Int
    /// Time allotted, in minutes.
    public var minutes: Int

    public init(id: Int64? = nil, meetingId: Int64, caseId: Int64?, purpose: AgendaPurpose, position: Int, minutes: Int) {
        self.id = id
        self.meetingId = meetingId
        self.caseId = caseId
        self.purpose = purpose
        self.position = position
        self.minutes = minutes
    }

    /// Checks form against the meeting's kind.
    public static func validate(purpose: AgendaPurpose, caseId: Int64?, minutes: Int, in kind: MeetingKind) throws {
        guard purpose.meetingKind == kind else {
            let allowed = AgendaPurpose.allowed(in: kind).map(\.japaneseName).joined(separator: "・")
            throw KasaneError.invalid(
                field: "purpose", message: "「\(purpose.japaneseName)」は\(kind.legalName)の議題にできません（\(allowed)）。")
        }
        if purpose.requiresCase, caseId == nil {
            throw KasaneError.invalid(field: "caseId", message: "「\(purpose.japaneseName)」の議題には事例を指定してください。")
        }
        guard (5...240).contains(minutes) else {
            throw KasaneError.invalid(field: "minutes", message: "議題の時間は5分から240分で指定してください。")
        }
    }
}
