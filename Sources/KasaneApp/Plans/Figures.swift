import Foundation
import KasaneCore
import KasaneStorage

// The year's figures against the city's targets, for the coordinator and the secretariat.
// No personal data in any of it: counts only.

extension TransactionalStorage {
    /// The year's figures, counted straight from the records.
    public func figures(fiscalYear: Int, by actor: Actor) async throws -> YearFigures {
        try await audited(actor, "figures.read", target: "fiscalYear:\(fiscalYear)") { work, _ in
            try Access.require(.followPlans, actor)
            guard (2000...2100).contains(fiscalYear) else {
                throw KasaneError.invalid(field: "fiscalYear", message: "年度は2000から2100の間で指定してください（\(fiscalYear)）。")
            }
            let settings = try work.settings.settings()
            let startMonth = settings.fiscalYearStartMonth
            guard let from = LocalDate(year: fiscalYear, month: startMonth, day: 1) else {
                throw KasaneError.invalid(field: "fiscalYear", message: "年度の初日を決められません。")
            }
            let to = (LocalDate(year: fiscalYear + 1, month: startMonth, day: 1) ?? from).adding(days: -1)
            var actual = try work.figures.counts(fiscalYear: fiscalYear, from: from, to: to)
            let days = try work.figures.daysToFirstApproval(from: from, to: to).sorted()
            actual[.medianDaysToApproval] = Figures.median(days)
            let targets = Dictionary(
                (settings.targets ?? []).filter { $0.fiscalYear == fiscalYear }.map { ($0.figure, $0.value) }, uniquingKeysWith: { a, _ in a })
            var rows = Figure.allCases.map { f in
                YearFigures.Row(figure: f.rawValue, label: f.japaneseName, actual: actual[f] ?? 0, target: targets[f])
            }
            // Terminations by reason, right after the total.
            let byReason = try work.figures.terminationsByReason(from: from, to: to)
            let at = (rows.firstIndex { $0.figure == Figure.plansTerminated.rawValue } ?? rows.count - 1) + 1
            rows.insert(contentsOf: TerminationReason.allCases.map { r in
                YearFigures.Row(figure: "plansTerminated.\(r.rawValue)", label: "　うち\(r.japaneseName)", actual: Double(byReason[r] ?? 0), target: nil)
            }, at: at)
            return YearFigures(fiscalYear: fiscalYear, from: from, to: to, rows: rows)
        }
    }
}

enum Figures {
    /// The median of sorted values, 0 when there are none.
    static func median(_ sorted: [Int]) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1
            ? Double(sorted[sorted.count / 2]) : Double(sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
