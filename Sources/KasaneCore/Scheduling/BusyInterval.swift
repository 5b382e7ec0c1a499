import Foundation

/// A span of time in which someone is busy: only the interval, never what they do then.
/// Busy is all anyone else sees.
public struct BusyInterval: Codable, Sendable, Hashable, Comparable {
    public var start: Date
    public var end: Date

    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    public static func < (a: BusyInterval, b: BusyInterval) -> Bool {
        (a.start, a.end) < (b.start, b.end)
    }

    public func overlaps(_ start: Date, _ end: Date) -> Bool { self.start < end && start < self.end }

    /// Sorted, with overlapping and touching intervals joined: what a sweep reads.
    public static func merged(_ intervals: [BusyInterval]) -> [BusyInterval] {
        var result: [BusyInterval] = []
        for interval in intervals.sorted() where interval.start < interval.end {
            if let last = result.last, interval.start <= last.end {
                result[result.count - 1].end = max(last.end, interval.end)
            } else {
                result.append(interval)
            }
        }
        return result
    }
}
