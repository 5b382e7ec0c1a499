/// Everything member selection reads, gathered by the store. Selection itself is a
/// pure function of this value.
public struct SelectionInput: Sendable {
    public struct CaseContext: Sendable {
        public var supportCase: SupportCase
        public var consents: [Consent]
        public var assignments: [CaseAssignment]

        public init(supportCase: SupportCase, consents: [Consent], assignments: [CaseAssignment]) {
            self.supportCase = supportCase
            self.consents = consents
            self.assignments = assignments
        }
    }

    public var request: ProposalRequest
    public var date: LocalDate
    public var cases: [CaseContext]
    public var agencies: [Agency]
    public var staff: [Staff]
    public var pledgedStaffIds: Set<Int64>
    public var districtNames: [String: String]

    public init(
        request: ProposalRequest, date: LocalDate, cases: [CaseContext], agencies: [Agency], staff: [Staff],
        pledgedStaffIds: Set<Int64>, districtNames: [String: String]
    ) {
        self.request = request
        self.date = date
        self.cases = cases
        self.agencies = agencies
        self.staff = staff
        self.pledgedStaffIds = pledgedStaffIds
        self.districtNames = districtNames
    }
}
