import Foundation
import KasaneCore
import Testing

/// A 重層的支援会議 (or 支援会議) on 2026-12-03 with two case items: 100 (8050) and 200.
struct MeetingFixture {
    let city = SmallCity()
    var kind: MeetingKind = .multiLayeredSupportMeeting
    var consents: [Int64: [Consent]] = [
        100: [SmallCity.consent(caseId: 100, .agencies([1, 2, 3, 6, 7]))],
        200: [SmallCity.consent(caseId: 200, .allMeetingMembers)],
    ]

    var meeting: Meeting {
        Meeting(
            id: 1, kind: kind, fiscalYear: 2026, number: 3, startsAt: Date(timeIntervalSince1970: 1_796_259_600),  // 2026-12-03 10:00 JST
            endsAt: Date(timeIntervalSince1970: 1_796_265_000), place: "会議室", chairId: 1, secretariatId: 2, uid: "u@kasane",
            createdBy: 1)
    }

    var items: [AgendaItem] {
        let purpose: AgendaPurpose = kind == .multiLayeredSupportMeeting ? .planReview : .informationSharing
        return [
            AgendaItem(id: 11, meetingId: 1, caseId: 100, purpose: purpose, position: 1, minutes: 20),
            AgendaItem(id: 12, meetingId: 1, caseId: 200, purpose: purpose, position: 2, minutes: 20),
        ]
    }

    func attendee(_ staffId: Int64, items: [Int64]? = nil, leaves: [Int64] = [], role: AttendeeRole = .required) -> Attendee {
        Attendee(meetingId: 1, staffId: staffId, role: role, itemIds: items, leavesFor: leaves)
    }

    var baseAttendees: [Attendee] { [attendee(1, role: .chair), attendee(2)] }

    func state(_ attendees: [Attendee], items: [AgendaItem]? = nil) -> MeetingRules.State {
        MeetingRules.State(meeting: meeting, items: items ?? self.items, attendees: attendees)
    }

    var context: MeetingRules.Context {
        MeetingRules.Context(
            staff: Dictionary(uniqueKeysWithValues: city.staff.map { ($0.id!, $0) }),
            agencyNames: Dictionary(uniqueKeysWithValues: city.agencies.map { ($0.id!, $0.name) }),
            consents: consents, caseCodes: [100: "K-2026-001", 200: "K-2026-002"], pledged: city.pledged)
    }
}

