import Foundation
import Hummingbird
import KasaneApp
import KasaneCore
import KasaneSQLite
import NIOCore

/// The administrator's pages: the directory (agencies and staff) and its CSV import.
/// A file with a bad row is refused whole, and every problem is shown with its file,
/// row and column; nothing is stored. The same `importDirectory` as the API; the file form
/// is read by `FormData`.
struct AdminPages {
    let database: AppDatabase
    let web: WebController

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("admin/directory") { request, _ in
            try await web.signedIn(request, may: .manageDirectory) { s, _ in
                WebPages.page("directory", try await directory(s, report: nil, problems: []))
            }
        }
        router.post("admin/directory/import") { request, context in
            try await web.uploaded(request, context, may: .manageDirectory) { form, s, actor in
                let agencies = form["agencies"].flatMap { $0.isEmpty ? nil : $0 }
                let staff = form["staff"].flatMap { $0.isEmpty ? nil : $0 }
                do {
                    let report = try await database.importDirectory(agenciesCSV: agencies, staffCSV: staff, by: actor)
                    return WebPages.page("directory", try await directory(s, report: report.summary, problems: []))
                } catch KasaneError.rejectedRows(let problems) {
                    return WebPages.page("directory", try await directory(s, report: nil, problems: problems), status: .badRequest)
                } catch let error as KasaneError {
                    return WebPages.page(
                        "directory", try await directory(s, report: nil, problems: [RowProblem(row: 0, message: WebPages.plain(error.message))]),
                        status: .badRequest)
                }
            }
        }
    }

    func directory(_ s: WebSession, report: String?, problems: [RowProblem]) async throws -> DirectoryView {
        let agencies = try await database.agencies()
        let names = Dictionary(uniqueKeysWithValues: agencies.compactMap { a in a.id.map { ($0, a.name) } })
        let staff = try await database.staffList()
        let pledged = Set(try await database.pledges().map(\.staffId))
        return DirectoryView(
            pageTitle: "機関・職員", user: web.user(s), csrf: s.csrf, report: report,
            problems: problems.map { p in
                DirectoryView.Problem(file: p.file ?? "", row: p.row > 0 ? "\(p.row)行目" : "", column: p.column ?? "", message: p.message)
            },
            hasProblems: !problems.isEmpty,
            agencies: agencies.map { a in
                DirectoryView.AgencyRow(code: a.code, name: a.name, kind: a.kind, fields: a.fields.map(\.rawValue).joined(separator: "・"),
                                        districts: a.districts.isEmpty ? "市内全域" : a.districts.joined(separator: "・"))
            },
            staff: staff.map { m in
                DirectoryView.StaffRow(
                    id: m.id ?? 0, name: m.name, agency: names[m.agencyId] ?? "", roles: m.roles.map(\.japaneseName).joined(separator: "・"),
                    pledge: m.id.map(pledged.contains) == true ? "記録あり" : "なし", active: m.active ? "有効" : "無効")
            })
    }
}

struct DirectoryView {
    struct Problem { var file: String; var row: String; var column: String; var message: String }
    struct AgencyRow { var code: String; var name: String; var kind: String; var fields: String; var districts: String }
    struct StaffRow { var id: Int64; var name: String; var agency: String; var roles: String; var pledge: String; var active: String }
    var pageTitle: String
    var user: PageUser?
    var csrf: String
    var report: String?
    var problems: [Problem]
    var hasProblems: Bool
    var agencies: [AgencyRow]
    var staff: [StaffRow]
}
