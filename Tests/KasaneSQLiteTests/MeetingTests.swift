import Foundation
import GRDB
import KasaneApp
import KasaneCore
import KasaneSQLite
import Testing

/// Two north cases with consent: A covers 社協, 事務局 and 北部包括 only; B covers every member.
struct MeetingCity {
    let city: TestCity
    let caseA: SupportCase
    let caseB: SupportCase
    let consentA: Consent
    let mental: Staff
    let north: Staff
    let south: Staff

    static func make() async throws -> MeetingCity {
        let city = try await TestCity.make()
        let (a, principalA) = try await city.northCase()
        let (b, principalB) = try await city.northCase()
        let agencies = try await city.db.agencies()
        let covered = agencies.filter { ["CSW", "KYS", "HK-N"].contains($0.code) }.map { $0.id! }
        let consentA = try await city.db.recordConsent(
            caseId: a.id!, ConsentInput(givenByMemberId: principalA.id!, givenOn: LocalDate("2026-06-01")!,
                                        scope: .agencies(covered), purpose: "情報共有", expiresOn: nil), by: city.coordinator)
        _ = try await city.db.recordConsent(
            caseId: b.id!, ConsentInput(givenByMemberId: principalB.id!, givenOn: LocalDate("2026-06-01")!,
                                        scope: .allMeetingMembers, purpose: "情報共有", expiresOn: nil), by: city.coordinator)
        return MeetingCity(
            city: city, caseA: a, caseB: b, consentA: consentA,
            mental: try await city.db.staff(email: "mental@city.example.jp"),
            north: try await city.db.staff(email: "north@city.example.jp"),
            south: try await city.db.staff(email: "south@city.example.jp"))
    }

    var db: AppDatabase { city.db }

    /// Ten days from now at 10:00 in Japan, for `hours`.
    static func future(days: Int = 10, hour: Int = 10) -> (Date, Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .tokyo
        let day = calendar.date(byAdding: .day, value: days, to: calendar.startOfDay(for: Date()))!
        let start = calendar.date(bySettingHour: hour, minute: 0, second: 0, of: day)!
        return (start, start.addingTimeInterval(5400))
    }

    func multiLayered(days: Int = 10) async throws -> MeetingMaterial {
        let (start, end) = Self.future(days: days)
        return try await db.createMeeting(
            MeetingInput(
                kind: .multiLayeredSupportMeeting, startsAt: start, endsAt: end, place: "第2会議室",
                items: [AgendaItemInput(caseId: caseA.id, purpose: .planReview), AgendaItemInput(caseId: caseB.id, purpose: .planReview)]),
            by: city.coordinator)
    }
}

