import Foundation
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

extension SignInStorage {
    /// The session a cookie names while its second factor is still to come, with that step.
    public func pendingSession(id: String, policy: SignInPolicy = .standard) async throws -> WebSession? {
        let now = clock.now()
        return try await read { work in
            guard let row = try work.signIn.session(idHash: Secret.hash(id)), row.secondFactor != SecondFactorStep.done.rawValue,
                  row.createdAt.addingTimeInterval(policy.secondFactorWindow) > now, row.expiresAt > now,
                  let step = SecondFactorStep(rawValue: row.secondFactor),
                  let staff = try work.staff.staff(id: row.staffId), staff.active
            else { return nil }
            var s = WebSession(id: id, csrf: row.csrf, staff: staff, expiresAt: row.expiresAt)
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
        let credentials = self.credentials
        return try await write { work in
            var secret = try work.signIn.totp(staffId: staffId).flatMap { $0.confirmed ? nil : $0.secret }
            if secret == nil {
                let made = SecondFactorRules.newSecret()
                try work.signIn.startEnrolment(staffId: staffId, secret: made, at: now)
                secret = made
            }
            let url = credentials.authenticatorURL(secret: secret ?? "", label: "Kasane:\(s.staff.email)", issuer: "Kasane")
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
        let credentials = self.credentials
        return try await secondStep(sessionId: sessionId, expected: .enrol, code: code, origin: origin, policy: policy, now: now) { work, staff -> [String]? in
            guard let staffId = staff.id, let pending = try work.signIn.totp(staffId: staffId), !pending.confirmed,
                  let step = SecondFactorRules.matchingStep(code, secret: pending.secret, after: nil, now: now, credentials)
            else { return nil }
            try work.signIn.confirmTotp(staffId: staffId, at: now, step: step)
            let codes = (0..<10).map { _ in SecondFactorRules.newRecoveryCode() }
            try work.signIn.replaceRecoveryCodes(staffId: staffId, hashes: codes.map { Secret.hash(SecondFactorRules.normalisedRecovery($0)) })
            return codes
        }
    }

    /// Completes a sign-in with the code of the app (each code once) or a recovery code (each once).
    public func verifySecondFactor(sessionId: String, code: String, origin: String, policy: SignInPolicy = .standard) async throws {
        let now = clock.now()
        let credentials = self.credentials
        _ = try await secondStep(sessionId: sessionId, expected: .code, code: code, origin: origin, policy: policy, now: now) { work, staff -> Bool? in
            guard let staffId = staff.id else { return nil }
            if let totp = try work.signIn.totp(staffId: staffId), totp.confirmed,
               let step = SecondFactorRules.matchingStep(code, secret: totp.secret, after: totp.lastStep, now: now, credentials)
            {
                try work.signIn.setTotpStep(staffId: staffId, step: step)
                return true
            }
            let hash = Secret.hash(SecondFactorRules.normalisedRecovery(code))
            guard try work.signIn.useRecoveryCode(staffId: staffId, hash: hash, at: now) else { return nil }
            return true
        }
    }

    /// The shared second step: the sign-in limits, the check, the session made whole, the audit.
    private func secondStep<T: Sendable>(
        sessionId: String, expected: SecondFactorStep, code: String, origin: String, policy: SignInPolicy, now: Date,
        _ check: @escaping @Sendable (any UnitOfWork, Staff) throws -> T?
    ) async throws -> T {
        guard let s = try await pendingSession(id: sessionId, policy: policy), s.secondFactor == expected.rawValue else {
            throw KasaneError.unauthenticated("サインインの途中の状態が見つかりません（時間切れの可能性があります）。もう一度サインインしてください。")
        }
        let client = String(origin.prefix(64))
        let address = s.staff.email.lowercased()
        let actor = Actor.staff(s.staff, from: "web \(client)")
        let outcome = try await write { work -> Result<T, KasaneError> in
            let note = AuditNote(target: "staff:\(s.staff.id ?? 0)", at: now)
            if let refusal = try SignInRules.limit(work, address: address, client: client, policy: policy, now: now) {
                note.detail = refusal.detail
                try work.audit.append(actor, "auth.secondFactor", note, allowed: false)
                return .failure(refusal.error)
            }
            guard let result = try check(work, s.staff) else {
                try work.signIn.recordAttempt(email: address, client: client, at: now, succeeded: false)
                note.detail = "確認コードの誤り"
                try work.audit.append(actor, "auth.secondFactor", note, allowed: false)
                return .failure(.unauthenticated("確認コードが違います。認証アプリに表示されている6桁の数字（または回復用コード）を入力してください。"))
            }
            try work.signIn.completeSecondFactor(idHash: Secret.hash(sessionId), at: now)
            note.detail = expected == .enrol ? "二段階認証を設定" : "二段階認証"
            try work.audit.append(actor, "auth.secondFactor", note, allowed: true)
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
        let staff = try await read { work in try StaffRules.staff(work, id: staffId) }
        if let own = actor.staffId, own == staffId {
            throw KasaneError.forbidden("自分の二段階認証は、別の管理者にリセットを依頼してください。")
        }
        try await audited(actor, "auth.secondFactor.reset", target: "staff:\(staffId)") { work, note in
            try work.signIn.removeTotp(staffId: staffId)
            try work.signIn.replaceRecoveryCodes(staffId: staffId, hashes: [])
            try work.signIn.removePassword(staffId: staffId)
            try work.signIn.endSessions(staffId: staffId, at: now)
            note.detail = "二段階認証とパスワードを無効にし、新しいサインイン用リンクを送付"
        }
        return try await issueSignInLink(email: staff.email, by: actor)
    }

    /// Whether this person has a confirmed second factor, and how many recovery codes are left.
    public func secondFactorStatus(staffId: Int64) async throws -> (enrolled: Bool, recoveryCodesLeft: Int) {
        try await read { work in
            (try work.signIn.totp(staffId: staffId)?.confirmed == true, try work.signIn.recoveryCodesLeft(staffId: staffId))
        }
    }
}

/// When a second factor is required, where a sign-in starts, and the codes.
enum SecondFactorRules {
    /// Whether this person must have a second factor: anyone whose roles read cases, when
    /// the settings require it.
    static func required(_ work: any UnitOfWork, for staff: Staff) throws -> Bool {
        try work.settings.settings().secondFactorRequired != false && staff.roles.contains(where: \.readsCases)
    }

    /// The step a fresh sign-in starts at.
    static func firstStep(_ work: any UnitOfWork, for staff: Staff) throws -> SecondFactorStep {
        if let id = staff.id, try work.signIn.totp(staffId: id)?.confirmed == true { return .code }
        return try required(work, for: staff) ? .enrol : .done
    }

    /// The time step (30 s) whose code `code` is, one step either side of now, and later than
    /// `after` (a code is taken once); nil when none.
    static func matchingStep(_ code: String, secret: String, after: Int64?, now: Date, _ credentials: any Credentials) -> Int64? {
        let digits = code.filter(\.isNumber)
        guard digits.count == 6, let entered = Int(digits) else { return nil }
        let current = Int64(now.timeIntervalSince1970 / 30)
        for step in [current, current - 1, current + 1] where after.map({ step > $0 }) ?? true {
            if credentials.code(secret: secret, step: step) == entered { return step }
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
