import Foundation
import GRDB
import KasaneCore
import KasaneStorage

// Minutes versions, their words and the outbox's plain notices on SQLite. What is decided
// with them is the application's (KasaneApp/Minutes).

struct SQLiteMinutes: MinutesRepository {
    let db: Database

    func versions(meetingId: Int64) throws -> [MinutesVersionRecord] {
        try MinutesVersionRecord.filter(Column("meetingId") == meetingId).order(Column("version")).fetchAll(db)
    }

    func allVersions(meetingId: Int64?) throws -> [MinutesVersionRecord] {
        var request = MinutesVersionRecord.order(Column("meetingId"), Column("version"))
        if let meetingId { request = request.filter(Column("meetingId") == meetingId) }
        return try request.fetchAll(db)
    }

    func lastApproved(ofMeetingsStartingBefore instant: Date) throws -> [MinutesVersionRecord] {
        try MinutesVersionRecord.fetchAll(db, sql: """
            SELECT v.* FROM minutesVersion v JOIN meeting ON meeting.id = v.meetingId
            WHERE v.approvedAt IS NOT NULL AND meeting.startsAt < ?
              AND v.version = (SELECT MAX(version) FROM minutesVersion w WHERE w.meetingId = v.meetingId AND w.approvedAt IS NOT NULL)
            ORDER BY meeting.startsAt
            """, arguments: [instant])
    }

    func insert(_ version: MinutesVersionRecord) throws -> MinutesVersionRecord {
        try version.inserted(db)
    }

    func update(_ version: MinutesVersionRecord) throws { try version.update(db) }

    func texts(versionId: Int64) throws -> [MinutesTextRecord] {
        try MinutesTextRecord.filter(Column("versionId") == versionId).order(Column("itemId")).fetchAll(db)
    }

    func allTexts() throws -> [MinutesTextRecord] { try MinutesTextRecord.fetchAll(db) }

    func insert(_ text: MinutesTextRecord) throws {
        _ = try text.inserted(db)
    }

    func deleteTexts(versionId: Int64) throws {
        try db.execute(sql: "DELETE FROM minutesText WHERE versionId = ?", arguments: [versionId])
    }
}

struct SQLiteNotices: NoticeRepository {
    let db: Database

    func insert(staffId: Int64, email: String, subject: String, body: String, at: Date) throws {
        var notice = NoticeRow(staffId: staffId, email: email, subject: subject, body: body, createdAt: at)
        try notice.insert(db)
    }
}

/// Retention's reads and its one allowed change on SQLite; the triggers let an erasure through
/// only for what has passed its period on the engine's own day.
struct SQLiteRetention: RetentionRepository {
    let db: Database

    func engineToday() throws -> LocalDate? {
        try String.fetchOne(db, sql: "SELECT date('now', '+9 hours')").flatMap(LocalDate.init)
    }

    func unerasedTextCounts() throws -> [(meetingId: Int64, count: Int)] {
        try Row.fetchAll(db, sql: """
            SELECT meeting.id AS id, COUNT(*) AS texts FROM meeting
            JOIN minutesVersion v ON v.meetingId = meeting.id JOIN minutesText t ON t.versionId = v.id
            WHERE t.body IS NOT NULL AND v.approvedAt IS NOT NULL GROUP BY meeting.id ORDER BY meeting.startsAt
            """).map { ($0["id"], $0["texts"]) }
    }

    func unerasedTexts(caseId: Int64) throws -> [StoredText] {
        try texts(sql: """
            SELECT t.versionId, t.itemId, v.meetingId, s.code FROM minutesText t JOIN minutesVersion v ON v.id = t.versionId
            LEFT JOIN supportCase s ON s.id = t.caseId WHERE t.caseId = ? AND t.body IS NOT NULL
            """, caseId)
    }

    func unerasedTexts(meetingId: Int64) throws -> [StoredText] {
        try texts(sql: """
            SELECT t.versionId, t.itemId, v.meetingId, s.code FROM minutesText t JOIN minutesVersion v ON v.id = t.versionId
            LEFT JOIN supportCase s ON s.id = t.caseId WHERE v.meetingId = ? AND t.body IS NOT NULL
            """, meetingId)
    }

    private func texts(sql: String, _ id: Int64) throws -> [StoredText] {
        try Row.fetchAll(db, sql: sql, arguments: [id]).map {
            StoredText(meetingId: $0["meetingId"], versionId: $0["versionId"], itemId: $0["itemId"], caseCode: $0["code"])
        }
    }

    func erasePersonal(memberId: Int64) throws {
        try db.execute(sql: "DELETE FROM householdMemberPersonal WHERE memberId = ?", arguments: [memberId])
    }

    func eraseText(versionId: Int64, itemId: Int64, at now: Date) throws {
        try db.execute(
            sql: "UPDATE minutesText SET body = NULL, erasedAt = ? WHERE versionId = ? AND itemId = ?", arguments: [now, versionId, itemId])
    }
}
