import Foundation
import GRDB
import KasaneCore

extension AppDatabase {
    public func rooms() async throws -> [Room] {
        try await reader.read { db in try Room.order(Column("name")).fetchAll(db) }
    }

    public func room(id: Int64) async throws -> Room {
        try await reader.read { db in try Self.room(db, id: id) }
    }

    /// Registers a room (administrator).
    public func createRoom(_ room: Room, by actor: Actor) async throws -> Room {
        try await audited(actor, "room.create", target: "room") { db, _ in
            try Access.require(.manageDirectory, actor)
            var r = try room.validated()
            r.id = nil
            try Self.refuseDuplicateRoomName(db, r.name, except: nil)
            try r.insert(db)
            return r
        }
    }

    /// Changes a room (administrator). A room with meetings stays: retire it with `active: false`.
    public func updateRoom(id: Int64, with room: Room, by actor: Actor) async throws -> Room {
        try await audited(actor, "room.update", target: "room:\(id)") { db, _ in
            try Access.require(.manageDirectory, actor)
            _ = try Self.room(db, id: id)
            var r = try room.validated()
            r.id = id
            try Self.refuseDuplicateRoomName(db, r.name, except: id)
            try r.update(db)
            return r
        }
    }

    static func room(_ db: Database, id: Int64) throws -> Room {
        guard let room = try Room.fetchOne(db, key: id) else { throw KasaneError.notFound("部屋（ID \(id)）はありません。") }
        return room
    }

    static func refuseDuplicateRoomName(_ db: Database, _ name: String, except id: Int64?) throws {
        if let other = try Room.filter(Column("name") == name).fetchOne(db), other.id != id {
            throw KasaneError.conflict("部屋「\(name)」はすでに登録されています（ID \(other.id ?? 0)）。")
        }
    }

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
