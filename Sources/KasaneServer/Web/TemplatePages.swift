import Foundation
import HTTPTypes
import Hummingbird
import KasaneApp
import KasaneCore
import KasaneDocuments
import KasaneSQLite
import NIOCore

/// The administrator's page for the agendas and minutes templates: which are in use and
/// from where, each one's text to download, and a replacement uploaded for one of them.
/// The replacement is checked with the whole set by the same checker as start-up and
/// `kasane templates check`; a set with any problem is refused, every problem shown with
/// its file and line, and nothing changes.
struct TemplatePages {
    let database: AppDatabase
    let web: WebController
    let shelf: TemplateShelf

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("admin/templates") { request, _ in
            try await web.signedIn(request, may: .manageSettings) { s, _ in
                WebPages.page("templates", view(s, chosen: request.uri.queryParameters.get("key") ?? "", outcome: nil))
            }
        }
        router.get("admin/templates/file") { request, _ in
            try await web.signedIn(request, may: .manageSettings) { s, _ in
                let key = request.uri.queryParameters.get("key") ?? ""
                guard let entry = shelf.entries().first(where: { $0.key == key }) else { return web.notFound(s) }
                return WebPages.download(
                    entry.text, contentType: "text/plain; charset=utf-8", fileName: key.replacingOccurrences(of: "/", with: "-") + ".mustache")
            }
        }
        router.post("admin/templates") { request, context in
            try await web.uploaded(request, context, may: .manageSettings) { form, s, actor in
                let key = form["key"].map { String(decoding: $0, as: UTF8.self) } ?? ""
                let outcome = shelf.save(key: key, data: form["file"] ?? Data())
                if outcome == .saved { try await database.recordTemplateSaved(key, by: actor) }
                let status: HTTPResponse.Status = if case .refused = outcome { .badRequest } else { .ok }
                return WebPages.page("templates", view(s, chosen: key, outcome: outcome), status: status)
            }
        }
    }

    func view(_ s: WebSession, chosen: String, outcome: TemplateShelf.Outcome?) -> TemplatesView {
        let current = shelf.current
        var problems = current.problems
        var notice: String?
        switch outcome {
        case .saved?: notice = "「\(Self.label(chosen))」を保存しました。これからの次第・議事録はこのテンプレートで作られます。"
        case .checkedOnly?: notice = "誤りはありません。ただしテンプレートのフォルダが指定されていないため保存していません（kasane serve --agendas フォルダ で起動すると保存できます）。"
        case .refused(let found)?: problems = found
        case nil: break
        }
        let refused: Bool = if case .refused? = outcome { true } else { false }
        return TemplatesView(
            pageTitle: "次第・議事録のテンプレート", user: web.user(s), csrf: s.csrf,
            source: shelf.folder.map { "自治体のフォルダ（\($0.path)）と組み込み" } ?? "組み込みのテンプレートのみ（フォルダの指定なし）",
            startProblems: outcome == nil && !current.problems.isEmpty, notice: notice, refused: refused,
            hasProblems: !problems.isEmpty,
            problems: problems.map { TemplatesView.Problem(file: $0.file, line: $0.line > 0 ? "\($0.line)行目" : "", message: $0.message) },
            entries: shelf.entries().map { e in
                TemplatesView.Entry(key: e.key, label: Self.label(e.key), origin: e.fromCity ? "自治体" : "組み込み", selected: e.key == chosen)
            })
    }

    /// A template's name as a person reads it.
    static func label(_ key: String) -> String {
        let parts = key.split(separator: "/").map(String.init)
        guard parts.count == 2 else { return key }
        let format = parts[0] == "html" ? "印刷用HTML" : "Markdown"
        let name: String = switch parts[1] {
        case "agenda-supportMeeting": "支援会議の次第"
        case "agenda-multiLayeredSupportMeeting": "重層的支援会議の次第"
        case "minutes-supportMeeting": "支援会議の議事録"
        case "minutes-multiLayeredSupportMeeting": "重層的支援会議の議事録"
        case "header": "共通の見出し"
        case "item": "議題"
        case "attendance": "出欠"
        case "confidentiality": "守秘義務の注意書き"
        case "style": "スタイル"
        default: parts[1]
        }
        return "\(name)（\(format)）"
    }
}

struct TemplatesView {
    struct Problem { var file: String; var line: String; var message: String }
    struct Entry { var key: String; var label: String; var origin: String; var selected: Bool }
    var pageTitle: String
    var user: PageUser?
    var csrf: String
    var source: String
    var startProblems: Bool
    var notice: String?
    var refused: Bool
    var hasProblems: Bool
    var problems: [Problem]
    var entries: [Entry]
}
