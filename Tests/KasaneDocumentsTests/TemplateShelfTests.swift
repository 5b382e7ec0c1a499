import Foundation
import Testing

@testable import KasaneDocuments

@Suite("The template shelf: a replacement checked with the city's whole folder")
struct TemplateShelfTests {
    @Test("A folder with a file it cannot use refuses the replacement before anything is written; once that file is gone the replacement is saved and in use")
    func folderProblemsRefuseFirst() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "kasane-shelf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appending(path: "markdown"), withIntermediateDirectories: true)
        let stray = folder.appending(path: "markdown/agenda-old.mustache")
        try Data("古い様式".utf8).write(to: stray)
        let shelf = TemplateShelf(folder: folder, templates: .builtIn)
        let key = "markdown/header"
        let text = (BuiltInAgendas.templates[key] ?? "") + "\n（市の様式）\n"
        let target = folder.appending(path: key + ".mustache")

        guard case .refused(let problems) = shelf.save(key: key, data: Data(text.utf8)) else {
            Issue.record("a folder with an unknown file must refuse")
            return
        }
        #expect(problems.contains { $0.file == "markdown/agenda-old.mustache" && $0.message.contains("知らないテンプレート名") })
        #expect(!FileManager.default.fileExists(atPath: target.path))
        #expect(shelf.current.source == DocumentTemplates.builtIn.source)

        try FileManager.default.removeItem(at: stray)
        #expect(shelf.save(key: key, data: Data(text.utf8)) == .saved)
        #expect(try String(contentsOf: target, encoding: .utf8) == text)
        #expect(shelf.current.source == folder.path)
        #expect(shelf.entries().first { $0.key == key } == TemplateShelf.Entry(key: key, text: text, fromCity: true))
    }
}
