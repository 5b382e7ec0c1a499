import Foundation
import HTTPTypes
import Hummingbird
import KasaneApp
import KasaneCore
import KasaneSQLite
import NIOCore

/// /api/v1/rooms: rooms meetings can book (administrator keeps them), and
/// /api/v1/schedule/book: booking a found time (coordinator).
struct RoomController {
    let database: AppDatabase

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("rooms") { _, _ in JSONResponse(try await database.rooms()) }
        api.post("rooms") { request, context in
            let room = try await JSON.decode(Room.self, from: request, context: context)
            return JSONResponse(try await database.createRoom(room, by: try context.actor()), status: .created)
        }
        api.get("rooms/:id") { _, context in JSONResponse(try await database.room(id: try context.parameters.id("id"))) }
        api.put("rooms/:id") { request, context in
            let room = try await JSON.decode(Room.self, from: request, context: context)
            return JSONResponse(try await database.updateRoom(id: try context.parameters.id("id"), with: room, by: try context.actor()))
        }
        api.post("schedule/book") { request, context in
            let input = try await JSON.decode(BookingRequest.self, from: request, context: context)
            return JSONResponse(try await database.book(input, by: try context.actor()), status: input.meetingId == nil ? .created : .ok)
        }
    }
}
