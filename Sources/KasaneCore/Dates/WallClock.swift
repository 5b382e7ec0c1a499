import Foundation

/// The one source of the current time for the application. The service runs on the
/// system's clock; tests and the demo's history run on a fixed one, so that a rule that
/// depends on "now" (a session's age, a consent's lapse, a poll's closing, retention) is
/// decided at the instant the caller chose, never at whatever `Date()` says mid-change.
public protocol WallClock: Sendable {
    func now() -> Date
}

extension WallClock {
    /// Today in Japan, by this clock.
    public func today() -> LocalDate { LocalDate.today(now: now()) }
}

/// The machine's clock.
public struct SystemClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that always says the same instant.
public struct FixedClock: WallClock {
    public let instant: Date
    public init(_ instant: Date) { self.instant = instant }
    /// Noon in Japan on `day`: a moment that is that day whatever the offset.
    public init(day: LocalDate) { self.instant = day.instant(minutesAfterMidnight: 12 * 60) }
    public func now() -> Date { instant }
}
