import Foundation
import KasaneCore
import KasaneStorage

/// Sign-in for the web pages: passwords set through a one-time link, sessions stored
/// as hashes with idle and absolute limits, a lockout after repeated failures; every
/// step audited. The answer to a wrong address and a wrong password is the same.
extension SignInStorage {
    /// Issues a one-time link for a staff member to set their password (administrator).
    /// The link goes to their own address through the outbox, and is returned to print.
    public func issueSignInLink(email: String, by actor: Actor, policy: SignInPolicy = .standard) async throws -> SignInLink {
        try await audited(actor, "auth.link", target: "staff") { work, note in
            let now = note.at
            try Access.require(.manageDirectory, actor)
            guard let staff = try work.staff.staff(email: email) else {
                throw KasaneError.notFound("メールアドレス「\(email)」の職員は登録されていません。")
            }
            guard staff.active else { throw KasaneError.conflict("無効な職員にはリンクを発行できません。") }
            let staffId = try staff.id ?? { throw KasaneError.unusableDatabase("職員にIDがありません。") }()
            note.target = "staff:\(staffId)"
            let token = Secret.new()
            try work.signIn.insertLink(hash: Secret.hash(token), staffId: staffId, at: now, expiresAt: now.addingTimeInterval(policy.linkLifetime))
            let url = try work.settings.settings().baseURL + "/set-password?token=" + token
            // The link goes to the person's own address only: a staff member who asked for it
            // (an administrator) is not shown it, so that nobody sets another's password.
            try work.notices.insert(
                staffId: staffId, email: staff.email, subject: "【Kasane】パスワードの設定",
                body: """
                    Kasane のパスワードを設定してください。次のリンクは1回だけ、\(Int(policy.linkLifetime / 3600))時間使えます。
                    \(url)
                    心当たりのない場合は、このメールを破棄し、システム管理者にお知らせください。
                    """,
                at: now)
            return SignInLink(
                staffId: staffId, email: staff.email, url: actor.staffId == nil ? url : "", expiresAt: now.addingTimeInterval(policy.linkLifetime))
        }
    }

    /// Sets the password a link was issued for; the link is used up and every session
    /// of that person ends.
    public func setPassword(linkToken: String, password: String, origin: String = "web") async throws {
        let now = clock.now()
        try SignInPolicy.validatePassword(password)
        let hash = credentials.hashPassword(password)
        let actor = Actor(kind: .localOperator, origin: origin)
        try await audited(actor, "auth.setPassword", target: "signInLink") { work, note in
            let refused = KasaneError.notFound("このリンクは使えません（使用済みか期限切れ）。管理者に新しいリンクを依頼してください。")
            guard let link = try work.signIn.link(hash: Secret.hash(linkToken)), link.usedAt == nil, link.expiresAt > now
            else { throw refused }
            let staffId = link.staffId
            note.target = "staff:\(staffId)"
            try work.signIn.useLink(hash: Secret.hash(linkToken), at: now)
            try work.signIn.setPassword(staffId: staffId, hash: hash, at: now)
            try work.signIn.endSessions(staffId: staffId, at: now)
        }
    }

