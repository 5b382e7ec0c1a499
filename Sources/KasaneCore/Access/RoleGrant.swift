import Foundation

/// A role that reads cases (多機関協働, 事務局, 構成員), asked for one staff member and
/// given only when a second person approves: a coordinator, or an administrator other than
/// the one who asked, and never the person it is for. Until then the staff member does not
/// have it. Every request and decision is audited with who asked and who decided.
public struct RoleGrant: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable { case pending, approved, refused }

    public var id: Int64?
    public var staffId: Int64
    public var role: StaffRole
    public var requestedBy: Int64
    public var requestedAt: Date
    public var status: Status
    public var decidedBy: Int64?
    public var decidedAt: Date?
    public var reason: String?

    public init(
        id: Int64? = nil, staffId: Int64, role: StaffRole, requestedBy: Int64, requestedAt: Date, status: Status,
        decidedBy: Int64? = nil, decidedAt: Date? = nil, reason: String? = nil
    ) {
        self.id = id
        self.staffId = staffId
        self.role = role
        self.requestedBy = requestedBy
        self.requestedAt = requestedAt
        self.status = status
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.reason = reason
    }
}

extension StaffRole {
    /// Roles that read case details or minutes: given only by a second person.
    public var readsCases: Bool { self != .administrator }
}
