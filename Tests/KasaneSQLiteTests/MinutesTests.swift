import Foundation
import GRDB
import KasaneApp
import KasaneCore
import KasaneSQLite
import Testing

/// A held 重層的支援会議: case A (consent covers 社協, 事務局, 北部包括) and case B
/// (every member). 北部 hears both but leaves the room for B; 保健 hears only B.
struct HeldMeeting {
    let m: MeetingCity
    let meetingId: Int64
    let itemA: Int64
    let itemB: Int64

    static func make() async throws -> HeldMeeting {
        let m = try await MeetingCity.make()
        for (c, agency) in [(m.caseA, m.city.northCare), (m.caseB, m.city.mentalHealth)] {
            _ = try await m.db.createPlan(caseId: c.id!, PlanInput.sample(agency: agency), by: m.city.coordinator)
        }
        let meeting = try await m.multiLayered(days: 3)
        let itemA = meeting.items[0].id, itemB = meeting.items[1].id
        _ = try await m.db.addAttendee(
            meetingId: meeting.id, AttendeeInput(staffId: m.north.id!, leavesFor: [itemB]), by: m.city.coordinator)
        _ = try await m.db.addAttendee(
            meetingId: meeting.id, AttendeeInput(staffId: m.mental.id!, itemIds: [itemB]), by: m.city.coordinator)
        _ = try await m.db.at(Date().addingTimeInterval(4 * 86400)).markHeld(id: meeting.id, by: m.city.secretariat)
        return HeldMeeting(m: m, meetingId: meeting.id, itemA: itemA, itemB: itemB)
    }

    var db: AppDatabase { m.db }
    var secretariat: Actor { m.city.secretariat }
    var chair: Actor { m.city.coordinator }

    /// Drafts, fills and approves version 1.
    func approved() async throws -> MinutesView {
        _ = try await db.draftMinutes(meetingId: meetingId, by: secretariat)
        _ = try await db.editMinutes(meetingId: meetingId, MinutesEdit(items: [
            .init(itemId: itemA, summary: "本人と母の生活状況を共有した。", decisions: [Decision(kind: .planApproved)]),
            .init(itemId: itemB, summary: "家計の立て直しを協議した。", decisions: [Decision(kind: .planSentBack, text: "就労の目標を具体的に")]),
        ]), by: secretariat)
        return try await db.approveMinutes(meetingId: meetingId, by: chair)
    }
}

extension PlanInput {
    /// A plan with one long and one short goal, both carried by `agency`.
    static func sample(agency: Int64, review: LocalDate = LocalDate.today().adding(days: 90)) -> PlanInput {
        PlanInput(
            wishes: "家で母と暮らし続けたい",
            goals: [
                PlanGoal(term: .long, text: "母子ともに安定した生活を送る", actions: [PlanAction(agencyId: agency, what: "定期訪問", frequency: "月2回", period: "1年")]),
                PlanGoal(term: .short, text: "通院を再開する", actions: [PlanAction(agencyId: agency, what: "受診同行", frequency: "月1回", period: "3か月")]),
            ],
            nextReviewOn: review)
    }
}

func isConflict(_ error: any Error) -> Bool { if case .conflict = error as? KasaneError { true } else { false } }
func isForbidden(_ error: any Error) -> Bool { if case .forbidden = error as? KasaneError { true } else { false } }
func isNotFound(_ error: any Error) -> Bool { if case .notFound = error as? KasaneError { true } else { false } }

