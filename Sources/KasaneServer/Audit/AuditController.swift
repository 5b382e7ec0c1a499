import Foundation
import HTTPTypes
import Hummingbird
import KasaneApp
import KasaneCore
import KasaneSQLite
import Logging
import NIOCore

/// /api/v1/audit (JSON) and /api/v1/audit.csv: the audit log, for administrators.
/// Filters: staffId, caseCode, action (or its start, e.g. consent), from, to (YYYY-MM-DD, Japan), refusalsOnly=true, limit.
struct AuditController {
    let database: AppDatabase

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("audit") { request, context in
            JSONResponse(try await database.auditLog(try Self.filter(request), for: try context.actor()))
        }
        // The hash chain walked, and compared with heads published earlier (head=ID:HASH, repeatable).
        api.get("audit/verify") { request, context in
            JSONResponse(try await database.verifyAuditLog(published: try Self.heads(request), for: try context.actor()))
        }
        api.get("audit.csv") { request, context in
            let csv = try await database.auditLogCSV(try Self.filter(request), for: try context.actor())
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/csv; charset=utf-8",
                    .contentDisposition: "attachment; filename=\"kasane-audit.csv\"",
                ],
                body: .init(byteBuffer: ByteBuffer(string: csv)))
        }
    }

    /// The published heads a verification is asked to compare with.
    static func heads(_ request: Request) throws -> [ChainHead] {
        try request.uri.queryParameters.getAll("head").filter { !$0.isEmpty }.map { text in
            guard let head = ChainHead(text) else {
                throw KasaneError.invalid(field: "head", message: "head は 行番号:ハッシュ（64桁の16進）の形で指定してください。")
            }
            return head
        }
    }

    /// The filter of the API and of the administrator's page alike; an empty field (as a
    /// GET form sends it) means no filter.
    static func filter(_ request: Request) throws -> AuditFilter {
        let q = request.uri.queryParameters
        func text(_ name: String) -> String? { q.get(name).flatMap { $0.isEmpty ? nil : $0 } }
        func date(_ name: String, _ label: String) throws -> LocalDate? { try LocalDate.parse(text(name), field: name, label: label) }
        func int(_ name: String, _ label: String) throws -> Int64? {
            guard let text = text(name) else { return nil }
            guard let n = Int64(text) else { throw KasaneError.invalid(field: name, message: "\(label)は整数で指定してください。") }
            return n
        }
        return AuditFilter(
            staffId: try int("staffId", "職員"), caseCode: text("caseCode"), action: text("action"), from: try date("from", "開始日"), to: try date("to", "終了日"),
            refusalsOnly: q.get("refusalsOnly") == "true", limit: Int(try int("limit", "件数") ?? 1000))
    }
}
