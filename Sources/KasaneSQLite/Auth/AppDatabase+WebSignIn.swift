import Foundation
import GRDB
import HummingbirdBcrypt
import KasaneCore
import KasaneStorage

/// Sign-in for the web pages: passwords set through a one-time link, sessions stored
/// as hashes with idle and absolute limits, a lockout after repeated failures; every
/// step audited. The answer to a wrong address and a wrong password is the same.
extension AppDatabase {
    /// Issues a one-time link for a staff member to set their password (administrator).
    /// The link goes to their own address through the outbox, and is returned to print.
    public func issueSignInLink(email: String, by actor: Actor, policy: SignInPolicy = .standard) async throws -> SignInLink {
        try await audited(actor, "auth.link", target: "staff") { db, note in
            let now = note.at
            try Access.require(.manageDirectory, actor)
            guard let staff = try Staff.filter(Column("email") == email.lowercased()).fetchOne(db) ?? Staff.filter(Column("email") == email).fetchOne(db) else {
                throw KasaneError.notFound("メールアドレス「\(email)」の職員は登録されていません。")
            }
            guard staff.active else { throw KasaneError.conflict("無効な職員にはリンクを発行できません。") }
            note.target = "staff:\(staff.id!)"
            let token = Secret.new()
            try db.execute(
                sql: "INSERT INTO signInLink (tokenHash, staffId, createdAt, expiresAt) VALUES (?, ?, ?, ?)",
                arguments: [Secret.hash(token), staff.id, now, now.addingTimeInterval(policy.linkLifetime)])
            let url = try Self.settings(db).baseURL + "/set-password?token=" + token
            // The link goes to the person's own address only: a staff member who asked for it
            // (an administrator) is not shown it, so that nobody sets another's password.
            var notice = NoticeRow(
                staffId: staff.id!, email: staff.email, subject: "【Kasane】パスワードの設定",
                body: """
                    Kasane のパスワードを設定してください。次のリンクは1回だけ、\(Int(policy.linkLifetime / 3600))時間使えます。
                    \(url)
                    心当たりのない場合は、このメールを破棄し、システム管理者にお知らせください。
                    """,
                createdAt: now)
            try notice.insert(db)
            return SignInLink(
                staffId: staff.id!, email: staff.email, url: actor.staffId == nil ? url : "", expiresAt: now.addingTimeInterval(policy.linkLifetime))
        }
    }

