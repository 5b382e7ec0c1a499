import Crypto
import Foundation
import GRDB
import KasaneCore

/// An API token as stored: only its SHA-256 hash is kept.
public struct APIToken: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "apiToken"
    public var id: Int64?
    public var staffId: Int64
    public var tokenHash: String
    public var label: String
    public var createdAt: Date
    public var revokedAt: Date?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension AppDatabase {
    /// Issues a bearer token to the person asking, for their own programs: nobody issues a
    /// token for someone else (an administrator could otherwise read as any member). The
    /// console (the operator with the database file) may, to set a city up. The token is
    /// returned once and never stored; the database keeps its hash.
    public func issueToken(staffId: Int64, label: String, by actor: Actor) async throws -> (token: String, record: APIToken) {
        try await audited(actor, "token.issue", target: "staff:\(staffId)") { db, note in
            if let own = actor.staffId, own != staffId {
                throw KasaneError.forbidden("APIトークンは本人だけが自分のために発行できます（管理者は失効だけができます）。")
            }
            let label = try Validate.text(label, field: "label", label: "トークンの用途", max: 100)
            let token = Self.newToken()
            let staff = try Self.staff(db, id: staffId)
            guard staff.active else {
                throw KasaneError.conflict("無効な職員（ID \(staffId)）にはトークンを発行できません。")
            }
            var record = APIToken(
                id: nil, staffId: staffId, tokenHash: Self.hash(token), label: label, createdAt: note.at, revokedAt: nil)
            try record.insert(db)
            return (token, record)
        }
    }

    public func tokens(staffId: Int64? = nil) async throws -> [APIToken] {
        try await reader.read { db in
            var request = APIToken.order(Column("id"))
            if let staffId { request = request.filter(Column("staffId") == staffId) }
            return try request.fetchAll(db)
        }
    }

    /// Revokes a token: it stops working at once. Its owner, or an administrator, may.
    public func revokeToken(id: Int64, by actor: Actor) async throws {
        try await audited(actor, "token.revoke", target: "token:\(id)") { db, note in
            guard var token = try APIToken.fetchOne(db, key: id),
                  actor.staffId == nil || actor.staffId == token.staffId || Access.allows(.manageDirectory, actor)
            else {
                throw KasaneError.notFound("トークン（ID \(id)）はありません。")
            }
            guard token.revokedAt == nil else { throw KasaneError.conflict("トークン（ID \(id)）は既に失効しています。") }
            token.revokedAt = note.at
            try token.update(db)
        }
    }

    /// The active staff member a presented token belongs to, or nil.
    public func staff(forToken token: String) async throws -> Staff? {
        guard token.count == Self.tokenLength, token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            return nil
        }
        return try await reader.read { db in
            try Staff.fetchOne(db, sql: """
                SELECT staff.* FROM staff JOIN apiToken ON apiToken.staffId = staff.id
                WHERE apiToken.tokenHash = ? AND apiToken.revokedAt IS NULL AND staff.active
                """, arguments: [Self.hash(token)])
        }
    }

    static let tokenLength = 43

    /// 256 random bits from the system's generator, as 43 base-62 characters.
    static func newToken() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<tokenLength).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
