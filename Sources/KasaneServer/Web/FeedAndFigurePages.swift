import Foundation
import HTTPTypes
import Hummingbird
import KasaneApp
import KasaneCore
import KasaneSQLite
import NIOCore

/// A member's calendar feed, and the year's figures with a chart: the same store
/// functions as `/api/v1/me/feed` and `/api/v1/figures`.
struct FeedAndFigurePages {
    let database: AppDatabase
    let web: WebController

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("me/feed") { request, _ in
            try await web.signedIn(request) { s, _ in
                WebPages.page("feed", FeedView(user: web.user(s), csrf: s.csrf, url: nil, webcal: nil))
            }
        }
        router.post("me/feed") { request, context in
            try await web.posted(request, context) { _, s, actor in
                let token = try await database.renewFeedToken(by: actor)
                let links = InvitationController.feedLinks(base: try await database.settings().baseURL, token: token)
                return WebPages.page("feed", FeedView(user: web.user(s), csrf: s.csrf, url: links.url, webcal: links.webcal))
            }
        }
        router.get("figures") { request, _ in
            try await web.signedIn(request) { s, actor in
                let year = try Self.year(request, today: database.clock.today())
                return WebPages.page("figures", FiguresView(try await database.figures(fiscalYear: year, by: actor), user: web.user(s)))
            }
        }
        router.get("figures.csv") { request, _ in
            try await web.signedIn(request) { _, actor in
                let year = try Self.year(request, today: database.clock.today())
                let figures = try await database.figures(fiscalYear: year, by: actor)
                return WebPages.download(figures.csv, contentType: "text/csv; charset=utf-8", fileName: "figures-FY\(year).csv")
            }
        }
    }

    /// `?fiscalYear=`, or the fiscal year of `today`.
    static func year(_ request: Request, today: LocalDate) throws -> Int {
        try DocumentQuery.int(request, "fiscalYear").map { Int($0) } ?? today.fiscalYear()
    }
}

struct FeedView {
    var pageTitle = "カレンダーの購読"
    var user: PageUser?
    var csrf: String
    var url: String?
    var webcal: String?
}

/// The figures as a table and as an SVG bar chart (actual as bars, target as a red line),
/// drawn with presentation attributes only, so the page's CSP needs no inline style.
struct FiguresView {
    struct Bar {
        var label: String
        var value: String
        var y: Int
        var textY: Int
        var width: Int
        var valueX: Int
        var hasTarget: Bool
        var targetX: Int
        var lineTop: Int
        var lineBottom: Int
    }

    struct Row {
        var label: String
        var actual: String
        var target: String
        var rate: String
    }

    var pageTitle: String
    var user: PageUser?
    var year: Int
    var yearName: String
    var from: String
    var to: String
    var bars: [Bar]
    var chartHeight: Int
    var rows: [Row]

    init(_ f: YearFigures, user: PageUser) {
        func number(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v) }
        pageTitle = "年度の実績"
        self.user = user
        year = f.fiscalYear
        yearName = f.fiscalYearName
        from = JapaneseEra.dateName(f.from, weekday: false)
        to = JapaneseEra.dateName(f.to, weekday: false)
        let counted = f.rows.filter { !$0.figure.contains(".") && $0.figure != Figure.medianDaysToApproval.rawValue }
        let scale = max(1, counted.map { max($0.actual, Double($0.target ?? 0)) }.max() ?? 1)
        bars = counted.enumerated().map { i, r in
            let y = 10 + i * 26
            let width = Int(Double(340) * r.actual / scale)
            let targetX = 230 + Int(Double(340) * Double(r.target ?? 0) / scale)
            return Bar(
                label: r.label.replacingOccurrences(of: "（件）", with: "").replacingOccurrences(of: "（回）", with: ""), value: number(r.actual),
                y: y, textY: y + 12, width: width, valueX: 236 + max(width, r.target.map { _ in targetX - 230 } ?? 0), hasTarget: r.target != nil,
                targetX: targetX, lineTop: y - 3, lineBottom: y + 17)
        }
        chartHeight = 20 + counted.count * 26
        rows = f.rows.map { r in Row(label: r.label, actual: number(r.actual), target: r.target.map(String.init) ?? "—", rate: r.rate.map { number($0) + "%" } ?? "—") }
    }
}
