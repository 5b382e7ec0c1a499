import KasaneApp
import Foundation
import HTTPTypes
import Hummingbird
import KasaneCore
import KasaneSQLite
import Logging
import NIOCore

/// /api/v1/cases, their assignments and households.
struct CaseController {
    let database: AppDatabase

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get { _, context in JSONResponse(try await database.cases(for: try context.actor())) }
        group.post { request, context in
            let input = try await JSON.decode(CaseInput.self, from: request, context: context)
            return JSONResponse(try await database.createCase(input, by: try context.actor()), status: .created)
        }
        group.get(":id") { _, context in
            JSONResponse(try await database.supportCase(id: try context.parameters.id("id"), for: try context.actor()))
        }
        group.put(":id") { request, context in
            let id = try context.parameters.id("id")
            let input = try await JSON.decode(CaseInput.self, from: request, context: context)
            return JSONResponse(try await database.updateCase(id: id, with: input, by: try context.actor()))
        }

        group.get(":id/assignments") { _, context in
            JSONResponse(try await database.assignments(caseId: try context.parameters.id("id"), for: try context.actor()))
        }
        group.put(":id/assignments/:agencyId") { request, context in
            struct Body: Decodable { let staffId: Int64 }
            let body = try await JSON.decode(Body.self, from: request, context: context)
            return JSONResponse(try await database.assign(
                caseId: try context.parameters.id("id"), agencyId: try context.parameters.id("agencyId"),
                staffId: body.staffId, by: try context.actor()))
        }

        group.get(":id/household") { _, context in
            JSONResponse(try await database.household(caseId: try context.parameters.id("id"), for: try context.actor()))
        }
        group.post(":id/household") { request, context in
            let input = try await JSON.decode(HouseholdMemberInput.self, from: request, context: context)
            let member = try await database.addHouseholdMember(
                caseId: try context.parameters.id("id"), input, by: try context.actor())
            return JSONResponse(member, status: .created)
        }
        group.put(":id/household/:memberId") { request, context in
            let input = try await JSON.decode(HouseholdMemberInput.self, from: request, context: context)
            return JSONResponse(try await database.updateHouseholdMember(
                caseId: try context.parameters.id("id"), memberId: try context.parameters.id("memberId"), input,
                by: try context.actor()))
        }
        group.get(":id/household/:memberId/personal") { _, context in
            JSONResponse(try await database.personalData(
                caseId: try context.parameters.id("id"), memberId: try context.parameters.id("memberId"),
                for: try context.actor()))
        }
    }
}
