import KasaneApp
import Foundation
import HTTPTypes
import Hummingbird
import KasaneCore
import KasaneSQLite
import NIOCore

/// /api/v1/polls: 日程調整. The coordinator opens, closes and books; each member asked
/// answers ○△× for themselves and sees counts, not others' names.
struct PollController {
    let database: AppDatabase

    struct Booking: Decodable {
        let slotId: Int64
        let roomId: Int64?
        let place: String?
    }

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("polls") { _, context in JSONResponse(try await database.polls(for: try context.actor())) }
        api.post("polls") { request, context in
            let input = try await JSON.decode(PollInput.self, from: request, context: context)
            return JSONResponse(try await database.createPoll(input, by: try context.actor()), status: .created)
        }
        api.get("polls/:id") { _, context in
            JSONResponse(try await database.poll(id: try context.parameters.id("id"), for: try context.actor()))
        }
        api.put("polls/:id/answers") { request, context in
            let input = try await JSON.decode(PollAnswersInput.self, from: request, context: context)
            return JSONResponse(try await database.answerPoll(id: try context.parameters.id("id"), input, by: try context.actor()))
        }
        api.post("polls/:id/close") { _, context in
            JSONResponse(try await database.closePoll(id: try context.parameters.id("id"), by: try context.actor()))
        }
        api.post("polls/:id/booking") { request, context in
            let input = try await JSON.decode(Booking.self, from: request, context: context)
            return JSONResponse(
                try await database.bookPoll(
                    id: try context.parameters.id("id"), slotId: input.slotId, roomId: input.roomId, place: input.place, by: try context.actor()),
                status: .created)
        }
    }
}
