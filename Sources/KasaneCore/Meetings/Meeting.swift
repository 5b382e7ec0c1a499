import Foundation

/// Where a meeting stands.
public enum MeetingStatus: String, Codable, Sendable, CaseIterable {
    case planned
    case invited
    case held
    case minutesApproved
    case cancelled

    public var japaneseName: String {
        switch self {
        case .planned: "予定"
        case .invited: "招集済み"
        case .held: "開催済み"
        case .minutesApproved: "議事録承認済み"
        case .cancelled: "中止"
        }
    }

    /// A held, approved or cancelled meeting takes no more changes of its own.
    public var isClosed: Bool { self == .held || self == .minutesApproved || self == .cancelled }

    /// planned → invited → held → minutes approved; planned or invited → cancelled.
    public func canMove(to next: MeetingStatus) -> Bool {
        switch (self, next) {
        case (.planned, .invited), (.planned, .held), (.invited, .held), (.held, .minutesApproved),
             (.planned, .cancelled), (.invited, .cancelled):
            true
        default:
            false
        }
    }
}

/// A 支援会議 or 重層的支援会議. Its title is generated from kind and number and names no one.
public struct Meeting: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var kind: MeetingKind
    public var fiscalYear: Int
    /// 第N回, counted per kind and fiscal year.
    public var number: Int
    public var startsAt: Date
    public var endsAt: Date
    public var place: String
    public var chairId: Int64
    public var secretariatId: Int64
    public var status: MeetingStatus
    public var cancellationReason: String?
    /// The iCalendar UID: stored once, never changed.
    public var uid: String
    /// The iCalendar SEQUENCE: raised on every change of time, place, status or attendees.
    public var sequence: Int
    public var createdBy: Int64?
    /// The room booked, if any (a Kasane room; `place` says where in words).
    public var roomId: Int64?
    /// A room, online, or a visit to a household (whose place then says only 訪問（事例番号）).
    public var placeKind: PlaceKind
    /// For a visit: the case whose household is visited.
    public var visitCaseId: Int64?

    public init(
        id: Int64? = nil, kind: MeetingKind, fiscalYear: Int, number: Int, startsAt: Date, endsAt: Date, place: String,
        chairId: Int64, secretariatId: Int64, status: MeetingStatus = .planned, cancellationReason: String? = nil,
        uid: String, sequence: Int = 0, createdBy: Int64?, roomId: Int64? = nil, placeKind: PlaceKind = .room,
        visitCaseId: Int64? = nil
    ) {
        self.id = id
        self.kind = kind
        self.fiscalYear = fiscalYear
        self.number = number
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.place = place
        self.chairId = chairId
        self.secretariatId = secretariatId
        self.status = status
        self.cancellationReason = cancellationReason
        self.uid = uid
        self.sequence = sequence
        self.createdBy = createdBy
        self.roomId = roomId
        self.placeKind = placeKind
        self.visitCaseId = visitCaseId
    }

    /// `重層的支援会議 第3回`, under the municipality's name for the kind.
    public func title(_ settings: MunicipalitySettings) -> String {
        "\(settings.displayName(of: kind)) 第\(number)回"
    }

    /// The day of the meeting in Japan; consent and pledges are judged on it.
    public var day: LocalDate { LocalDate.inTokyo(startsAt) }
}

extension LocalDate {
    /// The date in Japan of an instant.
    public static func inTokyo(_ instant: Date) -> LocalDate { today(now: instant) }
}
