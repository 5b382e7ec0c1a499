import Foundation
import KasaneApp
import KasaneCore
import KasaneSQLite
import Testing

@Suite("Web sign-in: one-time links, passwords, sessions, lockout")
struct WebSignInTests {
    /// The token at the end of a link's URL.
    func token(_ link: SignInLink) -> String { String(link.url.split(separator: "=").last ?? "") }

    /// A city whose sessions are tested by themselves, without the second factor (tested apart).
    func cityWithoutSecondFactor() async throws -> TestCity {
        let city = try await TestCity.make()
        var settings = try await city.db.settings()
        settings.secondFactorRequired = false
        try await city.db.updateSettings(settings, by: .localOperator)
        return city
    }

    @Test("An administrator's one-time link sets a password once; the link goes to the person's own address")
    func links() async throws {
        let city = try await TestCity.make()
        await #expect { try await city.db.issueSignInLink(email: "north@city.example.jp", by: city.coordinator) } throws: { isForbidden($0) }
        var link = try await city.db.issueSignInLink(email: "north@city.example.jp", by: city.administrator)
        // The administrator is not shown the link: it goes to the person's own address only.
        #expect(link.url.isEmpty)
        let notices = try await city.db.unmailedNotices()
        #expect(notices.count == 1 && notices[0].email == "north@city.example.jp")
        link.url = try #require(notices[0].body.firstMatch(of: /http:\/\/127\.0\.0\.1:8080\/set-password\?token=[A-Za-z0-9]+/)).0.description
        // Too short, then right; then the link is used up.
        await #expect(throws: KasaneError.self) { try await city.db.setPassword(linkToken: token(link), password: "short") }
        try await city.db.setPassword(linkToken: token(link), password: "みなみ野の桜並木2026")
        await #expect { try await city.db.setPassword(linkToken: token(link), password: "もう一度設定したい2026") } throws: { isNotFound($0) }
        // An expired link is refused too.
        let old = try await city.db.at(Date().addingTimeInterval(-80 * 3600)).issueSignInLink(email: "north@city.example.jp", by: .localOperator)
        await #expect { try await city.db.setPassword(linkToken: token(old), password: "みなみ野の桜並木2027") } throws: { isNotFound($0) }
        await #expect { try await city.db.issueSignInLink(email: "nobody@city.example.jp", by: city.administrator) } throws: { isNotFound($0) }
    }

    @Test("Sign-in gives a session with a CSRF token; it ends when idle, at its absolute limit, on sign-out, and everywhere")
    func sessions() async throws {
        let city = try await cityWithoutSecondFactor()
        let link = try await city.db.issueSignInLink(email: "north@city.example.jp", by: .localOperator)
        try await city.db.setPassword(linkToken: token(link), password: "correct horse battery")
        let t0 = Date()
        let s = try await city.db.at(t0).signIn(email: "North@City.example.jp", password: "correct horse battery", origin: "127.0.0.1")
        #expect(s.staff.email == "north@city.example.jp" && s.csrf.count >= 32 && s.id != s.csrf)
        #expect(try await city.db.at(t0.addingTimeInterval(29 * 60)).webSession(id: s.id)?.csrf == s.csrf)
        // Used 29 minutes in, so alive at 58; idle for 31 minutes after that, gone.
        #expect(try await city.db.at(t0.addingTimeInterval(58 * 60)).webSession(id: s.id) != nil)
        #expect(try await city.db.at(t0.addingTimeInterval(89 * 60 + 30)).webSession(id: s.id) == nil)
        // The absolute limit holds however busy the session is.
        let busy = try await city.db.at(t0).signIn(email: "north@city.example.jp", password: "correct horse battery", origin: "127.0.0.1")
        var t = t0
        while t < t0.addingTimeInterval(11.9 * 3600) {
            t = t.addingTimeInterval(20 * 60)
            _ = try await city.db.at(t).webSession(id: busy.id)
        }
        #expect(try await city.db.at(t0.addingTimeInterval(12 * 3600 + 1)).webSession(id: busy.id) == nil)
        // Sign-out ends one; everywhere ends all.
        let a = try await city.db.signIn(email: "north@city.example.jp", password: "correct horse battery", origin: "a")
        let b = try await city.db.signIn(email: "north@city.example.jp", password: "correct horse battery", origin: "b")
        try await city.db.signOut(id: a.id)
        #expect(try await city.db.webSession(id: a.id) == nil)
        #expect(try await city.db.webSession(id: b.id) != nil)
        let c = try await city.db.signIn(email: "north@city.example.jp", password: "correct horse battery", origin: "c")
        try await city.db.signOut(id: c.id, everywhere: true)
        #expect(try await city.db.webSession(id: b.id) == nil)
        #expect(try await city.db.webSession(id: "nonsense") == nil)
    }