@Suite("Meetings in the store")
struct MeetingStoreTests {
    @Test("Meetings are numbered per kind and fiscal year, with a title that names no one, a UID and SEQUENCE 0")
    func numbering() async throws {
        let m = try await MeetingCity.make()
        let first = try await m.multiLayered()
        let second = try await m.multiLayered(days: 11)
        let (start, end) = MeetingCity.future(days: 12)
        let support = try await m.db.createMeeting(
            MeetingInput(kind: .supportMeeting, startsAt: start, endsAt: end, place: "会議室"), by: m.city.coordinator)
        #expect(first.number == 1)
        #expect(second.number == 2)
        #expect(support.number == 1)
        #expect(second.title == "重層的支援会議 第2回")
        #expect(support.title == "支援会議 第1回")
        #expect(first.sequence == 0 && first.uid.hasSuffix("@kasane") && first.uid != second.uid)
        #expect(first.items.map(\.startsAt) == ["10:00", "10:20"])
        await #expect(throws: DatabaseError.self) {
            try await m.db.writer.write { db in try db.execute(sql: "UPDATE meeting SET uid = 'x' WHERE id = ?", arguments: [first.id]) }
        }
    }

    @Test("A meeting that cannot be read is a database failure, never told apart as 'not found'; a missing one is 'not found'")
    func failureIsNotAbsence() async throws {
        let m = try await MeetingCity.make()
        let meeting = try await m.multiLayered()
        await #expect { try await m.db.meetingMaterial(id: meeting.id + 1000, for: m.city.coordinator) } throws: { isNotFound($0) }
        // The items can no longer be read: the reader must hear of a failure, not of a meeting that is gone.
        try await m.db.writer.write { db in try db.execute(sql: "ALTER TABLE agendaItem RENAME TO agendaItemAway") }
        await #expect(throws: DatabaseError.self) { try await m.db.meetingMaterial(id: meeting.id, for: m.city.coordinator) }
        await #expect(throws: DatabaseError.self) { try await m.db.minutes(meetingId: meeting.id, for: m.city.coordinator) }
    }

    @Test("An attendee outside a case's consent is refused for its item, naming the agency, and allowed for the other")
    func attendeeConsent() async throws {
        let m = try await MeetingCity.make()
        let meeting = try await m.multiLayered()
        let itemA = meeting.items[0].id, itemB = meeting.items[1].id
        await #expect {
            try await m.db.addAttendee(meetingId: meeting.id, AttendeeInput(staffId: m.mental.id!, itemIds: [itemA]), by: m.city.coordinator)
        } throws: { error in
            guard case .ruleViolation(let message) = error as? KasaneError else { return false }
            return message.contains("保健センター") && message.contains(m.caseA.code) && message.contains("支援会議")
        }
        let added = try await m.db.addAttendee(
            meetingId: meeting.id, AttendeeInput(staffId: m.mental.id!, itemIds: [itemB]), by: m.city.coordinator)
        #expect(added.attendees.contains { $0.staffId == m.mental.id && $0.itemIds == [itemB] })
        #expect(added.sequence == 1)
        // Widening them to every item would put them in front of case A: refused, nothing changed.
        await #expect(throws: KasaneError.self) {
            try await m.db.updateAttendee(meetingId: meeting.id, staffId: m.mental.id!, AttendeeInput(staffId: m.mental.id!), by: m.city.coordinator)
        }
        #expect(try await m.db.meetingMaterial(id: meeting.id, for: m.city.coordinator).sequence == 1)
    }

    @Test("A case goes on a 重層的支援会議 only with consent covering everyone present; a case without consent is refused")
    func itemConsent() async throws {
        let m = try await MeetingCity.make()
        let (c, _) = try await m.city.northCase()  // no consent
        let meeting = try await m.multiLayered()
        await #expect {
            try await m.db.addItem(meetingId: meeting.id, AgendaItemInput(caseId: c.id, purpose: .planReview), by: m.city.coordinator)
        } throws: { ($0 as? KasaneError)?.message.contains("本人同意が記録されていません") == true }
        // With the mental-health member present for every item, case A cannot come back on.
        let onlyB = try await m.db.removeItem(meetingId: meeting.id, itemId: meeting.items[0].id, by: m.city.coordinator)
        _ = try await m.db.addAttendee(meetingId: meeting.id, AttendeeInput(staffId: m.mental.id!), by: m.city.coordinator)
        await #expect {
            try await m.db.addItem(meetingId: meeting.id, AgendaItemInput(caseId: m.caseA.id, purpose: .planReview), by: m.city.coordinator)
        } throws: { ($0 as? KasaneError)?.message.contains("保健センター") == true }
        #expect(onlyB.items.count == 1)
    }

    @Test("支援会議 attendees need a pledge: refused without, allowed once recorded")
    func pledgeRule() async throws {
        let m = try await MeetingCity.make()
        let (start, end) = MeetingCity.future()
        let meeting = try await m.db.createMeeting(
            MeetingInput(kind: .supportMeeting, startsAt: start, endsAt: end, place: "会議室",
                         items: [AgendaItemInput(caseId: m.caseA.id, purpose: .informationSharing)]),
            by: m.city.coordinator)
        await #expect {
            try await m.db.addAttendee(meetingId: meeting.id, AttendeeInput(staffId: m.south.id!), by: m.city.coordinator)
        } throws: { ($0 as? KasaneError)?.message.contains("守秘義務") == true }
        try await m.db.recordPledge(staffId: m.south.id!, pledgedOn: LocalDate.today(), note: nil, by: m.city.coordinator)
        let added = try await m.db.addAttendee(meetingId: meeting.id, AttendeeInput(staffId: m.south.id!), by: m.city.coordinator)
        #expect(added.attendees.contains { $0.staffId == m.south.id })
    }

    @Test("Withdrawing consent on a meeting with two cases removes that case's item and those there only for it, at once")
    func withdrawalCascade() async throws {
        let m = try await MeetingCity.make()
        let meeting = try await m.multiLayered()
        let itemA = meeting.items[0].id, itemB = meeting.items[1].id
        _ = try await m.db.addAttendee(meetingId: meeting.id, AttendeeInput(staffId: m.north.id!, itemIds: [itemA]), by: m.city.coordinator)
        _ = try await m.db.addAttendee(meetingId: meeting.id, AttendeeInput(staffId: m.mental.id!, itemIds: [itemB]), by: m.city.coordinator)
        // A meeting already begun keeps its record (yesterday 10:00–11:30 in Japan, whatever the hour now).
        let (pastStart, pastEnd) = MeetingCity.future(days: -1)
        let past = try await m.db.createMeeting(
            MeetingInput(kind: .multiLayeredSupportMeeting, startsAt: pastStart,
                         endsAt: pastEnd, place: "会議室",
                         items: [AgendaItemInput(caseId: m.caseA.id, purpose: .planReview)]),
            by: m.city.coordinator)
        let sequenceBefore = try await m.db.meetingMaterial(id: meeting.id, for: m.city.coordinator).sequence

        let result = try await m.db.withdrawConsent(
            caseId: m.caseA.id!, consentId: m.consentA.id!, WithdrawalInput(reason: "本人の申し出"), by: m.city.coordinator)
        #expect(result.affectedMeetingIds == [meeting.id])

        let after = try await m.db.meetingMaterial(id: meeting.id, for: m.city.coordinator)
        #expect(after.items.map(\.id) == [itemB])
        #expect(after.items[0].position == 1)
        #expect(!after.attendees.contains { $0.staffId == m.north.id })
        #expect(after.attendees.contains { $0.staffId == m.mental.id })
        #expect(after.sequence == sequenceBefore + 1)
        let changes = try await m.db.meetingChanges(id: meeting.id, for: m.city.coordinator)
        #expect(changes.contains { $0.change == .consentWithdrawn })
        #expect(changes.contains { $0.change == .attendeeRemoved && $0.staffId == m.north.id && $0.sequence == after.sequence })
        #expect(try await m.db.meetingMaterial(id: past.id, for: m.city.coordinator).items.count == 1)
        let log = try await m.db.auditLog(AuditFilter(caseCode: m.caseA.code), for: m.city.administrator)
        #expect(log.contains { $0.action == "meeting.consentWithdrawn" && $0.meetingId == meeting.id })
        #expect(log.contains { $0.action == "consent.withdraw" && $0.allowed })
    }

    @Test("A narrower consent left in force takes off those it leaves with nothing to hear, and they get a CANCEL, not an empty REQUEST")
    func narrowingCascade() async throws {
        let m = try await MeetingCity.make()
        let agencies = try await m.db.agencies()
        let narrow = agencies.filter { ["CSW", "KYS", "HK-N"].contains($0.code) }.map { $0.id! }
        let principal = try await m.db.household(caseId: m.caseB.id!, for: m.city.coordinator).first { $0.isPrincipal }!
        _ = try await m.db.recordConsent(
            caseId: m.caseB.id!, ConsentInput(givenByMemberId: principal.id!, givenOn: LocalDate("2026-07-01")!,
                                              scope: .agencies(narrow), purpose: "情報共有（狭い範囲）", expiresOn: nil),
            by: m.city.coordinator)
        let wide = try await m.db.consents(caseId: m.caseB.id!, for: m.city.coordinator).first { $0.scope == .allMeetingMembers }!
        let (start, end) = MeetingCity.future()
        let meeting = try await m.db.createMeeting(
            MeetingInput(kind: .multiLayeredSupportMeeting, startsAt: start, endsAt: end, place: "第2会議室",
                         items: [AgendaItemInput(caseId: m.caseB.id, purpose: .planReview)]),
            by: m.city.coordinator)
        _ = try await m.db.addAttendee(meetingId: meeting.id, AttendeeInput(staffId: m.mental.id!), by: m.city.coordinator)
        _ = try await m.db.addAttendee(meetingId: meeting.id, AttendeeInput(staffId: m.north.id!), by: m.city.coordinator)
        _ = try await m.db.sendInvitations(meetingId: meeting.id, by: m.city.coordinator)

        let result = try await m.db.withdrawConsent(
            caseId: m.caseB.id!, consentId: wide.id!, WithdrawalInput(reason: "範囲を狭めたいとの申し出"), by: m.city.coordinator)
        #expect(result.affectedMeetingIds == [meeting.id])
        let after = try await m.db.meetingMaterial(id: meeting.id, for: m.city.coordinator)
        #expect(after.items.count == 1)
        #expect(!after.attendees.contains { $0.staffId == m.mental.id })
        #expect(after.attendees.contains { $0.staffId == m.north.id })
        let messages = try await m.db.messages(meetingId: meeting.id, for: m.city.coordinator)
        #expect(messages.filter { $0.staffId == m.mental.id }.map(\.method) == [.request, .cancel])
        #expect(messages.filter { $0.staffId == m.north.id }.map(\.method) == [.request, .request])
        let changes = try await m.db.meetingChanges(id: meeting.id, for: m.city.coordinator)
        #expect(changes.contains { $0.change == .attendeeRemoved && $0.staffId == m.mental.id })
    }

    @Test("A change loads its meeting once and reads it back once to check the rules; plans, delivery and material get it passed on")
    func oneLoadPerChange() async throws {
        let m = try await MeetingCity.make()
        let meeting = try await m.multiLayered()
        _ = try await m.db.sendInvitations(meetingId: meeting.id, by: m.city.coordinator)
        let reads = MeetingReads()
        try await m.db.writer.write { db in db.trace(options: .statement) { reads.note("\($0)") } }
        // An attendee change on an invited 重層的支援会議: rules, plans, an updated REQUEST to each, the material.
        _ = try await m.db.addAttendee(
            meetingId: meeting.id, AttendeeInput(staffId: m.mental.id!, itemIds: [meeting.items[1].id]), by: m.city.coordinator)
        #expect(reads.count == 2, "meeting reads: \(reads.count)")
        #expect(try await m.db.messages(meetingId: meeting.id, for: m.city.coordinator).contains { $0.staffId == m.mental.id })
        // A withdrawal that changes it reads it once and passes on the state the withdrawal left.
        reads.reset()
        _ = try await m.db.withdrawConsent(
            caseId: m.caseA.id!, consentId: m.consentA.id!, WithdrawalInput(reason: "本人の申し出"), by: m.city.coordinator)
        #expect(reads.count == 1, "meeting reads: \(reads.count)")
        // Held: one read, the rest passed on.
        reads.reset()
        _ = try await m.db.at(Date().addingTimeInterval(11 * 86400)).markHeld(id: meeting.id, by: m.city.secretariat)
        #expect(reads.count == 1, "meeting reads: \(reads.count)")
        try await m.db.writer.write { db in db.trace(options: .statement, nil) }
    }

    @Test("A held or cancelled meeting takes no changes; cancelling needs a reason; held only once begun")
    func closedMeetings() async throws {
        let m = try await MeetingCity.make()
        let meeting = try await m.multiLayered()
        await #expect { try await m.db.markHeld(id: meeting.id, by: m.city.coordinator) } throws: {
            if case .conflict = $0 as? KasaneError { true } else { false }
        }
        await #expect(throws: KasaneError.self) {
            try await m.db.cancelMeeting(id: meeting.id, CancellationInput(reason: " "), by: m.city.coordinator)
        }
        let cancelled = try await m.db.cancelMeeting(id: meeting.id, CancellationInput(reason: "台風接近のため"), by: m.city.coordinator)
        #expect(cancelled.status == .cancelled && cancelled.sequence == 1)
        await #expect { try await m.db.addItem(
            meetingId: meeting.id, AgendaItemInput(caseId: nil, purpose: .socialResources), by: m.city.coordinator)
        } throws: { if case .conflict = $0 as? KasaneError { true } else { false } }
        await #expect(throws: KasaneError.self) {
            try await m.db.updateMeeting(id: meeting.id, MeetingChangeInput(place: "別室"), by: m.city.coordinator)
        }
        // Held: the secretariat records it once the meeting has begun; then it is closed too.
        let other = try await m.multiLayered(days: 3)
        let held = try await m.db.at(Date().addingTimeInterval(4 * 86400)).markHeld(id: other.id, by: m.city.secretariat)
        #expect(held.status == .held)
        await #expect(throws: KasaneError.self) {
            try await m.db.removeAttendee(meetingId: other.id, staffId: m.city.secretariat.staffId!, reason: nil, by: m.city.coordinator)
        }
    }

    @Test("Moving a meeting raises its SEQUENCE; it stays in its fiscal year; bad times are refused")
    func moving() async throws {
        let m = try await MeetingCity.make()
        let meeting = try await m.multiLayered()
        let (start, _) = MeetingCity.future(days: 11, hour: 14)
        let moved = try await m.db.updateMeeting(id: meeting.id, MeetingChangeInput(startsAt: start), by: m.city.coordinator)
        #expect(moved.startsAt == start && moved.endsAt == start.addingTimeInterval(5400) && moved.sequence == 1)
        await #expect { try await m.db.updateMeeting(
            id: meeting.id, MeetingChangeInput(startsAt: start, endsAt: start.addingTimeInterval(-60)), by: m.city.coordinator)
        } throws: { ($0 as? KasaneError)?.field == "endsAt" }
        await #expect { try await m.db.updateMeeting(
            id: meeting.id, MeetingChangeInput(startsAt: start.addingTimeInterval(400 * 86400)), by: m.city.coordinator)
        } throws: { ($0 as? KasaneError)?.field == "startsAt" }
        await #expect(throws: KasaneError.self) {
            try await m.db.updateMeeting(id: meeting.id, MeetingChangeInput(place: "別室"), by: m.city.northMember)
        }
    }

    @Test("A member who hears a case in a meeting may read it; one who does not, may not")
    func hearingGivesAccess() async throws {
        let m = try await MeetingCity.make()
        let meeting = try await m.multiLayered()
        let mental = Actor.staff(m.mental)
        await #expect(throws: KasaneError.notFound("事例（ID \(m.caseB.id!)）は見つかりません。")) {
            try await m.db.supportCase(id: m.caseB.id!, for: mental)
        }
        _ = try await m.db.addAttendee(
            meetingId: meeting.id, AttendeeInput(staffId: m.mental.id!, itemIds: [meeting.items[1].id]), by: m.city.coordinator)
        #expect(try await m.db.supportCase(id: m.caseB.id!, for: mental).code == m.caseB.code)
        await #expect(throws: KasaneError.self) { try await m.db.supportCase(id: m.caseA.id!, for: mental) }
        let material = try await m.db.meetingMaterial(id: meeting.id, for: mental)
        #expect(material.items.map(\.withheld) == [true, false])
        #expect(material.items[0].caseCode == nil)
    }
}

