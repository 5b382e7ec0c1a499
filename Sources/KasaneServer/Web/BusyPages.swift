import Foundation
import Hummingbird
import KasaneApp
import KasaneCore
import KasaneSQLite

/// A member's own calendar as busy time for scheduling: upload the .ics exported from
/// Outlook, Google or Thunderbird, see what is held, or clear it. The same `BusyImporter`
/// and `clearBusy` as `/api/v1/me/busy`; a file that cannot be read is refused with the
/// reason and what was held before stays.
struct BusyPages {
    let database: AppDatabase
    let web: WebController

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("me/busy") { request, _ in
            try await web.signedIn(request) { s, actor in
                let notice: String? = request.uri.queryParameters.get("done") == "cleared" ? "予定を消しました。" : nil
                return try await page(s, actor: actor, notice: notice, error: nil)
            }
        }
        router.post("me/busy") { request, context in
            try await web.uploaded(request, context) { form, s, actor in
                do {
                    guard let file = form["calendar"], !file.isEmpty, let text = String(data: file, encoding: .utf8) else {
                        throw KasaneError.invalid(field: "calendar", message: "ファイルが選ばれていないか、UTF-8 の iCalendar（.ics）ではありません。")
                    }
                    let summary = try await BusyImporter.importCalendar(text, into: database, by: actor)
                    return try await page(s, actor: actor, notice: "予定を取り込みました（予定\(summary.events)件）。", error: nil, summary: summary)
                } catch let error as KasaneError {
                    if case .forbidden = error { throw error }
                    return try await page(s, actor: actor, notice: nil, error: WebPages.plain(error.message), status: .badRequest)
                }
            }
        }
        router.post("me/busy/clear") { request, context in
            try await web.posted(request, context) { _, _, actor in
                _ = try await database.clearBusy(by: actor)
                return WebPages.redirect("/me/busy?done=cleared")
            }
        }
    }

    func page(
        _ s: WebSession, actor: Actor, notice: String?, error: String?, summary given: BusySummary? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let summary = if let given { given } else { try await database.busySummary(for: actor) }
        func day(_ d: Date?) -> String { d.map { JapaneseEra.dateName(LocalDate.inTokyo($0)) } ?? "" }
        let view = BusyView(
            pageTitle: "予定の取り込み", user: web.user(s), csrf: s.csrf, notice: notice, error: error,
            held: summary.importedAt != nil,
            imported: summary.importedAt.map { WebController.moment($0, weekday: true) } ?? "",
            window: "\(day(summary.windowStart))〜\(day(summary.windowEnd))", events: summary.events, intervals: summary.intervals,
            notices: summary.notices)
        return WebPages.page("busy", view, status: status)
    }
}

struct BusyView {
    var pageTitle: String
    var user: PageUser?
    var csrf: String
    var notice: String?
    var error: String?
    var held: Bool
    var imported: String
    var window: String
    var events: Int
    var intervals: Int
    var notices: [String]
}
