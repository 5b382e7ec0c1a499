import Foundation

/// What a coordinator sends to create a meeting.
public struct MeetingInput: Codable, Sendable, Equatable {
    public var kind: MeetingKind
    public var startsAt: Date
    public var endsAt: Date
    public var place: String
    public var chairId: Int64?
    public var secretariatId: Int64?
    /// Fill the attendees from a stored member proposal.
    public var proposalId: Int64?
    public var items: [AgendaItemInput]?
    /// Book this room (its name is the place when `place` is empty).
    public var roomId: Int64?
    /// A room (the default), online, or a visit to the household of `visitCaseId`.
    public var placeKind: PlaceKind?
    public var visitCaseId: Int64?

    public init(
        kind: MeetingKind, startsAt: Date, endsAt: Date, place: String, chairId: Int64? = nil, secretariatId: Int64? = nil,
        proposalId: Int64? = nil, items: [AgendaItemInput]? = nil, roomId: Int64? = nil, placeKind: PlaceKind? = nil,
        visitCaseId: Int64? = nil
    ) {
        self.kind = kind
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.place = place
        self.chairId = chairId
        self.secretariatId = secretariatId
        self.proposalId = proposalId
        self.items = items
        self.roomId = roomId
        self.placeKind = placeKind
        self.visitCaseId = visitCaseId
    }

    /// Checks the time (the place is `MeetingPlace.resolve`'s).
    public static func validateTime(startsAt: Date, endsAt: Date) throws {
        guard JapaneseHolidays.supportedYears.contains(LocalDate.inTokyo(startsAt).year) else {
            throw KasaneError.invalid(
                field: "startsAt", message: "Kasaneが扱う日付は\(JapaneseHolidays.supportedYears.lowerBound)年から\(JapaneseHolidays.supportedYears.upperBound)年までです。")
        }
        guard endsAt > startsAt else {
            throw KasaneError.invalid(field: "endsAt", message: "終了時刻は開始時刻より後にしてください。")
        }
        guard endsAt.timeIntervalSince(startsAt) <= 8 * 3600 else {
            throw KasaneError.invalid(field: "endsAt", message: "会議の長さは8時間以内にしてください。")
        }
        guard LocalDate.inTokyo(startsAt) == LocalDate.inTokyo(endsAt.addingTimeInterval(-1)) else {
            throw KasaneError.invalid(field: "endsAt", message: "会議は開始日と同じ日のうちに終わるようにしてください。")
        }
    }
}

/// A change of time, place or room.
public struct MeetingChangeInput: Codable, Sendable, Equatable {
    public var startsAt: Date?
    public var endsAt: Date?
    public var place: String?
    /// Book this room instead (0 gives the room up).
    public var roomId: Int64?
    /// Another kind of place; a visit names the case whose household is visited.
    public var placeKind: PlaceKind?
    public var visitCaseId: Int64?

    public init(
        startsAt: Date? = nil, endsAt: Date? = nil, place: String? = nil, roomId: Int64? = nil, placeKind: PlaceKind? = nil,
        visitCaseId: Int64? = nil
    ) {
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.place = place
        self.roomId = roomId
        self.placeKind = placeKind
        self.visitCaseId = visitCaseId
    }
}

/// An agenda item as sent.
public struct AgendaItemInput: Codable, Sendable, Equatable {
    public var caseId: Int64?
    public var purpose: AgendaPurpose
    public var minutes: Int?
    /// Where to put it (1 = first); default last.
    public var position: Int?

    public init(caseId: Int64?, purpose: AgendaPurpose, minutes: Int? = nil, position: Int? = nil) {
        self.caseId = caseId
        self.purpose = purpose
        self.minutes = minutes
        self.position = position
    }
}

/// An attendee as sent.
public struct AttendeeInput: Codable, Sendable, Equatable {
    public var staffId: Int64
    public var role: AttendeeRole?
    /// Only these items; nil means every item.
    public var itemIds: [Int64]?
    /// Items they leave the room for (退席).
    public var leavesFor: [Int64]?
    public var reason: String?

    public init(staffId: Int64, role: AttendeeRole? = nil, itemIds: [Int64]? = nil, leavesFor: [Int64]? = nil, reason: String? = nil) {
        self.staffId = staffId
        self.role = role
        self.itemIds = itemIds
        self.leavesFor = leavesFor
        self.reason = reason
    }
}

/// A cancellation, with its reason.
public struct CancellationInput: Codable, Sendable, Equatable {
    public var reason: String
    public init(reason: String) { self.reason = reason }
}
