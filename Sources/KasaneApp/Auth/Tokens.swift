import Foundation
import KasaneCore
import KasaneStorage

// API tokens: issued only to oneself, kept as hashes, revoked by their owner or an
// administrator, each issue and revocation audited.

extension TransactionalStorage {
    /// Issues a bearer token to the person asking, for their own programs: nobody issues a
    /// token for someone else (an administrator could otherwise read as any member). The
    /// console (the operator with the database file) may, to set a city up. The token is
    /// returned once and never stored; the storage keeps its hash.
    public func issueToken(staffId: Int64, label: String, by actor: Actor) async throws -> (token: String, record: APIToken) {
        try await audited(actor, "token.issue", target: "staff:\(staffId)") { work, note in
            if let own = actor.staffId, own != staffId {
                throw KasaneError.forbidden("APIトークンは本人だけが自分のために発行できます（管理者は失効だけができます）。")
            }
            let label = try Validate.text(label, field: "label", label: "トークンの用途", max: 100)
            let token = Secret.new()
            let staff = try StaffRules.staff(work, id: staffId)
            guard staff.active else {
                throw KasaneError.conflict("無効な職員（ID \(staffId)）にはトークンを発行できません。")
            }
            let record = try work.tokens.insert(
                APIToken(id: nil, staffId: staffId, tokenHash: Secret.hash(token), label: label, createdAt: note.at, revokedAt: nil))
            return (token, record)
        }
    }

    public func tokens(staffId: Int64? = nil) async throws -> [APIToken] {
        try await read { work in try work.tokens.tokens(staffId: staffId) }
    }

    /// Revokes a token: it stops working at once. Its owner, or an administrator, may.
    public func revokeToken(id: Int64, by actor: Actor) async throws {
        try await audited(actor, "token.revoke", target: "token:\(id)") { work, note in
            guard var token = try work.tokens.token(id: id),
                  actor.staffId == nil || actor.staffId == token.staffId || Access.allows(.manageDirectory, actor)
            else {
                throw KasaneError.notFound("トークン（ID \(id)）はありません。")
            }
            guard token.revokedAt == nil else { throw KasaneError.conflict("トークン（ID \(id)）は既に失効しています。") }
            token.revokedAt = note.at
            try work.tokens.update(token)
        }
    }

    /// The active staff member a presented token belongs to, or nil.
    public func staff(forToken token: String) async throws -> Staff? {
        guard Secret.wellFormed(token) else { return nil }
        let hash = Secret.hash(token)
        return try await read { work in try work.tokens.activeStaff(tokenHash: hash) }
    }
}