    @Test("Wrong address and wrong password get the same answer; five failures lock the address, audited")
    func lockout() async throws {
        let city = try await cityWithoutSecondFactor()
        let link = try await city.db.issueSignInLink(email: "north@city.example.jp", by: .localOperator)
        try await city.db.setPassword(linkToken: token(link), password: "correct horse battery")
        let t0 = Date()
        var messages: Set<String> = []
        for email in ["nobody@city.example.jp", "south@city.example.jp"] {  // unknown; known without a password
            do { _ = try await city.db.at(t0).signIn(email: email, password: "correct horse battery", origin: "x") } catch let e as KasaneError { messages.insert(e.message) }
        }
        for i in 0..<5 {
            do {
                _ = try await city.db.at(t0.addingTimeInterval(Double(i))).signIn(email: "north@city.example.jp", password: "wrong \(i) password", origin: "x")
            } catch let e as KasaneError { if i == 0 { messages.insert(e.message) } }
        }
        #expect(messages == ["メールアドレスまたはパスワードが違います。"])
        // Locked: even the right password is refused, until the window has passed.
        await #expect { try await city.db.at(t0.addingTimeInterval(60)).signIn(email: "north@city.example.jp", password: "correct horse battery", origin: "x") } throws: { e in
            (e as? KasaneError)?.message.contains("15分間") == true
        }
        #expect(try await city.db.at(t0.addingTimeInterval(16 * 60)).signIn(email: "north@city.example.jp", password: "correct horse battery", origin: "x").staff.email == "north@city.example.jp")
        let log = try await city.db.auditLog(AuditFilter(refusalsOnly: true), for: city.administrator)
        #expect(log.filter { $0.action == "auth.signIn" }.count >= 8)
        #expect(log.contains { $0.action == "auth.signIn" && $0.detail == "ロックアウト中" })
    }

    @Test("One client cannot sweep the addresses nor lock someone else out; many failures everywhere pause sign-in; each row names the client")
    func limitsPerClient() async throws {
        let city = try await cityWithoutSecondFactor()
        for email in ["north@city.example.jp", "south@city.example.jp"] {
            let link = try await city.db.issueSignInLink(email: email, by: .localOperator)
            try await city.db.setPassword(linkToken: token(link), password: "correct horse battery")
        }
        let t0 = Date()
        // An attacker at 198.51.100.7 tries four passwords on each address: stopped after ten failures, for every address.
        var tried = 0
        for email in ["north@city.example.jp", "mental@city.example.jp", "coord@city.example.jp"] {
            for i in 0..<4 {
                _ = try? await city.db.at(t0.addingTimeInterval(Double(tried))).signIn(email: email, password: "guess \(i) password", origin: "198.51.100.7")
                tried += 1
            }
        }
        await #expect {
            try await city.db.at(t0.addingTimeInterval(30)).signIn(email: "south@city.example.jp", password: "correct horse battery", origin: "198.51.100.7")
        } throws: { ($0 as? KasaneError)?.message.contains("この端末から") == true }
        // North, at her own desk, is not locked out by it (four failures on her address elsewhere).
        let own = try await city.db.at(t0.addingTimeInterval(31)).signIn(email: "north@city.example.jp", password: "correct horse battery", origin: "192.0.2.10")
        #expect(own.staff.email == "north@city.example.jp")
        // Locking her out everywhere takes many clients: 25 failures for her address, from five clients.
        for n in 0..<25 {
            _ = try? await city.db.at(t0.addingTimeInterval(100 + Double(n) * 3)).signIn(email: "north@city.example.jp", password: "guess password \(n)", origin: "203.0.113.\(n % 5)")
        }
        await #expect {
            try await city.db.at(t0.addingTimeInterval(200)).signIn(email: "north@city.example.jp", password: "correct horse battery", origin: "192.0.2.10")
        } throws: { ($0 as? KasaneError)?.message.contains("このアドレスでは") == true }
        // Sixty failures within a minute anywhere pause sign-in for everyone, briefly.
        let t1 = t0.addingTimeInterval(3600)
        for n in 0..<60 {
            _ = try? await city.db.at(t1.addingTimeInterval(Double(n) / 2)).signIn(email: "user\(n)@elsewhere.example", password: "guess password", origin: "198.18.0.\(n)")
        }
        await #expect {
            try await city.db.at(t1.addingTimeInterval(40)).signIn(email: "south@city.example.jp", password: "correct horse battery", origin: "192.0.2.99")
        } throws: { ($0 as? KasaneError)?.message.contains("しばらく") == true }
        #expect(try await city.db.at(t1.addingTimeInterval(120)).signIn(email: "south@city.example.jp", password: "correct horse battery", origin: "192.0.2.99").staff.email == "south@city.example.jp")
        let log = try await city.db.auditLog(AuditFilter(action: "auth.signIn", limit: 10_000), for: city.administrator)
        #expect(log.contains { $0.origin == "web 198.51.100.7" && $0.detail == "端末のロックアウト中" })
        #expect(log.contains { $0.origin == "web 192.0.2.10" && $0.allowed })
        #expect(log.allSatisfy { $0.origin.hasPrefix("web ") })
    }
}