@Suite("Minutes: drafting, approval, readers, corrections and the chain")
struct MinutesTests {
    @Test("A draft comes from the agenda of a held meeting, with who was expected and who left the room")
    func draft() async throws {
        let h = try await HeldMeeting.make()
        await #expect { try await h.db.draftMinutes(meetingId: h.meetingId, by: h.chair) } throws: { isForbidden($0) }
        let draft = try await h.db.draftMinutes(meetingId: h.meetingId, by: h.secretariat)
        #expect(draft.version.state == .draft && draft.version.previousHash == String(repeating: "0", count: 64))
        let b = try #require(draft.items.first { $0.itemId == h.itemB })
        #expect(b.attendance.contains(AttendanceRecord(staffId: h.m.north.id!, presence: .leftRoom)))
        #expect(b.attendance.contains(AttendanceRecord(staffId: h.m.mental.id!, presence: .present)))
        let a = try #require(draft.items.first { $0.itemId == h.itemA })
        #expect(!a.attendance.contains { $0.staffId == h.m.mental.id! })
        await #expect { try await h.db.draftMinutes(meetingId: h.meetingId, by: h.secretariat) } throws: { isConflict($0) }

        // Not before the meeting is held.
        let future = try await h.m.multiLayered(days: 20)
        await #expect { try await h.db.draftMinutes(meetingId: future.id, by: h.secretariat) } throws: { isConflict($0) }
    }

