import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KasaneApp
import KasaneCore
import KasaneDemo
import KasaneSQLite
import NIOCore
import Testing

@testable import KasaneServer

@Suite("Web pages: the administrator's directory and CSV import")
struct WebAdminPageTests {
    /// A multipart/form-data body as a browser sends it for the import form.
    static func multipart(_ fields: [(name: String, file: String?, content: String)]) -> (String, ByteBuffer) {
        let boundary = "----KasaneTestBoundary7MA4YWxkTrZu0gW"
        var body = ""
        for f in fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(f.name)\""
            if let file = f.file { body += "; filename=\"\(file)\"\r\nContent-Type: text/csv" }
            body += "\r\n\r\n\(f.content)\r\n"
        }
        body += "--\(boundary)--\r\n"
        return ("multipart/form-data; boundary=\(boundary)", ByteBuffer(string: body))
    }

    @Test("A staff file with a bad row is refused whole on the page, every problem with its row and column, nothing stored; a good one imports; others get not found")
    func importPage() async throws {
        let app = try await DemoApp.make()
        let cookies = try await app.signedIn([DemoSeed.administratorEmail, DemoSeed.coordinatorEmail])
        let before = try await app.database.staffList().count
        try await app.test { client in
            let admin = cookies[DemoSeed.administratorEmail]
            let page = try await client.page("/admin/directory", cookie: admin)
            #expect(page.status == .ok && page.text.contains("enctype=\"multipart/form-data\"") && page.text.contains("相沢 美咲"))
            #expect(try await client.page("/admin/directory", cookie: cookies[DemoSeed.coordinatorEmail]).status == .notFound)

            let bad = """
                機関コード,氏名,メール,役割,守秘義務確認日,有効
                CSW,試験 一郎,shiken.ichiro@minamino.example.jp,構成員,2026-04-01,有効
                CSW,試験 二郎,shiken.jiro@minamino.example.jp,構成員,2026-02-30,有効
                CSW,試験 三郎,shiken.saburo@minamino.example.jp,構成員,2026-13-45,有効
                """
            func post(_ csv: String, csrf: String) async throws -> TestResponse {
                let (type, body) = Self.multipart([("csrf", nil, csrf), ("agencies", "", ""), ("staff", "staff.csv", csv)])
                return try await client.execute(
                    uri: "/admin/directory/import", method: .post, headers: [.contentType: type, .cookie: admin ?? ""], body: body)
            }
            let refused = try await post(bad, csrf: csrfToken(page))
            #expect(refused.status == .badRequest && refused.text.contains("何も保存していません"))
            #expect(refused.text.contains("3行目") && refused.text.contains("4行目") && refused.text.contains("守秘義務確認日"), "\(refused.text.firstMatch(of: /<table class="problems">[\s\S]*?<\/table>/)?.0 ?? "")")
            #expect(try await post(bad, csrf: "wrong").status == .forbidden)
            // A body that is not a readable form (the header byte that stopped multipart-kit, a truncated
            // body) carries no token: refused, nothing stored, and the service goes on.
            for raw in ["--XB\r\nCont\u{FF}ent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrfToken(page))\r\n--XB--\r\n",
                        "--XB\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrfToken(page))"] {
                let response = try await client.execute(
                    uri: "/admin/directory/import", method: .post,
                    headers: [.contentType: "multipart/form-data; boundary=XB", .cookie: admin ?? ""], body: ByteBuffer(string: raw))
                #expect(response.status == .forbidden)
            }
            #expect(try await client.page("/admin/directory", cookie: admin).status == .ok)

            let good = """
                機関コード,氏名,メール,役割,守秘義務確認日,有効
                CSW,試験 一郎,shiken.ichiro@minamino.example.jp,構成員,2026-04-01,有効
                """
            let imported = try await post(good, csrf: csrfToken(page))
            #expect(imported.status == .ok && imported.text.contains("取り込みました") && imported.text.contains("試験 一郎"))
        }
        #expect(try await app.database.staffList().count == before + 1)
    }
}
