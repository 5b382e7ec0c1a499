/// The rules of DOMAIN.md 1 and 2 over a whole meeting: who may hear which item.
/// Every change to a meeting is checked by comparing the violations after it with
/// those before it: a change that adds one is refused; one that removes or keeps
/// them (cancelling, removing an item) is never blocked by them.
public enum MeetingRules {
    /// A meeting as it would be after a change.
    public struct State: Sendable {
        public var meeting: Meeting
        public var items: [AgendaItem]
        public var attendees: [Attendee]

        public init(meeting: Meeting, items: [AgendaItem], attendees: [Attendee]) {
            self.meeting = meeting
            self.items = items
            self.attendees = attendees
        }
    }

    /// What the rules read besides the meeting.
    public struct Context: Sendable {
        public var staff: [Int64: Staff]
        public var agencyNames: [Int64: String]
        public var consents: [Int64: [Consent]]
        public var caseCodes: [Int64: String]
        public var pledged: Set<Int64>

        public init(
            staff: [Int64: Staff], agencyNames: [Int64: String], consents: [Int64: [Consent]], caseCodes: [Int64: String],
            pledged: Set<Int64>
        ) {
            self.staff = staff
            self.agencyNames = agencyNames
            self.consents = consents
            self.caseCodes = caseCodes
            self.pledged = pledged
        }
    }

    public enum Violation: Hashable, Sendable {
        /// A 重層的支援会議 item about a case without a valid consent.
        case noValidConsent(itemId: Int64, caseCode: String, reason: String)
        /// Someone in the room for a 重層的支援会議 item whose consent does not cover their agency.
        case agencyNotCovered(itemId: Int64, caseCode: String, staffId: Int64, agencyName: String)
        /// An attendee of a 支援会議 without a confidentiality pledge on record.
        case noPledge(staffId: Int64, staffName: String, agencyName: String)
        case inactive(staffId: Int64, staffName: String)

        var isAboutConsent: Bool {
            switch self {
            case .noValidConsent, .agencyNotCovered: true
            default: false
            }
        }
    }

    public static func violations(_ state: State, _ context: Context) -> Set<Violation> {
        var found: Set<Violation> = []
        let day = state.meeting.day
        for attendee in state.attendees {
            guard let staff = context.staff[attendee.staffId] else { continue }
            if !staff.active {
                found.insert(.inactive(staffId: attendee.staffId, staffName: staff.name))
            }
            if state.meeting.kind == .supportMeeting, !context.pledged.contains(attendee.staffId) {
                found.insert(.noPledge(
                    staffId: attendee.staffId, staffName: staff.name, agencyName: context.agencyNames[staff.agencyId] ?? ""))
            }
        }
        guard state.meeting.kind == .multiLayeredSupportMeeting else { return found }
        for item in state.items {
            guard let caseId = item.caseId, let itemId = item.id else { continue }
            let code = context.caseCodes[caseId] ?? "事例\(caseId)"
            let coverage = ConsentCoverage(consents: context.consents[caseId] ?? [], on: day)
            if let absence = coverage.absenceReason {
                found.insert(.noValidConsent(itemId: itemId, caseCode: code, reason: absence))
                continue
            }
            for attendee in state.attendees where attendee.hears(itemId) {
                guard let staff = context.staff[attendee.staffId], !coverage.covers(agency: staff.agencyId) else { continue }
                found.insert(.agencyNotCovered(
                    itemId: itemId, caseCode: code, staffId: attendee.staffId,
                    agencyName: context.agencyNames[staff.agencyId] ?? ""))
            }
        }
        return found
    }

    /// Refuses a change that would add violations, naming each in Japanese.
    public static func check(before: State?, after: State, _ context: Context) throws {
        let old = before.map { violations($0, context) } ?? []
        let new = violations(after, context).subtracting(old)
        guard !new.isEmpty else { return }
        throw KasaneError.ruleViolation(message(for: new))
    }

    /// One message for a set of violations: per case, the agencies the consent lacks.
    public static func message(for violations: Set<Violation>) -> String {
        var lines: [String] = []
        var uncovered: [String: Set<String>] = [:]
        var pledgeless: Set<String> = []
        var inactive: Set<String> = []
        for v in violations {
            switch v {
            case .noValidConsent(_, let code, let reason):
                lines.append("\(code): \(reason)。重層的支援会議の議題にできません。")
            case .agencyNotCovered(_, let code, _, let agency):
                uncovered[code, default: []].insert(agency)
            case .noPledge(_, let name, let agency):
                pledgeless.insert("\(name)（\(agency)）")
            case .inactive(_, let name):
                inactive.insert(name)
            }
        }
        for (code, agencies) in uncovered {
            lines.append("\(code): 本人同意の対象外の機関がこの議題に出席することになります（\(agencies.sorted().joined(separator: "、"))）。")
        }
        if !pledgeless.isEmpty {
            lines.append("守秘義務の確認（社会福祉法第106条の6第5項）が記録されていない職員は支援会議に出席できません（\(pledgeless.sorted().joined(separator: "、"))）。")
        }
        if !inactive.isEmpty {
            lines.append("無効（退職・異動など）の職員は出席できません（\(inactive.sorted().joined(separator: "、"))）。")
        }
        lines.sort()
        if violations.contains(where: \.isAboutConsent) {
            lines.append(MemberSelection.supportMeetingNeedsNoConsent)
        }
        return lines.joined(separator: "\n")
    }
}