@Suite("Audit log")
struct AuditLogTests {
    @Test("The database refuses to edit or delete an audit row")
    func appendOnly() async throws {
        let city = try await TestCity.make()
        _ = try await city.northCase()
        await #expect(throws: DatabaseError.self) {
            try await city.db.writer.write { db in try db.execute(sql: "UPDATE auditLog SET allowed = 0") }
        }
        await #expect(throws: DatabaseError.self) {
            try await city.db.writer.write { db in try db.execute(sql: "DELETE FROM auditLog") }
        }
        #expect(try await city.db.auditLog(AuditFilter(), for: city.administrator).count > 0)
    }

    @Test("Reads, changes and refusals are logged with who and from where; filters and CSV work; only administrators read it")
    func filters() async throws {
        let city = try await TestCity.make()
        let (c, principal) = try await city.northCase()
        let south = Actor.staff(try await city.db.staff(email: "south@city.example.jp"), from: "192.0.2.7")
        _ = try? await city.db.personalData(caseId: c.id!, memberId: principal.id!, for: south)
        _ = try await city.db.personalData(caseId: c.id!, memberId: principal.id!, for: city.northMember)
        let refusals = try await city.db.auditLog(AuditFilter(refusalsOnly: true), for: city.administrator)
        #expect(refusals.contains { $0.action == "personal.read" && $0.staffId == south.staffId && $0.origin == "192.0.2.7" && $0.caseCode == c.code })
        let byStaff = try await city.db.auditLog(AuditFilter(staffId: city.northMember.staffId), for: city.administrator)
        #expect(byStaff.allSatisfy { $0.staffId == city.northMember.staffId } && byStaff.contains { $0.action == "personal.read" && $0.allowed })
        let today = LocalDate.today()
        #expect(try await city.db.auditLog(AuditFilter(caseCode: c.code, from: today, to: today), for: city.administrator).count >= 3)
        #expect(try await city.db.auditLog(AuditFilter(to: LocalDate("2000-01-01")), for: city.administrator).isEmpty)
        let csv = try await city.db.auditLogCSV(AuditFilter(caseCode: c.code), for: city.administrator)
        #expect(csv.hasPrefix("\u{FEFF}id,日時,職員ID"))
        #expect(csv.contains(",拒否,"))
        #expect(!csv.contains("試験 太郎"))
        await #expect(throws: KasaneError.self) { try await city.db.auditLog(AuditFilter(), for: city.coordinator) }
        // The refusal to read the log is itself logged.
        #expect(try await city.db.auditLog(AuditFilter(refusalsOnly: true), for: city.administrator).contains { $0.action == "audit.list" })
    }
}

/// Counts the statements that read one meeting's row by its id (a "load"), from SQLite's trace.
final class MeetingReads: @unchecked Sendable {
    private let lock = NSLock()
    private var seen = 0
    var count: Int { lock.withLock { seen } }
    func reset() { lock.withLock { seen = 0 } }
    func note(_ sql: String) {
        guard sql.contains(#"FROM "meeting" WHERE "id" = "#) else { return }
        lock.withLock { seen += 1 }
    }
}
