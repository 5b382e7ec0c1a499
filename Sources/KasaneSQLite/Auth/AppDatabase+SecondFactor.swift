import Crypto
import Foundation
import GRDB
import HummingbirdOTP
import KasaneCore
import KasaneStorage

/// A second factor for the web pages: a TOTP (RFC 6238) the person's authenticator app
/// computes, enrolled at the first sign-in with a QR code Kasane draws itself, with ten
/// one-time recovery codes. Required (a setting, on by default) for every role that can
/// read a case or personal data; an administrator resets it only together with a new
/// one-time sign-in link, so that nobody's factor is replaced without a password set anew.
public enum SecondFactorStep: String, Codable, Sendable {
    /// Signed in.
    case done
    /// Password right; the code from the authenticator app (or a recovery code) next.
    case code
    /// Password right; no second factor yet, and one is required: enrol it first.
    case enrol
}

/// What enrolment shows: the secret for the app (as text, and as the otpauth URL a QR code carries).
public struct SecondFactorEnrolment: Sendable, Equatable {
    /// Base32, as an authenticator app takes it typed in.
    public var secret: String
    /// `otpauth://totp/Kasane:…?secret=…&issuer=Kasane`, for the QR code.
    public var url: String
}

extension AppDatabase {
    /// Whether this person must have a second factor: anyone whose roles read cases, when
    /// the settings require it.
    static func secondFactorRequired(_ db: Database, for staff: Staff) throws -> Bool {
        try settings(db).secondFactorRequired != false && staff.roles.contains(where: \.readsCases)
    }

    /// The step a fresh sign-in starts at.
    static func firstStep(_ db: Database, for staff: Staff) throws -> SecondFactorStep {
        if try Row.fetchOne(db, sql: "SELECT 1 FROM totpCredential WHERE staffId = ? AND confirmedAt IS NOT NULL", arguments: [staff.id]) != nil {
            return .code
        }
        return try secondFactorRequired(db, for: staff) ? .enrol : .done
    }

