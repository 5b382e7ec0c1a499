import Foundation
import HTTPTypes
import HummingbirdTesting
import KasaneCore
import KasaneStore
import Testing

@testable import KasaneServer

@Suite("What every answer tells the browser: HSTS and __Host- cookies over https, no-store, locked-down documents")
struct SecurityHeaderTests {
    @Test("Over https every answer carries HSTS and the cookies are Secure __Host- cookies, which sign-in then uses; over http neither")
    func https() async throws {
        let app = try await DemoApp.make()
        try await app.test { client in
            let plain = try await client.page("/signin")
            #expect(plain.headers[.strictTransportSecurity] == nil)
            #expect(plain.headers[.setCookie]?.hasPrefix("kasane_presession=") == true && plain.headers[.setCookie]?.contains("Secure") == false)
        }
        var settings = try await app.database.settings()
        settings.baseURL = "https://kasane.minamino.example.jp"
        try await app.database.updateSettings(settings, by: .localOperator)
        _ = try await app.signedIn([DemoSeed.involvedMemberEmail])
        try await app.test { client in
            let page = try await client.page("/signin")
            #expect(page.headers[.strictTransportSecurity] == "max-age=31536000; includeSubDomains")
            let pre = try #require(page.headers[.setCookie])
            #expect(pre.hasPrefix("__Host-kasane_presession=") && pre.contains("; Secure") && pre.contains("Path=/") && !pre.contains("Domain"))
            let signedIn = try await client.preSessionForm("/signin", "/signin", ["email": DemoSeed.involvedMemberEmail, "password": "minamino-demo-2026"])
            #expect(signedIn.status == .seeOther)
            let session = try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix("__Host-kasane_session=") })
            #expect(session.contains("; Secure"))
            let home = try await client.page("/home", cookie: String(session.split(separator: ";")[0]))
            #expect(home.status == .ok && home.headers[.strictTransportSecurity] != nil)
            // The API and its errors too.
            #expect(try await client.send(.get, "/api/v1/me", token: app.member).headers[.strictTransportSecurity] != nil)
            #expect(try await client.send(.get, "/api/v1/me", token: nil).headers[.strictTransportSecurity] != nil)
        }
    }

    @Test("API answers are never stored; printed documents load, post and frame nothing, with nosniff and no referrer")
    func noStoreAndDocuments() async throws {
        let app = try await DemoApp.make()
        try await app.test { client in
            let cases = try await client.send(.get, "/api/v1/cases/\(app.seed.eightyFiftyCaseId)", token: app.coordinator)
            #expect(cases.status == .ok && cases.headers[.cacheControl] == "no-store")
            let refused = try await client.send(.get, "/api/v1/cases/\(app.seed.eightyFiftyCaseId)", token: app.outsider)
            #expect(refused.headers[.cacheControl] == "no-store")
            let meetings = try await client.send(.get, "/api/v1/meetings", token: app.secretariat).jsonArray()
            let held = try #require(meetings.first { $0["status"] as? String == "minutesApproved" }?["id"] as? Int)
            let doc = try await client.send(.get, "/api/v1/meetings/\(held)/minutes/document?reading=attendee&format=html", token: app.secretariat)
            #expect(doc.status == .ok)
            let csp = try #require(doc.headers[HTTPField.Name("Content-Security-Policy")!])
            for directive in ["default-src 'none'", "form-action 'none'", "frame-ancestors 'none'", "base-uri 'none'", "sandbox"] {
                #expect(csp.contains(directive), "\(directive)")
            }
            #expect(doc.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            #expect(doc.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
            #expect(doc.headers[.cacheControl] == "no-store")
        }
    }
}
