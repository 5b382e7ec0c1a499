import Foundation
import Synchronization

/// The agendas and minutes templates a running service renders with, and the city's
/// folder they come from. An administrator's replacement for one template is checked
/// together with all the others; only a set with no problem is written to the folder,
/// and then the whole set is swapped at once, so a render never sees half of a change.
public final class TemplateShelf: Sendable {
    public let folder: URL?
    private let held: Mutex<DocumentTemplates>

    public init(folder: URL?, templates: DocumentTemplates) {
        self.folder = folder
        held = Mutex(templates)
    }

    public var current: DocumentTemplates { held.withLock { $0 } }

    /// One template as the page lists it: its text now, and whether the city's folder has it.
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var text: String
        public var fromCity: Bool
    }

    public func entries() -> [Entry] {
        let city = folder.map { DocumentTemplates.texts(in: $0) }
        return DocumentTemplates.keys.map { key in
            let own = folder.flatMap { f in try? String(contentsOf: f.appending(path: key + ".mustache"), encoding: .utf8) }
            return Entry(key: key, text: own ?? city?.texts[key] ?? BuiltInAgendas.templates[key] ?? "", fromCity: own != nil)
        }
    }

    public enum Outcome: Sendable, Equatable {
        /// Written to the folder and in use from now on.
        case saved
        /// Checked and found good, but there is no folder to keep it in.
        case checkedOnly
        /// Refused: nothing written, the templates in use unchanged.
        case refused([TemplateProblem])
    }

    /// Checks `data` as the template `key` with the rest of the city's set; when nothing is
    /// wrong and there is a folder, writes it there and swaps in the reloaded set.
    public func save(key: String, data: Data) -> Outcome {
        guard DocumentTemplates.keys.contains(key) else {
            return .refused([TemplateProblem(file: key, line: 0, message: "知らないテンプレート名です。")])
        }
        guard data.count <= DocumentTemplates.maxSize, let text = String(data: data, encoding: .utf8), !text.isEmpty else {
            return .refused([TemplateProblem(file: key + ".mustache", line: 0, message: "空でない、UTF-8 の 256KB 以下のテキストファイルを選んでください。")])
        }
        var texts = folder.map { DocumentTemplates.texts(in: $0).texts } ?? BuiltInAgendas.templates
        texts[key] = text
        let problems = DocumentTemplates.check(texts, label: { "\($0).mustache" })
        guard problems.isEmpty else { return .refused(problems) }
        guard let folder else { return .checkedOnly }
        let url = folder.appending(path: key + ".mustache")
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            return .refused([TemplateProblem(file: url.path, line: 0, message: "フォルダに書き込めません（\(error.localizedDescription)）。")])
        }
        let reloaded = DocumentTemplates.load(folder: folder)
        guard reloaded.problems.isEmpty else { return .refused(reloaded.problems) }
        held.withLock { $0 = reloaded }
        return .saved
    }
}