    /// The session a cookie names while its second factor is still to come, with that step.
    public func pendingSession(id: String, policy: SignInPolicy = .standard) async throws -> WebSession? {
        let now = clock.now()
        return try await reader.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT staffId, csrf, createdAt, expiresAt, secondFactor FROM webSession WHERE idHash = ? AND endedAt IS NULL AND secondFactor != 'done'
                """, arguments: [Secret.hash(id)]),
                  (row["createdAt"] as Date).addingTimeInterval(policy.secondFactorWindow) > now, (row["expiresAt"] as Date) > now,
                  let step = SecondFactorStep(rawValue: row["secondFactor"]),
                  let staff = try Staff.fetchOne(db, key: row["staffId"] as Int64), staff.active
            else { return nil }
            var s = WebSession(id: id, csrf: row["csrf"], staff: staff, expiresAt: row["expiresAt"])
            s.secondFactor = step.rawValue
            return s
        }
    }

    /// The secret a pending enrolment shows, made once per enrolment and kept until confirmed.
    public func enrolment(sessionId: String) async throws -> SecondFactorEnrolment {
        let now = clock.now()
        guard let s = try await pendingSession(id: sessionId), s.secondFactor == SecondFactorStep.enrol.rawValue, let staffId = s.staff.id else {
            throw KasaneError.unauthenticated("二段階認証の設定は、サインインの途中でだけ行えます。もう一度サインインしてください。")
        }
        return try await writer.write { db in
            var secret = try String.fetchOne(db, sql: "SELECT secret FROM totpCredential WHERE staffId = ? AND confirmedAt IS NULL", arguments: [staffId])
            if secret == nil {
                let made = Self.newSecret()
                try db.execute(
                    sql: """
                        INSERT INTO totpCredential (staffId, secret, createdAt) VALUES (?, ?, ?)
                        ON CONFLICT(staffId) DO UPDATE SET secret = excluded.secret, createdAt = excluded.createdAt, confirmedAt = NULL, lastStep = NULL
                        """,
                    arguments: [staffId, made, now])
                secret = made
            }
            let url = TOTP(secret: secret ?? "").createAuthenticatorURL(label: "Kasane:\(s.staff.email)", issuer: "Kasane")
            let base32 = url.firstMatch(of: /secret=([A-Z2-7]+)/).map { String($0.1) } ?? ""
            return SecondFactorEnrolment(secret: base32, url: url)
        }
    }

    /// Confirms an enrolment with the first code the app shows; gives the ten recovery codes
    /// (shown once, kept only as hashes) and completes the sign-in.
    public func confirmEnrolment(sessionId: String, code: String, origin: String, policy: SignInPolicy = .standard)
        async throws -> [String]
    {
        let now = clock.now()
        return try await secondStep(sessionId: sessionId, expected: .enrol, code: code, origin: origin, policy: policy, now: now) { db, staff in
            guard let secret = try String.fetchOne(db, sql: "SELECT secret FROM totpCredential WHERE staffId = ? AND confirmedAt IS NULL", arguments: [staff.id]),
                  let step = Self.matchingStep(code, secret: secret, after: nil, now: now)
            else { return nil }
            try db.execute(sql: "UPDATE totpCredential SET confirmedAt = ?, lastStep = ? WHERE staffId = ?", arguments: [now, step, staff.id])
            try db.execute(sql: "DELETE FROM recoveryCode WHERE staffId = ?", arguments: [staff.id])
            var codes: [String] = []
            for _ in 0..<10 {
                let code = Self.newRecoveryCode()
                codes.append(code)
                try db.execute(sql: "INSERT INTO recoveryCode (staffId, codeHash) VALUES (?, ?)", arguments: [staff.id, Secret.hash(Self.normalisedRecovery(code))])
            }
            return codes
        }
    }

    /// Completes a sign-in with the code of the app (each code once) or a recovery code (each once).
    public func verifySecondFactor(sessionId: String, code: String, origin: String, policy: SignInPolicy = .standard) async throws {
        let now = clock.now()
        _ = try await secondStep(sessionId: sessionId, expected: .code, code: code, origin: origin, policy: policy, now: now) { db, staff in
            if let row = try Row.fetchOne(db, sql: "SELECT secret, lastStep FROM totpCredential WHERE staffId = ? AND confirmedAt IS NOT NULL", arguments: [staff.id]),
               let step = Self.matchingStep(code, secret: row["secret"], after: row["lastStep"], now: now)
            {
                try db.execute(sql: "UPDATE totpCredential SET lastStep = ? WHERE staffId = ?", arguments: [step, staff.id])
                return true
            }
            let hash = Secret.hash(Self.normalisedRecovery(code))
            guard try Row.fetchOne(db, sql: "SELECT 1 FROM recoveryCode WHERE staffId = ? AND codeHash = ? AND usedAt IS NULL", arguments: [staff.id, hash]) != nil
            else { return nil }
            try db.execute(sql: "UPDATE recoveryCode SET usedAt = ? WHERE staffId = ? AND codeHash = ?", arguments: [now, staff.id, hash])
            return true
        }
    }

    /// The shared second step: the sign-in limits, the check, the session made whole, the audit.
    private func secondStep<T: Sendable>(
        sessionId: String, expected: SecondFactorStep, code: String, origin: String, policy: SignInPolicy, now: Date,
        _ check: @escaping @Sendable (Database, Staff) throws -> T?
    ) async throws -> T {
        guard let s = try await pendingSession(id: sessionId, policy: policy), s.secondFactor == expected.rawValue else {
            throw KasaneError.unauthenticated("サインインの途中の状態が見つかりません（時間切れの可能性があります）。もう一度サインインしてください。")
        }
        let client = String(origin.prefix(64))
        let address = s.staff.email.lowercased()
        let actor = Actor.staff(s.staff, from: "web \(client)")
        let outcome = try await writer.write { db -> Result<T, KasaneError> in
            let note = AuditNote(target: "staff:\(s.staff.id ?? 0)", at: now)
            if let refusal = try Self.signInLimit(db, address: address, client: client, policy: policy, now: now) {
                note.detail = refusal.detail
                try Self.log(db, actor, "auth.secondFactor", note, allowed: false)
                return .failure(refusal.error)
            }
            guard let result = try check(db, s.staff) else {
                try db.execute(sql: "INSERT INTO signInAttempt (email, client, at, succeeded) VALUES (?, ?, ?, 0)", arguments: [address, client, now])
                note.detail = "確認コードの誤り"
                try Self.log(db, actor, "auth.secondFactor", note, allowed: false)
                return .failure(.unauthenticated("確認コードが違います。認証アプリに表示されている6桁の数字（または回復用コード）を入力してください。"))
            }
            try db.execute(sql: "UPDATE webSession SET secondFactor = 'done', lastSeenAt = ? WHERE idHash = ?", arguments: [now, Secret.hash(sessionId)])
            note.detail = expected == .enrol ? "二段階認証を設定" : "二段階認証"
            try Self.log(db, actor, "auth.secondFactor", note, allowed: true)
            return .success(result)
        }
        return try outcome.get()
    }

    /// Removes a person's second factor and recovery codes, ends their sessions and sends a
    /// new one-time sign-in link (administrator): they set a password anew, then enrol anew.
    @discardableResult
    public func resetSecondFactor(staffId: Int64, by actor: Actor) async throws -> SignInLink {
        let now = clock.now()
        try Access.require(.manageDirectory, actor)
        let staff = try await reader.read { db in try Self.staff(db, id: staffId) }
        if let own = actor.staffId, own == staffId {
            throw KasaneError.forbidden("自分の二段階認証は、別の管理者にリセットを依頼してください。")
        }
        try await audited(actor, "auth.secondFactor.reset", target: "staff:\(staffId)") { db, note in
            try db.execute(sql: "DELETE FROM totpCredential WHERE staffId = ?", arguments: [staffId])
            try db.execute(sql: "DELETE FROM recoveryCode WHERE staffId = ?", arguments: [staffId])
            try db.execute(sql: "DELETE FROM passwordCredential WHERE staffId = ?", arguments: [staffId])
            try db.execute(sql: "UPDATE webSession SET endedAt = ? WHERE staffId = ? AND endedAt IS NULL", arguments: [now, staffId])
            note.detail = "二段階認証とパスワードを無効にし、新しいサインイン用リンクを送付"
        }
        return try await issueSignInLink(email: staff.email, by: actor)
    }

    /// Whether this person has a confirmed second factor, and how many recovery codes are left.
    public func secondFactorStatus(staffId: Int64) async throws -> (enrolled: Bool, recoveryCodesLeft: Int) {
        try await reader.read { db in
            let enrolled = try Row.fetchOne(db, sql: "SELECT 1 FROM totpCredential WHERE staffId = ? AND confirmedAt IS NOT NULL", arguments: [staffId]) != nil
            let left = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM recoveryCode WHERE staffId = ? AND usedAt IS NULL", arguments: [staffId]) ?? 0
            return (enrolled, left)
        }
    }

    /// The time step (30 s) whose code `code` is, one step either side of now, and later than
    /// `after` (a code is taken once); nil when none.
    static func matchingStep(_ code: String, secret: String, after: Int64?, now: Date) -> Int64? {
        let digits = code.filter(\.isNumber)
        guard digits.count == 6, let entered = Int(digits) else { return nil }
        let totp = TOTP(secret: secret)
        let current = Int64(now.timeIntervalSince1970 / 30)
        for step in [current, current - 1, current + 1] where after.map({ step > $0 }) ?? true {
            if totp.compute(date: Date(timeIntervalSince1970: TimeInterval(step * 30))) == entered { return step }
        }
        return nil
    }

    /// 20 random letters and digits: the key the app and Kasane share (160 bits as RFC 4226 advises).
    static func newSecret() -> String { String(Secret.new().prefix(20)) }

    /// `abcd-efgh-jkmn`: 12 letters and digits that are hard to mistake, in three groups.
    static func newRecoveryCode() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        let chars = (0..<12).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] }
        return [chars[0..<4], chars[4..<8], chars[8..<12]].map { String($0) }.joined(separator: "-")
    }

    static func normalisedRecovery(_ code: String) -> String {
        code.lowercased().filter { $0.isLetter || $0.isNumber }
    }
}
