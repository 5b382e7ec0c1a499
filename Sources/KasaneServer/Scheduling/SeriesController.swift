import KasaneApp
import Foundation
import HTTPTypes
import Hummingbird
import KasaneCore
import KasaneSQLite
import NIOCore

/// /api/v1/series: 定例, standing meetings made from a rule (coordinator).
struct SeriesController {
    let database: AppDatabase

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.post("series") { request, context in
            let input = try await JSON.decode(SeriesInput.self, from: request, context: context)
            return JSONResponse(try await database.createSeries(input, by: try context.actor()), status: .created)
        }
        api.get("series/:id") { _, context in
            JSONResponse(try await database.series(id: try context.parameters.id("id"), for: try context.actor()))
        }
        api.post("series/:id/cancellation") { request, context in
            let input = try await JSON.decode(CancellationInput.self, from: request, context: context)
            return JSONResponse(try await database.cancelSeries(id: try context.parameters.id("id"), input, by: try context.actor()))
        }
    }
}
