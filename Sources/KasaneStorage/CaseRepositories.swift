import Foundation
import KasaneCore

// The repositories of a case and of what the case access rule reads: the case with its
// referrals and assignments, its household (the personal data kept apart), its consents, and
// the meetings that hear it.

/// Cases (事例), their referrals (受付) and the staff each agency has assigned (担当者).
public protocol CaseRepository {
    func supportCase(id: Int64) throws -> SupportCase?
    func supportCase(code: String) throws -> SupportCase?
    /// The codes of these cases (K-2026-014), by id; ids of no case are left out.
    func codes(caseIds: [Int64]) throws -> [Int64: String]
    /// Every case, newest fiscal year first, then by code.
    func cases() throws -> [SupportCase]
    /// How many cases the fiscal year has (the number of its last code).
    func count(fiscalYear: Int) throws -> Int
    /// Stores a new case and returns it with its id.
    func insert(_ supportCase: SupportCase) throws -> SupportCase
    func update(_ supportCase: SupportCase) throws
    /// Records a referral: the case's first, or one that opens it again. Never changed.
    func recordReferral(caseId: Int64, on day: LocalDate, agencyId: Int64?, reopening: Bool, at: Date) throws
    /// The case's assignments, by agency.
    func assignments(caseId: Int64) throws -> [CaseAssignment]
    /// Names the agency's staff member for the case, replacing whom it named before.
    func assign(_ assignment: CaseAssignment) throws
}

/// A case's household: what may travel (relation, label) and, apart, the personal data.
public protocol HouseholdRepository {
    /// The members of the case's household, by id.
    func members(caseId: Int64) throws -> [HouseholdMember]
    func member(id: Int64) throws -> HouseholdMember?
    /// The personal data of the case's members, but `excluding`.
    func personal(caseId: Int64, excluding: Int64?) throws -> [HouseholdMemberPersonal]
    func personal(memberId: Int64) throws -> HouseholdMemberPersonal?
    /// The personal data of every household of the city, for the check that free words
    /// (a meeting's place) name none of them.
    func everyPersonal() throws -> [HouseholdMemberPersonal]
    /// Stores a new member with its personal data and returns the member with its id.
    func insert(_ member: HouseholdMember, _ personal: HouseholdMemberPersonal) throws -> HouseholdMember
    func update(_ member: HouseholdMember, _ personal: HouseholdMemberPersonal) throws
}

/// Consents (同意) as the access rules read them.
public protocol ConsentReading {
    /// The case's consents, by the day given and id.
    func consents(caseId: Int64) throws -> [Consent]
    /// The consents of each of these cases (every one of them a key, with none when it has none).
    func consents(caseIds: Set<Int64>) throws -> [Int64: [Consent]]
}

/// Consents as they are recorded (from the signed form) and withdrawn. A record is never
/// changed but to have its withdrawal written beside it.
public protocol ConsentRepository: ConsentReading {
    func consent(id: Int64) throws -> Consent?
    /// Stores a new consent and returns it with its id.
    func insert(_ consent: Consent) throws -> Consent
    func update(_ consent: Consent) throws
}

/// A meeting loaded whole: the meeting, its agenda and its attendees. The meeting funnel
/// loads it once per change and passes it on.
public struct LoadedMeeting: Sendable {
    public var meeting: Meeting
    public var items: [AgendaItem]
    public var attendees: [Attendee]

    public init(meeting: Meeting, items: [AgendaItem], attendees: [Attendee]) {
        self.meeting = meeting
        self.items = items
        self.attendees = attendees
    }

    public var state: MeetingRules.State { MeetingRules.State(meeting: meeting, items: items, attendees: attendees) }
}

/// Meetings as the access rules read them.
public protocol MeetingReading {
    /// The meeting with its agenda (by position) and attendees (by id), or nil when there is none.
    func meeting(id: Int64) throws -> LoadedMeeting?
    /// These meetings loaded whole, in the order of `ids`; ids of no meeting are left out.
    func meetings(ids: [Int64]) throws -> [LoadedMeeting]
    /// The meetings, not cancelled, that `staffId` attends.
    func liveMeetingIds(attendedBy staffId: Int64) throws -> [Int64]
}
