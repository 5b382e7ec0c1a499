import Foundation
import GRDB
import HummingbirdBcrypt
import HummingbirdOTP
import KasaneCore
import KasaneStorage

// Sign-in's links, credentials, sessions, attempts and second factor on SQLite, and the
// credentials the engine is used with (bcrypt, RFC 6238). What is decided with them is the
// application's (KasaneApp/Auth).

/// bcrypt (cost 12) and TOTP (RFC 6238: six digits, 30 seconds, HMAC-SHA1) from hummingbird-auth.
public struct StandardCredentials: Credentials {
    public init() {}

    public func hashPassword(_ password: String) -> String { Bcrypt.hash(password, cost: 12) }
    public func verifyPassword(_ password: String, hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }
    public var decoyHash: String { Self.decoy }
    static let decoy = Bcrypt.hash("kasane-decoy-password", cost: 12)

    public func code(secret: String, step: Int64) -> Int {
        TOTP(secret: secret).compute(date: Date(timeIntervalSince1970: TimeInterval(step * 30)))
    }

    public func authenticatorURL(secret: String, label: String, issuer: String) -> String {
        TOTP(secret: secret).createAuthenticatorURL(label: label, issuer: issuer)
    }
}

extension AppDatabase: SignInStorage {
    public var credentials: any Credentials { StandardCredentials() }
}

struct SQLiteSignIn: SignInRepository {
    let db: Database

    func insertLink(hash: String, staffId: Int64, at: Date, expiresAt: Date) throws {
        try db.execute(
            sql: "INSERT INTO signInLink (tokenHash, staffId, createdAt, expiresAt) VALUES (?, ?, ?, ?)", arguments: [hash, staffId, at, expiresAt])
    }

    func link(hash: String) throws -> (staffId: Int64, expiresAt: Date, usedAt: Date?)? {
        try Row.fetchOne(db, sql: "SELECT staffId, expiresAt, usedAt FROM signInLink WHERE tokenHash = ?", arguments: [hash])
            .map { ($0["staffId"], $0["expiresAt"], $0["usedAt"]) }
    }

    func useLink(hash: String, at: Date) throws {
        try db.execute(sql: "UPDATE signInLink SET usedAt = ? WHERE tokenHash = ?", arguments: [at, hash])
    }

    func passwordHash(staffId: Int64) throws -> String? {
        try String.fetchOne(db, sql: "SELECT hash FROM passwordCredential WHERE staffId = ?", arguments: [staffId])
    }

    func setPassword(staffId: Int64, hash: String, at: Date) throws {
        try db.execute(
            sql: "INSERT INTO passwordCredential (staffId, hash, setAt) VALUES (?, ?, ?) ON CONFLICT(staffId) DO UPDATE SET hash = excluded.hash, setAt = excluded.setAt",
            arguments: [staffId, hash, at])
    }

    func removePassword(staffId: Int64) throws {
        try db.execute(sql: "DELETE FROM passwordCredential WHERE staffId = ?", arguments: [staffId])
    }

    func failures(since: Date, email: String?, client: String?) throws -> Int {
        var sql = "SELECT COUNT(*) FROM signInAttempt WHERE succeeded = 0 AND at > ?"
        var arguments: StatementArguments = [since]
        if let email {
            sql += " AND email = ?"
            arguments += [email]
        }
        if let client {
            sql += " AND client = ?"
            arguments += [client]
        }
        return try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0
    }

    func recordAttempt(email: String, client: String, at: Date, succeeded: Bool) throws {
        try db.execute(
            sql: "INSERT INTO signInAttempt (email, client, at, succeeded) VALUES (?, ?, ?, ?)", arguments: [email, client, at, succeeded])
    }

