import Foundation
import KasaneCore
import KasaneStorage

// A member's calendar feed: their meetings as invitations, with validators (a weak ETag and a
// Last-Modified that never goes back) so that a calendar polling it is answered 304 cheaply.

extension TransactionalStorage {
    /// Issues (or renews) the staff member's feed token; the old one stops working.
    public func renewFeedToken(by actor: Actor) async throws -> String {
        try await audited(actor, "feed.renew", target: "feed") { work, note in
            guard let staff = actor.staff else {
                throw KasaneError.forbidden("フィードは職員ごとに発行します。")
            }
            let token = Secret.new()
            guard let staffId = staff.id else { throw KasaneError.forbidden("フィードは職員ごとに発行します。") }
            try work.feeds.replaceToken(staffId: staffId, hash: Secret.hash(token), at: note.at)
            return token
        }
    }

    /// The meetings of the feed token's owner, as their calendar shows them: those they
    /// were invited to, from 90 days ago on. Nil for an unknown or renewed token.
    public func feed(token: String) async throws -> Feed? {
        let now = clock.now()
        guard Secret.wellFormed(token) else {
            return nil
        }
        // One read transaction, set-based; the audit line is a short write of its own, so
        // no write lock is held while a feed is gathered.
        let found = try await read { work -> Feed? in
            guard let staff = try work.feeds.staff(feedTokenHash: Secret.hash(token)), let staffId = staff.id else { return nil }
            let ids = try work.feeds.meetingIds(feedOf: staffId, endingAfter: now.addingTimeInterval(-90 * 86400))
            let invitations = try MeetingFunnel.renderings(work, meetingIds: ids).map { try MeetingFunnel.invitation($0, for: staff, now: now) }
            return Feed(
                staff: staff, invitations: invitations, etag: try FeedRules.fingerprint(invitations),
                lastModified: try work.feeds.lastChange(meetingIds: ids), version: try work.feeds.dataVersion())
        }
        guard var found else { return nil }
        found.lastModified = try await feedChanged(staffId: found.staff.id ?? 0, etag: found.etag, lastChange: found.lastModified, now: now)
        try await logFeedRead(by: found.staff)
        return found
    }

    /// When what this feed shows last changed, as its Last-Modified: the newest change or
    /// reply it shows; and when the feed differs from what it last showed although no dated
    /// change explains it (a renamed colleague, the window moving on), the moment that was
    /// seen. Whole seconds, as HTTP dates are, and later than any time given for what it
    /// showed before, so that a calendar's If-Modified-Since never hides a change.
    func feedChanged(staffId: Int64, etag: String, lastChange: Date?, now: Date) async throws -> Date {
        try await write { work in
            let stored = try work.feeds.shown(staffId: staffId)
            let before = stored?.changedAt
            if let before, stored?.etag == etag { return before }
            var changed = (lastChange ?? now).timeIntervalSince1970.rounded(.up)
            if let before, changed <= before.timeIntervalSince1970 { changed = max(before.timeIntervalSince1970 + 1, now.timeIntervalSince1970.rounded(.up)) }
            let at = Date(timeIntervalSince1970: changed)
            try work.feeds.saveShown(staffId: staffId, etag: etag, changedAt: at)
            return at
        }
    }

    /// Who a feed token belongs to, and the data version now: enough to answer a feed
    /// from cache. nil for a token that is not (or no longer) valid.
    public func feedOwner(token: String) async throws -> (staff: Staff, version: Int64)? {
        guard Secret.wellFormed(token) else {
            return nil
        }
        return try await read { work -> (staff: Staff, version: Int64)? in
            guard let staff = try work.feeds.staff(feedTokenHash: Secret.hash(token)) else { return nil }
            return (staff, try work.feeds.dataVersion())
        }
    }

    /// Every read of a feed is audited, from cache or not.
    public func logFeedRead(by staff: Staff) async throws {
        let note = AuditNote(target: "feed", at: clock.now())
        try await write { work in try work.audit.append(.staff(staff, from: "feed"), "feed.read", note, allowed: true) }
    }
}

enum FeedRules {
    /// A weak validator of what a feed says: the same invitations give the same tag
    /// (only DTSTAMP, the time of writing, differs between two renderings).
    static func fingerprint(_ invitations: [Invitation]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .secondsSince1970
        return "W/\"" + SHA256Hex.of(try encoder.encode(invitations)).prefix(32) + "\""
    }
}

/// A member's feed: their meetings as invitations, with validators for calendar clients.
public struct Feed: Sendable {
    public var staff: Staff
    public var invitations: [Invitation]
    /// A weak ETag of the content; a client that sends it back gets 304 Not Modified.
    public var etag: String
    /// When what it shows last changed (see `feedChanged`).
    public var lastModified: Date?
    /// The data version it was read at (see `feedOwner`).
    public var version: Int64
}
