import Foundation
import GRDB
import KasaneCore

// Rooms are registered and changed by the application (KasaneApp, Rooms.swift); a booking
// is checked here, inside the change that makes it.
extension AppDatabase {
    /// Refuses to book `roomId` from `start` to `end` when it is retired or another
    /// meeting (not cancelled) holds it then, naming that meeting. The database's
    /// trigger refuses the same, so a race cannot slip past this check.
    static func checkRoom(_ db: Database, roomId: Int64, start: Date, end: Date, excluding meetingId: Int64?) throws -> Room {
        guard let room = try Room.fetchOne(db, key: roomId) else {
            throw KasaneError.invalid(field: "roomId", message: "部屋（ID \(roomId)）はありません。")
        }
        guard room.active else { throw KasaneError.conflict("部屋「\(room.name)」は使われなくなっています。") }
        guard !room.online else { return room }
        let settings = try settings(db)
        if let other = try Meeting.filter(
            sql: "roomId = ? AND status != 'cancelled' AND startsAt < ? AND endsAt > ? AND id IS NOT ?",
            arguments: [roomId, end, start, meetingId]).fetchOne(db)
        {
            let f = DateFormatter()
            f.locale = Locale(identifier: "ja_JP")
            f.timeZone = .tokyo
            f.dateFormat = "M月d日 H:mm"
            let endTime = DateFormatter()
            endTime.timeZone = .tokyo
            endTime.dateFormat = "H:mm"
            throw KasaneError.conflict(
                "部屋「\(room.name)」は、その時間に「\(other.title(settings))」（\(f.string(from: other.startsAt))〜\(endTime.string(from: other.endsAt))）で使われています。")
        }
        return room
    }
}
