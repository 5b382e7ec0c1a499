import Foundation
import HTTPTypes
import Hummingbird
import KasaneApp
import KasaneCore
import KasaneSQLite
import NIOCore

/// /api/v1/me/busy: a member's own calendar, as busy time for scheduling. Each member
/// uploads and sees only their own; the upload itself is not kept.
struct BusyController {
    let database: AppDatabase

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("me/busy") { _, context in JSONResponse(try await database.busySummary(for: try context.actor())) }
        // The .ics exported from Outlook, Google or Thunderbird (text/calendar).
        api.put("me/busy") { request, context in
            let buffer = try await RequestBody.read(request, kind: .upload, limits: context.limits)
            guard let text = String(bytes: buffer.readableBytesView, encoding: .utf8), !text.isEmpty else {
                throw KasaneError.invalid(field: "calendar", message: "本文が空か、UTF-8 の iCalendar（.ics）ではありません。")
            }
            return JSONResponse(try await BusyImporter.importCalendar(text, into: database, by: try context.actor()))
        }
        api.delete("me/busy") { _, context in JSONResponse(try await database.clearBusy(by: try context.actor())) }
    }
}