@Suite("Meeting rules")
struct MeetingRulesTests {
    @Test("重層的支援会議: an attendee whose agency the consent does not cover may not hear the item; the refusal names the agency")
    func consentCoversAttendees() throws {
        let f = MeetingFixture()
        let before = f.state(f.baseAttendees + [f.attendee(3, items: [11])])
        #expect(MeetingRules.violations(before, f.context).isEmpty)
        // 保健センター (agency 5) is outside case 100's consent.
        let after = f.state(before.attendees + [f.attendee(5, items: [11])])
        #expect { try MeetingRules.check(before: before, after: after, f.context) } throws: { error in
            guard case .ruleViolation(let message) = error as? KasaneError else { return false }
            return message.contains("K-2026-001") && message.contains("保健センター")
                && message.contains(MemberSelection.supportMeetingNeedsNoConsent)
        }
        // For case 200 (consent for every member) the same person is allowed.
        let allowed = f.state(before.attendees + [f.attendee(5, items: [12])])
        #expect(throws: Never.self) { try MeetingRules.check(before: before, after: allowed, f.context) }
        // Leaving the room for the 8050 item makes it allowed too.
        let leaving = f.state(before.attendees + [f.attendee(5, leaves: [11])])
        #expect(throws: Never.self) { try MeetingRules.check(before: before, after: leaving, f.context) }
    }

    @Test("重層的支援会議: a case without valid consent cannot be an item; a 支援会議 takes it")
    func caseWithoutConsent() throws {
        var f = MeetingFixture()
        f.consents[100] = []
        #expect { try MeetingRules.check(before: nil, after: f.state(f.baseAttendees), f.context) } throws: { error in
            guard case .ruleViolation(let message) = error as? KasaneError else { return false }
            return message.contains("K-2026-001: 本人同意が記録されていません") && message.contains("支援会議")
        }
        f.kind = .supportMeeting
        #expect(throws: Never.self) { try MeetingRules.check(before: nil, after: f.state(f.baseAttendees), f.context) }
    }

    @Test("支援会議: every attendee has a pledge on record")
    func pledges() throws {
        var f = MeetingFixture()
        f.kind = .supportMeeting
        let before = f.state(f.baseAttendees)
        let unpledged = f.state(f.baseAttendees + [f.attendee(10)])  // 10 has no pledge
        #expect { try MeetingRules.check(before: before, after: unpledged, f.context) } throws: { error in
            (error as? KasaneError)?.message.contains("守秘義務の確認") == true
        }
        #expect(throws: Never.self) { try MeetingRules.check(before: before, after: f.state(f.baseAttendees + [f.attendee(6)]), f.context) }
        // An inactive staff member is refused too.
        #expect(throws: KasaneError.self) { try MeetingRules.check(before: before, after: f.state(f.baseAttendees + [f.attendee(11)]), f.context) }
    }

    @Test("A change that adds no violation is allowed even when the meeting already has one (removing, cancelling)")
    func existingViolationsDoNotBlock() throws {
        var f = MeetingFixture()
        let withProblem = f.state(f.baseAttendees + [f.attendee(5, items: [11])])
        f.consents[100]![0].withdrawnOn = LocalDate("2026-11-01")  // became invalid later
        #expect(!MeetingRules.violations(withProblem, f.context).isEmpty)
        let removed = f.state(f.baseAttendees, items: [f.items[1]])
        #expect(throws: Never.self) { try MeetingRules.check(before: withProblem, after: removed, f.context) }
    }

    @Test("Statuses move forward only: planned → invited → held → minutes approved, or cancelled before held")
    func statuses() {
        #expect(MeetingStatus.planned.canMove(to: .invited))
        #expect(MeetingStatus.invited.canMove(to: .held))
        #expect(MeetingStatus.held.canMove(to: .minutesApproved))
        #expect(MeetingStatus.invited.canMove(to: .cancelled))
        #expect(!MeetingStatus.held.canMove(to: .cancelled))
        #expect(!MeetingStatus.cancelled.canMove(to: .planned))
        #expect(!MeetingStatus.minutesApproved.canMove(to: .held))
        #expect(MeetingStatus.held.isClosed && MeetingStatus.cancelled.isClosed && !MeetingStatus.invited.isClosed)
    }

    @Test("Agenda purposes belong to their kind; plan review needs a case")
    func purposes() {
        #expect(throws: KasaneError.self) {
            try AgendaItem.validate(purpose: .informationSharing, caseId: 1, minutes: 20, in: .multiLayeredSupportMeeting)
        }
        #expect(throws: KasaneError.self) {
            try AgendaItem.validate(purpose: .planReview, caseId: nil, minutes: 20, in: .multiLayeredSupportMeeting)
        }
        #expect(throws: KasaneError.self) {
            try AgendaItem.validate(purpose: .urgentResponse, caseId: 1, minutes: 500, in: .supportMeeting)
        }
        #expect(throws: Never.self) {
            try AgendaItem.validate(purpose: .socialResources, caseId: nil, minutes: 30, in: .multiLayeredSupportMeeting)
        }
        let f = MeetingFixture()
        #expect(f.meeting.title(MunicipalitySettings(multiLayeredMeetingName: "まるごと会議")) == "まるごと会議 第3回")
        #expect(f.meeting.day == LocalDate("2026-12-03"))
    }
}

@Suite("Consent withdrawal and meeting access")
struct WithdrawalAndAccessTests {
    @Test("Withdrawal on a meeting with two cases: that case's items leave, with those there only for it; the other stays")
    func cascadeTwoCases() {
        var f = MeetingFixture()
        let attendees = f.baseAttendees + [f.attendee(3, items: [11]), f.attendee(6, items: [11, 12]), f.attendee(7, items: [12])]
        f.consents[100]![0].withdrawnOn = LocalDate("2026-11-20")
        let outcome = ConsentWithdrawal.apply(
            caseId: 100, to: f.state(attendees), consents: f.consents[100]!, staff: f.context.staff)
        #expect(outcome.removedItemIds == [11])
        #expect(outcome.removedAttendeeStaffIds == [3])
        #expect(outcome.items.map(\.id) == [12])
        #expect(outcome.items[0].position == 1)
        #expect(outcome.attendees.first { $0.staffId == 6 }?.itemIds == [12])
        #expect(Set(outcome.attendees.map(\.staffId)) == [1, 2, 6, 7])
        // Case 200 is untouched by a withdrawal that is not its own.
        let none = ConsentWithdrawal.apply(caseId: 200, to: f.state(attendees), consents: f.consents[200]!, staff: f.context.staff)
        #expect(!none.changed)
    }

