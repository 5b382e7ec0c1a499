import Foundation
import KasaneCore

// What the web sign-in and its second factor read and write: one-time links, password
// credentials, sessions, attempts (for the lockout), the authenticator app's shared secret and
// the recovery codes. Every secret is kept as a hash but the TOTP secret, which both sides
// must know. What is decided with them is the application's (KasaneApp/Auth).

/// The slow password hash and the authenticator app's codes. Implemented beside an engine
/// (bcrypt and RFC 6238 from hummingbird-auth), so that the application stays free of
/// HTTP: HummingbirdOTP depends on Hummingbird.
public protocol Credentials: Sendable {
    func hashPassword(_ password: String) -> String
    func verifyPassword(_ password: String, hash: String) -> Bool
    /// A hash of a password nobody has, to spend the same time on when an address is unknown.
    var decoyHash: String { get }
    /// The six-digit code of the 30-second step `step` for `secret`.
    func code(secret: String, step: Int64) -> Int
    /// `otpauth://totp/…?secret=…&issuer=…`, for the QR code an authenticator app scans.
    func authenticatorURL(secret: String, label: String, issuer: String) -> String
}

/// A storage that also keeps sign-in, with the credentials it is used with.
public protocol SignInStorage: TransactionalStorage {
    var credentials: any Credentials { get }
}

/// A web session as stored (its id only as a hash).
public struct SessionRecord: Sendable, Equatable {
    public var staffId: Int64
    public var csrf: String
    public var createdAt: Date
    public var lastSeenAt: Date
    public var expiresAt: Date
    /// `done`, or the second-factor step still to come.
    public var secondFactor: String

    public init(staffId: Int64, csrf: String, createdAt: Date, lastSeenAt: Date, expiresAt: Date, secondFactor: String) {
        self.staffId = staffId
        self.csrf = csrf
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.expiresAt = expiresAt
        self.secondFactor = secondFactor
    }
}

public protocol SignInRepository {
    func insertLink(hash: String, staffId: Int64, at: Date, expiresAt: Date) throws
    func link(hash: String) throws -> (staffId: Int64, expiresAt: Date, usedAt: Date?)?
    func useLink(hash: String, at: Date) throws
    func passwordHash(staffId: Int64) throws -> String?
    func setPassword(staffId: Int64, hash: String, at: Date) throws
    func removePassword(staffId: Int64) throws
    /// Failed attempts after `since`, for one address, one client, both, or (neither) all.
    func failures(since: Date, email: String?, client: String?) throws -> Int
    func recordAttempt(email: String, client: String, at: Date, succeeded: Bool) throws
    func insertSession(idHash: String, staffId: Int64, csrf: String, origin: String, at: Date, expiresAt: Date, secondFactor: String) throws
    /// A session not ended, by the hash of its id.
    func session(idHash: String) throws -> SessionRecord?
    func touch(idHash: String, at: Date) throws
    func completeSecondFactor(idHash: String, at: Date) throws
    func endSession(idHash: String, at: Date) throws
    func endSessions(staffId: Int64, at: Date) throws
    /// The authenticator secret, whether it was confirmed, and the last step taken.
    func totp(staffId: Int64) throws -> (secret: String, confirmed: Bool, lastStep: Int64?)?
    /// Starts an enrolment with a new secret, replacing any earlier one.
    func startEnrolment(staffId: Int64, secret: String, at: Date) throws
    func confirmTotp(staffId: Int64, at: Date, step: Int64) throws
    func setTotpStep(staffId: Int64, step: Int64) throws
    func removeTotp(staffId: Int64) throws
    /// Replaces the recovery codes (their hashes).
    func replaceRecoveryCodes(staffId: Int64, hashes: [String]) throws
    /// Uses a recovery code not used yet; false when there is none with this hash.
    func useRecoveryCode(staffId: Int64, hash: String, at: Date) throws -> Bool
    func recoveryCodesLeft(staffId: Int64) throws -> Int
}
