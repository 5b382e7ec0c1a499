/// What a coordinator sends to register or change a case.
public struct CaseInput: Codable, Sendable, Equatable {
    /// 受付日; default today. Fixes the fiscal year of the code.
    public var receivedOn: LocalDate?
    public var district: String
    public var fields: [Field]
    public var referringAgencyId: Int64?
    public var leadAgencyId: Int64?
    public var involvedAgencyIds: [Int64]?
    public var status: CaseStatus?
    public var summary: String
    /// When an ended case (終結・中断) is opened again by a new referral: the day of that
    /// referral (default today), counted among that year's referrals. `referringAgencyId`
    /// then names who referred it this time.
    public var reopenedOn: LocalDate?

    public init(
        receivedOn: LocalDate? = nil, district: String, fields: [Field], referringAgencyId: Int64? = nil,
        leadAgencyId: Int64? = nil, involvedAgencyIds: [Int64]? = nil, status: CaseStatus? = nil, summary: String,
        reopenedOn: LocalDate? = nil
    ) {
        self.receivedOn = receivedOn
        self.district = district
        self.fields = fields
        self.referringAgencyId = referringAgencyId
        self.leadAgencyId = leadAgencyId
        self.involvedAgencyIds = involvedAgencyIds
        self.status = status
        self.summary = summary
        self.reopenedOn = reopenedOn
    }

    /// Every agency id the input names, with the field that names it.
    public var referencedAgencies: [(field: String, id: Int64)] {
        var refs: [(String, Int64)] = []
        if let referringAgencyId { refs.append(("referringAgencyId", referringAgencyId)) }
        if let leadAgencyId { refs.append(("leadAgencyId", leadAgencyId)) }
        for id in involvedAgencyIds ?? [] { refs.append(("involvedAgencyIds", id)) }
        return refs
    }

    /// Checks form; the summary must not be a place for personal data: it names no
    /// member of `household`, however written.
    public func validatedSummary(household: [PersonIdentity]) throws -> String {
        let text = try Validate.text(summary, field: "summary", label: "事例の概要（個人を特定しない表現）", max: 200)
        try IdentifyingText.check(text, field: "summary", label: "事例の概要", against: household)
        return text
    }
}

/// A household member as registered: the relation, and the personal data kept apart.
public struct HouseholdMemberInput: Codable, Sendable, Equatable {
    public var relation: String
    public var isPrincipal: Bool?
    /// A label that names no one; built from relation, age and sex when absent.
    public var label: String?
    public var name: String
    public var kana: String?
    public var birthDate: LocalDate?
    public var sex: String?
    public var address: String?
    public var notes: String?

    public init(
        relation: String, isPrincipal: Bool? = nil, label: String? = nil, name: String, kana: String? = nil,
        birthDate: LocalDate? = nil, sex: String? = nil, address: String? = nil, notes: String? = nil
    ) {
        self.relation = relation
        self.isPrincipal = isPrincipal
        self.label = label
        self.name = name
        self.kana = kana
        self.birthDate = birthDate
        self.sex = sex
        self.address = address
        self.notes = notes
    }

    /// Validates and splits into what travels and what stays. The label names neither
    /// this member nor any of `others` (the rest of the household).
    public func validated(caseId: Int64, memberId: Int64?, today: LocalDate, others: [PersonIdentity]) throws
        -> (member: HouseholdMember, personal: HouseholdMemberPersonal)
    {
        let relation = try Validate.text(relation, field: "relation", label: "続柄", max: 20)
        let name = try Validate.text(name, field: "name", label: "氏名", max: 50)
        let kana = try Validate.optionalText(kana, field: "kana", label: "ふりがな", max: 100)
        let sex = try Validate.optionalText(sex, field: "sex", label: "性別", max: 10)
        let address = try Validate.optionalText(address, field: "address", label: "住所", max: 200)
        let notes = try Validate.optionalText(notes, field: "notes", label: "備考", max: 2000)
        if let birthDate, birthDate > today {
            throw KasaneError.invalid(field: "birthDate", message: "生年月日に未来の日付は指定できません。")
        }
        let label = try Validate.optionalText(label, field: "label", label: "表示ラベル", max: 40)
            ?? HouseholdMember.label(relation: relation, birthDate: birthDate, sex: sex, on: today)
        // The label travels: it must not carry the name it stands for, nor another member's.
        let identity = PersonIdentity(name: name, kana: kana, birthDate: birthDate, address: address)
        try IdentifyingText.check(label, field: "label", label: "表示ラベル", against: [identity] + others)
        let principal = isPrincipal ?? (relation == "本人")
        return (
            HouseholdMember(id: memberId, caseId: caseId, relation: relation, label: label, isPrincipal: principal),
            HouseholdMemberPersonal(
                memberId: memberId ?? 0, name: name, kana: kana, birthDate: birthDate, sex: sex, address: address,
                notes: notes)
        )
    }
}

/// A consent as recorded from the signed form.
public struct ConsentInput: Codable, Sendable, Equatable {
    public var givenByMemberId: Int64
    public var givenOn: LocalDate
    public var scope: ConsentScope
    public var purpose: String
    public var expiresOn: LocalDate?

    public init(givenByMemberId: Int64, givenOn: LocalDate, scope: ConsentScope, purpose: String, expiresOn: LocalDate?) {
        self.givenByMemberId = givenByMemberId
        self.givenOn = givenOn
        self.scope = scope
        self.purpose = purpose
        self.expiresOn = expiresOn
    }
}

/// A withdrawal of consent.
public struct WithdrawalInput: Codable, Sendable, Equatable {
    public var withdrawnOn: LocalDate?
    public var reason: String

    public init(withdrawnOn: LocalDate? = nil, reason: String) {
        self.withdrawnOn = withdrawnOn
        self.reason = reason
    }
}