    @Test("Decisions are data: a decision outside its item's purpose, or missing what it needs, is refused and nothing changes")
    func decisions() async throws {
        let h = try await HeldMeeting.make()
        _ = try await h.db.draftMinutes(meetingId: h.meetingId, by: h.secretariat)
        let bad: [Decision] = [
            Decision(kind: .goalEvaluation, goals: [GoalEvaluation(goal: 1, rating: .achieved)]),  // evaluation under planReview
            Decision(kind: .planSentBack),                                                       // no comments
            Decision(kind: .roleAssigned, text: "訪問", agencyId: 9999),                          // unknown agency
            Decision(kind: .informationShared, text: "x"),                                        // a 支援会議 decision
        ]
        for d in bad {
            await #expect(throws: KasaneError.self) {
                try await h.db.editMinutes(meetingId: h.meetingId, MinutesEdit(items: [.init(itemId: h.itemA, decisions: [d])]), by: h.secretariat)
            }
        }
        await #expect(throws: KasaneError.self) {
            try await h.db.editMinutes(meetingId: h.meetingId, MinutesEdit(items: [.init(itemId: 99_999, summary: "x")]), by: h.secretariat)
        }
        let unchanged = try await h.db.minutes(meetingId: h.meetingId, for: h.secretariat)
        #expect(unchanged.items.allSatisfy { $0.decisions.isEmpty && $0.summary == "" })
        // An empty draft cannot be approved.
        await #expect { try await h.db.approveMinutes(meetingId: h.meetingId, by: h.chair) } throws: { isConflict($0) }
    }

    @Test("Only the chair approves; approved minutes refuse edits at the API and in SQL; the meeting is minutesApproved")
    func approval() async throws {
        let h = try await HeldMeeting.make()
        _ = try await h.db.draftMinutes(meetingId: h.meetingId, by: h.secretariat)
        _ = try await h.db.editMinutes(meetingId: h.meetingId, MinutesEdit(items: [
            .init(itemId: h.itemA, summary: "要旨A", decisions: [Decision(kind: .planApproved)]),
            .init(itemId: h.itemB, summary: "要旨B"),
        ]), by: h.secretariat)
        await #expect { try await h.db.approveMinutes(meetingId: h.meetingId, by: h.secretariat) } throws: { isForbidden($0) }
        let returned = try await h.db.returnMinutes(meetingId: h.meetingId, MinutesReturnInput(comment: "議題2の要旨を詳しく"), by: h.chair)
        #expect(returned.version.returnedComment == "議題2の要旨を詳しく")
        let approved = try await h.db.approveMinutes(meetingId: h.meetingId, by: h.chair)
        #expect(approved.version.state == .approved && approved.status == .minutesApproved && approved.version.versionHash != nil)
        await #expect { try await h.db.editMinutes(meetingId: h.meetingId, MinutesEdit(items: [.init(itemId: h.itemA, summary: "改")]), by: h.secretariat) } throws: { isConflict($0) }
        // The database itself refuses, whatever the API does.
        await #expect(throws: DatabaseError.self) {
            try await h.db.writer.write { db in try db.execute(sql: "UPDATE minutesVersion SET record = '{}'") }
        }
        await #expect(throws: DatabaseError.self) {
            try await h.db.writer.write { db in try db.execute(sql: "UPDATE minutesText SET body = '{\"summary\":\"改ざん\",\"decisionTexts\":[]}'") }
        }
        await #expect(throws: DatabaseError.self) {
            try await h.db.writer.write { db in try db.execute(sql: "DELETE FROM minutesVersion") }
        }
        #expect(try await h.db.verifyMinutes(by: h.secretariat).allSatisfy(\.ok))
    }

    @Test("A draft's words changed from outside are named as unreadable, never shown as an empty summary, and the chain names the change")
    func unreadableWords() async throws {
        let h = try await HeldMeeting.make()
        _ = try await h.db.draftMinutes(meetingId: h.meetingId, by: h.secretariat)
        try await h.db.writer.write { db in try db.execute(sql: "UPDATE minutesText SET body = 'not json'") }
        await #expect { try await h.db.minutes(meetingId: h.meetingId, for: h.secretariat) } throws: {
            if case .unusableDatabase(let message) = $0 as? KasaneError { message.contains("記録が読めません") } else { false }
        }
        await #expect { try await h.db.editMinutes(meetingId: h.meetingId, MinutesEdit(items: []), by: h.secretariat) } throws: {
            if case .unusableDatabase = $0 as? KasaneError { true } else { false }
        }
        #expect(try await h.db.verifyMinutes(by: h.secretariat).first?.ok == false)
    }

    @Test("A member who left the room for an item reads the minutes without it, and each read is audited")
    func readers() async throws {
        let h = try await HeldMeeting.make()
        _ = try await h.approved()
        let north = Actor.staff(h.m.north)
        let read = try await h.db.minutes(meetingId: h.meetingId, for: north)
        let b = try #require(read.items.first { $0.itemId == h.itemB })
        #expect(b.withheld && b.summary == nil && b.caseCode == nil && b.decisions.isEmpty)
        #expect(read.items.first { $0.itemId == h.itemA }?.summary == "本人と母の生活状況を共有した。")
        // 保健 hears only B; its comments reach them in the attendee's reading, not in the distributed one.
        let mental = try await h.db.minutes(meetingId: h.meetingId, for: .staff(h.m.mental))
        #expect(mental.items.first { $0.itemId == h.itemA }?.withheld == true)
        #expect(mental.items.first { $0.itemId == h.itemB }?.decisions.first?.text == "就労の目標を具体的に")
        let distributed = try await h.db.minutes(meetingId: h.meetingId, reading: .distributed, for: .staff(h.m.mental))
        #expect(distributed.items.allSatisfy { $0.summary == nil && $0.decisions.allSatisfy { $0.text == nil } })
        // Not an attendee: as if there were no minutes. Nor the coordinator's role alone... but the coordinator chairs.
        await #expect { try await h.db.minutes(meetingId: h.meetingId, for: h.m.city.southMember) } throws: { isNotFound($0) }
        await #expect { try await h.db.minutes(meetingId: h.meetingId, for: h.m.city.administrator) } throws: { isNotFound($0) }
        let log = try await h.db.auditLog(AuditFilter(staffId: h.m.north.id), for: h.m.city.administrator)
        #expect(log.contains { $0.action == "minutes.read.case" && $0.caseCode == h.m.caseA.code })
        #expect(!log.contains { $0.action == "minutes.read.case" && $0.caseCode == h.m.caseB.code })
        let refused = try await h.db.auditLog(AuditFilter(refusalsOnly: true), for: h.m.city.administrator)
        #expect(refused.contains { $0.action == "minutes.read" && $0.meetingId == h.meetingId })
    }

    @Test("A correction is a new version with a reason, approved again; earlier versions stay readable; the chain verifies")
    func correction() async throws {
        let h = try await HeldMeeting.make()
        let v1 = try await h.approved()
        await #expect(throws: KasaneError.self) {
            try await h.db.correctMinutes(meetingId: h.meetingId, MinutesCorrectionInput(reason: " "), by: h.secretariat)
        }
        let draft = try await h.db.correctMinutes(meetingId: h.meetingId, MinutesCorrectionInput(reason: "議題1の要旨の誤記"), by: h.secretariat)
        #expect(draft.version.version == 2 && draft.version.previousHash == v1.version.versionHash && draft.version.reason == "議題1の要旨の誤記")
        // Attendees go on reading the approved version until the correction is approved.
        #expect(try await h.db.minutes(meetingId: h.meetingId, for: .staff(h.m.north)).version.version == 1)
        _ = try await h.db.editMinutes(meetingId: h.meetingId, MinutesEdit(items: [.init(itemId: h.itemA, summary: "本人と父の生活状況を共有した。")]), by: h.secretariat)
        let v2 = try await h.db.approveMinutes(meetingId: h.meetingId, by: h.chair)
        #expect(v2.version.version == 2 && v2.versions.count == 2)
        let first = try await h.db.minutes(meetingId: h.meetingId, version: 1, for: .staff(h.m.north))
        #expect(first.items.first { $0.itemId == h.itemA }?.summary == "本人と母の生活状況を共有した。")
        let report = try await h.db.verifyMinutes(by: h.secretariat)
        #expect(report.count == 1 && report[0].ok && report[0].versions == 2 && report[0].head == v2.version.versionHash)
    }

    @Test("A correction that records a member absent withholds that item from them in every version, the earlier ones too")
    func absentAcrossVersions() async throws {
        let h = try await HeldMeeting.make()
        _ = try await h.approved()
        let north = Actor.staff(h.m.north)
        #expect(try await h.db.minutes(meetingId: h.meetingId, version: 1, for: north).items.first { $0.itemId == h.itemA }?.withheld == false)
        _ = try await h.db.correctMinutes(meetingId: h.meetingId, MinutesCorrectionInput(reason: "北部包括は議題1を欠席"), by: h.secretariat)
        let v1 = try await h.db.minutes(meetingId: h.meetingId, version: 1, for: h.secretariat)
        var attendance = try #require(v1.items.first { $0.itemId == h.itemA }).attendance
        attendance = attendance.map { $0.staffId == h.m.north.id ? AttendanceRecord(staffId: $0.staffId, presence: .absent) : $0 }
        _ = try await h.db.editMinutes(meetingId: h.meetingId, MinutesEdit(items: [.init(itemId: h.itemA, attendance: attendance)]), by: h.secretariat)
        // Until the correction is approved, it binds nobody.
        #expect(try await h.db.minutes(meetingId: h.meetingId, version: 1, for: north).items.first { $0.itemId == h.itemA }?.withheld == false)
        _ = try await h.db.approveMinutes(meetingId: h.meetingId, by: h.chair)
        for version in [1, 2] {
            let read = try await h.db.minutes(meetingId: h.meetingId, version: version, for: north)
            let a = try #require(read.items.first { $0.itemId == h.itemA })
            #expect(a.withheld && a.summary == nil && a.caseCode == nil, "version \(version)")
            let doc = try await h.db.minutesDocument(meetingId: h.meetingId, version: version, reading: .attendee, for: north)
            #expect(doc.items.first { $0.position == 1 }?.withheld == true, "document, version \(version)")
        }
        // The secretariat still reads every word of both.
        #expect(try await h.db.minutes(meetingId: h.meetingId, version: 1, for: h.secretariat).items.first { $0.itemId == h.itemA }?.summary != nil)
    }

    @Test("A removed newest version passes the chain but not the heads published before; an archive is refused while a chain is broken")
    func publishedHeads() async throws {
        let h = try await HeldMeeting.make()
        _ = try await h.approved()
        _ = try await h.db.correctMinutes(meetingId: h.meetingId, MinutesCorrectionInput(reason: "誤記"), by: h.secretariat)
        _ = try await h.db.editMinutes(meetingId: h.meetingId, MinutesEdit(items: [.init(itemId: h.itemA, summary: "本人と父の生活状況を共有した。")]), by: h.secretariat)
        _ = try await h.db.approveMinutes(meetingId: h.meetingId, by: h.chair)
        let line = try await h.db.chainHeads().logLine
        let published = PublishedHeads.minutes(in: line)
        #expect(published.map(\.version) == [2])
        #expect(try await h.db.verifyMinutes(published: published, by: h.secretariat).allSatisfy(\.ok))
        // Someone with the file drops the lock and the newest version.
        try await h.db.writer.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER minutesVersion_kept; DROP TRIGGER minutesText_kept; PRAGMA foreign_keys = OFF")
            try db.execute(sql: "DELETE FROM minutesText WHERE versionId = (SELECT id FROM minutesVersion WHERE meetingId = ? AND version = 2)", arguments: [h.meetingId])
            try db.execute(sql: "DELETE FROM minutesVersion WHERE meetingId = ? AND version = 2", arguments: [h.meetingId])
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        #expect(try await h.db.verifyMinutes(by: h.secretariat).allSatisfy(\.ok), "the chain alone cannot see a removed tail")
        let against = try await h.db.verifyMinutes(published: published, by: h.secretariat)
        #expect(against.count == 1 && !against[0].ok && against[0].problems.contains { $0.contains("第2版") && $0.contains("削除") })

        // A chain that does not verify: no archive, the meeting named.
        try await h.db.writer.write { db in
            try db.execute(sql: "DROP TRIGGER minutesText_locked; DROP TRIGGER minutesText_erasure_due")
            try db.execute(sql: "UPDATE minutesText SET body = replace(body, '母', '祖母') WHERE itemId = ?", arguments: [h.itemA])
        }
        let year = try await h.db.meetingMaterial(id: h.meetingId, for: h.secretariat).fiscalYear
        await #expect {
            try await h.db.archiveContents(fiscalYear: year, by: h.secretariat)
        } throws: { error in
            guard case .conflict(let message) = error as? KasaneError else { return false }
            return message.contains("会議ID \(h.meetingId)") && message.contains("作りません")
        }
    }

    @Test("Tampering with a stored version, past the database's locks, is caught by verify and named")
    func tampering() async throws {
        let h = try await HeldMeeting.make()
        _ = try await h.approved()
        try await h.db.writer.write { db in
            try db.execute(sql: "DROP TRIGGER minutesText_locked")
            try db.execute(sql: "UPDATE minutesText SET body = replace(body, '母', '祖母') WHERE itemId = ?", arguments: [h.itemA])
        }
        let report = try await h.db.verifyMinutes(meetingId: h.meetingId, by: h.secretariat)
        #expect(report.count == 1 && !report[0].ok)
        #expect(report[0].problems.contains { $0.contains("第1版") && $0.contains("ID \(h.itemA)") })
        await #expect { try await h.db.verifyMinutes(by: h.m.city.northMember) } throws: { isForbidden($0) }
    }
}

