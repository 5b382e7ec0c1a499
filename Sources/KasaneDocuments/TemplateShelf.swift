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
        let (texts, _, own) = folder.map(DocumentTemplates.texts(in:)) ?? (BuiltInAgendas.templates, [], [])
        return DocumentTemplates.keys.map { Entry(key: $0, text: texts[$0] ?? "", fromCity: own.contains($0)) }
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
    /// wrong and there is a folder, writes it there and swaps in the set it checked.
    public func save(key: String, data: Data) -> Outcome {
        guard DocumentTemplates.keys.contains(key) else {
            return .refused([TemplateProblem(file: key, line: 0, message: "知らないテンプレート名です。")])
        }
        guard data.count <= DocumentTemplates.maxSize, let text = String(data: data, encoding: .utf8), !text.isEmpty else {
            return .refused([TemplateProblem(file: key + ".mustache", line: 0, message: "空でない、UTF-8 の 256KB 以下のテキストファイルを選んでください。")])
        }
        // The folder as it is, with this file in place of its own (whose old problem, if any, it replaces).
        var (texts, problems, _) = folder.map(DocumentTemplates.texts(in:)) ?? (BuiltInAgendas.templates, [], [])
        problems.removeAll { $0.file == key + ".mustache" }
        texts[key] = text
        problems += DocumentTemplates.check(texts, label: { "\($0).mustache" })
        guard problems.isEmpty else { return .refused(problems) }
        guard let folder else { return .checkedOnly }
        // The set just checked is the set to use: compiled before anything is written.
        guard let checked = try? DocumentTemplates.compile(texts, source: folder.path) else {
            return .refused([TemplateProblem(file: key + ".mustache", line: 0, message: "テンプレートを組み立てられません。")])
        }
        let url = folder.appending(path: key + ".mustache")
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            return .refused([TemplateProblem(file: url.path, line: 0, message: "フォルダに書き込めません（\(error.localizedDescription)）。")])
        }
        held.withLock { $0 = checked }
        return .saved
    }
}