    @Test("When another valid consent remains, only attendees it does not cover leave the item")
    func narrowed() {
        let f = MeetingFixture()
        let attendees = f.baseAttendees + [f.attendee(3, items: [11]), f.attendee(5)]
        let remaining = [SmallCity.consent(caseId: 100, .agencies([1, 2, 3]))]
        let outcome = ConsentWithdrawal.apply(caseId: 100, to: f.state(attendees), consents: remaining, staff: f.context.staff)
        #expect(outcome.removedItemIds.isEmpty)
        #expect(outcome.narrowedAttendeeStaffIds == [5])
        #expect(outcome.attendees.first { $0.staffId == 5 }?.itemIds == [12])
    }

    @Test("A narrower consent that leaves an attendee no item to hear takes them off the meeting; the chair stays")
    func narrowedToNothing() {
        let f = MeetingFixture()
        // 保健センター (5) hears only case 100's item; every-item 6 hears both.
        let attendees = f.baseAttendees + [f.attendee(3, items: [11]), f.attendee(5, items: [11]), f.attendee(6)]
        let remaining = [SmallCity.consent(caseId: 100, .agencies([1, 2, 3]))]
        let outcome = ConsentWithdrawal.apply(caseId: 100, to: f.state(attendees), consents: remaining, staff: f.context.staff)
        #expect(outcome.removedItemIds.isEmpty)
        #expect(outcome.removedAttendeeStaffIds == [5])
        #expect(outcome.narrowedAttendeeStaffIds == [6])
        #expect(!outcome.attendees.contains { $0.staffId == 5 })
        #expect(outcome.attendees.first { $0.staffId == 6 }?.itemIds == [12])
        // On a meeting of that one case only, the uncovered every-item attendee leaves too.
        let single = f.state(f.baseAttendees + [f.attendee(6)], items: [f.items[0]])
        let alone = ConsentWithdrawal.apply(caseId: 100, to: single, consents: remaining, staff: f.context.staff)
        #expect(alone.removedAttendeeStaffIds == [6])
        #expect(alone.attendees.map(\.staffId) == [1, 2])
    }

    @Test("Material: an attendee sees the items they hear; leaving the room or another agency's item is withheld")
    func visibleItems() {
        let f = MeetingFixture()
        let city = f.city
        let attendees = f.baseAttendees + [f.attendee(3, items: [11]), f.attendee(7, leaves: [11])]
        let view = MeetingAccess.View(meeting: f.meeting, items: f.items, attendees: attendees, consents: f.consents)
        #expect(MeetingAccess.visibleItems(view, .staff(city.staff[2])) == [11])           // 北部包括: item 11 only
        #expect(MeetingAccess.visibleItems(view, .staff(city.staff[6])) == [12])           // 自立相談: left the room for 11
        #expect(MeetingAccess.visibleItems(view, .staff(city.staff[0])) == [11, 12])       // coordinator
        #expect(MeetingAccess.visibleItems(view, .staff(city.staff[4])).isEmpty)           // not attending
        #expect(!MeetingAccess.maySee(view, .staff(city.staff[4]), pledged: true))
        #expect(MeetingAccess.maySee(view, .staff(city.staff[2]), pledged: true))
        let admin = Staff(id: 50, agencyId: 2, name: "管理", email: "ad@x.jp", roles: [.administrator])
        #expect(!MeetingAccess.maySee(view, .staff(admin), pledged: true))
        #expect(MeetingAccess.casesHeard(in: [view], by: city.staff[2]) == [100])
        var cancelled = view
        cancelled.meeting.status = .cancelled
        #expect(MeetingAccess.casesHeard(in: [cancelled], by: city.staff[2]).isEmpty)
    }
}
