import Foundation

/// Which reading of an agenda or minutes (DOMAIN rule 3 and 4).
public enum DocumentReading: String, Codable, Sendable, CaseIterable {
    /// 配布用: codes only, no names of household members; fit for the archive and print-outs.
    case distributed
    /// 出席者用: the case details each reader may hear; every render is audited.
    case attendee

    public var japaneseName: String { self == .distributed ? "配布用" : "出席者用" }
}

/// Everything one agenda or minutes document shows, already cut to its reader:
/// `KasaneDocuments` turns it into Markdown, HTML or PDF through the templates.
public struct MeetingDocument: Codable, Sendable, Equatable {
    public struct Person: Codable, Sendable, Equatable {
        /// Nil in the distributed reading: it lists agencies, not staff.
        public var name: String?
        public var agencyName: String
        public var roleName: String

        public init(name: String?, agencyName: String, roleName: String) {
            self.name = name
            self.agencyName = agencyName
            self.roleName = roleName
        }
    }

    /// A decision as a reader sees it: its kind, and its details in words.
    public struct DecisionLine: Codable, Sendable, Equatable {
        public var kindName: String
        public var details: [String]

        public init(kindName: String, details: [String]) {
            self.kindName = kindName
            self.details = details
        }
    }

    public struct Item: Codable, Sendable, Equatable {
        public var position: Int
        public var startsAt: String
        public var minutes: Int
        public var purposeName: String?
        public var caseCode: String?
        /// Outside this reader's part: shown as （この議題は出席範囲外です）.
        public var withheld: Bool
        /// 重層的支援会議: the consent the item rests on and its scope (agencies, no names).
        public var consentNote: String?
        // The attendee's reading only:
        public var caseSummary: String?
        public var household: [String]
        public var planSummary: String?
        public var previousDecisions: [String]
        // Minutes only:
        public var attendance: [String]
        public var summary: String?
        public var decisions: [DecisionLine]
        public var erased: Bool

        public init(
            position: Int, startsAt: String, minutes: Int, purposeName: String?, caseCode: String?, withheld: Bool,
            caseSummary: String? = nil, household: [String] = [], planSummary: String? = nil, previousDecisions: [String] = [],
            attendance: [String] = [], summary: String? = nil, decisions: [DecisionLine] = [], erased: Bool = false
        ) {
            self.position = position
            self.startsAt = startsAt
            self.minutes = minutes
            self.purposeName = purposeName
            self.caseCode = caseCode
            self.withheld = withheld
            self.consentNote = nil
            self.caseSummary = caseSummary
            self.household = household
            self.planSummary = planSummary
            self.previousDecisions = previousDecisions
            self.attendance = attendance
            self.summary = summary
            self.decisions = decisions
            self.erased = erased
        }
    }

    /// The version a minutes document renders.
    public struct Version: Codable, Sendable, Equatable {
        public var number: Int
        public var stateName: String
        public var approvedOn: LocalDate?
        public var approvedBy: String?
        public var reason: String?
        public var versionHash: String?

        public init(number: Int, stateName: String, approvedOn: LocalDate?, approvedBy: String?, reason: String?, versionHash: String?) {
            self.number = number
            self.stateName = stateName
            self.approvedOn = approvedOn
            self.approvedBy = approvedBy
            self.reason = reason
            self.versionHash = versionHash
        }
    }

    public var isMinutes: Bool
    public var reading: DocumentReading
    public var kind: MeetingKind
    public var municipalityName: String
    public var title: String
    public var fiscalYear: Int
    public var number: Int
    public var startsAt: Date
    public var endsAt: Date
    public var place: String
    public var chair: Person?
    public var secretariat: Person?
    /// Who the attendee's reading was made for (it is marked with their name).
    public var readerName: String?
    public var attendees: [Person]
    public var items: [Item]
    public var version: Version?

    public init(
        isMinutes: Bool, reading: DocumentReading, kind: MeetingKind, municipalityName: String, title: String, fiscalYear: Int,
        number: Int, startsAt: Date, endsAt: Date, place: String, chair: Person?, secretariat: Person?, readerName: String?,
        attendees: [Person], items: [Item], version: Version?
    ) {
        self.isMinutes = isMinutes
        self.reading = reading
        self.kind = kind
        self.municipalityName = municipalityName
        self.title = title
        self.fiscalYear = fiscalYear
        self.number = number
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.place = place
        self.chair = chair
        self.secretariat = secretariat
        self.readerName = readerName
        self.attendees = attendees
        self.items = items
        self.version = version
    }
}

extension MeetingDocument.DecisionLine {
    /// A decision in words: its choices, agency and date always; its free text only
    /// when the decision carries it (the attendee's reading).
    public init(_ d: Decision, agencyNames: [Int64: String]) {
        var details: [String] = []
        if let t = d.termination { details.append("理由: \(t.japaneseName)") }
        if let agencyId = d.agencyId {
            let label = d.kind == .planTerminated ? "戻し先の主担当" : "担当機関"
            details.append("\(label): \(agencyNames[agencyId] ?? "機関ID \(agencyId)")")
        }
        if let date = d.date {
            let label = switch d.kind {
            case .urgentAction: "期限"
            case .planContinued: "次回評価日"
            case .planSuspended: "再確認日"
            default: "日付"
            }
            details.append("\(label): \(JapaneseEra.dateName(date))")
        }
        for g in d.goals ?? [] { details.append("目標\(g.goal): \(g.rating.japaneseName)") }
        if let field = d.field { details.append("分野: \(field.rawValue)") }
        if let text = d.text, !text.isEmpty { details.append(text) }
        self.init(kindName: d.kind.japaneseName, details: details)
    }
}
