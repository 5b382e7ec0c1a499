import Foundation
import HTTPTypes
import Hummingbird
import KasaneApp
import KasaneCore
import KasaneSQLite
import Logging
import NIOCore

/// /api/v1/staff and their pledges (守秘義務の確認)
struct StaffController {
    let database: AppDatabase

    struct Body: Decodable {
        let agencyId: Int64
        let name: String
        let email: String
        let roles: [StaffRole]
        let active: Bool?

        var staff: Staff { Staff(agencyId: agencyId, name: name, email: email, roles: roles, active: active ?? true) }
    }

    struct PledgeBody: Decodable {
        let pledgedOn: LocalDate
        let note: String?
    }

    func addRoutes(to group: RouterGroup<AppRequestContext>, pledges: RouterGroup<AppRequestContext>) {
        group.get { _, _ in JSONResponse(try await database.staffList()) }
        group.post { request, context in
            let body = try await JSON.decode(Body.self, from: request, context: context)
            return JSONResponse(try await database.createStaff(body.staff, by: try context.actor()), status: .created)
        }
        group.get(":id") { _, context in JSONResponse(try await database.staff(id: try context.parameters.id("id"))) }
        group.put(":id") { request, context in
            let id = try context.parameters.id("id")
            let body = try await JSON.decode(Body.self, from: request, context: context)
            return JSONResponse(try await database.updateStaff(id: id, with: body.staff, by: try context.actor()))
        }
        group.get(":id/pledges") { _, context in
            JSONResponse(try await database.pledges(staffId: try context.parameters.id("id")))
        }
        group.post(":id/pledges") { request, context in
            let id = try context.parameters.id("id")
            let body = try await JSON.decode(PledgeBody.self, from: request, context: context)
            let pledge = try await database.recordPledge(
                staffId: id, pledgedOn: body.pledgedOn, note: body.note, by: try context.actor())
            return JSONResponse(pledge, status: .created)
        }
        pledges.get { _, _ in JSONResponse(try await database.pledges()) }
    }
}
