import Foundation
import GRDB
import KasaneApp
import KasaneCore

/// A poll as one reader sees it. The coordinator sees every answer with its name; a
/// member sees the slots, their own answers and the counts, never who answered what.
public struct PollView: Codable, Sendable, Equatable {
    public struct Slot: Codable, Sendable, Equatable {
        public var id: Int64
        public var startsAt: Date
        public var endsAt: Date
        public var yes: Int
        public var maybe: Int
        public var no: Int
        /// The reader's own answer.
        public var mine: PollAnswer?
        /// Every answer by staff id (coordinator only).
        public var answers: [String: PollAnswer]?
        /// Required people who answered ×, by name (coordinator only).
        public var requiredNo: [String]?
    }

    public struct Participant: Codable, Sendable, Equatable {
        public var staffId: Int64
        public var name: String
        public var agencyName: String
        public var required: Bool
        public var answered: Bool
    }

    public var id: Int64
    public var kind: MeetingKind
    public var status: PollStatus
    public var statusName: String
    public var closesOn: LocalDate?
    public var note: String?
    public var meetingId: Int64?
    public var slots: [Slot]
    /// Who was asked (coordinator only).
    public var participants: [Participant]?
}

extension AppDatabase {
    /// Opens a poll (coordinator): the slots and the members asked.
    public func createPoll(_ input: PollInput, by actor: Actor) async throws -> PollView {
        try await audited(actor, "poll.create", target: "poll") { db, note in
            let now = note.at
            try Access.require(.manageMeetings, actor)
            let valid = try input.validated(now: now)
            let (required, optional, _) = try SchedulingRules.people(
                SQLiteWork(db: db), kind: valid.kind, proposalId: valid.proposalId, required: valid.required, optional: valid.optional)
            try db.execute(
                sql: "INSERT INTO poll (kind, status, closesOn, note, proposalId, createdBy, createdAt) VALUES (?, 'open', ?, ?, ?, ?, ?)",
                arguments: [valid.kind.rawValue, valid.closesOn?.description, valid.note, valid.proposalId, actor.staffId, now])
            let pollId = db.lastInsertedRowID
            note.target = "poll:\(pollId)"
            for slot in valid.slots.sorted(by: { $0.startsAt < $1.startsAt }) {
                try db.execute(sql: "INSERT INTO pollSlot (pollId, startsAt, endsAt) VALUES (?, ?, ?)", arguments: [pollId, slot.startsAt, slot.endsAt])
            }
            for (ids, isRequired) in [(required, true), (optional, false)] {
                for id in ids {
                    try db.execute(sql: "INSERT INTO pollParticipant (pollId, staffId, required) VALUES (?, ?, ?)", arguments: [pollId, id, isRequired])
                }
            }
            return try Self.pollView(db, id: pollId, for: actor)
        }
    }

    /// The polls the actor runs (coordinator) or is asked in (member).
    public func polls(for actor: Actor) async throws -> [PollView] {
        try await reader.read { db in
            let ids: [Int64]
            if Access.allows(.manageMeetings, actor) {
                ids = try Int64.fetchAll(db, sql: "SELECT id FROM poll ORDER BY id DESC")
            } else {
                ids = try Int64.fetchAll(
                    db, sql: "SELECT pollId FROM pollParticipant WHERE staffId = ? ORDER BY pollId DESC", arguments: [actor.staffId])
            }
            return try ids.map { try Self.pollView(db, id: $0, for: actor) }
        }
    }

    public func poll(id: Int64, for actor: Actor) async throws -> PollView {
        try await audited(actor, "poll.read", target: "poll:\(id)") { db, _ in try Self.pollView(db, id: id, for: actor) }
    }

