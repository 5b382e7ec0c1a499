/// Where a support plan (支援プラン) stands. It moves only along `PlanState.allowed`,
/// and into approved, revised, terminated or suspended only by a decision in approved
/// minutes of a 重層的支援会議 (DOMAIN rule 8).
public enum PlanState: String, Codable, Sendable, CaseIterable {
    case draft          // 作成中
    case underReview    // 協議中（重層的支援会議の議題）
    case approved       // 承認
    case inProgress     // 支援中（モニタリング）
    case evaluation     // 評価中（評価・終結の議題）
    case terminated     // 終結
    case suspended      // 中断
    case revised        // 見直し済み（次の版へ）

    public var japaneseName: String {
        switch self {
        case .draft: "作成中"
        case .underReview: "協議中"
        case .approved: "承認"
        case .inProgress: "支援中"
        case .evaluation: "評価中"
        case .terminated: "終結"
        case .suspended: "中断"
        case .revised: "見直し済み"
        }
    }

    /// The transitions a plan may take, and nothing else.
    public static let allowed: Set<[PlanState]> = [
        [.draft, .underReview], [.underReview, .draft],          // placed on / taken off a planReview agenda; sent back
        [.underReview, .approved], [.approved, .inProgress],      // approved, then monitored
        [.inProgress, .evaluation], [.evaluation, .inProgress],   // on / off an evaluation agenda; continued
        [.evaluation, .terminated], [.inProgress, .terminated],
        [.evaluation, .suspended], [.inProgress, .suspended],
        [.evaluation, .revised], [.inProgress, .revised],
    ]

    public func canMove(to next: PlanState) -> Bool { Self.allowed.contains([self, next]) }

    /// States only a decision in approved minutes can lead into.
    public var needsDecision: Bool { self == .approved || self == .terminated || self == .suspended || self == .revised }

    /// A plan that no longer changes: its case may start a new version.
    public var isFinal: Bool { self == .terminated || self == .suspended || self == .revised }
}

/// 長期目標 or 短期目標.
public enum GoalTerm: String, Codable, Sendable, CaseIterable {
    case long
    case short

    public var japaneseName: String { self == .long ? "長期目標" : "短期目標" }
}

/// One action towards a goal, and who does it (役割分担).
public struct PlanAction: Codable, Sendable, Equatable {
    public var agencyId: Int64
    public var what: String
    /// 頻度: 週1回, 月2回...
    public var frequency: String
    /// 期間: 3か月, 令和9年3月まで...
    public var period: String

    public init(agencyId: Int64, what: String, frequency: String, period: String) {
        self.agencyId = agencyId
        self.what = what
        self.frequency = frequency
        self.period = period
    }
}

public struct PlanGoal: Codable, Sendable, Equatable {
    public var term: GoalTerm
    public var text: String
    public var actions: [PlanAction]

    public init(term: GoalTerm, text: String, actions: [PlanAction]) {
        self.term = term
        self.text = text
        self.actions = actions
    }
}

/// What a coordinator writes into a plan version.
public struct PlanInput: Codable, Sendable, Equatable {
    /// 本人の意向, in a few words.
    public var wishes: String
    public var goals: [PlanGoal]
    /// 次回評価日.
    public var nextReviewOn: LocalDate

    public init(wishes: String, goals: [PlanGoal], nextReviewOn: LocalDate) {
        self.wishes = wishes
        self.goals = goals
        self.nextReviewOn = nextReviewOn
    }

    /// Checks form, and that every agency the plan names is covered by the case's
    /// consent on `day` (a plan is shared among those agencies).
    public func validated(consents: [Consent], on day: LocalDate, agencyNames: [Int64: String]) throws -> PlanInput {
        var p = self
        p.wishes = try Validate.text(wishes, field: "wishes", label: "本人の意向", max: 500)
        guard !goals.isEmpty, goals.count <= 20 else {
            throw KasaneError.invalid(field: "goals", message: "目標を1つから20まで書いてください。")
        }
        guard goals.contains(where: { $0.term == .long }), goals.contains(where: { $0.term == .short }) else {
            throw KasaneError.invalid(field: "goals", message: "長期目標と短期目標をそれぞれ1つ以上書いてください。")
        }
        let coverage = ConsentCoverage(consents: consents, on: day)
        for (g, goal) in goals.enumerated() {
            p.goals[g].text = try Validate.text(goal.text, field: "goals[\(g)].text", label: "目標", max: 500)
            guard !goal.actions.isEmpty, goal.actions.count <= 20 else {
                throw KasaneError.invalid(field: "goals[\(g)].actions", message: "目標\(g + 1)に取り組み（役割分担）を1つから20まで書いてください。")
            }
            for (a, action) in goal.actions.enumerated() {
                let field = "goals[\(g)].actions[\(a)]"
                guard let name = agencyNames[action.agencyId] else {
                    throw KasaneError.invalid(field: field + ".agencyId", message: "機関（ID \(action.agencyId)）は登録されていません。")
                }
                guard coverage.covers(agency: action.agencyId) else {
                    let why = coverage.hasValidConsent ? "本人の同意の範囲に含まれていません" : (coverage.absenceReason ?? "有効な同意がありません")
                    throw KasaneError.ruleViolation("「\(name)」は\(why)。同意の範囲の機関だけでプランを作るか、同意の範囲を広げてください。")
                }
                p.goals[g].actions[a].what = try Validate.text(action.what, field: field + ".what", label: "取り組み", max: 300)
                p.goals[g].actions[a].frequency = try Validate.text(action.frequency, field: field + ".frequency", label: "頻度", max: 50)
                p.goals[g].actions[a].period = try Validate.text(action.period, field: field + ".period", label: "期間", max: 50)
            }
        }
        guard nextReviewOn > day else {
            throw KasaneError.invalid(field: "nextReviewOn", message: "次回評価日は今日より後の日にしてください。")
        }
        return p
    }

    /// Every agency the plan names.
    public var agencyIds: Set<Int64> { Set(goals.flatMap { $0.actions.map(\.agencyId) }) }
}
