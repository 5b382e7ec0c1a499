/// The proposed attendees of a meeting, each with the reasons in Japanese, and
/// everyone considered but left out, with why.
public struct MemberProposal: Codable, Sendable, Equatable {
    public var kind: MeetingKind
    public var date: LocalDate
    public var caseCodes: [String]
    public var members: [ProposedMember]
    public var excluded: [ExcludedCandidate]
    /// Things the coordinator must know: a field no agency covers, a case that cannot
    /// be heard, that a 支援会議 needs no consent.
    public var notes: [String]

    public init(
        kind: MeetingKind, date: LocalDate, caseCodes: [String], members: [ProposedMember],
        excluded: [ExcludedCandidate], notes: [String]
    ) {
        self.kind = kind
        self.date = date
        self.caseCodes = caseCodes
        self.members = members
        self.excluded = excluded
        self.notes = notes
    }

    public func member(staffId: Int64) -> ProposedMember? { members.first { $0.staffId == staffId } }
}

public enum ProposedRole: String, Codable, Sendable, Comparable {
    case chair, secretariat, member

    public var japaneseName: String {
        switch self {
        case .chair: "議長"
        case .secretariat: "事務局"
        case .member: "構成員"
        }
    }

    public static func < (a: ProposedRole, b: ProposedRole) -> Bool {
        let order: [ProposedRole] = [.chair, .secretariat, .member]
        return (order.firstIndex(of: a) ?? 0) < (order.firstIndex(of: b) ?? 0)
    }
}

public struct ProposedMember: Codable, Sendable, Equatable {
    public var staffId: Int64
    public var staffName: String
    public var agencyId: Int64
    public var agencyName: String
    public var role: ProposedRole
    /// For each case, why this member is there for it. A member present only for one
    /// case's item has that one case here.
    public var cases: [CaseReasons]
}

public struct CaseReasons: Codable, Sendable, Equatable {
    public var caseCode: String
    public var reasons: [String]
}

public struct ExcludedCandidate: Codable, Sendable, Equatable {
    public var staffId: Int64?
    public var staffName: String?
    public var agencyId: Int64
    public var agencyName: String
    /// The case it is excluded for; nil when excluded for the whole meeting.
    public var caseCode: String?
    public var reason: String
}
