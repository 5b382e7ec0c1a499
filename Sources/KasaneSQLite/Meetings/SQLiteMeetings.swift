import Foundation
import GRDB
import KasaneCore
import KasaneStorage

// Meetings with their agendas, attendees and change records, the outbox's messages and the
// plans the meeting funnel moves, on SQLite. What is decided with them is the application's
// (KasaneApp/Meetings/MeetingFunnel.swift).

struct SQLiteMeetings: MeetingRepository {
    let db: Database

    func meeting(id: Int64) throws -> LoadedMeeting? {
        guard let meeting = try Meeting.fetchOne(db, key: id) else { return nil }
        return LoadedMeeting(
            meeting: meeting,
            items: try AgendaItem.filter(Column("meetingId") == id).order(Column("position"), Column("id")).fetchAll(db),
            attendees: try Attendee.filter(Column("meetingId") == id).order(Column("id")).fetchAll(db))
    }

    func meetings(ids: [Int64]) throws -> [LoadedMeeting] {
        guard !ids.isEmpty else { return [] }
        let meetings = try Meeting.filter(keys: ids).fetchAll(db)
        let items = Dictionary(grouping: try AgendaItem.filter(ids.contains(Column("meetingId")))
            .order(Column("position"), Column("id")).fetchAll(db), by: \.meetingId)
        let attendees = Dictionary(grouping: try Attendee.filter(ids.contains(Column("meetingId")))
            .order(Column("id")).fetchAll(db), by: \.meetingId)
        let order = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return meetings.sorted { (order[$0.id ?? 0] ?? 0) < (order[$1.id ?? 0] ?? 0) }.map { meeting in
            let id = meeting.id ?? 0
            return LoadedMeeting(meeting: meeting, items: items[id] ?? [], attendees: attendees[id] ?? [])
        }
    }

    func liveMeetingIds(attendedBy staffId: Int64) throws -> [Int64] {
        try Int64.fetchAll(db, sql: """
            SELECT meeting.id FROM meeting JOIN attendee ON attendee.meetingId = meeting.id
            WHERE attendee.staffId = ? AND meeting.status != 'cancelled'
            """, arguments: [staffId])
    }

    func insert(_ meeting: Meeting) throws -> Meeting {
        try meeting.inserted(db)
    }

    func insert(_ item: AgendaItem) throws -> AgendaItem {
        try item.inserted(db)
    }

    func insert(_ attendee: Attendee) throws -> Attendee {
        try attendee.inserted(db)
    }

    func lastNumber(kind: MeetingKind, fiscalYear: Int) throws -> Int {
        try Int.fetchOne(
            db, sql: "SELECT MAX(number) FROM meeting WHERE kind = ? AND fiscalYear = ?", arguments: [kind.rawValue, fiscalYear]) ?? 0
    }

    func allIds() throws -> [Int64] { try Int64.fetchAll(db, sql: "SELECT id FROM meeting ORDER BY startsAt, id") }

    func heldIds(fiscalYear: Int) throws -> [Int64] {
        try Int64.fetchAll(db, sql: """
            SELECT id FROM meeting WHERE fiscalYear = ? AND status IN ('held', 'minutesApproved') ORDER BY kind, number
            """, arguments: [fiscalYear])
    }

    func holding(roomId: Int64, from start: Date, to end: Date, excluding meetingId: Int64?) throws -> Meeting? {
        try Meeting.filter(
            sql: "roomId = ? AND status != 'cancelled' AND startsAt < ? AND endsAt > ? AND id IS NOT ?",
            arguments: [roomId, end, start, meetingId]).fetchOne(db)
    }

    func update(_ meeting: Meeting) throws { try meeting.update(db) }
    func update(_ item: AgendaItem) throws { try item.update(db) }
    func deleteItem(id: Int64) throws { try db.execute(sql: "DELETE FROM agendaItem WHERE id = ?", arguments: [id]) }
    func update(_ attendee: Attendee) throws { try attendee.update(db) }
    func delete(_ attendee: Attendee) throws { _ = try attendee.delete(db) }