@Suite("Retention of personal data and minutes")
struct RetentionTests {
    @Test("Retention erases only what has passed its period, audits each record, and the chain still verifies")
    func retention() async throws {
        let h = try await HeldMeeting.make()
        _ = try await h.approved()
        let a = h.m.caseA
        _ = try await h.db.updateCase(
            id: a.id!, with: CaseInput(district: a.district, fields: a.fields, referringAgencyId: a.referringAgencyId, status: .terminated, summary: a.summary),
            by: h.m.city.coordinator)
        let today = LocalDate.today()
        // Listing looks ahead: not yet five years after the end, to the day; then case A is due.
        let early = try await h.db.at(day: today.adding(days: 365 * 5)).retention(apply: false, by: h.secretariat)
        #expect(early.cases.isEmpty && early.minutes.isEmpty && early.erased == 0)
        await #expect { try await h.db.retention(apply: false, by: h.m.city.coordinator) } throws: { isForbidden($0) }
        let later = today.adding(days: 365 * 5 + 3)
        let listed = try await h.db.at(day: later).retention(apply: false, by: h.secretariat)
        #expect(listed.cases.map(\.code) == [a.code] && listed.cases[0].personalRecords == 1 && listed.cases[0].minutesTexts == 1)
        #expect(listed.minutes.isEmpty && listed.erased == 0)
        // Erasing happens today only, and today nothing is due: nothing goes.
        await #expect(throws: KasaneError.self) { try await h.db.at(day: later).retention(apply: true, by: h.secretariat) }
        #expect(try await h.db.retention(apply: true, by: h.secretariat).erased == 0)
        // The database itself refuses to erase the words of minutes a few days old, even past the API.
        await #expect(throws: DatabaseError.self) {
            try await h.db.writer.write { db in
                try db.execute(sql: "UPDATE minutesText SET body = NULL, erasedAt = CURRENT_TIMESTAMP")
            }
        }
        #expect(try await h.db.minutes(meetingId: h.meetingId, for: h.secretariat).items.allSatisfy { !$0.erased })

