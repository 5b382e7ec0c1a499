import Foundation
import KasaneCore
import KasaneStorage

// Meeting rooms: registered and changed by the administrator, audited; a name is one room's.
// A room with meetings stays; it is retired with `active: false`.

extension TransactionalStorage {
    public func rooms() async throws -> [Room] {
        try await read { work in try work.rooms.rooms() }
    }

    public func room(id: Int64) async throws -> Room {
        try await read { work in try Rooms.room(work, id: id) }
    }

    /// Registers a room (administrator).
    public func createRoom(_ room: Room, by actor: Actor) async throws -> Room {
        try await audited(actor, "room.create", target: "room") { work, _ in
            try Access.require(.manageDirectory, actor)
            let r = try room.validated()
            try Rooms.refuseDuplicateName(work, r.name, except: nil)
            let stored = try work.rooms.insert(r)
            return stored
        }
    }

    /// Changes a room (administrator).
    public func updateRoom(id: Int64, with room: Room, by actor: Actor) async throws -> Room {
        try await audited(actor, "room.update", target: "room:\(id)") { work, _ in
            try Access.require(.manageDirectory, actor)
            _ = try Rooms.room(work, id: id)
            var r = try room.validated()
            r.id = id
            try Rooms.refuseDuplicateName(work, r.name, except: id)
            try work.rooms.update(r)
            return r
        }
    }
}

enum Rooms {
    static func room(_ work: any UnitOfWork, id: Int64) throws -> Room {
        guard let room = try work.rooms.room(id: id) else { throw KasaneError.notFound("部屋（ID \(id)）はありません。") }
        return room
    }

    static func refuseDuplicateName(_ work: any UnitOfWork, _ name: String, except id: Int64?) throws {
        if let other = try work.rooms.room(named: name), other.id != id {
            throw KasaneError.conflict("部屋「\(name)」はすでに登録されています（ID \(other.id ?? 0)）。")
        }
    }
}
