import Foundation

/// The figures the secretariat answers for each fiscal year (April–March), each with
/// the city's target where its 実施計画 sets one.
public enum Figure: String, Codable, Sendable, CaseIterable {
    case supportMeetings
    case multiLayeredMeetings
    case casesDiscussed
    case referrals
    case plansMade
    case plansApproved
    case plansEvaluated
    case plansTerminated
    case plansSuspended
    case gapsRaised
    case gapsResolved
    case medianDaysToApproval

    public var japaneseName: String {
        switch self {
        case .supportMeetings: "支援会議回数（回）"
        case .multiLayeredMeetings: "重層的支援会議回数（回）"
        case .casesDiscussed: "会議で協議した事例数（件）"
        case .referrals: "多機関協働事業につないだ事例数（件）"
        case .plansMade: "支援プラン作成件数（件）"
        case .plansApproved: "支援プラン承認件数（件）"
        case .plansEvaluated: "評価した支援プラン数（件）"
        case .plansTerminated: "終結件数（件）"
        case .plansSuspended: "中断件数（件）"
        case .gapsRaised: "社会資源の不足の提起（件）"
        case .gapsResolved: "社会資源の不足の解決（件）"
        case .medianDaysToApproval: "受付から初回プラン承認までの日数（中央値）"
        }
    }
}

/// A yearly target (数値目標) from the city's 実施計画.
public struct FigureTarget: Codable, Sendable, Equatable {
    public var fiscalYear: Int
    public var figure: Figure
    public var value: Int

    public init(fiscalYear: Int, figure: Figure, value: Int) {
        self.fiscalYear = fiscalYear
        self.figure = figure
        self.value = value
    }
}

public struct YearFigures: Codable, Sendable, Equatable {
    public struct Row: Codable, Sendable, Equatable {
        public var figure: String
        public var label: String
        public var actual: Double
        public var target: Int?
        /// actual / target in percent, one decimal.
        public var rate: Double?

        public init(figure: String, label: String, actual: Double, target: Int?) {
            self.figure = figure
            self.label = label
            self.actual = actual
            self.target = target
            rate = target.flatMap { $0 > 0 ? (actual / Double($0) * 1000).rounded() / 10 : nil }
        }
    }

    public var fiscalYear: Int
    public var fiscalYearName: String
    public var from: LocalDate
    public var to: LocalDate
    public var rows: [Row]

    public init(fiscalYear: Int, from: LocalDate, to: LocalDate, rows: [Row]) {
        self.fiscalYear = fiscalYear
        fiscalYearName = JapaneseEra.fiscalYearName(fiscalYear)
        self.from = from
        self.to = to
        self.rows = rows
    }

    /// UTF-8 with a BOM and Japanese headers, so Excel opens it as it is.
    public var csv: String {
        func number(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v) }
        let lines = ["年度,項目,実績,目標,達成率（%）"] + rows.map { r in
            CSV.row([fiscalYearName, r.label, number(r.actual), r.target.map(String.init) ?? "", r.rate.map(number) ?? ""])
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}
