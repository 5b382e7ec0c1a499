import Foundation
import KasaneStorage
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

extension TransactionalStorage {
    public func retention(apply: Bool, by actor: Actor) async throws -> RetentionReport {
        try await audited(actor, apply ? "retention.apply" : "retention.list", target: "retention") { work, note in
            let today = LocalDate.today(now: note.at)
            try Access.require(.writeMinutes, actor)
            // Listing may look ahead (a clock set to a later day); erasing happens only on the day
            // the database itself says it is (its triggers check the dates too).
            let databaseToday = try work.retention.engineToday() ?? today
            guard !apply || today <= databaseToday else {
                throw KasaneError.invalid(field: "today", message: "消去は今日の日付でだけ行えます（\(today) は未来の日付です）。")
            }
            var report = try RetentionRules.report(work, today: today)
            if apply {
                report.erased = try RetentionRules.erase(work, report, by: actor, now: note.at)
                note.detail = "\(report.erased)件を消去"
            }
            return report
        }
    }
}

/// What has passed the retention periods, and erasing it.
enum RetentionRules {
    static func report(_ work: any UnitOfWork, today: LocalDate) throws -> RetentionReport {
        let settings = try work.settings.settings()
        let rules = settings.retentionRules
        var cases: [RetentionReport.CaseEntry] = []
        for c in try work.cases.cases().filter({ $0.closedOn != nil }).sorted(by: { $0.code < $1.code }) {
            guard let id = c.id, let closedOn = c.closedOn else { continue }
            let until = RetentionSettings.expires(closedOn, afterYears: rules.casePersonalDataYears)
            guard today > until else { continue }
            let personal = try work.household.personal(caseId: id, excluding: nil).count
            let texts = try work.retention.unerasedTexts(caseId: id).count
            if personal + texts > 0 {
                cases.append(.init(caseId: id, code: c.code, closedOn: closedOn, keptUntil: until, personalRecords: personal, minutesTexts: texts))
            }
        }
        var minutes: [RetentionReport.MinutesEntry] = []
        let rows = try work.retention.unerasedTextCounts()
        let meetings = Dictionary(
            try work.meetings.meetings(ids: rows.map(\.meetingId)).map(\.meeting).compactMap { m in m.id.map { ($0, m) } },
            uniquingKeysWith: { first, _ in first })
        for row in rows {
            guard let m = meetings[row.meetingId] else { continue }
            let until = RetentionSettings.expires(m.day, afterYears: rules.minutesYears)
            guard today > until else { continue }
            minutes.append(.init(meetingId: m.id ?? 0, title: m.title(settings), heldOn: m.day, keptUntil: until, minutesTexts: row.count))
        }
        return RetentionReport(today: today, settings: rules, cases: cases, minutes: minutes, erased: 0)
    }

    /// Erases what the report lists, one audit line per record.
    static func erase(_ work: any UnitOfWork, _ report: RetentionReport, by actor: Actor, now: Date) throws -> Int {
        var erased = 0
        func audit(_ target: String, caseCode: String?, meetingId: Int64?) throws {
            let note = AuditNote(target: target, at: now)
            note.caseCode = caseCode
            note.meetingId = meetingId
            note.detail = "保存期間経過による消去"
            try work.audit.append(actor, "retention.erase", note, allowed: true)
            erased += 1
        }
        for entry in report.cases {
            for memberId in try work.household.personal(caseId: entry.caseId, excluding: nil).map(\.memberId).sorted() {
                try work.retention.erasePersonal(memberId: memberId)
                try audit("householdMember:\(memberId)", caseCode: entry.code, meetingId: nil)
            }
            for t in try work.retention.unerasedTexts(caseId: entry.caseId) {
                try work.retention.eraseText(versionId: t.versionId, itemId: t.itemId, at: now)
                try audit("minutes:\(t.meetingId)/version:\(t.versionId)/item:\(t.itemId)", caseCode: entry.code, meetingId: t.meetingId)
            }
        }
        for entry in report.minutes {
            for t in try work.retention.unerasedTexts(meetingId: entry.meetingId) {
                try work.retention.eraseText(versionId: t.versionId, itemId: t.itemId, at: now)
                try audit("minutes:\(entry.meetingId)/version:\(t.versionId)/item:\(t.itemId)", caseCode: t.caseCode, meetingId: entry.meetingId)
            }
        }
        return erased
    }
}
