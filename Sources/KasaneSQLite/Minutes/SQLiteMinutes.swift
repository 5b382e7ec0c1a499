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
        var v = version
        try v.insert(db)
        return v
    }

    func update(_ version: MinutesVersionRecord) throws { try version.update(db) }

    func texts(versionId: Int64) throws -> [MinutesTextRecord] {
        try MinutesTextRecord.filter(Column("versionId") == versionId).order(Column("itemId")).fetchAll(db)
    }

    func allTexts() throws -> [MinutesTextRecord] { try MinutesTextRecord.fetchAll(db) }

    func insert(_ text: MinutesTextRecord) throws {
        var t = text
        try t.insert(db)
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
