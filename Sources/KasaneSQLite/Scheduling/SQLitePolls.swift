import Foundation
import GRDB
import KasaneCore
import KasaneStorage

// Polls and standing series on SQLite. What is decided with them is the application's
// (KasaneApp/Scheduling/Polls.swift, Series.swift).

struct SQLitePolls: PollRepository {
    let db: Database

    func insert(kind: MeetingKind, closesOn: LocalDate?, note: String?, proposalId: Int64?, createdBy: Int64?, at: Date) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO poll (kind, status, closesOn, note, proposalId, createdBy, createdAt) VALUES (?, 'open', ?, ?, ?, ?, ?)",
            arguments: [kind.rawValue, closesOn?.description, note, proposalId, createdBy, at])
        return db.lastInsertedRowID
    }

    func insertSlot(pollId: Int64, from start: Date, to end: Date) throws {
        try db.execute(sql: "INSERT INTO pollSlot (pollId, startsAt, endsAt) VALUES (?, ?, ?)", arguments: [pollId, start, end])
    }

    func insertParticipant(pollId: Int64, staffId: Int64, required: Bool) throws {
        try db.execute(sql: "INSERT INTO pollParticipant (pollId, staffId, required) VALUES (?, ?, ?)", arguments: [pollId, staffId, required])
    }

    func poll(id: Int64) throws -> PollRecord? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM poll WHERE id = ?", arguments: [id]) else { return nil }
        guard let kind = MeetingKind(rawValue: row["kind"]), let status = PollStatus(rawValue: row["status"]) else {
            throw KasaneError.unusableDatabase("日程調整（ID \(id)）の記録が読めません。")
        }
        return PollRecord(
            id: id, kind: kind, status: status, closesOn: (row["closesOn"] as String?).flatMap(LocalDate.init), note: row["note"],
            proposalId: row["proposalId"], meetingId: row["meetingId"])
    }

    func ids(participant: Int64?) throws -> [Int64] {
        guard let participant else { return try Int64.fetchAll(db, sql: "SELECT id FROM poll ORDER BY id DESC") }
        return try Int64.fetchAll(
            db, sql: "SELECT pollId FROM pollParticipant WHERE staffId = ? ORDER BY pollId DESC", arguments: [participant])
    }

    func slots(pollId: Int64) throws -> [(id: Int64, interval: BusyInterval)] {
        try Row.fetchAll(db, sql: "SELECT * FROM pollSlot WHERE pollId = ? ORDER BY startsAt, id", arguments: [pollId]).map {
            ($0["id"], BusyInterval(start: $0["startsAt"], end: $0["endsAt"]))
        }
    }

    func participants(pollId: Int64) throws -> [(staffId: Int64, required: Bool)] {
        try Row.fetchAll(
            db, sql: "SELECT staffId, required FROM pollParticipant WHERE pollId = ? ORDER BY required DESC, staffId", arguments: [pollId]
        ).map { ($0["staffId"], $0["required"]) }
    }

    func answers(pollId: Int64) throws -> [PollAnswerRecord] {
        try Row.fetchAll(db, sql: """
            SELECT x.pollSlotId, x.staffId, x.answer FROM pollAnswer x JOIN pollSlot y ON y.id = x.pollSlotId WHERE y.pollId = ?
            """, arguments: [pollId]).compactMap { row in
            PollAnswer(rawValue: row["answer"]).map { PollAnswerRecord(slotId: row["pollSlotId"], staffId: row["staffId"], answer: $0) }
        }
    }

    func save(_ answer: PollAnswerRecord, at now: Date) throws {
        try db.execute(
            sql: """
                INSERT INTO pollAnswer (pollSlotId, staffId, answer, answeredAt) VALUES (?, ?, ?, ?)
                ON CONFLICT(pollSlotId, staffId) DO UPDATE SET answer = excluded.answer, answeredAt = excluded.answeredAt
                """,
            arguments: [answer.slotId, answer.staffId, answer.answer.rawValue, now])
    }

    func setStatus(pollId: Int64, _ status: PollStatus, meetingId: Int64?) throws {
        if let meetingId {
            try db.execute(sql: "UPDATE poll SET status = ?, meetingId = ? WHERE id = ?", arguments: [status.rawValue, meetingId, pollId])
        } else {
            try db.execute(sql: "UPDATE poll SET status = ? WHERE id = ?", arguments: [status.rawValue, pollId])
        }
    }
}

struct SQLiteSeries: SeriesRepository {
    let db: Database

    func insert(kind: MeetingKind, rule: String, createdBy: Int64?, at: Date) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO series (kind, rule, createdBy, createdAt) VALUES (?, ?, ?, ?)", arguments: [kind.rawValue, rule, createdBy, at])
        return db.lastInsertedRowID
    }

    func series(id: Int64) throws -> SeriesRecord? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM series WHERE id = ?", arguments: [id]) else { return nil }
        guard let kind = MeetingKind(rawValue: row["kind"]) else { throw KasaneError.unusableDatabase("定例（ID \(id)）の記録が読めません。") }
        return SeriesRecord(id: id, kind: kind, rule: row["rule"], cancelledAt: row["cancelledAt"])
    }

    func add(meetingId: Int64, to seriesId: Int64) throws {
        try db.execute(sql: "UPDATE meeting SET seriesId = ? WHERE id = ?", arguments: [seriesId, meetingId])
    }

    func meetings(seriesId: Int64) throws -> [Meeting] { try Meeting.filter(Column("seriesId") == seriesId).fetchAll(db) }

    func cancel(id: Int64, at now: Date) throws {
        try db.execute(sql: "UPDATE series SET cancelledAt = ? WHERE id = ?", arguments: [now, id])
    }
}
