/// 本人同意: the person's agreement that the agencies it covers may share information
/// about them in a 重層的支援会議. Records are never overwritten: a new consent is a
/// new record, and a withdrawal is written once onto the record it withdraws.
public struct Consent: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var caseId: Int64
    /// The household member who gave it (normally 本人).
    public var givenByMemberId: Int64
    public var givenOn: LocalDate
    public var recordedBy: Int64
    public var scope: ConsentScope
    /// 利用目的, as written on the consent form.
    public var purpose: String
    public var expiresOn: LocalDate?
    public var withdrawnOn: LocalDate?
    public var withdrawalReason: String?
    public var withdrawalRecordedBy: Int64?

    public init(
        id: Int64? = nil, caseId: Int64, givenByMemberId: Int64, givenOn: LocalDate, recordedBy: Int64,
        scope: ConsentScope, purpose: String, expiresOn: LocalDate?, withdrawnOn: LocalDate? = nil,
        withdrawalReason: String? = nil, withdrawalRecordedBy: Int64? = nil
    ) {
        self.id = id
        self.caseId = caseId
        self.givenByMemberId = givenByMemberId
        self.givenOn = givenOn
        self.recordedBy = recordedBy
        self.scope = scope
        self.purpose = purpose
        self.expiresOn = expiresOn
        self.withdrawnOn = withdrawnOn
        self.withdrawalReason = withdrawalReason
        self.withdrawalRecordedBy = withdrawalRecordedBy
    }

    public enum State: String, Codable, Sendable {
        case valid, notYetGiven, expired, withdrawn
        public var japaneseName: String {
            switch self {
            case .valid: "有効"
            case .notYetGiven: "同意日前"
            case .expired: "期限切れ"
            case .withdrawn: "撤回済み"
            }
        }
    }

    public func state(on day: LocalDate) -> State {
        if let withdrawnOn, withdrawnOn <= day { return .withdrawn }
        if day < givenOn { return .notYetGiven }
        if let expiresOn, expiresOn < day { return .expired }
        return .valid
    }

    public func covers(agency id: Int64) -> Bool {
        switch scope {
        case .allMeetingMembers: true
        case .agencies(let ids): ids.contains(id)
        }
    }
}

/// Which agencies a consent lets share information.
public enum ConsentScope: Codable, Sendable, Equatable {
    /// 重層的支援会議の構成員すべて.
    case allMeetingMembers
    /// Only these agencies.
    case agencies([Int64])

    private enum CodingKeys: String, CodingKey { case allMeetingMembers, agencyIds }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if try c.decodeIfPresent(Bool.self, forKey: .allMeetingMembers) == true {
            self = .allMeetingMembers
        } else {
            let ids = try c.decodeIfPresent([Int64].self, forKey: .agencyIds) ?? []
            guard !ids.isEmpty else {
                throw DecodingError.dataCorruptedError(
                    forKey: .agencyIds, in: c,
                    debugDescription: "同意の対象機関（agencyIds）を指定するか、allMeetingMembers を true にしてください")
            }
            self = .agencies(ids)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .allMeetingMembers:
            try c.encode(true, forKey: .allMeetingMembers)
        case .agencies(let ids):
            try c.encode(false, forKey: .allMeetingMembers)
            try c.encode(ids.sorted(), forKey: .agencyIds)
        }
    }
}

/// What a case's consent records allow on a given day: the union of every valid one.
public struct ConsentCoverage: Sendable, Equatable {
    public let validConsents: [Consent]
    /// Why there is no valid consent, when there is none.
    public let absenceReason: String?

    public init(consents: [Consent], on day: LocalDate) {
        validConsents = consents.filter { $0.state(on: day) == .valid }
        if !validConsents.isEmpty {
            absenceReason = nil
        } else if consents.isEmpty {
            absenceReason = "本人同意が記録されていません"
        } else {
            // Name the state of the most recent record.
            if let latest = consents.max(by: { ($0.givenOn, $0.id ?? 0) < ($1.givenOn, $1.id ?? 0) }) {
                absenceReason = "本人同意が\(latest.state(on: day).japaneseName)です（\(latest.givenOn)の同意）"
            } else {
                absenceReason = "本人同意が記録されていません"
            }
        }
    }

    public var hasValidConsent: Bool { !validConsents.isEmpty }

    public func covers(agency id: Int64) -> Bool { validConsents.contains { $0.covers(agency: id) } }
}