    func insertSession(idHash: String, staffId: Int64, csrf: String, origin: String, at: Date, expiresAt: Date, secondFactor: String) throws {
        try db.execute(
            sql: "INSERT INTO webSession (idHash, staffId, csrf, origin, createdAt, lastSeenAt, expiresAt, secondFactor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [idHash, staffId, csrf, origin, at, at, expiresAt, secondFactor])
    }

    func session(idHash: String) throws -> SessionRecord? {
        try Row.fetchOne(db, sql: """
            SELECT staffId, csrf, createdAt, lastSeenAt, expiresAt, secondFactor FROM webSession WHERE idHash = ? AND endedAt IS NULL
            """, arguments: [idHash]).map {
            SessionRecord(
                staffId: $0["staffId"], csrf: $0["csrf"], createdAt: $0["createdAt"], lastSeenAt: $0["lastSeenAt"], expiresAt: $0["expiresAt"],
                secondFactor: $0["secondFactor"])
        }
    }

    func touch(idHash: String, at: Date) throws {
        try db.execute(sql: "UPDATE webSession SET lastSeenAt = ? WHERE idHash = ?", arguments: [at, idHash])
    }

    func completeSecondFactor(idHash: String, at: Date) throws {
        try db.execute(sql: "UPDATE webSession SET secondFactor = 'done', lastSeenAt = ? WHERE idHash = ?", arguments: [at, idHash])
    }

    func endSession(idHash: String, at: Date) throws {
        try db.execute(sql: "UPDATE webSession SET endedAt = ? WHERE idHash = ?", arguments: [at, idHash])
    }

    func endSessions(staffId: Int64, at: Date) throws {
        try db.execute(sql: "UPDATE webSession SET endedAt = ? WHERE staffId = ? AND endedAt IS NULL", arguments: [at, staffId])
    }

    func totp(staffId: Int64) throws -> (secret: String, confirmed: Bool, lastStep: Int64?)? {
        try Row.fetchOne(db, sql: "SELECT secret, confirmedAt, lastStep FROM totpCredential WHERE staffId = ?", arguments: [staffId])
            .map { ($0["secret"], ($0["confirmedAt"] as Date?) != nil, $0["lastStep"]) }
    }

    func startEnrolment(staffId: Int64, secret: String, at: Date) throws {
        try db.execute(
            sql: """
                INSERT INTO totpCredential (staffId, secret, createdAt) VALUES (?, ?, ?)
                ON CONFLICT(staffId) DO UPDATE SET secret = excluded.secret, createdAt = excluded.createdAt, confirmedAt = NULL, lastStep = NULL
                """,
            arguments: [staffId, secret, at])
    }

    func confirmTotp(staffId: Int64, at: Date, step: Int64) throws {
        try db.execute(sql: "UPDATE totpCredential SET confirmedAt = ?, lastStep = ? WHERE staffId = ?", arguments: [at, step, staffId])
    }

    func setTotpStep(staffId: Int64, step: Int64) throws {
        try db.execute(sql: "UPDATE totpCredential SET lastStep = ? WHERE staffId = ?", arguments: [step, staffId])
    }

    func removeTotp(staffId: Int64) throws {
        try db.execute(sql: "DELETE FROM totpCredential WHERE staffId = ?", arguments: [staffId])
    }

    func replaceRecoveryCodes(staffId: Int64, hashes: [String]) throws {
        try db.execute(sql: "DELETE FROM recoveryCode WHERE staffId = ?", arguments: [staffId])
        for hash in hashes {
            try db.execute(sql: "INSERT INTO recoveryCode (staffId, codeHash) VALUES (?, ?)", arguments: [staffId, hash])
        }
    }

    func useRecoveryCode(staffId: Int64, hash: String, at: Date) throws -> Bool {
        try db.execute(
            sql: "UPDATE recoveryCode SET usedAt = ? WHERE staffId = ? AND codeHash = ? AND usedAt IS NULL", arguments: [at, staffId, hash])
        return db.changesCount > 0
    }

    func recoveryCodesLeft(staffId: Int64) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM recoveryCode WHERE staffId = ? AND usedAt IS NULL", arguments: [staffId]) ?? 0
    }
}
