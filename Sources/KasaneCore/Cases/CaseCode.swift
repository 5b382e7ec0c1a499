import Foundation

/// A case code that identifies a case without naming anyone: `K-2026-014`,
/// numbered from 1 in each fiscal year.
public struct CaseCode: Hashable, Sendable, CustomStringConvertible {
    public let fiscalYear: Int
    public let number: Int

    public init(fiscalYear: Int, number: Int) {
        self.fiscalYear = fiscalYear
        self.number = number
    }

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "K", parts[1].count == 4, parts[2].count >= 3,
              let y = Int(parts[1]), let n = Int(parts[2]), n > 0 else { return nil }
        self.init(fiscalYear: y, number: n)
    }

    public var description: String { String(format: "K-%04d-%03d", fiscalYear, number) }
}
