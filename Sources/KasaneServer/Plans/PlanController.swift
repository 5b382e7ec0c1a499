import Foundation
import HTTPTypes
import Hummingbird
import KasaneApp
import KasaneCore
import KasaneSQLite
import NIOCore

/// Support plans, overdue reviews, resource gaps and the yearly figures. No route
/// changes a plan's state: decisions in approved minutes do (DOMAIN rule 8).
struct PlanController {
    let database: AppDatabase

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("cases/:id/plans") { _, context in
            JSONResponse(try await database.plans(caseId: try context.parameters.id("id"), for: try context.actor()))
        }
        api.post("cases/:id/plans") { request, context in
            let input = try await JSON.decode(PlanInput.self, from: request, context: context)
            return JSONResponse(try await database.createPlan(caseId: try context.parameters.id("id"), input, by: try context.actor()), status: .created)
        }
        api.post("cases/:id/reopening") { request, context in
            let input = try await JSON.decode(ReopenInput.self, from: request, context: context)
            return JSONResponse(try await database.reopenCase(caseId: try context.parameters.id("id"), input, by: try context.actor()))
        }
        api.put("plans/:id") { request, context in
            let input = try await JSON.decode(PlanInput.self, from: request, context: context)
            return JSONResponse(try await database.updatePlan(planId: try context.parameters.id("id"), input, by: try context.actor()))
        }
        api.get("plans/overdue") { request, context in
            let days = try DocumentQuery.int(request, "withinDays").map { Int($0) } ?? 14
            return JSONResponse(try await database.overdueReviews(withinDays: days, for: try context.actor()))
        }
        api.get("gaps") { request, context in
            let q = request.uri.queryParameters
            let status = try q.get("status").map { text -> GapStatus in
                guard let s = GapStatus(rawValue: text) else {
                    throw KasaneError.invalid(field: "status", message: "status は open・studying・project・resolved のいずれかです。")
                }
                return s
            }
            return JSONResponse(try await database.resourceGaps(
                status: status, field: q.get("field").map { Field($0) }, district: q.get("district"), for: try context.actor()))
        }
        api.put("gaps/:id") { request, context in
            let input = try await JSON.decode(GapUpdate.self, from: request, context: context)
            return JSONResponse(try await database.updateGap(id: try context.parameters.id("id"), input, by: try context.actor()))
        }
        api.get("figures") { request, context in
            JSONResponse(try await database.figures(fiscalYear: try Self.fiscalYear(request), by: try context.actor()))
        }
        api.get("figures.csv") { request, context in
            let year = try Self.fiscalYear(request)
            let figures = try await database.figures(fiscalYear: year, by: try context.actor())
            return Response(
                status: .ok,
                headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"figures-FY\(year).csv\""],
                body: .init(byteBuffer: ByteBuffer(string: figures.csv)))
        }
    }

    static func fiscalYear(_ request: Request) throws -> Int {
        guard let year = try DocumentQuery.int(request, "fiscalYear") else {
            throw KasaneError.invalid(field: "fiscalYear", message: "年度（fiscalYear=2026 など）を指定してください。")
        }
        return Int(year)
    }
}
