import Foundation
import KasaneCore
import Mustache

/// Markdown or printable HTML.
public enum DocumentFormat: String, Sendable, CaseIterable, Codable {
    case markdown
    case html
    case pdf

    /// The template folder a format reads (PDF prints the HTML).
    var folder: String { self == .markdown ? "markdown" : "html" }

    public var fileExtension: String { self == .markdown ? "md" : rawValue }

    public var contentType: String {
        switch self {
        case .markdown: "text/markdown; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        case .pdf: "application/pdf"
        }
    }
}

/// The templates agendas and minutes are rendered with: the built-in ones from
/// `Agendas/`, or a city's own folder laid out the same way (`markdown/`, `html/`),
/// each file checked before use. A city's folder with any problem is refused whole,
/// its problems listed by file and line, and the built-in templates stand in.
public struct DocumentTemplates: Sendable {
    /// Every template a format needs: one per document and meeting kind, and the partials.
    public static let required = [
        "agenda-supportMeeting", "agenda-multiLayeredSupportMeeting", "minutes-supportMeeting",
        "minutes-multiLayeredSupportMeeting", "header", "item", "attendance", "confidentiality",
    ]

    let libraries: [String: MustacheLibrary]
    /// Where the templates in use came from: 組み込み or the folder.
    public let source: String
    /// Why a city's folder was refused (empty when it is in use or none was given).
    public let problems: [TemplateProblem]

    public static let builtIn: DocumentTemplates = {
        // Cannot fail: the built-in templates are checked by the tests, and a build
        // whose templates do not check stops here in every test run.
        guard let t = try? compile(BuiltInAgendas.templates, source: "組み込み") else {
            fatalError("Agendas/ の組み込みテンプレートに誤りがあります: \(check(BuiltInAgendas.templates, label: { $0 }))")
        }
        return t
    }()

    /// Loads a city's folder, or the built-in templates when it is nil or has problems.
    public static func load(folder: URL?) -> DocumentTemplates {
        guard let folder else { return builtIn }
        var (texts, problems, own) = texts(in: folder)
        if own.isEmpty, problems.isEmpty {
            problems.append(TemplateProblem(file: folder.path, line: 0, message: "markdown/ と html/ にテンプレート（.mustache）がありません。"))
        }
        problems += check(texts, label: { "\(folder.path)/\($0).mustache" })
        guard problems.isEmpty, let city = try? compile(texts, source: folder.path) else {
            return DocumentTemplates(libraries: builtIn.libraries, source: builtIn.source, problems: problems)
        }
        return city
    }

    /// Every template a city may replace, as `format/name`.
    public static let keys: [String] = ["markdown", "html"].flatMap { format in required.map { "\(format)/\($0)" } } + ["html/style"]

    /// The built-in templates with a city's files laid over them, the problems of files that
    /// cannot be used, and the keys the folder's own files gave.
    static func texts(in folder: URL) -> (texts: [String: String], problems: [TemplateProblem], own: Set<String>) {
        var texts = BuiltInAgendas.templates
        var problems: [TemplateProblem] = []
        var own: Set<String> = []
        for format in ["markdown", "html"] {
            let dir = folder.appending(path: format)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for file in names.sorted() where file.hasSuffix(".mustache") {
                let name = String(file.dropLast(".mustache".count))
                guard keys.contains("\(format)/\(name)") else {
                    problems.append(TemplateProblem(file: "\(format)/\(file)", line: 1, message: "知らないテンプレート名です（\(required.joined(separator: "、"))）。"))
                    continue
                }
                let url = dir.appending(path: file)
                guard let data = try? Data(contentsOf: url), data.count <= maxSize, let text = String(data: data, encoding: .utf8) else {
                    problems.append(TemplateProblem(file: "\(format)/\(file)", line: 1, message: "UTF-8 の 256KB 以下のテキストとして読めません。"))
                    continue
                }
                texts["\(format)/\(name)"] = text
                own.insert("\(format)/\(name)")
            }
        }
        return (texts, problems, own)
    }

