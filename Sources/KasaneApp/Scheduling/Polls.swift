import Foundation
import KasaneCore
import KasaneStorage

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

extension TransactionalStorage {
    /// Opens a poll (coordinator): the slots and the members asked.
    public func createPoll(_ input: PollInput, by actor: Actor) async throws -> PollView {
        try await audited(actor, "poll.create", target: "poll") { work, note in
            let now = note.at
            try Access.require(.manageMeetings, actor)
            let valid = try input.validated(now: now)
            let (required, optional, _) = try SchedulingRules.people(
                work, kind: valid.kind, proposalId: valid.proposalId, required: valid.required, optional: valid.optional)
            let pollId = try work.polls.insert(
                kind: valid.kind, closesOn: valid.closesOn, note: valid.note, proposalId: valid.proposalId, createdBy: actor.staffId, at: now)
            note.target = "poll:\(pollId)"
            for slot in valid.slots.sorted(by: { $0.startsAt < $1.startsAt }) {
                try work.polls.insertSlot(pollId: pollId, from: slot.startsAt, to: slot.endsAt)
            }
            for (ids, isRequired) in [(required, true), (optional, false)] {
                for id in ids {
                    try work.polls.insertParticipant(pollId: pollId, staffId: id, required: isRequired)
                }
            }
            return try PollRules.view(work, id: pollId, for: actor)
        }
    }

    /// The polls the actor runs (coordinator) or is asked in (member).
    public func polls(for actor: Actor) async throws -> [PollView] {
        try await read { work in
            let ids = try work.polls.ids(participant: Access.allows(.manageMeetings, actor) ? nil : (actor.staffId ?? -1))
            // The directory once for the whole list, not once per poll.
            let directory = try PollRules.Directory(work)
            return try ids.map { try PollRules.view(work, id: $0, for: actor, directory) }
        }
    }

    public func poll(id: Int64, for actor: Actor) async throws -> PollView {
        try await audited(actor, "poll.read", target: "poll:\(id)") { work, _ in try PollRules.view(work, id: id, for: actor) }
    }

    /// A member answers (or changes their answers) while the poll is open: only for
    /// themselves, only in polls they are asked in.
    public func answerPoll(id: Int64, _ input: PollAnswersInput, by actor: Actor) async throws -> PollView {
        try await audited(actor, "poll.answer", target: "poll:\(id)") { work, note in
            let now = note.at
            let poll = try PollRules.poll(work, id: id, for: actor)
            guard let staffId = actor.staffId, try work.polls.participants(pollId: id).contains(where: { $0.staffId == staffId })
            else { throw KasaneError.forbidden("この日程調整の回答者ではありません。") }
            guard poll.status == .open, !PollRules.pastClosing(poll.closesOn, now: now) else {
                throw KasaneError.conflict("この日程調整は締め切られています。回答は変更できません。")
            }
            guard !input.answers.isEmpty else { throw KasaneError.invalid(field: "answers", message: "回答がありません。") }
            let slots = Set(try work.polls.slots(pollId: id).map(\.id))
            for (i, answer) in input.answers.enumerated() {
                guard slots.contains(answer.slotId) else {
                    throw KasaneError.invalid(field: "answers[\(i)].slotId", message: "候補（ID \(answer.slotId)）はこの日程調整にありません。")
                }
                try work.polls.save(PollAnswerRecord(slotId: answer.slotId, staffId: staffId, answer: answer.answer), at: now)
            }
            return try PollRules.view(work, id: id, for: actor)
        }
    }

    /// Closes a poll to answers (coordinator).
    public func closePoll(id: Int64, by actor: Actor) async throws -> PollView {
        try await audited(actor, "poll.close", target: "poll:\(id)") { work, _ in
            try Access.require(.manageMeetings, actor)
            let poll = try PollRules.poll(work, id: id, for: actor)
            guard poll.status == .open else { throw KasaneError.conflict("この日程調整はすでに\(poll.status.japaneseName)です。") }
            try work.polls.setStatus(pollId: id, .closed, meetingId: nil)
            return try PollRules.view(work, id: id, for: actor)
        }
    }

