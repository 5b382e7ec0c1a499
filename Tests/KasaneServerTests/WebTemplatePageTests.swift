import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KasaneApp
import KasaneCore
import KasaneDemo
import KasaneDocuments
import KasaneSQLite
import Testing

@testable import KasaneServer

@Suite("Web pages: the agendas and minutes templates")
struct WebTemplatePageTests {
    func upload(_ client: some TestClientProtocol, key: String, text: String, csrf: String, cookie: String) async throws -> TestResponse {
        let boundary = "----KasaneTemplateBoundary"
        let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\n\(key)\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.mustache\"\r\nContent-Type: text/plain\r\n\r\n\(text)\r\n"
            + "--\(boundary)--\r\n"
        return try await client.execute(
            uri: "/admin/templates", method: .post,
            headers: [.contentType: "multipart/form-data; boundary=\(boundary)", .cookie: cookie], body: ByteBuffer(string: body))
    }

    @Test("A template naming a field that does not exist is refused with its line and nothing changes; a good one is saved to the folder, used at once for the next agenda, and audited")
    func replaceTemplate() async throws {
        let app = try await DemoApp.make()
        let folder = FileManager.default.temporaryDirectory.appending(path: "kasane-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let shelf = TemplateShelf(folder: folder, templates: .builtIn)
        let cookies = try await app.signedIn([DemoSeed.administratorEmail, DemoSeed.coordinatorEmail, DemoSeed.secretariatEmail])
        let key = "markdown/agenda-supportMeeting"
        let meeting = try #require(try await app.database.meetings(for: .localOperator).first { $0.kind == .supportMeeting }).id
        try await app.test(templates: shelf) { client in
            let admin = cookies[DemoSeed.administratorEmail] ?? ""
            #expect(try await client.page("/admin/templates", cookie: cookies[DemoSeed.coordinatorEmail]).status == .notFound)
            let page = try await client.page("/admin/templates", cookie: admin)
            #expect(page.status == .ok && page.text.contains("支援会議の次第（Markdown）") && page.text.contains("組み込み"))
            let file = try await client.page("/admin/templates/file?key=\(key)", cookie: admin)
            #expect(file.headers[.contentDisposition]?.contains("markdown-agenda-supportMeeting.mustache") == true && file.text.contains("{{>header}}"))

            let bad = file.text + "\n{{householdName}}\n"
            let refused = try await upload(client, key: key, text: bad, csrf: csrfToken(page), cookie: admin)
            let line = bad.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("householdName") }! + 1
            #expect(refused.status == .badRequest && refused.text.contains("保存しませんでした") && refused.text.contains("\(line)行目"))
            #expect(!FileManager.default.fileExists(atPath: folder.appending(path: key + ".mustache").path))
            #expect(try await upload(client, key: key, text: file.text, csrf: "wrong", cookie: admin).status == .forbidden)

            let good = "# みなみ野市 支援会議 次第（市の様式）\n\n" + file.text
            let saved = try await upload(client, key: key, text: good, csrf: csrfToken(page), cookie: admin)
            #expect(saved.status == .ok && saved.text.contains("を保存しました"))
            #expect(try String(contentsOf: folder.appending(path: key + ".mustache"), encoding: .utf8) == good)
            #expect(try await client.page("/admin/templates", cookie: admin).text.contains("<td>自治体</td>"))
            // The next agenda uses it, without a restart.
            let agenda = try await client.page(
                "/meetings/\(meeting)/print/agenda?reading=distributed&format=markdown", cookie: cookies[DemoSeed.secretariatEmail])
            #expect(agenda.status == .ok && agenda.text.hasPrefix("# みなみ野市 支援会議 次第（市の様式）"), "\(agenda.status) \(agenda.text.prefix(200))")
        }
        let log = try await app.database.auditLog(AuditFilter(action: "templates"), for: .localOperator)
        #expect(log.contains { $0.target == "template:\(key)" && $0.allowed })
    }

    @Test("Without a folder the page checks a template but says it cannot keep it")
    func noFolder() async throws {
        let app = try await DemoApp.make()
        let cookies = try await app.signedIn([DemoSeed.administratorEmail])
        try await app.test { client in
            let admin = cookies[DemoSeed.administratorEmail] ?? ""
            let page = try await client.page("/admin/templates", cookie: admin)
            #expect(page.text.contains("フォルダの指定なし"))
            let file = try await client.page("/admin/templates/file?key=html/item", cookie: admin)
            let checked = try await upload(client, key: "html/item", text: file.text, csrf: csrfToken(page), cookie: admin)
            #expect(checked.status == .ok && checked.text.contains("保存していません"))
        }
    }
}