    func record(_ change: MeetingChange) throws {
        try db.execute(
            sql: "INSERT INTO meetingChange (meetingId, change, staffId, detail, sequence, createdAt) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [change.meetingId, change.change.rawValue, change.staffId, change.detail, change.sequence, change.createdAt])
    }

    func changes(meetingId: Int64) throws -> [MeetingChange] {
        try changes(sql: "SELECT * FROM meetingChange WHERE meetingId = ? ORDER BY id", meetingId)
    }

    func undeliveredChanges(meetingId: Int64) throws -> [MeetingChange] {
        try changes(sql: "SELECT * FROM meetingChange WHERE meetingId = ? AND deliveredAt IS NULL ORDER BY id", meetingId)
    }

    private func changes(sql: String, _ meetingId: Int64) throws -> [MeetingChange] {
        try Row.fetchAll(db, sql: sql, arguments: [meetingId]).map { row in
            MeetingChange(
                id: row["id"], meetingId: row["meetingId"], change: try MeetingChange.Kind.stored(row["change"]),
                staffId: row["staffId"], detail: row["detail"], sequence: row["sequence"], createdAt: row["createdAt"],
                deliveredAt: row["deliveredAt"])
        }
    }

    func markChangesDelivered(meetingId: Int64, at now: Date) throws {
        try db.execute(
            sql: "UPDATE meetingChange SET deliveredAt = ? WHERE meetingId = ? AND deliveredAt IS NULL", arguments: [now, meetingId])
    }

    func responses(meetingIds: [Int64]) throws -> [Int64: [Int64: AttendeeResponse]] {
        guard !meetingIds.isEmpty else { return [:] }
        var responses: [Int64: [Int64: AttendeeResponse]] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT meetingId, staffId, response FROM attendee WHERE meetingId IN (\(meetingIds.map { _ in "?" }.joined(separator: ",")))",
            arguments: StatementArguments(meetingIds))
        {
            responses[row["meetingId"], default: [:]][row["staffId"]] = AttendeeResponse(rawValue: row["response"]) ?? .needsAction
        }
        return responses
    }

    func meetingIds(withCase caseId: Int64, kind: MeetingKind, statuses: Set<MeetingStatus>, startingAfter instant: Date?) throws -> [Int64] {
        let states = statuses.map(\.rawValue).sorted()
        var arguments: StatementArguments = [caseId, kind.rawValue]
        arguments += StatementArguments(states)
        var sql = """
            SELECT DISTINCT meeting.id FROM meeting JOIN agendaItem ON agendaItem.meetingId = meeting.id
            WHERE agendaItem.caseId = ? AND meeting.kind = ? AND meeting.status IN (\(states.map { _ in "?" }.joined(separator: ",")))
            """
        if let instant {
            sql += " AND meeting.startsAt > ?"
            arguments += [instant]
        }
        return try Int64.fetchAll(db, sql: sql + " ORDER BY meeting.id", arguments: arguments)
    }
}

struct SQLiteOutbox: OutboxRepository {
    let db: Database

    func insert(_ message: OutgoingMessage) throws -> OutgoingMessage {
        try message.inserted(db)
    }

    func hasMessages(meetingId: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM outgoingMessage WHERE meetingId = ?)", arguments: [meetingId]) ?? false
    }

    func messages(meetingId: Int64) throws -> [OutgoingMessage] {
        try OutgoingMessage.filter(Column("meetingId") == meetingId).order(Column("id")).fetchAll(db)
    }
}

struct SQLitePlans: PlanRepository {
    let db: Database

    func plan(id: Int64) throws -> PlanRecord? { try PlanRecord.fetchOne(db, key: id) }

    func plans(caseId: Int64) throws -> [PlanRecord] {
        try PlanRecord.filter(Column("caseId") == caseId).order(Column("version").desc).fetchAll(db)
    }

    func insert(_ plan: PlanRecord) throws -> PlanRecord {
        try plan.inserted(db)
    }

    func transitions(planId: Int64) throws -> [PlanTransitionRecord] {
        try PlanTransitionRecord.filter(Column("planId") == planId).order(Column("id")).fetchAll(db)
    }

    func events(planId: Int64) throws -> [PlanEventRecord] {
        try PlanEventRecord.filter(Column("planId") == planId).order(Column("id")).fetchAll(db)
    }

    func insert(_ event: PlanEventRecord) throws {
        _ = try event.inserted(db)
    }

    func minutesVersionNumbers(ids: Set<Int64>) throws -> [Int64: Int] {
        guard !ids.isEmpty else { return [:] }
        return Dictionary(try Row.fetchAll(
            db, sql: "SELECT id, version FROM minutesVersion WHERE id IN (\(ids.map { _ in "?" }.joined(separator: ",")))",
            arguments: StatementArguments(Array(ids))
        ).map { ($0["id"] as Int64, $0["version"] as Int) }, uniquingKeysWith: { first, _ in first })
    }

    func latestPlan(caseId: Int64) throws -> PlanRecord? {
        try PlanRecord.filter(Column("caseId") == caseId).order(Column("version").desc).fetchOne(db)
    }

    func insert(_ transition: PlanTransitionRecord) throws {
        _ = try transition.inserted(db)
    }

    func update(_ plan: PlanRecord) throws { try plan.update(db) }

    func movesPending(meetingId: Int64) throws -> [PlanTransitionRecord] {
        try PlanTransitionRecord.fetchAll(db, sql: """
            SELECT t.* FROM planTransition t WHERE t.meetingId = ? AND t.minutesVersionId IS NULL
              AND t.id = (SELECT MAX(id) FROM planTransition WHERE planId = t.planId)
            """, arguments: [meetingId])
    }
}
