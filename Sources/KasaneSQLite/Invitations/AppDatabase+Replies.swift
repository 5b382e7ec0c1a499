import Crypto
import Foundation
import GRDB
import KasaneApp
import KasaneCore
import KasaneStorage

/// What importing an iTIP message did.
public struct ReplyOutcome: Codable, Sendable, Equatable {
    public enum Result: String, Codable, Sendable { case recorded, ignoredAsStale, counterRecorded }
    public var result: Result
    public var meetingId: Int64
    public var staffId: Int64
    public var response: AttendeeResponse
    public var message: String
}

/// A member's proposal of another time (iTIP COUNTER), for the coordinator to weigh.
public struct CounterProposal: Codable, Sendable, Equatable {
    public var id: Int64
    public var meetingId: Int64
    public var staffId: Int64
    public var proposedStart: Date
    public var proposedEnd: Date
    public var comment: String?
    public var sequence: Int
    public var receivedAt: Date
}

extension AppDatabase {
    /// Records a member's REPLY (their answer) or COUNTER (a proposal, never a change).
    /// A reply older than the last one recorded (lower SEQUENCE, or an older DTSTAMP at
    /// the same SEQUENCE) is ignored. An unknown meeting or attendee is refused.
    public func importReply(_ reply: ITIPReply, attendeeEmails: [String], by actor: Actor) async throws
        -> ReplyOutcome
    {
        try await audited(actor, "itip.\(reply.method.rawValue.lowercased())", target: "uid:\(reply.uid)") { db, note in
            let now = note.at
            // A reply that is not the sender's to give gets one answer, whatever the reason, so
            // that nobody learns from it whether a meeting exists or who attends it; the
            // audit log keeps the real reason.
            func notYours(_ reason: String) -> KasaneError {
                note.refusal = reason
                return Self.replyNotYours
            }
            guard let meeting = try Meeting.filter(Column("uid") == reply.uid).fetchOne(db) else {
                throw notYours("UID \(reply.uid) の会議はありません")
            }
            note.meetingId = meeting.id
            note.target = "meeting:\(meeting.id!)"
            let attendees = try Row.fetchAll(db, sql: """
                SELECT attendee.staffId, staff.email, attendee.replySequence, attendee.replyStamp
                FROM attendee JOIN staff ON staff.id = attendee.staffId WHERE attendee.meetingId = ?
                """, arguments: [meeting.id])
            // The attendee this message speaks for: the sender themself, when a member sends it.
            let speaksForAnyone = actor.staff.map { $0.has(.coordinator) || $0.has(.secretariat) } ?? true
            let candidates = speaksForAnyone ? attendeeEmails : attendeeEmails.filter { $0 == actor.staff?.email.lowercased() }
            guard let row = attendees.first(where: { candidates.contains(($0["email"] as String).lowercased()) }) else {
                let forSomeoneElse = attendeeEmails.contains { e in attendees.contains { ($0["email"] as String).lowercased() == e } }
                throw notYours(forSomeoneElse
                    ? "他の出席者（\(attendeeEmails.joined(separator: ", "))）の返信"
                    : "\(attendeeEmails.joined(separator: ", ")) はこの会議の出席者ではない")
            }
            guard meeting.status != .cancelled else {
                throw KasaneError.conflict("この会議は中止されています。返信は記録しません。")
            }
            guard reply.sequence <= meeting.sequence else {
                throw KasaneError.invalid(
                    field: "calendar", message: "SEQUENCE \(reply.sequence) はこの会議の最新（\(meeting.sequence)）より新しく、不正です。")
            }
            let staffId: Int64 = row["staffId"]
            switch reply.method {
            case .counter:
                guard let start = reply.proposedStart, let end = reply.proposedEnd, end > start else {
                    throw KasaneError.invalid(field: "calendar", message: "提案された時間（DTSTART / DTEND）が正しくありません。")
                }
                try db.execute(sql: """
                    INSERT INTO counterProposal (meetingId, staffId, proposedStart, proposedEnd, comment, sequence, receivedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [meeting.id, staffId, start, end, reply.comment, reply.sequence, now])
                return ReplyOutcome(
                    result: .counterRecorded, meetingId: meeting.id!, staffId: staffId, response: reply.response,
                    message: "別の日時の提案を記録しました。会議は変更していません（多機関協働の担当者が判断します）。")
            case .reply:
                let lastSequence: Int? = row["replySequence"]
                let lastStamp: Date? = row["replyStamp"]
                if let lastSequence, reply.sequence < lastSequence
                    || (reply.sequence == lastSequence && lastStamp.map { reply.dtstamp <= $0 } == true)
                {
                    note.detail = "古い返信のため無視"
                    let current = try String.fetchOne(
                        db, sql: "SELECT response FROM attendee WHERE meetingId = ? AND staffId = ?", arguments: [meeting.id, staffId])
                    return ReplyOutcome(
                        result: .ignoredAsStale, meetingId: meeting.id!, staffId: staffId,
                        response: AttendeeResponse(rawValue: current ?? "") ?? .needsAction,
                        message: "既に記録した返信より古い返信のため、無視しました。")
                }
                try db.execute(sql: """
                    UPDATE attendee SET response = ?, replySequence = ?, replyStamp = ?, respondedAt = ? WHERE meetingId = ? AND staffId = ?
                    """, arguments: [reply.response.rawValue, reply.sequence, reply.dtstamp, now, meeting.id, staffId])
                return ReplyOutcome(
                    result: .recorded, meetingId: meeting.id!, staffId: staffId, response: reply.response,
                    message: "返信（\(reply.response.japaneseName)）を記録しました。")
            }
        }
    }

    /// The one answer to a reply that is not the sender's to give: an unknown UID, a meeting
    /// they do not attend, another attendee's answer.
    static let replyNotYours = KasaneError.notFound(
        "この返信は取り込めません。Kasaneからご自身に届いた招待に、ご自身の出欠として返信してください。")

    /// Proposals of other times, for the coordinator.
    public func counterProposals(meetingId: Int64, for actor: Actor) async throws -> [CounterProposal] {
        try await audited(actor, "meeting.counters.read", target: "meeting:\(meetingId)") { db, note in
            try Access.require(.manageMeetings, actor)
            _ = try MeetingFunnel.visible(SQLiteWork(db: db), id: meetingId, for: actor, note: note)
            return try Row.fetchAll(db, sql: "SELECT * FROM counterProposal WHERE meetingId = ? ORDER BY id", arguments: [meetingId]).map {
                CounterProposal(
                    id: $0["id"], meetingId: $0["meetingId"], staffId: $0["staffId"], proposedStart: $0["proposedStart"],
                    proposedEnd: $0["proposedEnd"], comment: $0["comment"], sequence: $0["sequence"], receivedAt: $0["receivedAt"])
            }
        }
    }

    // MARK: feeds

    /// Issues (or renews) the staff member's feed token; the old one stops working.
    public func renewFeedToken(by actor: Actor) async throws -> String {
        try await audited(actor, "feed.renew", target: "feed") { db, note in
            guard let staff = actor.staff else {
                throw KasaneError.forbidden("フィードは職員ごとに発行します。")
            }
            let token = Secret.new()
            try db.execute(sql: """
                INSERT INTO feedToken (staffId, tokenHash, createdAt) VALUES (?, ?, ?)
                ON CONFLICT(staffId) DO UPDATE SET tokenHash = excluded.tokenHash, createdAt = excluded.createdAt
                """, arguments: [staff.id, Secret.hash(token), note.at])
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
        let found = try await reader.read { db -> Feed? in
            guard let staff = try Staff.fetchOne(db, sql: """
                SELECT staff.* FROM staff JOIN feedToken ON feedToken.staffId = staff.id
                WHERE feedToken.tokenHash = ? AND staff.active
                """, arguments: [Secret.hash(token)])
            else { return nil }
            let ids = try Int64.fetchAll(db, sql: """
                SELECT DISTINCT meeting.id FROM meeting JOIN attendee ON attendee.meetingId = meeting.id
                WHERE attendee.staffId = ? AND meeting.status != 'planned' AND meeting.endsAt > ?
                ORDER BY meeting.startsAt
                """, arguments: [staff.id, now.addingTimeInterval(-90 * 86400)])
            let invitations = try MeetingFunnel.renderings(SQLiteWork(db: db), meetingIds: ids).map { try MeetingFunnel.invitation($0, for: staff, now: now) }
            let marks = ids.map { _ in "?" }.joined(separator: ",")
            let lastChange = try Date.fetchOne(db, sql: """
                SELECT MAX(at) FROM (
                  SELECT MAX(createdAt) AS at FROM meetingChange WHERE meetingId IN (\(marks))
                  UNION ALL SELECT MAX(respondedAt) FROM attendee WHERE meetingId IN (\(marks)))
                """, arguments: StatementArguments(ids + ids)) ?? nil
            return Feed(
                staff: staff, invitations: invitations, etag: Self.fingerprint(invitations), lastModified: lastChange,
                version: try Self.dataVersion(db))
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
        try await writer.write { db in
            let stored = try Row.fetchOne(db, sql: "SELECT etag, changedAt FROM feedState WHERE staffId = ?", arguments: [staffId])
            let before: Date? = stored?["changedAt"]
            if let before, stored?["etag"] == etag { return before }
            var changed = (lastChange ?? now).timeIntervalSince1970.rounded(.up)
            if let before, changed <= before.timeIntervalSince1970 { changed = max(before.timeIntervalSince1970 + 1, now.timeIntervalSince1970.rounded(.up)) }
            let at = Date(timeIntervalSince1970: changed)
            try db.execute(sql: """
                INSERT INTO feedState (staffId, etag, changedAt) VALUES (?, ?, ?)
                ON CONFLICT(staffId) DO UPDATE SET etag = excluded.etag, changedAt = excluded.changedAt
                """, arguments: [staffId, etag, at])
            return at
        }
    }

    /// Who a feed token belongs to, and the data version now: enough to answer a feed
    /// from cache. nil for a token that is not (or no longer) valid.
    public func feedOwner(token: String) async throws -> (staff: Staff, version: Int64)? {
        guard Secret.wellFormed(token) else {
            return nil
        }
        return try await reader.read { db in
            guard let staff = try Staff.fetchOne(db, sql: """
                SELECT staff.* FROM staff JOIN feedToken ON feedToken.staffId = staff.id
                WHERE feedToken.tokenHash = ? AND staff.active
                """, arguments: [Secret.hash(token)])
            else { return nil }
            return (staff, try Self.dataVersion(db))
        }
    }

    /// Every read of a feed is audited, from cache or not.
    public func logFeedRead(by staff: Staff) async throws {
        try await writer.write { db in
            try Self.log(db, .staff(staff, from: "feed"), "feed.read", AuditNote(target: "feed", at: clock.now()), allowed: true)
        }
    }

    static func dataVersion(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT value FROM dataVersion WHERE id = 1") ?? 0
    }

    /// A weak validator of what a feed says: the same invitations give the same tag
    /// (only DTSTAMP, the time of writing, differs between two renderings).
    static func fingerprint(_ invitations: [Invitation]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .secondsSince1970
        let data = (try? encoder.encode(invitations)) ?? Data()
        return "W/\"" + SHA256.hash(data: data).prefix(16).map { String(format: "%02x", $0) }.joined() + "\""
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
