/// What a meeting decided about one item, as data (not free text): the support plan
/// (issue 10) and the figures are driven by these.
public enum DecisionKind: String, Codable, Sendable, CaseIterable {
    // 支援会議
    case informationShared  // 情報共有
    case watchingPolicy     // 見守り方針
    case urgentAction       // 緊急対応（担当機関・期限）
    // 重層的支援会議
    case planApproved       // プラン承認
    case planSentBack       // プラン差し戻し（意見）
    case goalEvaluation     // 目標ごとの評価
    case planContinued      // 支援継続（次回評価日）
    case planRevised        // プラン見直し
    case planSuspended      // 中断（理由・再確認日）
    case planTerminated     // 終結（理由）
    case roleAssigned       // 役割分担（機関）
    case resourceGap        // 社会資源の不足（分野）

    public var japaneseName: String {
        switch self {
        case .informationShared: "情報共有"
        case .watchingPolicy: "見守り方針"
        case .urgentAction: "緊急対応"
        case .planApproved: "プラン承認"
        case .planSentBack: "プラン差し戻し"
        case .goalEvaluation: "目標の評価"
        case .planContinued: "支援継続"
        case .planRevised: "プラン見直し"
        case .planSuspended: "支援中断"
        case .planTerminated: "終結"
        case .roleAssigned: "役割分担"
        case .resourceGap: "社会資源の不足"
        }
    }

    /// Decisions about a case's support plan (issue 10 applies them).
    public var isAboutPlan: Bool {
        switch self {
        case .planApproved, .planSentBack, .goalEvaluation, .planContinued, .planRevised, .planSuspended, .planTerminated,
             .roleAssigned:
            true
        default:
            false
        }
    }

    /// The item purposes a decision of this kind can be recorded under.
    public var purposes: Set<AgendaPurpose> {
        switch self {
        case .informationShared, .watchingPolicy, .urgentAction: [.informationSharing, .watchingDirection, .urgentResponse]
        case .planApproved, .planSentBack: [.planReview]
        case .goalEvaluation, .planContinued, .planSuspended, .planTerminated: [.evaluationTermination]
        case .roleAssigned, .planRevised: [.planReview, .evaluationTermination]
        case .resourceGap: [.socialResources, .planReview, .evaluationTermination]
        }
    }
}

/// Why support ended (終結の理由).
public enum TerminationReason: String, Codable, Sendable, CaseIterable {
    case goalReached      // 目標達成
    case handedBack       // つなぎ戻し
    case movedAway        // 転出
    case died             // 死亡
    case refused          // 本人の拒否
    case otherSystem      // 他制度への移行

    public var japaneseName: String {
        switch self {
        case .goalReached: "目標達成"
        case .handedBack: "つなぎ戻し"
        case .movedAway: "転出"
        case .died: "死亡"
        case .refused: "支援の拒否"
        case .otherSystem: "他制度への移行"
        }
    }
}

/// 達成 / 一部達成 / 未達成.
public enum GoalRating: String, Codable, Sendable, CaseIterable {
    case achieved
    case partlyAchieved
    case notAchieved

    public var japaneseName: String {
        switch self {
        case .achieved: "達成"
        case .partlyAchieved: "一部達成"
        case .notAchieved: "未達成"
        }
    }
}

/// One goal's evaluation: the goal by its number in the plan, so the rating travels
/// without the goal's words.
public struct GoalEvaluation: Codable, Sendable, Equatable {
    public var goal: Int
    public var rating: GoalRating

    public init(goal: Int, rating: GoalRating) {
        self.goal = goal
        self.rating = rating
    }
}

/// One structured decision. `text` is the only free text: comments, the information
/// shared, the action to take, a reason in words. It may name people, so it goes
/// only into the attendee's reading; everything else is codes, dates and choices.
public struct Decision: Codable, Sendable, Equatable {
    public var kind: DecisionKind
    public var text: String?
    /// The agency responsible (urgent action, role, hand-back).
    public var agencyId: Int64?
    /// Due date (urgent action), next review (continue), date to look again (suspend).
    public var date: LocalDate?
    public var termination: TerminationReason?
    public var goals: [GoalEvaluation]?
    /// The field of a resource gap (社会資源の不足).
    public var field: Field?

    public init(
        kind: DecisionKind, text: String? = nil, agencyId: Int64? = nil, date: LocalDate? = nil,
        termination: TerminationReason? = nil, goals: [GoalEvaluation]? = nil, field: Field? = nil
    ) {
        self.kind = kind
        self.text = text
        self.agencyId = agencyId
        self.date = date
        self.termination = termination
        self.goals = goals
        self.field = field
    }

    /// The decision with its free text removed, for the distributed reading.
    public var withoutText: Decision {
        var d = self
        d.text = nil
        return d
    }

    /// Checks the decision against the item it is recorded under. `agencies` are the
    /// agencies that exist; `at` names the place in the input for the error.
    public func validate(purpose: AgendaPurpose, hasCase: Bool, agencies: Set<Int64>, at field: String) throws {
        func invalid(_ message: String) -> KasaneError { .invalid(field: field, message: message) }
        guard kind.purposes.contains(purpose) else {
            throw invalid("「\(kind.japaneseName)」は「\(purpose.japaneseName)」の議題の決定にできません。")
        }
        _ = try Validate.optionalText(text, field: field + ".text", label: "決定の内容", max: 2000)
        if let agencyId, !agencies.contains(agencyId) {
            throw invalid("機関（ID \(agencyId)）は登録されていません。")
        }
        switch kind {
        case .urgentAction:
            guard agencyId != nil, date != nil else { throw invalid("緊急対応には担当機関（agencyId）と期限（date）を指定してください。") }
            guard text?.isEmpty == false else { throw invalid("緊急対応には対応の内容（text）を書いてください。") }
        case .informationShared, .watchingPolicy:
            guard text?.isEmpty == false else { throw invalid("「\(kind.japaneseName)」には内容（text）を書いてください。") }
        case .planSentBack:
            guard text?.isEmpty == false else { throw invalid("差し戻しには意見（text）を書いてください。") }
        case .goalEvaluation:
            guard let goals, !goals.isEmpty else { throw invalid("目標の評価には目標ごとの評価（goals）を1つ以上指定してください。") }
            guard goals.allSatisfy({ (1...50).contains($0.goal) }), Set(goals.map(\.goal)).count == goals.count else {
                throw invalid("目標の番号は1から50で、重複しないように指定してください。")
            }
        case .planContinued:
            guard date != nil else { throw invalid("支援継続には次回評価日（date）を指定してください。") }
        case .planSuspended:
            guard date != nil, text?.isEmpty == false else { throw invalid("支援中断には理由（text）と再確認日（date）を指定してください。") }
        case .planTerminated:
            guard let termination else { throw invalid("終結には理由（termination）を指定してください。") }
            if termination == .handedBack, agencyId == nil {
                throw invalid("つなぎ戻しには戻す先の主担当機関（agencyId）を指定してください。")
            }
        case .roleAssigned:
            guard agencyId != nil, text?.isEmpty == false else { throw invalid("役割分担には機関（agencyId）と役割（text）を指定してください。") }
        case .resourceGap:
            guard self.field != nil, text?.isEmpty == false else { throw invalid("社会資源の不足には分野（field）と内容（text）を指定してください。") }
        case .planApproved, .planRevised:
            break
        }
        if kind.isAboutPlan, !hasCase {
            throw invalid("「\(kind.japaneseName)」は事例の議題にだけ記録できます。")
        }
    }
}