    /// Sets the password a link was issued for; the link is used up and every session
    /// of that person ends.
    public func setPassword(linkToken: String, password: String, origin: String = "web") async throws {
        let now = clock.now()
        try SignInPolicy.validatePassword(password)
        let hash = Bcrypt.hash(password, cost: 12)
        let actor = Actor(kind: .localOperator, origin: origin)
        try await audited(actor, "auth.setPassword", target: "signInLink") { db, note in
            let refused = KasaneError.notFound("このリンクは使えません（使用済みか期限切れ）。管理者に新しいリンクを依頼してください。")
            guard let row = try Row.fetchOne(db, sql: "SELECT staffId, expiresAt, usedAt FROM signInLink WHERE tokenHash = ?", arguments: [Secret.hash(linkToken)]),
                  (row["usedAt"] as Date?) == nil, (row["expiresAt"] as Date) > now
            else { throw refused }
            let staffId: Int64 = row["staffId"]
            note.target = "staff:\(staffId)"
            try db.execute(sql: "UPDATE signInLink SET usedAt = ? WHERE tokenHash = ?", arguments: [now, Secret.hash(linkToken)])
            try db.execute(
                sql: "INSERT INTO passwordCredential (staffId, hash, setAt) VALUES (?, ?, ?) ON CONFLICT(staffId) DO UPDATE SET hash = excluded.hash, setAt = excluded.setAt",
                arguments: [staffId, hash, now])
            try db.execute(sql: "UPDATE webSession SET endedAt = ? WHERE staffId = ? AND endedAt IS NULL", arguments: [now, staffId])
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
        if let refusal = try await reader.read({ db in try Self.signInLimit(db, address: address, client: client, policy: policy, now: now) }) {
            try await writer.write { db in
                let note = AuditNote(target: "signIn", at: now)
                note.detail = refusal.detail
                try Self.log(db, actor, "auth.signIn", note, allowed: false)
            }
            throw refusal.error
        }
        let candidate = try await reader.read { db -> (Staff, String)? in
            guard let staff = try Staff.filter(sql: "lower(email) = ?", arguments: [address]).fetchOne(db),
                  let hash = try String.fetchOne(db, sql: "SELECT hash FROM passwordCredential WHERE staffId = ?", arguments: [staff.id])
            else { return nil }
            return (staff, hash)
        }
        // Checked outside the write transaction: bcrypt is slow by design.
        let matches = candidate.map { Bcrypt.verify(password, hash: $0.1) } ?? { _ = Bcrypt.verify(password, hash: Self.decoyHash); return false }()
        let note = AuditNote(target: candidate.map { "staff:\($0.0.id ?? 0)" } ?? "signIn", at: now)
        // One transaction that keeps the attempt, the audit line and (on success) the session, and
        // returns a refusal instead of throwing it, so that a failed attempt is never rolled back.
        let outcome = try await writer.write { db -> Result<WebSession, KasaneError> in
            // Looked at again inside the write: attempts running side by side count each other.
            if let refusal = try Self.signInLimit(db, address: address, client: client, policy: policy, now: now) {
                note.detail = refusal.detail
                try Self.log(db, actor, "auth.signIn", note, allowed: false)
                return .failure(refusal.error)
            }
            guard matches, let (staff, _) = candidate, staff.active else {
                try db.execute(sql: "INSERT INTO signInAttempt (email, client, at, succeeded) VALUES (?, ?, ?, 0)", arguments: [address, client, now])
                note.detail = "失敗"
                try Self.log(db, actor, "auth.signIn", note, allowed: false)
                return .failure(.unauthenticated("メールアドレスまたはパスワードが違います。"))
            }
            try db.execute(sql: "INSERT INTO signInAttempt (email, client, at, succeeded) VALUES (?, ?, ?, 1)", arguments: [address, client, now])
            let id = Secret.new(), csrf = Secret.new()
            let expires = now.addingTimeInterval(policy.absolute)
            // The password is right: signed in, or (with a second factor) half way, until the code.
            let step = try Self.firstStep(db, for: staff)
            try db.execute(
                sql: "INSERT INTO webSession (idHash, staffId, csrf, origin, createdAt, lastSeenAt, expiresAt, secondFactor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [Secret.hash(id), staff.id, csrf, client, now, now, expires, step.rawValue])
            note.detail = step == .done ? nil : step == .code ? "パスワード確認（二段階認証へ）" : "パスワード確認（二段階認証の設定へ）"
            try Self.log(db, .staff(staff, from: "web \(client)"), "auth.signIn", note, allowed: true)
            var session = WebSession(id: id, csrf: csrf, staff: staff, expiresAt: expires)
            session.secondFactor = step.rawValue
            return .success(session)
        }
        return try outcome.get()
    }

    /// The limit a new attempt would pass, if any: what to answer and what to log.
    static func signInLimit(_ db: Database, address: String, client: String, policy: SignInPolicy, now: Date)
        throws -> (error: KasaneError, detail: String)?
    {
        let since = now.addingTimeInterval(-policy.lockoutWindow)
        func failures(_ condition: String, _ arguments: [any DatabaseValueConvertible], since: Date) throws -> Int {
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM signInAttempt WHERE succeeded = 0 AND at > ? AND \(condition)",
                arguments: StatementArguments([since] + arguments)) ?? 0
        }
        let minutes = Int(policy.lockoutWindow / 60)
        if try failures("1 = 1", [], since: now.addingTimeInterval(-60)) >= policy.maxFailuresPerMinute {
            return (.unauthenticated("サインインの失敗が続いているため、しばらく受け付けを止めています。1分ほどしてからもう一度お試しください。"), "全体の失敗が多いため一時停止")
        }
        if try failures("client = ?", [client], since: since) >= policy.maxFailuresPerClient {
            return (.unauthenticated("この端末からのサインインの失敗が続いたため、\(minutes)分間サインインできません。"), "端末のロックアウト中")
        }
        if try failures("email = ? AND client = ?", [address, client], since: since) >= policy.maxFailures
            || failures("email = ?", [address], since: since) >= policy.maxFailuresPerAddress
        {
            return (.unauthenticated("続けて間違えたため、このアドレスでは\(minutes)分間サインインできません。"), "ロックアウト中")
        }
        return nil
    }

    /// The session a cookie names, if it is still alive; using it keeps it alive.
    public func webSession(id: String, policy: SignInPolicy = .standard) async throws -> WebSession? {
        let now = clock.now()
        return try await writer.write { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT staffId, csrf, lastSeenAt, expiresAt FROM webSession WHERE idHash = ? AND endedAt IS NULL AND secondFactor = 'done'
                """, arguments: [Secret.hash(id)]),
                  (row["expiresAt"] as Date) > now, (row["lastSeenAt"] as Date).addingTimeInterval(policy.idle) > now,
                  let staff = try Staff.fetchOne(db, key: row["staffId"] as Int64), staff.active
            else { return nil }
            try db.execute(sql: "UPDATE webSession SET lastSeenAt = ? WHERE idHash = ?", arguments: [now, Secret.hash(id)])
            return WebSession(id: id, csrf: row["csrf"], staff: staff, expiresAt: row["expiresAt"])
        }
    }

    /// Ends one session (sign-out), or every session of its owner (sign-out everywhere).
    public func signOut(id: String, everywhere: Bool = false, origin: String = "web") async throws {
        let now = clock.now()
        guard let session = try await webSession(id: id) else { return }
        try await audited(.staff(session.staff, from: origin), everywhere ? "auth.signOutEverywhere" : "auth.signOut", target: "staff:\(session.staff.id ?? 0)") { db, _ in
            if everywhere {
                try db.execute(sql: "UPDATE webSession SET endedAt = ? WHERE staffId = ? AND endedAt IS NULL", arguments: [now, session.staff.id])
            } else {
                try db.execute(sql: "UPDATE webSession SET endedAt = ? WHERE idHash = ?", arguments: [now, Secret.hash(id)])
            }
        }
    }

    /// A bcrypt hash to spend the same time on when the address is unknown.
    static let decoyHash = Bcrypt.hash("kasane-decoy-password", cost: 12)
}
