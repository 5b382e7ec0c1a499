/// Who is acting, and from where: a staff member through the API or the command
/// line, or the operator at the server's console with access to the database file.
public struct Actor: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case staff(Staff)
        case localOperator
    }

    public let kind: Kind
    /// Where the request came from: a client address, or `cli`.
    public let origin: String

    public init(kind: Kind, origin: String) {
        self.kind = kind
        self.origin = origin
    }

    public static func staff(_ staff: Staff, from origin: String = "api") -> Actor {
        Actor(kind: .staff(staff), origin: origin)
    }

    public static let localOperator = Actor(kind: .localOperator, origin: "cli")

    public var staffId: Int64? { staff?.id }

    public var staff: Staff? {
        if case .staff(let s) = kind { return s }
        return nil
    }
}
