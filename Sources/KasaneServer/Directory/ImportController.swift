import Foundation
import HTTPTypes
import Hummingbird
import KasaneApp
import KasaneCore
import KasaneSQLite
import Logging
import NIOCore

/// POST /api/v1/import/agencies and /api/v1/import/staff: a CSV file as the body
/// (Content-Type: text/csv). A file with bad rows is refused whole, row by row.
struct ImportController {
    let database: AppDatabase

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("agencies") { request, context in
            let data = try await csv(request, context)
            return JSONResponse(try await database.importDirectory(agenciesCSV: data, staffCSV: nil, by: try context.actor()))
        }
        group.post("staff") { request, context in
            let data = try await csv(request, context)
            return JSONResponse(try await database.importDirectory(agenciesCSV: nil, staffCSV: data, by: try context.actor()))
        }
    }

    private func csv(_ request: Request, _ context: AppRequestContext) async throws -> Data {
        let buffer = try await RequestBody.read(request, kind: .upload, limits: context.limits)
        guard buffer.readableBytes > 0 else {
            throw KasaneError.invalid(field: "file", message: "CSVファイルの中身がありません。")
        }
        return Data(buffer.readableBytesView)
    }
}
