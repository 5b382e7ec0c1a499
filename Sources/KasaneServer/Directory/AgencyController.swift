import Foundation
import HTTPTypes
import Hummingbird
import KasaneApp
import KasaneCore
import KasaneSQLite
import Logging
import NIOCore

/// /api/v1/agencies
struct AgencyController {
    let database: AppDatabase

    /// An agency as sent by a client: everything but the id.
    struct Body: Decodable {
        let code: String
        let name: String
        let kind: String
        let fields: [Field]
        let districts: [String]?
        let operation: AgencyOperation
        let department: String
        let defaultContactId: Int64?

        var agency: Agency {
            Agency(
                code: code, name: name, kind: kind, fields: fields, districts: districts ?? [], operation: operation,
                department: department, defaultContactId: defaultContactId)
        }
    }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get { _, _ in JSONResponse(try await database.agencies()) }
        group.post { request, context in
            let body = try await JSON.decode(Body.self, from: request, context: context)
            return JSONResponse(try await database.createAgency(body.agency, by: try context.actor()), status: .created)
        }
        group.get(":id") { _, context in
            JSONResponse(try await database.agency(id: try context.parameters.id("id")))
        }
        group.put(":id") { request, context in
            let id = try context.parameters.id("id")
            let body = try await JSON.decode(Body.self, from: request, context: context)
            return JSONResponse(try await database.updateAgency(id: id, with: body.agency, by: try context.actor()))
        }
        group.get(":id/staff") { _, context in
            let id = try context.parameters.id("id")
            _ = try await database.agency(id: id)
            return JSONResponse(try await database.staffList(agencyId: id))
        }
    }
}
