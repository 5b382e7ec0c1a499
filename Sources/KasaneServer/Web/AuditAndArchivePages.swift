import Foundation
import HTTPTypes
import Hummingbird
import KasaneApp
import KasaneCore
import KasaneSQLite
import NIOCore

/// The administrator's audit log, filtered as `/api/v1/audit` is (the same filter is read
/// from the same query), with its CSV; and the secretariat's yearly archive download, the
/// same zip as `POST /api/v1/archives`.
struct AuditAndArchivePages {
    let database: AppDatabase
    let web: WebController
    let documents: MinutesController

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("admin/audit") { request, _ in
            try await web.signedIn(request, may: .readAuditLog) { s, actor in
                let q = request.uri.queryParameters
                let staff = try await database.staffList()
                let names = Dictionary(uniqueKeysWithValues: staff.compactMap { m in m.id.map { ($0, m.name) } })
                var view = AuditView(
                    pageTitle: "監査ログ", user: web.user(s), staffOptions: staff.compactMap { m in
                        m.id.map { Option(value: String($0), label: m.name, selected: q.get("staffId") == String($0)) }
                    },
                    caseCode: q.get("caseCode") ?? "", action: q.get("action") ?? "", from: q.get("from") ?? "", to: q.get("to") ?? "",
                    refusalsOnly: q.get("refusalsOnly") == "true", query: Self.query(request), rows: [], shown: 0, hasRows: false, error: nil)
                do {
                    var filter = try AuditController.filter(request)
                    filter.limit = min(filter.limit, 500)
                    view.rows = try await database.auditLog(filter, for: actor).map { e in
                        AuditView.Row(
                            at: WebController.moment(e.at), who: e.staffId.flatMap { names[$0] } ?? "（サインインなし）", origin: e.origin,
                            action: e.action, target: e.target, caseCode: e.caseCode ?? "", result: e.allowed ? "許可" : "拒否",
                            refused: !e.allowed, detail: e.detail ?? "")
                    }
                    view.shown = view.rows.count
                    view.hasRows = !view.rows.isEmpty
                    return WebPages.page("audit", view)
                } catch let error as KasaneError {
                    if case .forbidden = error { throw error }
                    view.error = WebPages.plain(error.message)
                    return WebPages.page("audit", view, status: .badRequest)
                }
            }
        }
        router.get("admin/audit/verify") { request, _ in
            try await web.signedIn(request, may: .readAuditLog) { s, actor in
                do {
                    let report = try await database.verifyAuditLog(published: try AuditController.heads(request), for: actor)
                    return WebPages.page("message", MessageView(
                        pageTitle: "監査ログの検証", user: web.user(s), heading: report.ok ? "改変はありません" : "改変が見つかりました",
                        message: (report.problem ?? "\(report.rows)行のハッシュの連鎖はすべて一致しました。")
                            + (report.head.map { "　現在の先頭: 行 \($0.id)（\($0.hash.prefix(16))…）" } ?? ""),
                        link: "/admin/audit", linkText: "監査ログへ"), status: report.ok ? .ok : .conflict)
                } catch let error as KasaneError {
                    if case .forbidden = error { throw error }
                    return WebPages.page("message", MessageView(
                        pageTitle: "監査ログの検証", user: web.user(s), heading: "検証できません", message: WebPages.plain(error.message),
                        link: "/admin/audit", linkText: "監査ログへ"), status: .badRequest)
                }
            }
        }
        router.get("admin/audit.csv") { request, _ in
            try await web.signedIn(request, may: .readAuditLog) { _, actor in
                let csv = try await database.auditLogCSV(try AuditController.filter(request), for: actor)
                return WebPages.download(csv, contentType: "text/csv; charset=utf-8", fileName: "kasane-audit.csv")
            }
        }
        router.get("archive") { request, _ in
            try await web.signedIn(request, may: .writeMinutes) { s, _ in
                WebPages.page("archive", ArchiveView(s, web: web, error: nil))
            }
        }
        router.post("archive") { request, context in
            try await web.posted(request, context, may: .writeMinutes) { form, s, actor in
                do {
                    guard let year = form["fiscalYear"].flatMap({ Int($0) }) else {
                        throw KasaneError.invalid(field: "fiscalYear", message: "年度を選んでください。")
                    }
                    return try await documents.archive(fiscalYear: year, by: actor)
                } catch let error as KasaneError {
                    if case .forbidden = error { throw error }
                    return WebPages.page("archive", ArchiveView(s, web: web, error: WebPages.plain(error.message)), status: .badRequest)
                }
            }
        }
    }

    /// The filter as given, to carry to the CSV link.
    static func query(_ request: Request) -> String {
        let q = request.uri.queryParameters
        let pairs: [String] = ["staffId", "caseCode", "action", "from", "to", "refusalsOnly"].compactMap { name in
            guard let value = q.get(name), !value.isEmpty else { return nil }
            return "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? "")"
        }
        return pairs.joined(separator: "&")
    }
}

struct AuditView {
    struct Row {
        var at: String; var who: String; var origin: String; var action: String; var target: String; var caseCode: String
        var result: String; var refused: Bool; var detail: String
    }
    var pageTitle: String
    var user: PageUser?
    var staffOptions: [Option]
    var caseCode: String
    var action: String
    var from: String
    var to: String
    var refusalsOnly: Bool
    var query: String
    var rows: [Row]
    var shown: Int
    var hasRows: Bool
    var error: String?
}

struct ArchiveView {
    var pageTitle = "年度の保存（アーカイブ）"
    var user: PageUser?
    var csrf: String
    var years: [Option]
    var error: String?

    init(_ s: WebSession, web: WebController, error: String?) {
        user = web.user(s)
        csrf = s.csrf
        let current = web.database.clock.today().fiscalYear()
        years = (current - 5...current).reversed().map { y in
            Option(value: String(y), label: JapaneseEra.fiscalYearName(y) + "（\(y)年度）", selected: y == current)
        }
        self.error = error
    }
}