    /// A member answers (or changes their answers) while the poll is open: only for
    /// themselves, only in polls they are asked in.
    public func answerPoll(id: Int64, _ input: PollAnswersInput, by actor: Actor) async throws -> PollView {
        try await audited(actor, "poll.answer", target: "poll:\(id)") { db, note in
            let now = note.at
            let poll = try Self.pollRow(db, id: id, for: actor)
            guard let staffId = actor.staffId,
                  try Bool.fetchOne(db, sql: "SELECT 1 FROM pollParticipant WHERE pollId = ? AND staffId = ?", arguments: [id, staffId]) != nil
            else { throw KasaneError.forbidden("この日程調整の回答者ではありません。") }
            guard poll.status == .open, !Self.pastClosing(poll.closesOn, now: now) else {
                throw KasaneError.conflict("この日程調整は締め切られています。回答は変更できません。")
            }
            guard !input.answers.isEmpty else { throw KasaneError.invalid(field: "answers", message: "回答がありません。") }
            let slots = Set(try Int64.fetchAll(db, sql: "SELECT id FROM pollSlot WHERE pollId = ?", arguments: [id]))
            for (i, answer) in input.answers.enumerated() {
                guard slots.contains(answer.slotId) else {
                    throw KasaneError.invalid(field: "answers[\(i)].slotId", message: "候補（ID \(answer.slotId)）はこの日程調整にありません。")
                }
                try db.execute(
                    sql: """
                        INSERT INTO pollAnswer (pollSlotId, staffId, answer, answeredAt) VALUES (?, ?, ?, ?)
                        ON CONFLICT(pollSlotId, staffId) DO UPDATE SET answer = excluded.answer, answeredAt = excluded.answeredAt
                        """,
                    arguments: [answer.slotId, staffId, answer.answer.rawValue, now])
            }
            return try Self.pollView(db, id: id, for: actor)
        }
    }

    /// Closes a poll to answers (coordinator).
    public func closePoll(id: Int64, by actor: Actor) async throws -> PollView {
        try await audited(actor, "poll.close", target: "poll:\(id)") { db, _ in
            try Access.require(.manageMeetings, actor)
            let poll = try Self.pollRow(db, id: id, for: actor)
            guard poll.status == .open else { throw KasaneError.conflict("この日程調整はすでに\(poll.status.japaneseName)です。") }
            try db.execute(sql: "UPDATE poll SET status = 'closed' WHERE id = ?", arguments: [id])
            return try Self.pollView(db, id: id, for: actor)
        }
    }

    /// Chooses a slot (coordinator): the meeting is created there through the booking
    /// funnel. For that slot the answers stand in for the members' calendars: a required
    /// member who answered × is named and nothing is booked; a Kasane meeting booked in
    /// between, or a taken room, is refused the same way.
    public func bookPoll(id: Int64, slotId: Int64, roomId: Int64?, place: String?, by actor: Actor) async throws -> MeetingMaterial {
        try await audited(actor, "poll.book", target: "poll:\(id)") { db, note in
            try Access.require(.manageMeetings, actor)
            let poll = try Self.pollRow(db, id: id, for: actor)
            guard poll.status != .booked else { throw KasaneError.conflict("この日程調整はすでに日程が決まっています（会議 ID \(poll.meetingId ?? 0)）。") }
            guard let slot = try Row.fetchOne(db, sql: "SELECT * FROM pollSlot WHERE id = ? AND pollId = ?", arguments: [slotId, id]) else {
                throw KasaneError.invalid(field: "slotId", message: "候補（ID \(slotId)）はこの日程調整にありません。")
            }
            let start: Date = slot["startsAt"]
            let end: Date = slot["endsAt"]
            let required = try Int64.fetchAll(db, sql: "SELECT staffId FROM pollParticipant WHERE pollId = ? AND required", arguments: [id])
            let refused = try String.fetchAll(db, sql: """
                SELECT staff.name FROM pollAnswer JOIN staff ON staff.id = pollAnswer.staffId
                WHERE pollAnswer.pollSlotId = ? AND pollAnswer.answer = 'no' AND pollAnswer.staffId IN (\(required.map { _ in "?" }.joined(separator: ",").ifEmpty("0")))
                """, arguments: StatementArguments([slotId]) + StatementArguments(required))
            guard refused.isEmpty else {
                throw KasaneError.conflict("その候補には、必須の出席者 \(refused.joined(separator: "、")) が×と回答しています。会議は作成していません。")
            }
            // Their answers stand for their calendars here; Kasane meetings still count.
            try SchedulingRules.checkStillFree(SQLiteWork(db: db), required, start: start, end: end, excluding: nil, calendars: false)
            let asked = try Row.fetchAll(db, sql: "SELECT staffId, required FROM pollParticipant WHERE pollId = ?", arguments: [id])
                .map { (staffId: $0["staffId"] as Int64, role: ($0["required"] as Bool) ? AttendeeRole.required : .optional) }
            let material = try MeetingMaking.insert(SQLiteWork(db: db), MeetingInput(kind: poll.kind, startsAt: start, endsAt: end, place: place ?? "", proposalId: poll.proposalId, roomId: roomId),
                extra: asked, by: actor, note: note)
            try db.execute(sql: "UPDATE poll SET status = 'booked', meetingId = ? WHERE id = ?", arguments: [material.id, id])
            return material
        }
    }