    /// Chooses a slot (coordinator): the meeting is created there through the booking
    /// funnel. For that slot the answers stand in for the members' calendars: a required
    /// member who answered × is named and nothing is booked; a Kasane meeting booked in
    /// between, or a taken room, is refused the same way.
    public func bookPoll(id: Int64, slotId: Int64, roomId: Int64?, place: String?, by actor: Actor) async throws -> MeetingMaterial {
        try await audited(actor, "poll.book", target: "poll:\(id)") { work, note in
            try Access.require(.manageMeetings, actor)
            let poll = try PollRules.poll(work, id: id, for: actor)
            guard poll.status != .booked else { throw KasaneError.conflict("この日程調整はすでに日程が決まっています（会議 ID \(poll.meetingId ?? 0)）。") }
            guard let slot = try work.polls.slots(pollId: id).first(where: { $0.id == slotId }) else {
                throw KasaneError.invalid(field: "slotId", message: "候補（ID \(slotId)）はこの日程調整にありません。")
            }
            let start = slot.interval.start
            let end = slot.interval.end
            let participants = try work.polls.participants(pollId: id)
            let required = participants.filter(\.required).map(\.staffId)
            let staff = try MeetingFunnel.staffById(work)
            let refused = try work.polls.answers(pollId: id)
                .filter { $0.slotId == slotId && $0.answer == .no && required.contains($0.staffId) }
                .compactMap { staff[$0.staffId]?.name }
            guard refused.isEmpty else {
                throw KasaneError.conflict("その候補には、必須の出席者 \(refused.joined(separator: "、")) が×と回答しています。会議は作成していません。")
            }
            // Their answers stand for their calendars here; Kasane meetings still count.
            try SchedulingRules.checkStillFree(work, required, start: start, end: end, excluding: nil, calendars: false)
            let asked = participants.map { (staffId: $0.staffId, role: $0.required ? AttendeeRole.required : .optional) }
            let material = try MeetingMaking.insert(work, MeetingInput(kind: poll.kind, startsAt: start, endsAt: end, place: place ?? "", proposalId: poll.proposalId, roomId: roomId),
                extra: asked, by: actor, note: note)
            try work.polls.setStatus(pollId: id, .booked, meetingId: material.id)
            return material
        }
    }
}

enum PollRules {
    /// A poll the actor may know of: the coordinator any; a member only one they are asked in.
    static func poll(_ work: any UnitOfWork, id: Int64, for actor: Actor) throws -> PollRecord {
        let notFound = KasaneError.notFound("日程調整（ID \(id)）は見つかりません。")
        guard let poll = try work.polls.poll(id: id) else { throw notFound }
        if !Access.allows(.manageMeetings, actor) {
            guard try work.polls.participants(pollId: id).contains(where: { $0.staffId == actor.staffId }) else { throw notFound }
        }
        return poll
    }

    static func pastClosing(_ closesOn: LocalDate?, now: Date) -> Bool {
        guard let closesOn else { return false }
        return LocalDate.today(now: now) > closesOn
    }

    /// The names a poll's view shows: its people and their agencies.
    struct Directory {
        var staff: [Int64: Staff]
        var agencies: [Int64: String]

        init(_ work: any UnitOfWork) throws {
            staff = try MeetingFunnel.staffById(work)
            agencies = try MeetingFunnel.agencyNames(work)
        }
    }

    static func view(_ work: any UnitOfWork, id: Int64, for actor: Actor, _ directory: Directory? = nil) throws -> PollView {
        let poll = try poll(work, id: id, for: actor)
        let coordinator = Access.allows(.manageMeetings, actor)
        let directory = try directory ?? Directory(work)
        let staff = directory.staff, agencies = directory.agencies
        let answers = try work.polls.answers(pollId: id)
        let answered = Set(answers.map(\.staffId))
        let participants = try work.polls.participants(pollId: id)
        let requiredNames = Dictionary(
            participants.filter(\.required).compactMap { p in staff[p.staffId].map { (p.staffId, $0.name) } }, uniquingKeysWith: { first, _ in first })
        let slots = try work.polls.slots(pollId: id).map { slot -> PollView.Slot in
            let here = answers.filter { $0.slotId == slot.id }.map { ($0.staffId, $0.answer) }
            let mine = here.first { $0.0 == actor.staffId }?.1
            return PollView.Slot(
                id: slot.id, startsAt: slot.interval.start, endsAt: slot.interval.end,
                yes: here.filter { $0.1 == .yes }.count, maybe: here.filter { $0.1 == .maybe }.count, no: here.filter { $0.1 == .no }.count,
                mine: mine,
                answers: coordinator ? Dictionary(here.map { ("\($0.0)", $0.1) }, uniquingKeysWith: { _, last in last }) : nil,
                requiredNo: coordinator ? here.filter { $0.1 == .no }.compactMap { requiredNames[$0.0] } : nil)
        }
        return PollView(
            id: id, kind: poll.kind, status: poll.status, statusName: poll.status.japaneseName, closesOn: poll.closesOn, note: poll.note,
            meetingId: poll.meetingId, slots: slots,
            participants: coordinator
                ? participants.compactMap { p in
                    staff[p.staffId].map { s in
                        PollView.Participant(
                            staffId: p.staffId, name: s.name, agencyName: agencies[s.agencyId] ?? "", required: p.required,
                            answered: answered.contains(p.staffId))
                    }
                }
                : nil)
    }
}
