import Foundation
import GRDB
import KasaneApp
import KasaneCore
import KasaneStorage

extension OutgoingMessage: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "outgoingMessage"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension AppDatabase {
    /// Sends the invitations of a planned meeting: a REQUEST to every attendee but the chair,
    /// who is its ORGANIZER. From then on, every change sends updates and cancellations by itself.
    public func sendInvitations(meetingId: Int64, by actor: Actor) async throws -> [OutgoingMessage] {
        try await audited(actor, "meeting.invite", target: "meeting:\(meetingId)") { db, note in
            let now = note.at
            try Access.require(.manageMeetings, actor)
            var loaded = try MeetingFunnel.visible(SQLiteWork(db: db), id: meetingId, for: actor, note: note)
            guard loaded.meeting.status == .planned else {
                throw KasaneError.conflict(
                    "\(loaded.meeting.status.japaneseName)の会議には招集を送れません（変更は自動で送られます）。")
            }
            loaded.meeting.status = .invited
            try loaded.meeting.update(db)
            try SQLiteWork(db: db).meetings.markChangesDelivered(meetingId: meetingId, at: now)
            let r = try MeetingFunnel.rendering(SQLiteWork(db: db), loaded)
            // The chair is the ORGANIZER: the invitation comes from them, not to them.
            return try loaded.attendees.filter { $0.staffId != loaded.meeting.chairId }.map { a in
                try MeetingFunnel.enqueue(SQLiteWork(db: db), r, staffId: a.staffId, method: .request, now: now)
            }
        }
    }

    /// Every message of a meeting, for the coordinator.
    public func messages(meetingId: Int64, for actor: Actor) async throws -> [OutgoingMessage] {
        try await audited(actor, "meeting.messages.read", target: "meeting:\(meetingId)") { db, note in
            try Access.require(.manageMeetings, actor)
            _ = try MeetingFunnel.visible(SQLiteWork(db: db), id: meetingId, for: actor, note: note)
            return try OutgoingMessage.filter(Column("meetingId") == meetingId).order(Column("id")).fetchAll(db)
        }
    }

    /// Messages not yet handed to the mail system.
    public func unmailedMessages() async throws -> [OutgoingMessage] {
        try await reader.read { db in try OutgoingMessage.filter(Column("mailedAt") == nil).order(Column("id")).fetchAll(db) }
    }

    public func markMailed(_ id: Int64) async throws {
        let at = clock.now()
        try await writer.write { db in
            try db.execute(sql: "UPDATE outgoingMessage SET mailedAt = ? WHERE id = ?", arguments: [at, id])
        }
    }
}
