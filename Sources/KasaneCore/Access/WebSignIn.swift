import Foundation

/// How long web sessions and sign-in links last, and when repeated failures lock an
/// address out. API tokens are not affected: they stay for programs.
public struct SignInPolicy: Sendable, Equatable {
    /// A session unused this long ends (default 30 minutes).
    public var idle: TimeInterval
    /// A session ends this long after sign-in, however busy (default 12 hours).
    public var absolute: TimeInterval
    /// A one-time link to set a password lasts this long (default 72 hours).
    public var linkLifetime: TimeInterval
    /// How long a sign-in may wait between the password and the second factor.
    public var secondFactorWindow: TimeInterval = 10 * 60
    /// This many failures within `lockoutWindow` for one address from one client lock that
    /// address on that client for `lockoutWindow`.
    public var maxFailures: Int
    public var lockoutWindow: TimeInterval
    /// Failures from one client within the window, over every address, that stop the client
    /// (one client trying a few passwords on every address).
    public var maxFailuresPerClient: Int
    /// Failures for one address within the window, from every client, that lock the address
    /// everywhere: high enough that locking someone else out takes many clients.
    public var maxFailuresPerAddress: Int
    /// Failures within a minute, everywhere, beyond which sign-in pauses for everyone.
    public var maxFailuresPerMinute: Int

    public static let standard = SignInPolicy(
        idle: 30 * 60, absolute: 12 * 3600, linkLifetime: 72 * 3600, maxFailures: 5, lockoutWindow: 15 * 60)

    public init(
        idle: TimeInterval, absolute: TimeInterval, linkLifetime: TimeInterval, maxFailures: Int, lockoutWindow: TimeInterval,
        maxFailuresPerClient: Int = 10, maxFailuresPerAddress: Int = 25, maxFailuresPerMinute: Int = 60
    ) {
        self.idle = idle
        self.absolute = absolute
        self.linkLifetime = linkLifetime
        self.maxFailures = maxFailures
        self.lockoutWindow = lockoutWindow
        self.maxFailuresPerClient = maxFailuresPerClient
        self.maxFailuresPerAddress = maxFailuresPerAddress
        self.maxFailuresPerMinute = maxFailuresPerMinute
    }

    /// A password: 12 to 64 characters, no control characters, within bcrypt's 72 bytes.
    public static func validatePassword(_ password: String) throws {
        guard (12...64).contains(password.count), password.utf8.count <= 72 else {
            throw KasaneError.invalid(field: "password", message: "パスワードは12文字以上64文字以内にしてください（日本語は24文字程度まで）。")
        }
        guard !password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw KasaneError.invalid(field: "password", message: "パスワードに制御文字は使えません。")
        }
        guard Set(password).count >= 4 else {
            throw KasaneError.invalid(field: "password", message: "同じ文字の繰り返しは避け、推測されにくいパスワードにしてください。")
        }
    }
}

/// A one-time link to set a first (or new) password, as the administrator hands it out.
public struct SignInLink: Codable, Sendable, Equatable {
    public var staffId: Int64
    public var email: String
    public var url: String
    public var expiresAt: Date

    public init(staffId: Int64, email: String, url: String, expiresAt: Date) {
        self.staffId = staffId
        self.email = email
        self.url = url
        self.expiresAt = expiresAt
    }
}

/// A signed-in browser: the cookie's value (`id`, returned once, stored hashed) and the
/// token every form must carry.
public struct WebSession: Sendable, Equatable {
    public var id: String
    public var csrf: String
    public var staff: Staff
    public var expiresAt: Date
    /// `done` once signed in; `code` or `enrol` while the second factor is still to come
    /// (the raw value of the store's `SecondFactorStep`).
    public var secondFactor: String = "done"

    public init(id: String, csrf: String, staff: Staff, expiresAt: Date) {
        self.id = id
        self.csrf = csrf
        self.staff = staff
        self.expiresAt = expiresAt
    }
}
