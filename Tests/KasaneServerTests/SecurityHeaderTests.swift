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
            let id = String(session.split(separator: ";")[0].split(separator: "=", maxSplits: 1)[1])
            try await app.passSecondFactor(try #require(try await app.database.pendingSession(id: id)))
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

@Suite("Requests refused before anyone is known are counted, not each logged; past a limit they get 429")
struct UnauthenticatedLogTests {
    @Test("Two hundred bad tokens from one client in a minute: the first logged at once, 429 past the limit, one row with the count")
    func counted() async throws {
        let app = try await DemoApp.make()
        let db = app.database
        let before = try await db.auditLog(AuditFilter(action: "auth", limit: 100_000), for: .localOperator).count
        let refusals = UnauthenticatedLog(database: db)
        let router = buildRouter(database: db, postman: nil, templates: TemplateShelf(folder: nil, templates: .builtIn), refusals: refusals)
        let statuses = Box()
        try await Application(router: router).test(.router) { client in
            var seen: [UInt] = []
            for _ in 0..<200 {
                seen.append(UInt(try await client.send(.get, "/api/v1/cases", token: "not-a-token").status.code))
            }
            statuses.value = seen.map(String.init).joined(separator: ",")
        }
        let codes = statuses.value.split(separator: ",").compactMap { Int($0) }
        #expect(codes.prefix(120).allSatisfy { $0 == 401 } && codes.dropFirst(120).allSatisfy { $0 == 429 })
        var rows = try await db.auditLog(AuditFilter(action: "auth", limit: 100_000), for: .localOperator)
        #expect(rows.count == before + 1, "only the first is written at once")
        try await refusals.flush(all: true)
        rows = try await db.auditLog(AuditFilter(action: "auth", limit: 100_000), for: .localOperator)
        #expect(rows.count == before + 2)
        #expect(rows.first?.detail?.contains("1分間に200件") == true && rows.first?.detail?.contains("80件は429") == true)
        // The minute over, the client is answered again (and the next refusal written at once).
        try await Application(router: router).test(.router) { client in
            let status = try await client.send(.get, "/api/v1/cases", token: "still-not-a-token").status
            #expect(status == .unauthorized)
        }
    }
}

@Suite("The client address: the socket's peer, or the address a trusted proxy forwarded for")
struct ClientAddressTests {
    @Test("X-Forwarded-For is believed only from a proxy the settings trust, and then its nearest untrusted hop")
    func forwarded() {
        let trusted = ["10.0.0.5", "10.0.0.6"]
        #expect(RequestSettingsMiddleware.client(peer: "198.51.100.7", forwardedFor: ["1.2.3.4"], trusted: trusted) == "198.51.100.7")
        #expect(RequestSettingsMiddleware.client(peer: "10.0.0.5", forwardedFor: ["1.2.3.4, 192.0.2.10"], trusted: trusted) == "192.0.2.10")
        #expect(RequestSettingsMiddleware.client(peer: "10.0.0.5", forwardedFor: ["192.0.2.10, 10.0.0.6"], trusted: trusted) == "192.0.2.10")
        #expect(RequestSettingsMiddleware.client(peer: "10.0.0.5", forwardedFor: [], trusted: trusted) == "10.0.0.5")
        #expect(RequestSettingsMiddleware.client(peer: "10.0.0.5", forwardedFor: ["=cmd|' /C calc'!A0"], trusted: trusted) == "10.0.0.5")
        #expect(RequestSettingsMiddleware.client(peer: "10.0.0.5", forwardedFor: ["2001:db8::1"], trusted: trusted) == "2001:db8::1")
    }
}
