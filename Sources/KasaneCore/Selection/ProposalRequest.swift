/// What a coordinator asks for: the members of a meeting of `kind` on `date` for
/// these cases, with any manual additions and exclusions and their reasons.
public struct ProposalRequest: Codable, Sendable, Equatable {
    public var kind: MeetingKind
    public var caseIds: [Int64]
    /// The day of the meeting; consent and pledges are judged on it. Default: today.
    public var date: LocalDate?
    public var chairId: Int64?
    public var secretariatId: Int64?
    public var additions: [ManualAddition]
    public var exclusions: [ManualExclusion]

    public init(
        kind: MeetingKind, caseIds: [Int64], date: LocalDate? = nil, chairId: Int64? = nil, secretariatId: Int64? = nil,
        additions: [ManualAddition] = [], exclusions: [ManualExclusion] = []
    ) {
        self.kind = kind
        self.caseIds = caseIds
        self.date = date
        self.chairId = chairId
        self.secretariatId = secretariatId
        self.additions = additions
        self.exclusions = exclusions
    }

    private enum CodingKeys: String, CodingKey {
        case kind, caseIds, date, chairId, secretariatId, additions, exclusions
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(MeetingKind.self, forKey: .kind)
        caseIds = try c.decode([Int64].self, forKey: .caseIds)
        date = try c.decodeIfPresent(LocalDate.self, forKey: .date)
        chairId = try c.decodeIfPresent(Int64.self, forKey: .chairId)
        secretariatId = try c.decodeIfPresent(Int64.self, forKey: .secretariatId)
        additions = try c.decodeIfPresent([ManualAddition].self, forKey: .additions) ?? []
        exclusions = try c.decodeIfPresent([ManualExclusion].self, forKey: .exclusions) ?? []
    }

    /// Checks form: at least one case, no duplicates, a reason for every manual change.
    public func validated() throws -> ProposalRequest {
        guard !caseIds.isEmpty else {
            throw KasaneError.invalid(field: "caseIds", message: "事例を1件以上指定してください。")
        }
        guard Set(caseIds).count == caseIds.count else {
            throw KasaneError.invalid(field: "caseIds", message: "同じ事例が2回指定されています。")
        }
        guard caseIds.count <= 50 else {
            throw KasaneError.invalid(field: "caseIds", message: "1回の会議で扱える事例は50件までです。")
        }
        var r = self
        r.additions = try additions.enumerated().map { i, a in
            var a = a
            a.reason = try Validate.text(a.reason, field: "additions[\(i)].reason", label: "手動追加の理由", max: 200)
            return a
        }
        r.exclusions = try exclusions.enumerated().map { i, e in
            guard (e.staffId == nil) != (e.agencyId == nil) else {
                throw KasaneError.invalid(
                    field: "exclusions[\(i)]", message: "除外する職員（staffId）か機関（agencyId）のどちらか一方を指定してください。")
            }
            var e = e
            e.reason = try Validate.text(e.reason, field: "exclusions[\(i)].reason", label: "除外の理由", max: 200)
            return e
        }
        return r
    }
}

/// A staff member added by hand, for every case or only some.
public struct ManualAddition: Codable, Sendable, Equatable {
    public var staffId: Int64
    public var reason: String
    /// The cases they are added for; nil means every case of the meeting.
    public var caseIds: [Int64]?

    public init(staffId: Int64, reason: String, caseIds: [Int64]? = nil) {
        self.staffId = staffId
        self.reason = reason
        self.caseIds = caseIds
    }
}

/// A staff member or a whole agency left out by hand.
public struct ManualExclusion: Codable, Sendable, Equatable {
    public var staffId: Int64?
    public var agencyId: Int64?
    public var reason: String

    public init(staffId: Int64? = nil, agencyId: Int64? = nil, reason: String) {
        self.staffId = staffId
        self.agencyId = agencyId
        self.reason = reason
    }
}
