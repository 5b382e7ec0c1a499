import Foundation

/// Choosing a found time: create the meeting there (or move an existing one), after
/// checking again, in the same transaction, that every required person and the room
/// are still free.
public struct BookingRequest: Codable, Sendable, Equatable {
    public var kind: MeetingKind
    public var startsAt: Date
    public var endsAt: Date
    /// Move this meeting instead of creating one; its required attendees are checked.
    public var meetingId: Int64?
    /// Create from this stored proposal (its members are the required people).
    public var proposalId: Int64?
    /// Further required people to check (besides the proposal's).
    public var required: [Int64]?
    public var roomId: Int64?
    /// Where, in words; default the room's name.
    public var place: String?
    public var items: [AgendaItemInput]?

    public init(
        kind: MeetingKind, startsAt: Date, endsAt: Date, meetingId: Int64? = nil, proposalId: Int64? = nil,
        required: [Int64]? = nil, roomId: Int64? = nil, place: String? = nil, items: [AgendaItemInput]? = nil
    ) {
        self.kind = kind
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.meetingId = meetingId
        self.proposalId = proposalId
        self.required = required
        self.roomId = roomId
        self.place = place
        self.items = items
    }
}