    /// Signs in with e-mail and password, from the client at `origin`. Wrong address, wrong
    /// password, no password yet and an inactive account all get the same answer. Failures
    /// are limited four ways within the window: for one address from one client
    /// (`maxFailures`), from one client over every address (`maxFailuresPerClient`), for one
    /// address from every client (`maxFailuresPerAddress`, high, so that locking someone
    /// else out takes many clients), and everywhere in a minute (`maxFailuresPerMinute`).
    /// A limit reached refuses the attempt, right password or not, without checking it.
    public func signIn(email: String, password: String, origin: String, policy: SignInPolicy = .standard) async throws -> WebSession {
        let now = clock.now()
        let address = email.trimmingCharacters(in: .whitespaces).lowercased()
        let client = String(origin.prefix(64))
        let actor = Actor(kind: .localOperator, origin: "web \(client)")
        if let refusal = try await read({ work in try SignInRules.limit(work, address: address, client: client, policy: policy, now: now) }) {
            let note = AuditNote(target: "signIn", at: now)
            note.detail = refusal.detail
            try await write { work in try work.audit.append(actor, "auth.signIn", note, allowed: false) }
            throw refusal.error
        }
        let candidate = try await read { work -> SignInCandidate? in
            guard let staff = try work.staff.staff(email: address), let staffId = staff.id,
                  let hash = try work.signIn.passwordHash(staffId: staffId)
            else { return nil }
            return SignInCandidate(staff: staff, hash: hash)
        }
        // Checked outside the write transaction: bcrypt is slow by design.
        let credentials = self.credentials
        let matches = candidate.map { credentials.verifyPassword(password, hash: $0.hash) }
            ?? { _ = credentials.verifyPassword(password, hash: credentials.decoyHash); return false }()
        let note = AuditNote(target: candidate.map { "staff:\($0.staff.id ?? 0)" } ?? "signIn", at: now)
        // One transaction that keeps the attempt, the audit line and (on success) the session, and
        // returns a refusal instead of throwing it, so that a failed attempt is never rolled back.
        let outcome = try await write { work -> Result<WebSession, KasaneError> in
            // Looked at again inside the write: attempts running side by side count each other.
            if let refusal = try SignInRules.limit(work, address: address, client: client, policy: policy, now: now) {
                note.detail = refusal.detail
                try work.audit.append(actor, "auth.signIn", note, allowed: false)
                return .failure(refusal.error)
            }
            guard matches, let staff = candidate?.staff, let staffId = staff.id, staff.active else {
                try work.signIn.recordAttempt(email: address, client: client, at: now, succeeded: false)
                note.detail = "失敗"
                try work.audit.append(actor, "auth.signIn", note, allowed: false)
                return .failure(.unauthenticated("メールアドレスまたはパスワードが違います。"))
            }
            try work.signIn.recordAttempt(email: address, client: client, at: now, succeeded: true)
            let id = Secret.new(), csrf = Secret.new()
            let expires = now.addingTimeInterval(policy.absolute)
            // The password is right: signed in, or (with a second factor) half way, until the code.
            let step = try SecondFactorRules.firstStep(work, for: staff)
            try work.signIn.insertSession(
                idHash: Secret.hash(id), staffId: staffId, csrf: csrf, origin: client, at: now, expiresAt: expires, secondFactor: step.rawValue)
            note.detail = step == .done ? nil : step == .code ? "パスワード確認（二段階認証へ）" : "パスワード確認（二段階認証の設定へ）"
            try work.audit.append(.staff(staff, from: "web \(client)"), "auth.signIn", note, allowed: true)
            var session = WebSession(id: id, csrf: csrf, staff: staff, expiresAt: expires)
            session.secondFactor = step.rawValue
            return .success(session)
        }
        return try outcome.get()
    }

    /// The session a cookie names, if it is still alive; using it keeps it alive.
    public func webSession(id: String, policy: SignInPolicy = .standard) async throws -> WebSession? {
        let now = clock.now()
        return try await write { work in
            guard let row = try work.signIn.session(idHash: Secret.hash(id)), row.secondFactor == SecondFactorStep.done.rawValue,
                  row.expiresAt > now, row.lastSeenAt.addingTimeInterval(policy.idle) > now,
                  let staff = try work.staff.staff(id: row.staffId), staff.active
            else { return nil }
            try work.signIn.touch(idHash: Secret.hash(id), at: now)
            return WebSession(id: id, csrf: row.csrf, staff: staff, expiresAt: row.expiresAt)
        }
    }

    /// Ends one session (sign-out), or every session of its owner (sign-out everywhere).
    public func signOut(id: String, everywhere: Bool = false, origin: String = "web") async throws {
        let now = clock.now()
        guard let session = try await webSession(id: id) else { return }
        try await audited(.staff(session.staff, from: origin), everywhere ? "auth.signOutEverywhere" : "auth.signOut", target: "staff:\(session.staff.id ?? 0)") { work, _ in
            if everywhere {
                try work.signIn.endSessions(staffId: session.staff.id ?? 0, at: now)
            } else {
                try work.signIn.endSession(idHash: Secret.hash(id), at: now)
            }
        }
    }
}

/// A password found for an address, checked outside the unit of work.
struct SignInCandidate: Sendable {
    var staff: Staff
    var hash: String
}

/// The limits a sign-in attempt must pass.
enum SignInRules {
    /// The limit a new attempt would pass, if any: what to answer and what to log.
    static func limit(_ work: any UnitOfWork, address: String, client: String, policy: SignInPolicy, now: Date)
        throws -> (error: KasaneError, detail: String)?
    {
        let since = now.addingTimeInterval(-policy.lockoutWindow)
        let minutes = Int(policy.lockoutWindow / 60)
        if try work.signIn.failures(since: now.addingTimeInterval(-60), email: nil, client: nil) >= policy.maxFailuresPerMinute {
            return (.unauthenticated("サインインの失敗が続いているため、しばらく受け付けを止めています。1分ほどしてからもう一度お試しください。"), "全体の失敗が多いため一時停止")
        }
        if try work.signIn.failures(since: since, email: nil, client: client) >= policy.maxFailuresPerClient {
            return (.unauthenticated("この端末からのサインインの失敗が続いたため、\(minutes)分間サインインできません。"), "端末のロックアウト中")
        }
        if try work.signIn.failures(since: since, email: address, client: client) >= policy.maxFailures
            || work.signIn.failures(since: since, email: address, client: nil) >= policy.maxFailuresPerAddress
        {
            return (.unauthenticated("続けて間違えたため、このアドレスでは\(minutes)分間サインインできません。"), "ロックアウト中")
        }
        return nil
    }
}
