/// Who is acting: a staff member through the API, or the operator at the server's
/// console (the CLI, with access to the database file itself).
public enum Actor: Sendable, Equatable {
    case staff(Staff)
    case localOperator

    public var staffId: Int64? {
        if case .staff(let s) = self { return s.id }
        return nil
    }

    public var staff: Staff? {
        if case .staff(let s) = self { return s }
        return nil
    }
}
