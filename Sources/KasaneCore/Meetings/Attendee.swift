/// How an attendee takes part.
public enum AttendeeRole: String, Codable, Sendable, CaseIterable {
    case chair
    case required
    case optional
    case observer

    public var japaneseName: String {
        switch self {
        case .chair: "議長"
        case .required: "出席者"
        case .optional: "任意出席"
        case .observer: "オブザーバー"
        }
    }
}

/// A staff member invited to a meeting, and which items they hear.
public struct Attendee: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var meetingId: Int64
    public var staffId: Int64
    public var role: AttendeeRole
    /// The items they are there for; nil means every item.
    public var itemIds: [Int64]?
    /// Items they leave the room for (退席).
    public var leavesFor: [Int64]
    /// Why they were added by hand, if they were.
    public var reason: String?

    public init(
        id: Int64? = nil, meetingId: Int64, staffId: Int64, role: AttendeeRole, itemIds: [Int64]?, leavesFor: [Int64] = [],
        reason: String? = nil
    ) {
        self.id = id
        self.meetingId = meetingId
        self.staffId = staffId
        self.role = role
        self.itemIds = itemIds
        self.leavesFor = leavesFor
        self.reason = reason
    }

    /// Whether they are in the room for the item.
    public func hears(_ itemId: Int64) -> Bool {
        (itemIds?.contains(itemId) ?? true) && !leavesFor.contains(itemId)
    }
}
