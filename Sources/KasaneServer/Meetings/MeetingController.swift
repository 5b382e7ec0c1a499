import KasaneApp
import Foundation
import HTTPTypes
import Hummingbird
import KasaneCore
import KasaneSQLite
import Logging
import NIOCore

/// /api/v1/meetings: meetings, their agenda and attendees, under the rules.
struct MeetingController {
    let database: AppDatabase

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get { _, context in JSONResponse(try await database.meetings(for: try context.actor())) }
        group.post { request, context in
            let input = try await JSON.decode(MeetingInput.self, from: request, context: context)
            return JSONResponse(try await database.createMeeting(input, by: try context.actor()), status: .created)
        }
        group.get(":id") { _, context in
            JSONResponse(try await database.meetingMaterial(id: try context.parameters.id("id"), for: try context.actor()))
        }
        group.put(":id") { request, context in
            let input = try await JSON.decode(MeetingChangeInput.self, from: request, context: context)
            return JSONResponse(try await database.updateMeeting(id: try context.parameters.id("id"), input, by: try context.actor()))
        }
        group.post(":id/cancellation") { request, context in
            let input = try await JSON.decode(CancellationInput.self, from: request, context: context)
            return JSONResponse(try await database.cancelMeeting(id: try context.parameters.id("id"), input, by: try context.actor()))
        }
        group.post(":id/held") { _, context in
            JSONResponse(try await database.markHeld(id: try context.parameters.id("id"), by: try context.actor()))
        }
        group.get(":id/visit") { _, context in
            JSONResponse(try await database.visitAddress(meetingId: try context.parameters.id("id"), for: try context.actor()))
        }
        group.get(":id/changes") { _, context in
            JSONResponse(try await database.meetingChanges(id: try context.parameters.id("id"), for: try context.actor()))
        }

        group.post(":id/items") { request, context in
            let input = try await JSON.decode(AgendaItemInput.self, from: request, context: context)
            let material = try await database.addItem(meetingId: try context.parameters.id("id"), input, by: try context.actor())
            return JSONResponse(material, status: .created)
        }
        group.put(":id/items/:itemId") { request, context in
            let input = try await JSON.decode(AgendaItemInput.self, from: request, context: context)
            return JSONResponse(try await database.updateItem(
                meetingId: try context.parameters.id("id"), itemId: try context.parameters.id("itemId"), input,
                by: try context.actor()))
        }
        group.delete(":id/items/:itemId") { _, context in
            JSONResponse(try await database.removeItem(
                meetingId: try context.parameters.id("id"), itemId: try context.parameters.id("itemId"), by: try context.actor()))
        }

        group.post(":id/attendees") { request, context in
            let input = try await JSON.decode(AttendeeInput.self, from: request, context: context)
            let material = try await database.addAttendee(meetingId: try context.parameters.id("id"), input, by: try context.actor())
            return JSONResponse(material, status: .created)
        }
        group.put(":id/attendees/:staffId") { request, context in
            let input = try await JSON.decode(AttendeeInput.self, from: request, context: context)
            return JSONResponse(try await database.updateAttendee(
                meetingId: try context.parameters.id("id"), staffId: try context.parameters.id("staffId"), input,
                by: try context.actor()))
        }
        group.delete(":id/attendees/:staffId") { request, context in
            JSONResponse(try await database.removeAttendee(
                meetingId: try context.parameters.id("id"), staffId: try context.parameters.id("staffId"),
                reason: request.uri.queryParameters.get("reason"), by: try context.actor()))
        }
    }
}
