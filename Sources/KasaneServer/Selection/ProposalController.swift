import KasaneApp
import Foundation
import HTTPTypes
import Hummingbird
import KasaneCore
import KasaneSQLite
import Logging
import NIOCore

/// /api/v1/proposals: member proposals for a meeting's cases.
struct ProposalController {
    let database: AppDatabase

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post { request, context in
            let input = try await JSON.decode(ProposalRequest.self, from: request, context: context)
            return JSONResponse(try await database.proposeMembers(input, by: try context.actor()), status: .created)
        }
        group.get(":id") { _, context in
            JSONResponse(try await database.proposal(id: try context.parameters.id("id"), for: try context.actor()))
        }
    }
}
