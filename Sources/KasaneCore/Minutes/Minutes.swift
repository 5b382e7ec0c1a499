import Foundation

/// Whether an attendee was in the room for an item.
public enum Presence: String, Codable, Sendable, CaseIterable {
    case present
    case absent
    case leftRoom

    public var japaneseName: String {
        switch self {
        case .present: "出席"
        case .absent: "欠席"
        case .leftRoom: "退席"
        }
    }
}

public struct AttendanceRecord: Codable, Sendable, Equatable {
    public var staffId: Int64
    public var presence: Presence

    public init(staffId: Int64, presence: Presence) {
        self.staffId = staffId
        self.presence = presence
    }
}

/// One item of the minutes as it may be distributed: codes, attendance and the
/// decisions without their words.
public struct MinutesRecordItem: Codable, Sendable, Equatable {
    public var itemId: Int64
    public var position: Int
    public var purpose: AgendaPurpose
    public var caseId: Int64?
    public var caseCode: String?
    public var attendance: [AttendanceRecord]
    public var decisions: [Decision]

    public init(
        itemId: Int64, position: Int, purpose: AgendaPurpose, caseId: Int64?, caseCode: String?,
        attendance: [AttendanceRecord], decisions: [Decision]
    ) {
        self.itemId = itemId
        self.position = position
        self.purpose = purpose
        self.caseId = caseId
        self.caseCode = caseCode
        self.attendance = attendance
        self.decisions = decisions
    }

    public func presence(of staffId: Int64) -> Presence? { attendance.first { $0.staffId == staffId }?.presence }
}

/// The distributed record of a minutes version. Canonical JSON of it is hashed.
public struct MinutesRecord: Codable, Sendable, Equatable {
    public var items: [MinutesRecordItem]

    public init(items: [MinutesRecordItem]) { self.items = items }
}

/// The words of one item, which only its attendees read: the summary of the
/// discussion and the free text of each decision, in the order of the decisions.
public struct MinutesItemText: Codable, Sendable, Equatable {
    public var summary: String
    public var decisionTexts: [String?]

    public init(summary: String, decisionTexts: [String?]) {
        self.summary = summary
        self.decisionTexts = decisionTexts
    }
}

/// The minutes of one item as an attendee reads them.
public struct MinutesItem: Codable, Sendable, Equatable {
    public var itemId: Int64
    public var position: Int
    public var purpose: AgendaPurpose
    public var purposeName: String
    public var caseId: Int64?
    public var caseCode: String?
    public var attendance: [AttendanceRecord]
    /// Nil when withheld from this reader, or erased after the retention period.
    public var summary: String?
    public var decisions: [Decision]
    /// The item is outside what this reader may read (（この議題は出席範囲外です）).
    public var withheld: Bool
    /// The words were erased when the case passed its retention period.
    public var erased: Bool

    public init(record: MinutesRecordItem, text: MinutesItemText?, withheld: Bool, erased: Bool) {
        itemId = record.itemId
        position = record.position
        purpose = record.purpose
        purposeName = record.purpose.japaneseName
        self.withheld = withheld
        self.erased = erased
        caseId = withheld ? nil : record.caseId
        caseCode = withheld ? nil : record.caseCode
        attendance = withheld ? [] : record.attendance
        summary = withheld ? nil : text?.summary
        decisions = withheld ? [] : record.decisions.enumerated().map { i, d in
            var d = d
            d.text = text.flatMap { i < $0.decisionTexts.count ? $0.decisionTexts[i] : nil }
            return d
        }
    }
}

/// What the secretariat writes into a draft: per item, any of attendance, summary
/// and decisions (what is left out stays as it was).
public struct MinutesEdit: Codable, Sendable, Equatable {
    public struct Item: Codable, Sendable, Equatable {
        public var itemId: Int64
        public var attendance: [AttendanceRecord]?
        public var summary: String?
        public var decisions: [Decision]?

        public init(itemId: Int64, attendance: [AttendanceRecord]? = nil, summary: String? = nil, decisions: [Decision]? = nil) {
            self.itemId = itemId
            self.attendance = attendance
            self.summary = summary
            self.decisions = decisions
        }
    }

    public var items: [Item]

    public init(items: [Item]) { self.items = items }
}

/// Starting a correction of approved minutes: why.
public struct MinutesCorrectionInput: Codable, Sendable, Equatable {
    public var reason: String

    public init(reason: String) { self.reason = reason }
}

/// The chair sending a draft back: what to fix.
public struct MinutesReturnInput: Codable, Sendable, Equatable {
    public var comment: String

    public init(comment: String) { self.comment = comment }
}

/// Where a minutes version stands.
public enum MinutesState: String, Codable, Sendable {
    case draft
    case approved

    public var japaneseName: String { self == .draft ? "案" : "承認済み" }
}

/// Who may read minutes, item by item (DOMAIN rule 4): the chair and the secretariat
/// read every item; an attendee the items they were in the room for (not absent,
/// not 退席, not an item outside their part) and, for a 重層的支援会議, whose case's
/// consent covers their agency. Nobody else reads them, whatever their role.
public enum MinutesAccess {
    /// The item ids the actor may read, or nil when they may not read the minutes at all.
    /// An item is withheld when `record` or any of `approved` (every approved version of the
    /// meeting's minutes) records the reader absent or leaving the room for it: a correction
    /// that records someone 退席 holds for every version they ask for, earlier ones too.
    public static func visibleItems(
        _ view: MeetingAccess.View, record: MinutesRecord, approved: [MinutesRecord] = [], _ actor: Actor
    ) -> Set<Int64>? {
        let all = Set(view.items.compactMap(\.id))
        guard case .staff(let staff) = actor.kind else { return all }
        guard staff.active else { return nil }
        if staff.has(.secretariat) || staff.id == view.meeting.chairId { return all }
        guard let attendee = view.attendees.first(where: { $0.staffId == staff.id }) else { return nil }
        var notThere: Set<Int64> = []
        for r in [record] + approved {
            for item in r.items {
                if let p = item.presence(of: staff.id ?? -1), p != .present { notThere.insert(item.itemId) }
            }
        }
        return Set(view.items.filter { item in
            guard let id = item.id, attendee.hears(id) else { return false }
            if notThere.contains(id) { return false }
            guard view.meeting.kind == .multiLayeredSupportMeeting, let caseId = item.caseId else { return true }
            return ConsentCoverage(consents: view.consents[caseId] ?? [], on: view.meeting.day).covers(agency: staff.agencyId)
        }.compactMap(\.id))
    }
}

/// Canonical JSON: sorted keys, no escaped slashes, dates as ISO 8601; the same
/// value always gives the same bytes, so its SHA-256 can be checked years later.
public enum CanonicalJSON {
    public static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(value)
    }
}
