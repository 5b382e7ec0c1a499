import Foundation
import KasaneApp
import KasaneCore
import KasaneStorage
import Testing

@Suite("Meetings through the funnel, decided by the application, on each engine")
struct MeetingsOnEachEngineTests {
    static let instant = ISO8601DateFormatter().date(from: "2026-12-04T01:00:00Z")!
    static let admin = Actor.localOperator
    /// 2026-12-10 10:00 in Japan, and an hour on.
    static let start = ISO8601DateFormatter().date(from: "2026-12-10T01:00:00Z")!
    static let end = start.addingTimeInterval(3600)

    struct City {
        var storage: any TransactionalStorage
        var coordinator: Actor
        var secretariat: Actor
        var member: Staff
        var room: Room
        var caseId: Int64
        var caseCode: String
        var principalId: Int64
    }

    /// A city with a coordinator, a secretariat, a member of the lead agency (pledged), a
    /// meeting room, and a case whose household has an address.
    static func city(_ engine: Engine) async throws -> City {
        let storage = try engine.storage(at: instant)
        _ = try await storage.addDistrict(District(code: "N", name: "北部"), by: admin)
        let agency = try await storage.createAgency(Agency(
            code: "HK-N", name: "北部地域包括支援センター", kind: "地域包括支援センター", fields: [.care], districts: ["N"],
            operation: .contracted, department: "高齢福祉課"), by: admin)
        let agencyId = try #require(agency.id)
        func staff(_ name: String, _ email: String, _ roles: [StaffRole]) async throws -> Staff {
            try await storage.createStaff(Staff(agencyId: agencyId, name: name, email: email, roles: roles), by: admin)
        }
        let coordinator = Actor.staff(try await staff("多機関 協働", "chair@city.example.jp", [.coordinator]))
        let secretariat = Actor.staff(try await staff("事務 局", "sec@city.example.jp", [.secretariat]))
        let member = try await staff("包括 職員", "m@city.example.jp", [.member])
        for s in [coordinator.staff!, secretariat.staff!, member] {
            _ = try await storage.recordPledge(staffId: s.id!, pledgedOn: LocalDate(year: 2026, month: 4, day: 1)!, note: nil, by: admin)
        }
        let room = try await storage.createRoom(Room(name: "第1会議室", capacity: 12), by: admin)
        let c = try await storage.createCase(
            CaseInput(district: "N", fields: [.care], leadAgencyId: agencyId, summary: "父の介護と子のひきこもり"), by: coordinator)
        let principal = try await storage.addHouseholdMember(
            caseId: c.id!, HouseholdMemberInput(relation: "本人", isPrincipal: true, name: "北野 一", address: "北区緑町1-2-3"), by: coordinator)
        return City(
            storage: storage, coordinator: coordinator, secretariat: secretariat, member: member, room: room, caseId: c.id!,
            caseCode: c.code, principalId: principal.id!)
    }

