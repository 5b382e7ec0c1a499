import Foundation
import KasaneApp
import KasaneCore
import KasaneSQLite
import KasaneStorage
import Testing

@Suite("Web sign-in and its second factor, decided by the application, on each engine")
struct SignInOnEachEngineTests {
    static let instant = ISO8601DateFormatter().date(from: "2026-12-04T01:00:00Z")!
    static let password = "北部包括の合言葉-2026"

    /// A city with a member (reads cases: a second factor is required) and an administrator.
    static func city(_ engine: Engine) async throws -> (storage: any SignInStorage, member: Staff) {
        let storage = try engine.signInStorage(at: instant)
        _ = try await storage.addDistrict(District(code: "N", name: "北部"), by: .localOperator)
        let agency = try await storage.createAgency(Agency(
            code: "HK-N", name: "北部地域包括支援センター", kind: "地域包括支援センター", fields: [.care], districts: ["N"],
            operation: .contracted, department: "高齢福祉課"), by: .localOperator)
        let member = try await storage.createStaff(
            Staff(agencyId: agency.id!, name: "包括 職員", email: "m@city.example.jp", roles: [.member]), by: .localOperator)
        return (storage, member)
    }

    static func token(of url: String) throws -> String {
        try #require(url.split(separator: "token=").last.map(String.init))
    }

    @Test("A password set once through its link; a wrong one answered like an unknown address, and locked out after five; the right one starts the second factor", arguments: Engine.allCases)
    func password(engine: Engine) async throws {
        let (s, member) = try await Self.city(engine)
        let link = try await s.issueSignInLink(email: "M@city.example.jp", by: .localOperator)
        #expect(link.staffId == member.id && link.url.contains("/set-password?token="))
        let token = try Self.token(of: link.url)
        await #expect { try await s.setPassword(linkToken: token, password: "short") } throws: {
            if case .invalid(let field, _) = $0 as? KasaneError { field == "password" } else { false }
        }
        try await s.setPassword(linkToken: token, password: Self.password)
        await #expect { try await s.setPassword(linkToken: token, password: Self.password) } throws: {
            if case .notFound = $0 as? KasaneError { true } else { false }
        }
        var answers: Set<String> = []
        for email in ["m@city.example.jp", "nobody@city.example.jp"] {
            do { _ = try await s.signIn(email: email, password: "違うパスワードです-0000", origin: "10.0.0.1") } catch let e as KasaneError { answers.insert(e.message) }
        }
        #expect(answers.count == 1, "a wrong password and an unknown address get the same answer")
        for _ in 0..<5 { _ = try? await s.signIn(email: "m@city.example.jp", password: "違うパスワードです-0000", origin: "10.0.0.2") }
        await #expect { try await s.signIn(email: "m@city.example.jp", password: Self.password, origin: "10.0.0.2") } throws: {
            if case .unauthenticated(let message) = $0 as? KasaneError { message.contains("分間") } else { false }
        }
        // From another client the right password still works: it must enrol a second factor first.
        let pending = try await s.signIn(email: "m@city.example.jp", password: Self.password, origin: "10.0.0.3")
        #expect(pending.secondFactor == SecondFactorStep.enrol.rawValue)
        #expect(try await s.webSession(id: pending.id) == nil, "not signed in before the second factor")
        let refusals = try await s.auditLog(AuditFilter(action: "auth.signIn", refusalsOnly: true), for: .localOperator)
        #expect(refusals.count == 8)
    }

    @Test("A second factor: enrolled with the app's first code, ten recovery codes each good once, a code never taken twice, reset only with a new link", arguments: Engine.allCases)
    func secondFactor(engine: Engine) async throws {
        let (s, member) = try await Self.city(engine)
        try await s.setPassword(linkToken: try Self.token(of: s.issueSignInLink(email: member.email, by: .localOperator).url), password: Self.password)
        let first = try await s.signIn(email: member.email, password: Self.password, origin: "10.0.0.1")
        let enrolment = try await s.enrolment(sessionId: first.id)
        #expect(enrolment.url.hasPrefix("otpauth://totp/") && enrolment.url.contains("secret=\(enrolment.secret)"))
        #expect(try await s.enrolment(sessionId: first.id) == enrolment, "one secret per enrolment")
        await #expect { try await s.confirmEnrolment(sessionId: first.id, code: "000000", origin: "10.0.0.1") } throws: {
            if case .unauthenticated = $0 as? KasaneError { true } else { false }
        }
        // The code the member's app shows now, computed from the secret alone.
        let secretText = try await storedSecret(s, member)
        let now = Int64(Self.instant.timeIntervalSince1970 / 30)
        let code = String(format: "%06d", StandardCredentials().code(secret: secretText, step: now))
        let recovery = try await s.confirmEnrolment(sessionId: first.id, code: code, origin: "10.0.0.1")
        #expect(recovery.count == 10 && Set(recovery).count == 10)
        #expect(try await s.webSession(id: first.id)?.staff.id == member.id)

        let second = try await s.signIn(email: member.email, password: Self.password, origin: "10.0.0.1")
        #expect(second.secondFactor == SecondFactorStep.code.rawValue)
        await #expect { try await s.verifySecondFactor(sessionId: second.id, code: code, origin: "10.0.0.1") } throws: {
            if case .unauthenticated = $0 as? KasaneError { true } else { false }
        }
        try await s.verifySecondFactor(sessionId: second.id, code: recovery[0].uppercased(), origin: "10.0.0.1")
        let third = try await s.signIn(email: member.email, password: Self.password, origin: "10.0.0.1")
        await #expect { try await s.verifySecondFactor(sessionId: third.id, code: recovery[0], origin: "10.0.0.1") } throws: {
            if case .unauthenticated = $0 as? KasaneError { true } else { false }
        }
        #expect(try await s.secondFactorStatus(staffId: member.id!) == (enrolled: true, recoveryCodesLeft: 9))

        // Reset: not one's own; it ends every session and the password, and sends a new link.
        let admin = Actor.staff(try await s.createStaff(
            Staff(agencyId: member.agencyId, name: "管理 者", email: "admin@city.example.jp", roles: [.administrator]), by: .localOperator))
        _ = try await s.resetSecondFactor(staffId: member.id!, by: admin)
        #expect(try await s.webSession(id: first.id) == nil)
        #expect(try await s.secondFactorStatus(staffId: member.id!) == (enrolled: false, recoveryCodesLeft: 0))
        await #expect { try await s.signIn(email: member.email, password: Self.password, origin: "10.0.0.4") } throws: {
            if case .unauthenticated = $0 as? KasaneError { true } else { false }
        }
    }

    /// The enrolment's shared secret as text, read back from its base32 form in the URL.
    func storedSecret(_ s: any SignInStorage, _ member: Staff) async throws -> String {
        let session = try await s.signIn(email: member.email, password: Self.password, origin: "10.0.0.9")
        let base32 = try await s.enrolment(sessionId: session.id).secret
        return try #require(Base32.decode(base32))
    }
}

/// RFC 4648 base32, to read back the secret an authenticator app is given.
enum Base32 {
    static func decode(_ text: String) -> String? {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var bits = 0, value = 0
        var bytes: [UInt8] = []
        for c in text {
            guard let i = alphabet.firstIndex(of: c) else { return nil }
            value = (value << 5) | i
            bits += 5
            if bits >= 8 {
                bytes.append(UInt8((value >> (bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return String(bytes: bytes, encoding: .utf8)
    }
}
