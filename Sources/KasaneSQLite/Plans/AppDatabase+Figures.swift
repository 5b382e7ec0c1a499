import Foundation
import GRDB
import KasaneCore
import KasaneStorage

/// What the coordinator and the secretariat follow, in SQL over the records (deciding what it
/// means is the application's, KasaneApp FollowUp.swift).
struct SQLiteFollowUp: FollowUpRepository {
    let db: Database

    func reviewsDue(onOrBefore day: LocalDate) throws -> [ReviewDue] {
        let rows = try PlanRecord.fetchAll(db, sql: """
            SELECT p.* FROM supportPlan p WHERE p.state = 'inProgress' AND p.nextReviewOn <= ?
              AND p.version = (SELECT MAX(version) FROM supportPlan q WHERE q.caseId = p.caseId) ORDER BY p.nextReviewOn
            """, arguments: [day.description])
        let codes = Dictionary(uniqueKeysWithValues: try SupportCase.filter(keys: rows.map(\.caseId)).fetchAll(db).compactMap { c in c.id.map { ($0, c.code) } })
        return rows.map { p in
            ReviewDue(planId: p.id ?? 0, caseId: p.caseId, caseCode: codes[p.caseId] ?? "", state: p.state, nextReviewOn: p.nextReviewOn)
        }
    }

    func upcomingMultiLayered(after instant: Date) throws -> [(meeting: Meeting, usedMinutes: Int)] {
        let meetings = try Meeting.filter(Column("kind") == MeetingKind.multiLayeredSupportMeeting.rawValue)
            .filter(["planned", "invited"].contains(Column("status"))).filter(Column("startsAt") > instant).order(Column("startsAt"))
            .fetchAll(db)
        guard !meetings.isEmpty else { return [] }
        // The minutes each agenda takes, for all of them in one statement.
        let ids = meetings.compactMap(\.id)
        var used: [Int64: Int] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT meetingId, SUM(minutes) AS used FROM agendaItem WHERE meetingId IN (\(ids.map { _ in "?" }.joined(separator: ","))) GROUP BY meetingId",
            arguments: StatementArguments(ids))
        {
            used[row["meetingId"]] = row["used"]
        }
        return meetings.map { m in (m, used[m.id ?? 0] ?? 0) }
    }

    func gaps(status: GapStatus?, field: Field?, district: String?) throws -> [ResourceGap] {
        var request = GapRow.order(Column("raisedOn").desc, Column("id").desc)
        if let status { request = request.filter(Column("status") == status.rawValue) }
        if let field { request = request.filter(Column("field") == field.rawValue) }
        if let district { request = request.filter(Column("district") == district) }
        return try request.fetchAll(db).map(\.gap)
    }

    func gap(id: Int64) throws -> ResourceGap? { try GapRow.fetchOne(db, key: id)?.gap }

    func updateGap(id: Int64, status: GapStatus, passedTo: String?, resolvedOn: LocalDate?) throws {
        guard var row = try GapRow.fetchOne(db, key: id) else { return }
        row.status = status
        row.passedTo = passedTo
        row.resolvedOn = resolvedOn
        try row.update(db)
    }

    func raise(_ gap: GapRecord) throws {
        var row = GapRow(
            field: gap.field, district: gap.district, description: gap.description, caseCodes: gap.caseCodes, status: .open,
            raisedOn: gap.raisedOn, meetingId: gap.meetingId, minutesVersionId: gap.minutesVersionId)
        try row.insert(db)
    }
}

/// The counts of the year's figures, in SQL over the records (the figures themselves are
/// the application's, KasaneApp Figures.swift).
struct SQLiteFigures: FiguresRepository {
    let db: Database

    func counts(fiscalYear: Int, from: LocalDate, to: LocalDate) throws -> [Figure: Double] {
        let range: [any DatabaseValueConvertible] = [from.description, to.description]
        func count(_ sql: String, _ arguments: [any DatabaseValueConvertible]) throws -> Double {
            Double(try Int.fetchOne(db, sql: sql, arguments: StatementArguments(arguments)) ?? 0)
        }
        let held = "status IN ('held', 'minutesApproved') AND fiscalYear = ?"
        return [
            .supportMeetings: try count("SELECT COUNT(*) FROM meeting WHERE kind = 'support' AND \(held)", [fiscalYear]),
            .multiLayeredMeetings: try count("SELECT COUNT(*) FROM meeting WHERE kind = 'multiLayered' AND \(held)", [fiscalYear]),
            .casesDiscussed: try count("""
                SELECT COUNT(DISTINCT agendaItem.caseId) FROM agendaItem JOIN meeting ON meeting.id = agendaItem.meetingId
                WHERE agendaItem.caseId IS NOT NULL AND meeting.\(held)
                """, [fiscalYear]),
            // Every referral in the year: a case's first, and each that opened an ended case again.
            .referrals: try count("SELECT COUNT(*) FROM caseReferral WHERE referredOn BETWEEN ? AND ?", range),
            .plansMade: try count("SELECT COUNT(*) FROM supportPlan WHERE createdOn BETWEEN ? AND ?", range),
            .plansApproved: try count("SELECT COUNT(*) FROM planTransition WHERE toState = 'approved' AND \"on\" BETWEEN ? AND ?", range),
            .plansEvaluated: try count("SELECT COUNT(DISTINCT planId) FROM planEvent WHERE kind = 'goalEvaluation' AND \"on\" BETWEEN ? AND ?", range),
            .plansTerminated: try count("SELECT COUNT(*) FROM planTransition WHERE toState = 'terminated' AND \"on\" BETWEEN ? AND ?", range),
            .plansSuspended: try count("SELECT COUNT(*) FROM planTransition WHERE toState = 'suspended' AND \"on\" BETWEEN ? AND ?", range),
            .gapsRaised: try count("SELECT COUNT(*) FROM resourceGap WHERE raisedOn BETWEEN ? AND ?", range),
            .gapsResolved: try count("SELECT COUNT(*) FROM resourceGap WHERE resolvedOn BETWEEN ? AND ?", range),
        ]
    }

    func daysToFirstApproval(from: LocalDate, to: LocalDate) throws -> [Int] {
        try Row.fetchAll(db, sql: """
            SELECT c.receivedOn AS received, MIN(t."on") AS approved FROM planTransition t
            JOIN supportPlan p ON p.id = t.planId JOIN supportCase c ON c.id = p.caseId
            WHERE t.toState = 'approved' GROUP BY c.id HAVING MIN(t."on") BETWEEN ? AND ?
            """, arguments: [from.description, to.description]).compactMap { row -> Int? in
            guard let r = LocalDate(row["received"] as String), let a = LocalDate(row["approved"] as String) else { return nil }
            return LocalDate.daysBetween(r, a)
        }
    }

    func terminationsByReason(from: LocalDate, to: LocalDate) throws -> [TerminationReason: Int] {
        var result: [TerminationReason: Int] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT termination, COUNT(*) AS n FROM planTransition WHERE toState = 'terminated' AND "on" BETWEEN ? AND ? GROUP BY termination
            """, arguments: [from.description, to.description]) {
            if let reason = TerminationReason(rawValue: row["termination"] as String? ?? "") { result[reason] = row["n"] }
        }
        return result
    }
}
