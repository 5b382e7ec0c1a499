import KasaneApp
import Foundation
import HTTPTypes
import Hummingbird
import KasaneCore
import KasaneSQLite
import NIOCore

/// /api/v1/schedule: finding a time (coordinator).
struct ScheduleController {
    let database: AppDatabase

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.post("schedule/search") { request, context in
            let input = try await JSON.decode(SlotSearchRequest.self, from: request, context: context)
            return JSONResponse(try await database.searchSlots(input, by: try context.actor()))
        }
    }
}