    @Test("A 支援会議 is numbered, presided, its room held by one meeting at a time, moved within its year, invited, cancelled with a reason; every change recorded for the invitations", arguments: Engine.allCases)
    func lifecycle(engine: Engine) async throws {
        let city = try await Self.city(engine)
        let s = city.storage
        let input = MeetingInput(
            kind: .supportMeeting, startsAt: Self.start, endsAt: Self.end, place: "",
            items: [AgendaItemInput(caseId: city.caseId, purpose: .informationSharing)], roomId: city.room.id)
        await #expect { try await s.createMeeting(input, by: city.secretariat) } throws: {
            if case .forbidden = $0 as? KasaneError { true } else { false }
        }
        let first = try await s.createMeeting(input, by: city.coordinator)
        #expect(first.number == 1 && first.place == "第1会議室" && first.items.map(\.caseCode) == [city.caseCode])
        #expect(first.chairId == city.coordinator.staffId && first.secretariatId == city.secretariat.staffId)
        // The room is held: a second meeting overlapping it is refused, naming the first.
        var overlapping = input
        overlapping.startsAt = Self.start.addingTimeInterval(1800)
        overlapping.endsAt = Self.end.addingTimeInterval(1800)
        await #expect { try await s.createMeeting(overlapping, by: city.coordinator) } throws: {
            if case .conflict(let message) = $0 as? KasaneError { message.contains("第1会議室") } else { false }
        }
        overlapping.roomId = nil
        overlapping.place = "オンライン（Teams）"
        let second = try await s.createMeeting(overlapping, by: city.coordinator)
        #expect(second.number == 2)
        // Free words naming a household member are refused.
        overlapping.place = "北野 一さん宅"
        await #expect { try await s.createMeeting(overlapping, by: city.coordinator) } throws: { $0 is KasaneError }
        #expect(try await s.meetings(for: city.coordinator).map(\.id) == [first.id, second.id])

        // Moved: not into another fiscal year, and never to nothing.
        await #expect { try await s.updateMeeting(id: first.id, MeetingChangeInput(), by: city.coordinator) } throws: {
            if case .invalid = $0 as? KasaneError { true } else { false }
        }
        let april = ISO8601DateFormatter().date(from: "2027-04-05T01:00:00Z")!
        await #expect { try await s.updateMeeting(id: first.id, MeetingChangeInput(startsAt: april), by: city.coordinator) } throws: {
            if case .invalid(let field, _) = $0 as? KasaneError { field == "startsAt" } else { false }
        }
        let moved = try await s.updateMeeting(id: first.id, MeetingChangeInput(startsAt: Self.start.addingTimeInterval(86400)), by: city.coordinator)
        #expect(moved.endsAt == Self.end.addingTimeInterval(86400) && moved.sequence == first.sequence + 1)

        // Invited: a REQUEST to each attendee but the chair, once.
        let sent = try await s.sendInvitations(meetingId: first.id, by: city.coordinator)
        #expect(Set(sent.map(\.staffId)) == [city.secretariat.staffId!] && sent.allSatisfy { $0.method == .request })
        await #expect { try await s.sendInvitations(meetingId: first.id, by: city.coordinator) } throws: {
            if case .conflict = $0 as? KasaneError { true } else { false }
        }
        await #expect { try await s.markHeld(id: first.id, by: city.coordinator) } throws: {
            if case .conflict = $0 as? KasaneError { true } else { false }
        }
        // Cancelled with a reason: a CANCEL follows by itself, and nothing changes it afterwards.
        await #expect { try await s.cancelMeeting(id: first.id, CancellationInput(reason: " "), by: city.coordinator) } throws: {
            if case .invalid(let field, _) = $0 as? KasaneError { field == "reason" } else { false }
        }
        let cancelled = try await s.cancelMeeting(id: first.id, CancellationInput(reason: "台風接近のため"), by: city.coordinator)
        #expect(cancelled.status == .cancelled && cancelled.cancellationReason == "台風接近のため")
        let messages = try await s.messages(meetingId: first.id, for: city.coordinator)
        #expect(messages.map(\.method) == [.request, .cancel] && messages.last?.sequence == cancelled.sequence)
        await #expect { try await s.updateMeeting(id: first.id, MeetingChangeInput(place: "第2会議室"), by: city.coordinator) } throws: {
            if case .conflict = $0 as? KasaneError { true } else { false }
        }
        let changes = try await s.meetingChanges(id: first.id, for: city.coordinator)
        #expect(changes.map(\.change) == [.created, .moved, .cancelled])
        #expect(changes.allSatisfy { $0.deliveredAt != nil }, "each change went out with the invitations")
    }

    @Test("A 重層的支援会議 takes a case only with its consent; attendees come and go through the same rules", arguments: Engine.allCases)
    func consentAndAttendees(engine: Engine) async throws {
        let city = try await Self.city(engine)
        let s = city.storage
        let input = MeetingInput(
            kind: .multiLayeredSupportMeeting, startsAt: Self.start, endsAt: Self.end, place: "",
            items: [AgendaItemInput(caseId: city.caseId, purpose: .planReview)], roomId: city.room.id)
        await #expect { try await s.createMeeting(input, by: city.coordinator) } throws: {
            if case .ruleViolation = $0 as? KasaneError { true } else { false }
        }
        #expect(try await s.meetings(for: city.coordinator).isEmpty, "a refused meeting leaves nothing")
        let consent = try await s.recordConsent(
            caseId: city.caseId,
            ConsentInput(givenByMemberId: city.principalId, givenOn: LocalDate(year: 2026, month: 11, day: 1)!, scope: .allMeetingMembers,
                         purpose: "重層的支援会議での情報共有", expiresOn: nil), by: city.coordinator)
        let meeting = try await s.createMeeting(input, by: city.coordinator)
        let item = try #require(meeting.items.first?.id)
        let added = try await s.addAttendee(meetingId: meeting.id, AttendeeInput(staffId: city.member.id!, itemIds: [item]), by: city.coordinator)
        #expect(added.attendees.map(\.staffId).contains(city.member.id!))
        await #expect { try await s.addAttendee(meetingId: meeting.id, AttendeeInput(staffId: city.member.id!), by: city.coordinator) } throws: {
            if case .conflict = $0 as? KasaneError { true } else { false }
        }
        await #expect { try await s.addAttendee(meetingId: meeting.id, AttendeeInput(staffId: 9999), by: city.coordinator) } throws: {
            if case .invalid(let field, _) = $0 as? KasaneError { field == "staffId" } else { false }
        }
        await #expect { try await s.removeAttendee(meetingId: meeting.id, staffId: city.coordinator.staffId!, reason: nil, by: city.coordinator) } throws: {
            if case .conflict = $0 as? KasaneError { true } else { false }
        }
        // The consent withdrawn: the case leaves the meeting, and the member with it.
        let result = try await s.withdrawConsent(caseId: city.caseId, consentId: consent.id!, WithdrawalInput(reason: "本人の申出"), by: city.coordinator)
        #expect(result.affectedMeetingIds == [meeting.id])
        let after = try await s.meetingMaterial(id: meeting.id, for: city.coordinator)
        #expect(after.items.isEmpty && !after.attendees.map(\.staffId).contains(city.member.id!))
        #expect(try await s.meetingChanges(id: meeting.id, for: city.coordinator).map(\.change).contains(.consentWithdrawn))
    }

    @Test("A visit goes to the household of a case on its agenda; its address only for those who may read the personal data", arguments: Engine.allCases)
    func visit(engine: Engine) async throws {
        let city = try await Self.city(engine)
        let s = city.storage
        var input = MeetingInput(
            kind: .supportMeeting, startsAt: Self.start, endsAt: Self.end, place: "", placeKind: .visit, visitCaseId: city.caseId)
        await #expect { try await s.createMeeting(input, by: city.coordinator) } throws: {
            if case .invalid(let field, _) = $0 as? KasaneError { field == "visitCaseId" } else { false }
        }
        input.items = [AgendaItemInput(caseId: city.caseId, purpose: .informationSharing)]
        let meeting = try await s.createMeeting(input, by: city.coordinator)
        #expect(meeting.place.contains(city.caseCode) && !meeting.place.contains("北区"), "the place says whose visit by code only")
        let address = try await s.visitAddress(meetingId: meeting.id, for: city.coordinator)
        #expect(address.address == "北区緑町1-2-3")
        await #expect { try await s.visitAddress(meetingId: meeting.id, for: city.secretariat) } throws: {
            if case .forbidden = $0 as? KasaneError { true } else { false }
        }
        let reads = try await s.auditLog(AuditFilter(action: "personal.read"), for: Self.admin)
        #expect(reads.map(\.allowed).sorted { !$0 && $1 } == [false, true] && reads.allSatisfy { $0.caseCode == city.caseCode })
    }

    @Test("Answers: a member's REPLY recorded once and an older one ignored, another's refused alike whatever the reason, a COUNTER kept apart; the feed shows the invited meeting with a tag that holds until something changes", arguments: Engine.allCases)
    func answersAndFeed(engine: Engine) async throws {
        let city = try await Self.city(engine)
        let s = city.storage
        let meeting = try await s.createMeeting(MeetingInput(
            kind: .supportMeeting, startsAt: Self.start, endsAt: Self.end, place: "",
            items: [AgendaItemInput(caseId: city.caseId, purpose: .informationSharing)], roomId: city.room.id), by: city.coordinator)
        let member = Actor.staff(city.member)
        _ = try await s.addAttendee(meetingId: meeting.id, AttendeeInput(staffId: city.member.id!), by: city.coordinator)
        let invited = try await s.sendInvitations(meetingId: meeting.id, by: city.coordinator)
        let uid = try #require(invited.first?.invitation.uid)
        let sequence = try await s.meetingMaterial(id: meeting.id, for: city.coordinator).sequence
        func reply(_ response: AttendeeResponse, at stamp: Date, email: String = "m@city.example.jp", uid: String? = nil) -> ITIPReply {
            ITIPReply(method: .reply, uid: uid ?? invited[0].invitation.uid, sequence: sequence, dtstamp: stamp, attendeeEmail: email, response: response)
        }
        let first = try await s.importReply(reply(.accepted, at: Self.instant), attendeeEmails: ["m@city.example.jp"], by: member)
        #expect(first.result == .recorded && first.response == .accepted)
        let stale = try await s.importReply(reply(.declined, at: Self.instant.addingTimeInterval(-60)), attendeeEmails: ["m@city.example.jp"], by: member)
        #expect(stale.result == .ignoredAsStale && stale.response == .accepted)
        // Another attendee's answer and a meeting that does not exist get the same refusal.
        var refusals: [String] = []
        for (r, emails) in [(reply(.declined, at: Self.instant, email: "sec@city.example.jp"), ["sec@city.example.jp"]),
                            (reply(.declined, at: Self.instant, uid: "nothing@kasane"), ["m@city.example.jp"])] {
            do {
                _ = try await s.importReply(r, attendeeEmails: emails, by: member)
            } catch let error as KasaneError {
                refusals.append(error.message)
            }
        }
        #expect(refusals.count == 2 && Set(refusals).count == 1)
        let counter = ITIPReply(
            method: .counter, uid: uid, sequence: sequence, dtstamp: Self.instant, attendeeEmail: "m@city.example.jp", response: .tentative,
            proposedStart: Self.start.addingTimeInterval(7200), proposedEnd: Self.end.addingTimeInterval(7200), comment: "午後なら出席できます")
        #expect(try await s.importReply(counter, attendeeEmails: ["m@city.example.jp"], by: member).result == .counterRecorded)
        #expect(try await s.counterProposals(meetingId: meeting.id, for: city.coordinator).map(\.comment) == ["午後なら出席できます"])
        #expect(try await s.meetingMaterial(id: meeting.id, for: city.coordinator).startsAt == Self.start, "a proposal changes nothing")

        let token = try await s.renewFeedToken(by: member)
        let feed = try #require(try await s.feed(token: token))
        #expect(feed.invitations.map(\.uid) == [uid])
        #expect(try await s.feed(token: token)?.etag == feed.etag, "nothing changed, the same tag")
        #expect(try await s.feed(token: "not-a-token") == nil)
        _ = try await s.renewFeedToken(by: member)
        #expect(try await s.feed(token: token) == nil, "a renewed token retires the old one")
        #expect(try await s.auditLog(AuditFilter(action: "feed.read"), for: Self.admin).count == 2, "each read audited")
    }
}
