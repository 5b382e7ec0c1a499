/// Where a case stands in the support flow.
public enum CaseStatus: String, Codable, Sendable, CaseIterable {
    case intake          // 受付
    case assessment      // アセスメント
    case planning        // プラン作成
    case supporting      // 支援中
    case evaluation      // 評価
    case terminated      // 終結
    case suspended       // 中断

    public var japaneseName: String {
        switch self {
        case .intake: "受付"
        case .assessment: "アセスメント"
        case .planning: "プラン作成"
        case .supporting: "支援中"
        case .evaluation: "評価"
        case .terminated: "終結"
        case .suspended: "中断"
        }
    }

    public var isClosed: Bool { self == .terminated || self == .suspended }
}