    /// The largest template file read or accepted.
    public static let maxSize = 256 * 1024

    /// Checks a set of templates (`markdown/agenda-supportMeeting` → text).
    static func check(_ texts: [String: String], label: @escaping (String) -> String) -> [TemplateProblem] {
        let root = FieldShape.of(DocumentView.sample)
        var problems: [TemplateProblem] = []
        for format in ["markdown", "html"] {
            let prefix = format + "/"
            let own = Dictionary(uniqueKeysWithValues: texts.filter { $0.key.hasPrefix(prefix) }.map { (String($0.key.dropFirst(prefix.count)), $0.value) })
            for name in required where own[name] == nil {
                problems.append(TemplateProblem(file: label(prefix + name), line: 0, message: "必要なテンプレートがありません。"))
            }
            let checker = TemplateCheck(root: root, templates: own, label: { label(prefix + $0) })
            for name in own.keys.sorted() {
                problems += TemplateMarkup.problems(own[name] ?? "", name: name, format: format, file: label(prefix + name))
                do {
                    _ = try MustacheTemplate(string: own[name] ?? "")
                } catch let error as MustacheTemplate.ParserError {
                    problems.append(TemplateProblem(file: label(prefix + name), line: error.context.lineNumber, message: "テンプレートの構文に誤りがあります（\(error.error)）。"))
                } catch {
                    problems.append(TemplateProblem(file: label(prefix + name), line: 0, message: "テンプレートを読めません（\(error)）。"))
                }
            }
            for name in required where own[name] != nil && (name.hasPrefix("agenda-") || name.hasPrefix("minutes-")) {
                problems += checker.check(name)
            }
        }
        var unique: [TemplateProblem] = []
        for p in problems where !unique.contains(p) { unique.append(p) }
        return unique
    }

    /// Compiles the documents of a checked set: each with its partials written into it (so the
    /// renderer never follows a partial, and a chain of them deeper than `TemplateCheck.maxDepth`
    /// or around in a circle cannot be compiled at all), under the content type of its format.
    static func compile(_ texts: [String: String], source: String) throws -> DocumentTemplates {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        var libraries: [String: MustacheLibrary] = [:]
        for format in ["markdown", "html"] {
            let prefix = format + "/"
            let own = Dictionary(uniqueKeysWithValues: texts.filter { $0.key.hasPrefix(prefix) }.map { (String($0.key.dropFirst(prefix.count)), $0.value) })
            var library = MustacheLibrary()
            for name in required where name.hasPrefix("agenda-") || name.hasPrefix("minutes-") {
                guard let text = own[name] else { throw TemplateInliner.Failure(message: "\(prefix)\(name) がありません。") }
                let pragma = format == "markdown" ? "{{% CONTENT_TYPE: MARKDOWN}}" : "{{% CONTENT_TYPE: HTML}}"
                library.register(try MustacheTemplate(string: pragma + (try TemplateInliner.inline(text, partials: own, chain: [name]))), named: name)
            }
            libraries[format] = library
        }
        return DocumentTemplates(libraries: libraries, source: source, problems: [])
    }

    /// Renders a document as Markdown or HTML (PDF: see `PDFPrinter`).
    public func render(_ doc: MeetingDocument, as format: DocumentFormat, today: LocalDate = LocalDate.today()) -> String {
        let kind = doc.kind == .supportMeeting ? "supportMeeting" : "multiLayeredSupportMeeting"
        let name = "\(doc.isMinutes ? "minutes" : "agenda")-\(kind)"
        return libraries[format.folder]?.render(DocumentView(doc, generatedOn: today), withTemplate: name) ?? ""
    }
}

/// Markdown output: what a value says stays text, never markup.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\`*_[]<>|#".contains(c) { out.append("\\") }
            out.append(c == "\n" ? " " : c)
        }
        return out
    }
}
