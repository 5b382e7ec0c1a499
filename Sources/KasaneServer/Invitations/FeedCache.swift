import Foundation
import KasaneCore

/// The last feed rendered for each member, valid while nothing a feed shows has changed
/// (the store's data version) and for the day it was made (a feed holds the last 90 days).
/// Calendar clients poll all day; most polls are then answered without gathering or
/// rendering anything. Bounded by the number of staff who use feeds.
actor FeedCache {
    struct Entry {
        var version: Int64
        var day: LocalDate
        var etag: String
        var lastModified: Date?
        var body: String
    }

    private var entries: [Int64: Entry] = [:]

    func entry(staffId: Int64, version: Int64, day: LocalDate) -> Entry? {
        guard let entry = entries[staffId], entry.version == version, entry.day == day else { return nil }
        return entry
    }

    func store(_ entry: Entry, staffId: Int64) {
        entries[staffId] = entry
    }
}
