import Foundation
import GRDB
import KasaneCore

/// 保存期間: what has passed the city's retention periods, and erasing it. Codes,
/// counts and the distributed readings stay; the personal data of ended cases and
/// the attendee's words of their minutes go, each erasure audited. The minutes chain
/// still verifies: an erased item keeps its hash (see the README).
public struct RetentionReport: Codable, Sendable, Equatable {
    public struct CaseEntry: Codable, Sendable, Equatable {
        public var caseId: Int64
        public var code: String
        public var closedOn: LocalDate
        public var keptUntil: LocalDate
        public var personalRecords: Int
        public var minutesTexts: Int
    }

    public struct MinutesEntry: Codable, Sendable, Equatable {
        public var meetingId: Int64
        public var title: String
        public var heldOn: LocalDate
        public var keptUntil: LocalDate
        public var minutesTexts: Int
    }

    public var today: LocalDate
    public var settings: RetentionSettings
    public var cases: [CaseEntry]
    public var minutes: [MinutesEntry]
    /// Records erased (with `apply`); 0 when only listed.
    public var erased: Int
}

extension AppDatabase {
    public func retention(apply: Bool, by actor: Actor) async throws -> RetentionReport {
        try await audited(actor, apply ? "retention.apply" : "retention.list", target: "retention") { db, note in
            let today = LocalDate.today(now: note.at)
            try Access.require(.writeMinutes, actor)
            // Listing may look ahead (a clock set to a later day); erasing happens only on the day
            // the database itself says it is (its triggers check the dates too).
            let databaseToday = try String.fetchOne(db, sql: "SELECT date('now', '+9 hours')").flatMap(LocalDate.init) ?? today
            guard !apply || today <= databaseToday else {
                throw KasaneError.invalid(field: "today", message: "消去は今日の日付でだけ行えます（\(today) は未来の日付です）。")
            }
            var report = try Self.retentionReport(db, today: today)
            if apply {
                report.erased = try Self.erase(db, report, by: actor, now: note.at)
                note.detail = "\(report.erased)件を消去"
            }
            return report
        }
    }

    static func retentionReport(_ db: Database, today: LocalDate) throws -> RetentionReport {
        let settings = try settings(db)
        let rules = settings.retentionRules
        var cases: [RetentionReport.CaseEntry] = []
        for c in try SupportCase.filter(Column("closedOn") != nil).order(Column("code")).fetchAll(db) {
            guard let id = c.id, let closedOn = c.closedOn else { continue }
            let until = RetentionSettings.expires(closedOn, afterYears: rules.casePersonalDataYears)
            guard today > until else { continue }
            let personal = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM householdMemberPersonal JOIN householdMember ON householdMember.id = householdMemberPersonal.memberId
                WHERE householdMember.caseId = ?
                """, arguments: [id]) ?? 0
            let texts = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM minutesText WHERE caseId = ? AND body IS NOT NULL", arguments: [id]) ?? 0
            if personal + texts > 0 {
                cases.append(.init(caseId: id, code: c.code, closedOn: closedOn, keptUntil: until, personalRecords: personal, minutesTexts: texts))
            }
        }
        var minutes: [RetentionReport.MinutesEntry] = []
        let rows = try Row.fetchAll(db, sql: """
            SELECT meeting.id AS id, COUNT(*) AS texts FROM meeting
            JOIN minutesVersion v ON v.meetingId = meeting.id JOIN minutesText t ON t.versionId = v.id
            WHERE t.body IS NOT NULL AND v.approvedAt IS NOT NULL GROUP BY meeting.id ORDER BY meeting.startsAt
            """)
        let meetings = Dictionary(uniqueKeysWithValues: try Meeting.filter(keys: rows.map { $0["id"] as Int64 }).fetchAll(db).compactMap { m in m.id.map { ($0, m) } })
        for row in rows {
            guard let m = meetings[row["id"]] else { continue }
            let until = RetentionSettings.expires(m.day, afterYears: rules.minutesYears)
            guard today > until else { continue }
            minutes.append(.init(meetingId: m.id ?? 0, title: m.title(settings), heldOn: m.day, keptUntil: until, minutesTexts: row["texts"]))
        }
        return RetentionReport(today: today, settings: rules, cases: cases, minutes: minutes, erased: 0)
    }

    /// Erases what the report lists, one audit line per record.
    static func erase(_ db: Database, _ report: RetentionReport, by actor: Actor, now: Date) throws -> Int {
        var erased = 0
        func audit(_ target: String, caseCode: String?, meetingId: Int64?) throws {
            let note = AuditNote(target: target, at: now)
            note.caseCode = caseCode
            note.meetingId = meetingId
            note.detail = "保存期間経過による消去"
            try log(db, actor, "retention.erase", note, allowed: true)
            erased += 1
        }
        for entry in report.cases {
            for memberId in try Int64.fetchAll(db, sql: """
                SELECT memberId FROM householdMemberPersonal JOIN householdMember ON householdMember.id = householdMemberPersonal.memberId
                WHERE householdMember.caseId = ?
                """, arguments: [entry.caseId])
            {
                try db.execute(sql: "DELETE FROM householdMemberPersonal WHERE memberId = ?", arguments: [memberId])
                try audit("householdMember:\(memberId)", caseCode: entry.code, meetingId: nil)
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT t.versionId, t.itemId, v.meetingId FROM minutesText t JOIN minutesVersion v ON v.id = t.versionId
                WHERE t.caseId = ? AND t.body IS NOT NULL
                """, arguments: [entry.caseId])
            {
                try eraseText(db, versionId: row["versionId"], itemId: row["itemId"], at: now)
                try audit("minutes:\(row["meetingId"] as Int64)/version:\(row["versionId"] as Int64)/item:\(row["itemId"] as Int64)", caseCode: entry.code, meetingId: row["meetingId"])
            }
        }
        for entry in report.minutes {
            for row in try Row.fetchAll(db, sql: """
                SELECT t.versionId, t.itemId, s.code FROM minutesText t JOIN minutesVersion v ON v.id = t.versionId
                LEFT JOIN supportCase s ON s.id = t.caseId WHERE v.meetingId = ? AND t.body IS NOT NULL
                """, arguments: [entry.meetingId])
            {
                try eraseText(db, versionId: row["versionId"], itemId: row["itemId"], at: now)
                try audit("minutes:\(entry.meetingId)/version:\(row["versionId"] as Int64)/item:\(row["itemId"] as Int64)", caseCode: row["code"], meetingId: entry.meetingId)
            }
        }
        return erased
    }

    static func eraseText(_ db: Database, versionId: Int64, itemId: Int64, at now: Date) throws {
        try db.execute(
            sql: "UPDATE minutesText SET body = NULL, erasedAt = ? WHERE versionId = ? AND itemId = ?", arguments: [now, versionId, itemId])
    }
}