    struct PollRow {
        var id: Int64
        var kind: MeetingKind
        var status: PollStatus
        var closesOn: LocalDate?
        var note: String?
        var proposalId: Int64?
        var meetingId: Int64?
    }

    /// A poll the actor may know of: the coordinator any; a member only one they are asked in.
    static func pollRow(_ db: Database, id: Int64, for actor: Actor) throws -> PollRow {
        let notFound = KasaneError.notFound("日程調整（ID \(id)）は見つかりません。")
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM poll WHERE id = ?", arguments: [id]) else { throw notFound }
        if !Access.allows(.manageMeetings, actor) {
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM pollParticipant WHERE pollId = ? AND staffId = ?", arguments: [id, actor.staffId]) != nil
            else { throw notFound }
        }
        guard let kind = MeetingKind(rawValue: row["kind"]), let status = PollStatus(rawValue: row["status"]) else {
            throw KasaneError.unusableDatabase("日程調整（ID \(id)）の記録が読めません。")
        }
        return PollRow(
            id: id, kind: kind, status: status, closesOn: (row["closesOn"] as String?).flatMap(LocalDate.init), note: row["note"],
            proposalId: row["proposalId"], meetingId: row["meetingId"])
    }

    static func pastClosing(_ closesOn: LocalDate?, now: Date) -> Bool {
        guard let closesOn else { return false }
        return LocalDate.today(now: now) > closesOn
    }

    static func pollView(_ db: Database, id: Int64, for actor: Actor) throws -> PollView {
        let poll = try pollRow(db, id: id, for: actor)
        let coordinator = Access.allows(.manageMeetings, actor)
        let participants = try Row.fetchAll(db, sql: """
            SELECT p.staffId, p.required, s.name, a.name AS agencyName,
                   EXISTS (SELECT 1 FROM pollAnswer x JOIN pollSlot y ON y.id = x.pollSlotId WHERE y.pollId = p.pollId AND x.staffId = p.staffId) AS answered
            FROM pollParticipant p JOIN staff s ON s.id = p.staffId JOIN agency a ON a.id = s.agencyId
            WHERE p.pollId = ? ORDER BY p.required DESC, p.staffId
            """, arguments: [id])
        let requiredNames = Dictionary(uniqueKeysWithValues: participants.filter { $0["required"] as Bool }.map { ($0["staffId"] as Int64, $0["name"] as String) })
        let answers = try Row.fetchAll(db, sql: """
            SELECT x.pollSlotId, x.staffId, x.answer FROM pollAnswer x JOIN pollSlot y ON y.id = x.pollSlotId WHERE y.pollId = ?
            """, arguments: [id])
        let slots = try Row.fetchAll(db, sql: "SELECT * FROM pollSlot WHERE pollId = ? ORDER BY startsAt, id", arguments: [id]).map { row -> PollView.Slot in
            let slotId: Int64 = row["id"]
            let here = answers.filter { ($0["pollSlotId"] as Int64) == slotId }
                .compactMap { a in PollAnswer(rawValue: a["answer"]).map { (a["staffId"] as Int64, $0) } }
            let mine = here.first { $0.0 == actor.staffId }?.1
            return PollView.Slot(
                id: slotId, startsAt: row["startsAt"], endsAt: row["endsAt"],
                yes: here.filter { $0.1 == .yes }.count, maybe: here.filter { $0.1 == .maybe }.count, no: here.filter { $0.1 == .no }.count,
                mine: mine,
                answers: coordinator ? Dictionary(uniqueKeysWithValues: here.map { ("\($0.0)", $0.1) }) : nil,
                requiredNo: coordinator ? here.filter { $0.1 == .no }.compactMap { requiredNames[$0.0] } : nil)
        }
        return PollView(
            id: id, kind: poll.kind, status: poll.status, statusName: poll.status.japaneseName, closesOn: poll.closesOn, note: poll.note,
            meetingId: poll.meetingId, slots: slots,
            participants: coordinator
                ? participants.map { p in
                    PollView.Participant(
                        staffId: p["staffId"], name: p["name"], agencyName: p["agencyName"], required: p["required"], answered: p["answered"])
                }
                : nil)
    }
}

extension String {
    /// `fallback` where the string is empty (an SQL list with no members).
    func ifEmpty(_ fallback: String) -> String { isEmpty ? fallback : self }
}
