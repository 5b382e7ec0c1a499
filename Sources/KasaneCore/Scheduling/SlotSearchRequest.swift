/// What a coordinator asks when finding a time: who must come (from a stored member
/// proposal, or listed), who may, how long, between which days, and when they prefer.
public struct SlotSearchRequest: Codable, Sendable, Equatable {
    public var kind: MeetingKind
    /// Take the required people from this stored proposal (chair, secretariat, members).
    public var proposalId: Int64?
    public var required: [Int64]?
    public var optional: [Int64]?
    /// Length in minutes; default 90.
    public var minutes: Int?
    /// First and last day to search; default from today for four weeks.
    public var from: LocalDate?
    public var to: LocalDate?
    public var preferred: [TimeRange]?
    /// An urgent 支援会議: today and the next working day first, no minimum notice.
    public var urgent: Bool?
    /// How many candidates; default 5.
    public var count: Int?
    /// A room is needed: only times when one that fits is free are offered.
    public var room: RoomNeed?
    /// Search closed days and 7:00–21:00 too (never done unless asked; each such time says so).
    public var anyTime: Bool?

    /// What the room must offer.
    public struct RoomNeed: Codable, Sendable, Equatable {
        /// Seats, at least; default the number of people asked.
        public var capacity: Int?
        public var equipment: [String]?
        /// true: an online room; false: a meeting room; nil: either.
        public var online: Bool?

        public init(capacity: Int? = nil, equipment: [String]? = nil, online: Bool? = nil) {
            self.capacity = capacity
            self.equipment = equipment
            self.online = online
        }

        /// Whether `room` offers this for `people` people.
        public func fits(_ room: Room, people: Int) -> Bool {
            guard room.active else { return false }
            if let online, online != room.online { return false }
            if let seats = room.capacity, seats < max(capacity ?? people, 1) { return false }
            return Set(equipment ?? []).isSubset(of: Set(room.equipment))
        }
    }

    public init(
        kind: MeetingKind, proposalId: Int64? = nil, required: [Int64]? = nil, optional: [Int64]? = nil, minutes: Int? = nil,
        from: LocalDate? = nil, to: LocalDate? = nil, preferred: [TimeRange]? = nil, urgent: Bool? = nil, count: Int? = nil,
        room: RoomNeed? = nil
    ) {
        self.kind = kind
        self.proposalId = proposalId
        self.required = required
        self.optional = optional
        self.minutes = minutes
        self.from = from
        self.to = to
        self.preferred = preferred
        self.urgent = urgent
        self.count = count
        self.room = room
    }

    /// Checks form; the days default around `today`.
    public func validated(today: LocalDate) throws -> (minutes: Int, from: LocalDate, to: LocalDate, count: Int) {
        let minutes = self.minutes ?? 90
        guard (15...480).contains(minutes) else {
            throw KasaneError.invalid(field: "minutes", message: "会議の長さは15分から480分で指定してください（\(minutes)）。")
        }
        let count = self.count ?? 5
        guard (1...20).contains(count) else {
            throw KasaneError.invalid(field: "count", message: "候補の数は1から20で指定してください（\(count)）。")
        }
        let from = max(self.from ?? today, today)
        let to = self.to ?? from.adding(days: 28)
        guard from <= to else {
            throw KasaneError.invalid(field: "to", message: "探す期間の終わり（to）は始め（from）以降にしてください。")
        }
        guard to <= today.adding(days: 366) else {
            throw KasaneError.invalid(field: "to", message: "探す期間は今日から1年以内にしてください。")
        }
        guard proposalId != nil || !(required ?? []).isEmpty else {
            throw KasaneError.invalid(field: "required", message: "必須の出席者（required）か、構成員の提案（proposalId）を指定してください。")
        }
        for range in preferred ?? [] where !(range.from < range.to) {
            throw KasaneError.invalid(field: "preferred", message: "希望の時間帯は始めを終わりより前にしてください（\(range.from)〜\(range.to)）。")
        }
        return (minutes, from, to, count)
    }
}
