import Foundation
import GRDB
import HummingbirdOTP
import KasaneApp
import KasaneCore
import KasaneSQLite
import Testing

@Suite("The second factor: TOTP for every role that reads cases")
struct SecondFactorTests {
    func signIn(_ city: TestCity, _ email: String, now: Date = Date()) async throws -> WebSession {
        try await city.db.at(now).signIn(email: email, password: "correct horse battery", origin: "192.0.2.1")
    }

    func code(_ city: TestCity, _ email: String, at date: Date) async throws -> String {
        let staff = try await city.db.staff(email: email)
        let secret = try await city.db.reader.read { db in try String.fetchOne(db, sql: "SELECT secret FROM totpCredential WHERE staffId = ?", arguments: [staff.id]) }
        return String(format: "%06d", TOTP(secret: secret ?? "").compute(date: date))
    }

    func setPasswords(_ city: TestCity, _ emails: [String]) async throws {
        for email in emails {
            let link = try await city.db.issueSignInLink(email: email, by: .localOperator)
            try await city.db.setPassword(linkToken: String(link.url.split(separator: "=").last ?? ""), password: "correct horse battery")
        }
    }

    @Test("A member must enrol before anything opens; each code is taken once; the administrator's role needs none unless set")
    func enrolAndCodes() async throws {
        let city = try await TestCity.make()
        try await setPasswords(city, ["north@city.example.jp", "admin@city.example.jp"])
        let t0 = Date()
        let first = try await signIn(city, "north@city.example.jp", now: t0)
        #expect(first.secondFactor == "enrol")
        #expect(try await city.db.at(t0).webSession(id: first.id) == nil, "half way, the session opens nothing")
        let enrolment = try await city.db.at(t0).enrolment(sessionId: first.id)
        #expect(enrolment.url.hasPrefix("otpauth://totp/Kasane") && enrolment.url.contains("secret=\(enrolment.secret)") && enrolment.url.contains("issuer=Kasane"))
        #expect(enrolment.secret.count == 32 && enrolment.secret.allSatisfy { $0.isUppercase || $0.isNumber })
        // The same secret until confirmed.
        #expect(try await city.db.at(t0).enrolment(sessionId: first.id).secret == enrolment.secret)
        await #expect(throws: KasaneError.self) { try await city.db.at(t0).confirmEnrolment(sessionId: first.id, code: "000000", origin: "x") }
        let recovery = try await city.db.at(t0).confirmEnrolment(sessionId: first.id, code: try await code(city, "north@city.example.jp", at: t0), origin: "x")
        #expect(recovery.count == 10)
        #expect(try await city.db.at(t0).webSession(id: first.id)?.staff.email == "north@city.example.jp")

        // Next time: the code; the same code again (a replay) is refused, the next one taken.
        let second = try await signIn(city, "north@city.example.jp", now: t0.addingTimeInterval(5))
        #expect(second.secondFactor == "code")
        await #expect(throws: KasaneError.self) {
            try await city.db.at(t0.addingTimeInterval(6)).verifySecondFactor(sessionId: second.id, code: try await code(city, "north@city.example.jp", at: t0), origin: "x")
        }
        try await city.db.at(t0.addingTimeInterval(31)).verifySecondFactor(sessionId: second.id, code: try await code(city, "north@city.example.jp", at: t0.addingTimeInterval(30)), origin: "x")
        #expect(try await city.db.at(t0.addingTimeInterval(31)).webSession(id: second.id) != nil)
        // A sign-in left half way expires.
        let stale = try await signIn(city, "north@city.example.jp", now: t0.addingTimeInterval(40))
        #expect(try await city.db.at(t0.addingTimeInterval(40 + 11 * 60)).pendingSession(id: stale.id) == nil)

        // The administrator reads no case: no second factor required of them.
        #expect(try await signIn(city, "admin@city.example.jp").secondFactor == "done")
        // Turned off in the settings, a member signs in with the password alone.
        var settings = try await city.db.settings()
        settings.secondFactorRequired = false
        try await city.db.updateSettings(settings, by: .localOperator)
        try await setPasswords(city, ["mental@city.example.jp"])
        #expect(try await signIn(city, "mental@city.example.jp").secondFactor == "done")
        // Once enrolled, it is asked for whatever the setting.
        #expect(try await signIn(city, "north@city.example.jp", now: t0.addingTimeInterval(3600)).secondFactor == "code")
    }

    @Test("An administrator resets another's second factor only with their password and a new link to their own address; never their own")
    func reset() async throws {
        let city = try await TestCity.make()
        try await setPasswords(city, ["north@city.example.jp"])
        let s = try await signIn(city, "north@city.example.jp")
        _ = try await city.db.enrolment(sessionId: s.id)
        _ = try await city.db.confirmEnrolment(sessionId: s.id, code: try await code(city, "north@city.example.jp", at: Date()), origin: "x")
        let north = try #require(city.northMember.staffId)
        await #expect(throws: KasaneError.self) { try await city.db.resetSecondFactor(staffId: north, by: city.coordinator) }
        await #expect(throws: KasaneError.self) { try await city.db.resetSecondFactor(staffId: city.administrator.staffId!, by: city.administrator) }
        let link = try await city.db.resetSecondFactor(staffId: north, by: city.administrator)
        #expect(link.url.isEmpty && link.email == "north@city.example.jp")
        #expect(try await city.db.secondFactorStatus(staffId: north).enrolled == false)
        #expect(try await city.db.webSession(id: s.id) == nil, "every session ended")
        // The old password is gone too: a new one through the link, mailed to them.
        await #expect(throws: KasaneError.self) { try await signIn(city, "north@city.example.jp") }
        let notice = try #require(try await city.db.unmailedNotices().last { $0.email == "north@city.example.jp" })
        #expect(notice.body.contains("/set-password?token="))
        let log = try await city.db.auditLog(AuditFilter(action: "auth.secondFactor.reset"), for: city.administrator)
        #expect(log.contains { $0.allowed && $0.target == "staff:\(north)" && $0.staffId == city.administrator.staffId })
    }
}
