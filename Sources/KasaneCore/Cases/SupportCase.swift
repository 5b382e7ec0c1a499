/// 事例: a household referred for multi-agency support. Nothing in this value names
/// anyone: personal data lives in `HouseholdMemberPersonal`, stored apart.
public struct SupportCase: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var code: String
    public var fiscalYear: Int
    /// 受付日: the day the referral was received; it fixes the fiscal year of the code.
    public var receivedOn: LocalDate
    /// District code.
    public var district: String
    public var fields: [Field]
    /// つないだ機関.
    public var referringAgencyId: Int64?
    /// 主担当.
    public var leadAgencyId: Int64?
    /// Agencies already involved, besides the lead and the referring agency.
    public var involvedAgencyIds: [Int64]
    public var status: CaseStatus
    /// A short, non-identifying summary (8050世帯・ひきこもり).
    public var summary: String
    /// The day the case ended (終結・中断); the retention period of its personal data runs from it.
    public var closedOn: LocalDate?

    public init(
        id: Int64? = nil, code: String, fiscalYear: Int, receivedOn: LocalDate, district: String, fields: [Field],
        referringAgencyId: Int64?, leadAgencyId: Int64?, involvedAgencyIds: [Int64], status: CaseStatus, summary: String,
        closedOn: LocalDate? = nil
    ) {
        self.id = id
        self.code = code
        self.fiscalYear = fiscalYear
        self.receivedOn = receivedOn
        self.district = district
        self.fields = fields
        self.referringAgencyId = referringAgencyId
        self.leadAgencyId = leadAgencyId
        self.involvedAgencyIds = involvedAgencyIds
        self.status = status
        self.summary = summary
        self.closedOn = closedOn
    }

    /// Every agency already around the case: lead, referring, involved.
    public var allInvolvedAgencyIds: Set<Int64> {
        var ids = Set(involvedAgencyIds)
        if let leadAgencyId { ids.insert(leadAgencyId) }
        if let referringAgencyId { ids.insert(referringAgencyId) }
        return ids
    }

    public func involves(agency id: Int64) -> Bool { allInvolvedAgencyIds.contains(id) }
}

/// The staff member an agency has assigned to one case (担当者).
public struct CaseAssignment: Codable, Sendable, Equatable {
    public var caseId: Int64
    public var agencyId: Int64
    public var staffId: Int64

    public init(caseId: Int64, agencyId: Int64, staffId: Int64) {
        self.caseId = caseId
        self.agencyId = agencyId
        self.staffId = staffId
    }
}
