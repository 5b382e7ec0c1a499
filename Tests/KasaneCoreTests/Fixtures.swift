import KasaneCore

/// A small city for selection tests: two districts, agencies for each field, staff.
struct SmallCity {
    var agencies: [Agency] = []
    var staff: [Staff] = []
    var pledged: Set<Int64> = []

    init() {
        func agency(_ id: Int64, _ name: String, _ fields: [Field], _ districts: [String], contact: Int64?) -> Agency {
            Agency(
                id: id, code: "A\(id)", name: name, kind: name, fields: fields, districts: districts, operation: .contracted,
                department: "課", defaultContactId: contact)
        }
        agencies = [
            agency(1, "社協（多機関協働）", [.community], [], contact: 1),
            agency(2, "事務局", [.community], [], contact: 2),
            agency(3, "北部包括", [.care], ["N"], contact: 3),
            agency(4, "南部包括", [.care], ["S"], contact: 4),
            agency(5, "保健センター", [.mentalHealth], [], contact: 5),
            agency(6, "ひきこもり支援", [.withdrawal], [], contact: 6),
            agency(7, "自立相談", [.poverty], [], contact: 7),
            agency(8, "生活保護", [.poverty], [], contact: 8),
            agency(9, "市全域の介護相談", [.care], [], contact: 9),
        ]
        staff = [
            Staff(id: 1, agencyId: 1, name: "議長 一", email: "c@x.jp", roles: [.coordinator]),
            Staff(id: 2, agencyId: 2, name: "事務 二", email: "s@x.jp", roles: [.secretariat]),
            Staff(id: 3, agencyId: 3, name: "北部 三", email: "n@x.jp", roles: [.member]),
            Staff(id: 4, agencyId: 4, name: "南部 四", email: "so@x.jp", roles: [.member]),
            Staff(id: 5, agencyId: 5, name: "保健 五", email: "h@x.jp", roles: [.member]),
            Staff(id: 6, agencyId: 6, name: "引籠 六", email: "w@x.jp", roles: [.member]),
            Staff(id: 7, agencyId: 7, name: "自立 七", email: "p@x.jp", roles: [.member]),
            Staff(id: 8, agencyId: 8, name: "保護 八", email: "g@x.jp", roles: [.member]),
            Staff(id: 9, agencyId: 9, name: "全域 九", email: "a@x.jp", roles: [.member]),
            Staff(id: 10, agencyId: 6, name: "引籠 十", email: "w2@x.jp", roles: [.member]),
            Staff(id: 11, agencyId: 5, name: "退職 十一", email: "r@x.jp", roles: [.member], active: false),
        ]
        pledged = Set(1...9)
    }

    static let day = LocalDate("2026-11-30")!

    /// An 8050 case in district N: care, withdrawal, mental health, poverty.
    static func eightyFifty(id: Int64 = 100, code: String = "K-2026-001", involved: [Int64] = [3, 6]) -> SupportCase {
        SupportCase(
            id: id, code: code, fiscalYear: 2026, receivedOn: LocalDate("2026-05-01")!, district: "N",
            fields: [.care, .withdrawal, .mentalHealth, .poverty], referringAgencyId: 3, leadAgencyId: 1,
            involvedAgencyIds: involved, status: .planning, summary: "8050")
    }

    static func consent(caseId: Int64 = 100, _ scope: ConsentScope, given: String = "2026-06-01", expires: String? = nil,
                        withdrawn: String? = nil) -> Consent {
        Consent(
            id: 1, caseId: caseId, givenByMemberId: 1, givenOn: LocalDate(given)!, recordedBy: 1, scope: scope,
            purpose: "情報共有", expiresOn: expires.flatMap { LocalDate($0) }, withdrawnOn: withdrawn.flatMap { LocalDate($0) },
            withdrawalReason: withdrawn == nil ? nil : "申し出", withdrawalRecordedBy: withdrawn == nil ? nil : 1)
    }

    func propose(
        _ kind: MeetingKind, cases: [SelectionInput.CaseContext], additions: [ManualAddition] = [],
        exclusions: [ManualExclusion] = [], chairId: Int64? = nil
    ) -> MemberProposal {
        let request = ProposalRequest(
            kind: kind, caseIds: cases.map { $0.supportCase.id! }, date: Self.day, chairId: chairId, additions: additions,
            exclusions: exclusions)
        return MemberSelection.propose(SelectionInput(
            request: request, date: Self.day, cases: cases, agencies: agencies, staff: staff, pledgedStaffIds: pledged,
            districtNames: ["N": "北部圏域", "S": "南部圏域"]))
    }
}

extension MemberProposal {
    var memberIds: Set<Int64> { Set(members.map(\.staffId)) }
    func exclusion(staffId: Int64) -> ExcludedCandidate? { excluded.first { $0.staffId == staffId } }
}