        // Case A ended six years ago (as if): its personal data and its item's words go; B's stay.
        try await h.db.writer.write { db in
            try db.execute(sql: "UPDATE supportCase SET closedOn = ? WHERE id = ?", arguments: [today.adding(days: -(365 * 6)).description, a.id!])
        }
        let applied = try await h.db.retention(apply: true, by: h.secretariat)
        #expect(applied.erased == 2)
        let remaining = try await h.db.reader.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM householdMemberPersonal JOIN householdMember ON householdMember.id = memberId WHERE caseId = ?", arguments: [a.id!])
        }
        #expect(remaining == 0)
        let read = try await h.db.minutes(meetingId: h.meetingId, for: h.secretariat)
        let itemA = try #require(read.items.first { $0.itemId == h.itemA })
        let itemB = try #require(read.items.first { $0.itemId == h.itemB })
        #expect(itemA.erased && itemA.summary == nil && itemA.caseCode == a.code && itemA.decisions.map(\.kind) == [.planApproved])
        #expect(!itemB.erased && itemB.summary == "家計の立て直しを協議した。")
        #expect(try await h.db.verifyMinutes(by: h.secretariat).allSatisfy(\.ok))
        let log = try await h.db.auditLog(AuditFilter(caseCode: a.code), for: h.m.city.administrator)
        #expect(log.filter { $0.action == "retention.erase" }.count == 2)
        // A correction of erased minutes is refused: the words are gone for good.
        await #expect { try await h.db.correctMinutes(meetingId: h.meetingId, MinutesCorrectionInput(reason: "x"), by: h.secretariat) } throws: { isConflict($0) }
        // B's words are still within their period: the database refuses them.
        await #expect(throws: DatabaseError.self) {
            try await h.db.writer.write { db in
                try db.execute(sql: "UPDATE minutesText SET body = NULL, erasedAt = CURRENT_TIMESTAMP WHERE itemId = ?", arguments: [h.itemB])
            }
        }

        // The meeting was eleven years ago (as if): the rest of its words go; the chain still verifies.
        try await h.db.writer.write { db in
            try db.execute(sql: "UPDATE meeting SET startsAt = datetime(startsAt, '-11 years'), endsAt = datetime(endsAt, '-11 years') WHERE id = ?", arguments: [h.meetingId])
        }
        let old = try await h.db.retention(apply: true, by: h.secretariat)
        #expect(old.minutes.map(\.meetingId) == [h.meetingId] && old.erased == 1)
        #expect(try await h.db.minutes(meetingId: h.meetingId, for: h.secretariat).items.allSatisfy(\.erased))
        #expect(try await h.db.verifyMinutes(by: h.secretariat).allSatisfy(\.ok))
        // The database lets erasure through, and nothing else.
        await #expect(throws: DatabaseError.self) {
            try await h.db.writer.write { db in try db.execute(sql: "UPDATE minutesText SET erasedAt = NULL") }
        }
    }
}
