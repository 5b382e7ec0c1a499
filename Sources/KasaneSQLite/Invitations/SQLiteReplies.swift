import Foundation
import GRDB
import KasaneCore
import KasaneStorage

// Members' answers and their feeds on SQLite. What is decided with them is the application's
// (KasaneApp/Invitations/Replies.swift, Feeds.swift).

struct SQLiteReplies: ReplyRepository {
    let db: Database

    func meeting(uid: String) throws -> Meeting? { try Meeting.filter(Column("uid") == uid).fetchOne(db) }

    func attendees(meetingId: Int64) throws -> [AttendeeReplyState] {
        try Row.fetchAll(db, sql: """
            SELECT attendee.staffId, staff.email, attendee.response, attendee.replySequence, attendee.replyStamp
            FROM attendee JOIN staff ON staff.id = attendee.staffId WHERE attendee.meetingId = ? ORDER BY attendee.id
            """, arguments: [meetingId]).map { row in
            AttendeeReplyState(
                staffId: row["staffId"], email: row["email"], response: AttendeeResponse(rawValue: row["response"] ?? "") ?? .needsAction,
                replySequence: row["replySequence"], replyStamp: row["replyStamp"])
        }
    }

    func recordReply(meetingId: Int64, staffId: Int64, response: AttendeeResponse, sequence: Int, stamp: Date, at now: Date) throws {
        try db.execute(sql: """
            UPDATE attendee SET response = ?, replySequence = ?, replyStamp = ?, respondedAt = ? WHERE meetingId = ? AND staffId = ?
            """, arguments: [response.rawValue, sequence, stamp, now, meetingId, staffId])
    }

    func insert(_ c: CounterProposal) throws {
        try db.execute(sql: """
            INSERT INTO counterProposal (meetingId, staffId, proposedStart, proposedEnd, comment, sequence, receivedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [c.meetingId, c.staffId, c.proposedStart, c.proposedEnd, c.comment, c.sequence, c.receivedAt])
    }

    func counters(meetingId: Int64) throws -> [CounterProposal] {
        try Row.fetchAll(db, sql: "SELECT * FROM counterProposal WHERE meetingId = ? ORDER BY id", arguments: [meetingId]).map {
            CounterProposal(
                id: $0["id"], meetingId: $0["meetingId"], staffId: $0["staffId"], proposedStart: $0["proposedStart"],
                proposedEnd: $0["proposedEnd"], comment: $0["comment"], sequence: $0["sequence"], receivedAt: $0["receivedAt"])
        }
    }
}

struct SQLiteFeeds: FeedRepository {
    let db: Database

    func replaceToken(staffId: Int64, hash: String, at: Date) throws {
        try db.execute(sql: """
            INSERT INTO feedToken (staffId, tokenHash, createdAt) VALUES (?, ?, ?)
            ON CONFLICT(staffId) DO UPDATE SET tokenHash = excluded.tokenHash, createdAt = excluded.createdAt
            """, arguments: [staffId, hash, at])
    }

    func staff(feedTokenHash: String) throws -> Staff? {
        try Staff.fetchOne(db, sql: """
            SELECT staff.* FROM staff JOIN feedToken ON feedToken.staffId = staff.id
            WHERE feedToken.tokenHash = ? AND staff.active
            """, arguments: [feedTokenHash])
    }

    func meetingIds(feedOf staffId: Int64, endingAfter instant: Date) throws -> [Int64] {
        try Int64.fetchAll(db, sql: """
            SELECT DISTINCT meeting.id FROM meeting JOIN attendee ON attendee.meetingId = meeting.id
            WHERE attendee.staffId = ? AND meeting.status != 'planned' AND meeting.endsAt > ?
            ORDER BY meeting.startsAt
            """, arguments: [staffId, instant])
    }

    func lastChange(meetingIds ids: [Int64]) throws -> Date? {
        guard !ids.isEmpty else { return nil }
        let marks = ids.map { _ in "?" }.joined(separator: ",")
        return try Date.fetchOne(db, sql: """
            SELECT MAX(at) FROM (
              SELECT MAX(createdAt) AS at FROM meetingChange WHERE meetingId IN (\(marks))
              UNION ALL SELECT MAX(respondedAt) FROM attendee WHERE meetingId IN (\(marks)))
            """, arguments: StatementArguments(ids + ids)) ?? nil
    }

    func dataVersion() throws -> Int64 { try Int64.fetchOne(db, sql: "SELECT value FROM dataVersion WHERE id = 1") ?? 0 }

    func shown(staffId: Int64) throws -> (etag: String, changedAt: Date)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT etag, changedAt FROM feedState WHERE staffId = ?", arguments: [staffId]) else {
            return nil
        }
        return (row["etag"], row["changedAt"])
    }

    func saveShown(staffId: Int64, etag: String, changedAt: Date) throws {
        try db.execute(sql: """
            INSERT INTO feedState (staffId, etag, changedAt) VALUES (?, ?, ?)
            ON CONFLICT(staffId) DO UPDATE SET etag = excluded.etag, changedAt = excluded.changedAt
            """, arguments: [staffId, etag, changedAt])
    }
}
