import Foundation
import HTTPTypes
import Hummingbird
import KasaneCore
import KasaneStore
import Logging
import NIOCore

/// /api/v1/audit (JSON) and /api/v1/audit.csv: the audit log, for administrators.
/// Filters: staffId, caseCode, from, to (YYYY-MM-DD, Japan), refusalsOnly=true, limit.
struct AuditController {
    let database: AppDatabase

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("audit") { request, context in
            JSONResponse(try await database.auditLog(try filter(request), for: try context.actor()))
        }
        api.get("audit.csv") { request, context in
            let csv = try await database.auditLogCSV(try filter(request), for: try context.actor())
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/csv; charset=utf-8",
                    .contentDisposition: "attachment; filename=\"kasane-audit.csv\"",
                ],
                body: .init(byteBuffer: ByteBuffer(string: csv)))
        }
    }

    func filter(_ request: Request) throws -> AuditFilter {
        let q = request.uri.queryParameters
        func date(_ name: String) throws -> LocalDate? { try LocalDate.parse(q.get(name), field: name, label: name) }
        func int(_ name: String) throws -> Int64? {
            guard let text = q.get(name) else { return nil }
            guard let n = Int64(text) else { throw KasaneError.invalid(field: name, message: "\(name) は整数で指定してください。") }
            return n
        }
        return AuditFilter(
            staffId: try int("staffId"), caseCode: q.get("caseCode"), from: try date("from"), to: try date("to"),
            refusalsOnly: q.get("refusalsOnly") == "true", limit: Int(try int("limit") ?? 1000))
    }
}
