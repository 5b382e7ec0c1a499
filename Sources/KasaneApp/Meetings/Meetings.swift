import Foundation
import KasaneCore
import KasaneStorage

// Meetings: made (numbered in their kind and fiscal year, with agenda and attendees), moved,
// cancelled, marked held, and read as each actor may read them. Every change goes through
// the meeting funnel (MeetingFunnel.swift).

/// A meeting in a list.
public struct MeetingSummary: Codable, Sendable, Equatable {
    public var id: Int64
    public var title: String
    public var kind: MeetingKind
    public var startsAt: Date
    public var endsAt: Date
    public var place: String
    public var status: MeetingStatus
}

extension TransactionalStorage {
    /// Creates a meeting, numbered in its kind and fiscal year, with its agenda and
    /// attendees (from a stored member proposal when one is named). Refused whole if
    /// any rule would be broken.
    public func createMeeting(_ input: MeetingInput, by actor: Actor) async throws -> MeetingMaterial {
        try await audited(actor, "meeting.create", target: "meeting") { work, note in
            try MeetingMaking.insert(work, input, by: actor, note: note)
        }
    }

    // MARK: reading

    /// The meetings the actor may see, soonest first.
    public func meetings(for actor: Actor) async throws -> [MeetingSummary] {
        try await audited(actor, "meeting.list", target: "meeting") { work, note in
            let settings = try work.settings.settings()
            let pledgedToday = try MeetingFunnel.pledgedStaffIds(work, on: LocalDate.today(now: note.at))
            // Every meeting with what its access rule needs, in a fixed number of reads.
            let ids = try work.meetings.allIds()
            let pledged = actor.staffId.map { pledgedToday.contains($0) } ?? true
            return try CaseAccess.views(work, meetingIds: ids).compactMap { loaded, view in
                let m = loaded.meeting
                guard MeetingAccess.maySee(view, actor, pledged: pledged) else { return nil }
                return MeetingSummary(
                    id: m.id!, title: m.title(settings), kind: m.kind, startsAt: m.startsAt, endsAt: m.endsAt, place: m.place,
                    status: m.status)
            }
        }
    }

    /// A meeting's material as the actor may read it.
    public func meetingMaterial(id: Int64, for actor: Actor) async throws -> MeetingMaterial {
        try await audited(actor, "meeting.read", target: "meeting:\(id)") { work, note in
            try MeetingFunnel.material(work, try MeetingFunnel.visible(work, id: id, for: actor, note: note), for: actor, now: note.at)
        }
    }

    /// What changed in a meeting, for the invitations to follow.
    public func meetingChanges(id: Int64, for actor: Actor) async throws -> [MeetingChange] {
        try await audited(actor, "meeting.changes.read", target: "meeting:\(id)") { work, note in
            try Access.require(.manageMeetings, actor)
            _ = try MeetingFunnel.visible(work, id: id, for: actor, note: note)
            return try work.meetings.changes(meetingId: id)
        }
    }

    // MARK: changing the meeting itself

    /// Moves a meeting or changes its place. It stays in its fiscal year.
    public func updateMeeting(id: Int64, _ input: MeetingChangeInput, by actor: Actor) async throws -> MeetingMaterial {
        try await audited(actor, "meeting.update", target: "meeting:\(id)") { work, note in
            try MeetingMaking.move(work, id: id, input, by: actor, note: note)
        }
    }

    /// Cancels a meeting, with a reason; its invitations are to be cancelled.
    public func cancelMeeting(id: Int64, _ input: CancellationInput, by actor: Actor) async throws -> MeetingMaterial {
        try await audited(actor, "meeting.cancel", target: "meeting:\(id)") { work, note in
            let reason = try Validate.text(input.reason, field: "reason", label: "中止の理由", max: 500)
            let after = try MeetingFunnel.change(work, id: id, by: actor, note: note, records: [(.cancelled, nil, reason)]) { before in
                var m = before.meeting
                m.status = .cancelled
                m.cancellationReason = reason
                try work.meetings.update(m)
            }
            return try MeetingFunnel.material(work, after, for: actor, now: note.at)
        }
    }

    /// Records that a meeting took place. Only once it has begun.
    public func markHeld(id: Int64, by actor: Actor) async throws -> MeetingMaterial {
        try await audited(actor, "meeting.held", target: "meeting:\(id)") { work, note in
            let now = note.at
            try Access.require(.recordHeld, actor)
            var loaded = try MeetingFunnel.visible(work, id: id, for: actor, note: note)
            guard loaded.meeting.status.canMove(to: .held) else {
                throw KasaneError.conflict("\(loaded.meeting.status.japaneseName)の会議は開催済みにできません。")
            }
            guard now >= loaded.meeting.startsAt else {
                throw KasaneError.conflict("開始時刻前の会議は開催済みにできません。")
            }
            loaded.meeting.status = .held
            loaded.meeting.sequence += 1
            try work.meetings.update(loaded.meeting)
            try MeetingFunnel.record(work, loaded.meeting, .held, staffId: nil, detail: nil, at: note.at)
            try MeetingFunnel.deliver(work, loaded, now: note.at)
            return try MeetingFunnel.material(work, loaded, for: actor, now: note.at)
        }
    }
}

/// How a meeting comes to be and how its time and place change, inside the caller's unit of
/// work: creation, a booked found time, a decided poll and a series all make meetings here.
public enum MeetingMaking {
    /// The one way a meeting comes to be, inside the caller's transaction (creation, and
    /// booking a found time).
    /// `extra`: further attendees for every item (those a booking or poll checked), under
    /// the same rules as the proposal's members.
    public static func insert(
        _ work: any UnitOfWork, _ input: MeetingInput, extra: [(staffId: Int64, role: AttendeeRole)] = [], by actor: Actor, note: AuditNote
    ) throws -> MeetingMaterial {
        try Access.require(.manageMeetings, actor)
        try MeetingInput.validateTime(startsAt: input.startsAt, endsAt: input.endsAt)
        let room = try input.roomId.map { try checkRoom(work, roomId: $0, start: input.startsAt, end: input.endsAt, excluding: nil) }
        let placeKind = input.placeKind ?? (room?.online == true ? .online : .room)
        let place = try resolvePlace(
            work, kind: placeKind, text: input.place, room: room, visitCaseId: input.visitCaseId, actor: actor)
        let settings = try work.settings.settings()
        let proposal = try input.proposalId.map { id in
            guard let proposal = try work.proposals.stored(id: id)?.proposal else {
                throw KasaneError.invalid(field: "proposalId", message: "構成員の提案（ID \(id)）はありません。")
            }
            return proposal
        }
        if let proposal, proposal.kind != input.kind {
            throw KasaneError.invalid(
                field: "proposalId", message: "提案は\(proposal.kind.legalName)のものです。会議の種類と合わせてください。")
        }
        let chairId = try input.chairId ?? proposal?.members.first { $0.role == .chair }?.staffId
            ?? defaultStaff(work, role: .coordinator, label: "議長", field: "chairId")
        let secretariatId = try input.secretariatId ?? proposal?.members.first { $0.role == .secretariat }?.staffId
            ?? defaultStaff(work, role: .secretariat, label: "事務局", field: "secretariatId")
        try checkPresiding(work, chairId: chairId, secretariatId: secretariatId, kind: input.kind)

        let day = LocalDate.inTokyo(input.startsAt)
        let fiscalYear = day.fiscalYear(startingIn: settings.fiscalYearStartMonth)
        let number = try work.meetings.lastNumber(kind: input.kind, fiscalYear: fiscalYear) + 1
        let meeting = try work.meetings.insert(Meeting(
            kind: input.kind, fiscalYear: fiscalYear, number: number, startsAt: input.startsAt, endsAt: input.endsAt,
            place: place, chairId: chairId, secretariatId: secretariatId,
            uid: "\(UUID().uuidString.lowercased())@kasane", createdBy: actor.staffId, roomId: room?.id, placeKind: placeKind,
            visitCaseId: placeKind == .visit ? input.visitCaseId : nil))
        let meetingId = try meeting.id ?? { throw KasaneError.unusableDatabase("登録した会議にIDがありません。") }()
        note.meetingId = meetingId
        note.target = "meeting:\(meetingId)"

        // The agenda: as given, or one item per case of the proposal.
        let defaultPurpose: AgendaPurpose = input.kind == .supportMeeting ? .informationSharing : .planReview
        var itemInputs = input.items ?? []
        if input.items == nil, let proposal {
            for code in proposal.caseCodes {
                let caseId = try work.cases.supportCase(code: code)?.id
                itemInputs.append(AgendaItemInput(caseId: caseId, purpose: defaultPurpose))
            }
        }
        var itemsByCase: [Int64: [Int64]] = [:]
        var generalItems: [Int64] = []
        for (i, itemInput) in itemInputs.enumerated() {
            let item = try insertItem(work, meeting: meeting, itemInput, position: i + 1, actor: actor, field: "items[\(i)]")
            guard let itemId = item.id else { throw KasaneError.unusableDatabase("登録した議題にIDがありません。") }
            if let caseId = item.caseId { itemsByCase[caseId, default: []].append(itemId) } else { generalItems.append(itemId) }
        }

        // The attendees: chair and secretariat hear everything; the proposal's members their cases.
        var attendees = [
            Attendee(meetingId: meetingId, staffId: chairId, role: .chair, itemIds: nil),
            Attendee(meetingId: meetingId, staffId: secretariatId, role: .required, itemIds: nil),
        ]
        if secretariatId == chairId { attendees.removeLast() }
        let caseIdsByCode = Dictionary(
            try work.cases.codes(caseIds: Array(itemsByCase.keys)).map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        for member in proposal?.members ?? [] where !attendees.contains(where: { $0.staffId == member.staffId }) {
            let codes = member.cases.map(\.caseCode)
            let everyCase = Set(codes) == Set(proposal?.caseCodes ?? [])
            let itemIds = codes.compactMap { caseIdsByCode[$0] }.flatMap { itemsByCase[$0] ?? [] } + generalItems
            attendees.append(Attendee(
                meetingId: meetingId, staffId: member.staffId, role: .required,
                itemIds: everyCase ? nil : itemIds.sorted()))
        }
        for person in extra where !attendees.contains(where: { $0.staffId == person.staffId }) {
            attendees.append(Attendee(meetingId: meetingId, staffId: person.staffId, role: person.role, itemIds: nil))
        }
        for attendee in attendees { _ = try work.meetings.insert(attendee) }

        let created = try MeetingFunnel.load(work, id: meetingId)
        try checkVisitOnAgenda(created)
        try MeetingRules.check(before: nil, after: created.state, try MeetingFunnel.ruleContext(work, [created]))
        try MeetingFunnel.record(work, created.meeting, .created, staffId: nil, detail: nil, at: note.at)
        try MeetingFunnel.syncPlans(work, created, by: actor, now: note.at)
        return try MeetingFunnel.material(work, created, for: actor, now: note.at)
    }

    /// The place to store, by `MeetingPlace.resolve`: free words are checked against every
    /// household of the city; a visit's case must be one the actor may read.
    static func resolvePlace(
        _ work: any UnitOfWork, kind: PlaceKind, text: String?, room: Room?, visitCaseId: Int64?, actor: Actor
    ) throws -> String {
        var caseCode: String?
        if kind == .visit {
            if room != nil {
                throw KasaneError.invalid(field: "roomId", message: "訪問の会議には部屋を予約しません。")
            }
            if let visitCaseId {
                guard let c = try work.cases.supportCase(id: visitCaseId), Access.mayRead(case: c, actor) else {
                    throw KasaneError.invalid(field: "visitCaseId", message: "事例（ID \(visitCaseId)）は見つかりません。")
                }
                caseCode = c.code
            }
        }
        let household = kind == .visit ? [] : try work.household.everyPersonal().map(PersonIdentity.init)
        return try MeetingPlace.resolve(
            kind: kind, text: text, roomName: room?.name, visitCaseCode: caseCode, household: household)
    }

    /// A visit goes to the household of a case the meeting discusses.
    static func checkVisitOnAgenda(_ loaded: LoadedMeeting) throws {
        guard loaded.meeting.placeKind == .visit, let caseId = loaded.meeting.visitCaseId else { return }
        guard loaded.items.contains(where: { $0.caseId == caseId }) else {
            throw KasaneError.invalid(field: "visitCaseId", message: "訪問する事例を、この会議の議題に入れてください。")
        }
    }

    static func defaultStaff(_ work: any UnitOfWork, role: StaffRole, label: String, field: String) throws -> Int64 {
        let staff = try work.staff.staff(agencyId: nil).filter { $0.active && $0.has(role) }.min { ($0.id ?? 0) < ($1.id ?? 0) }
        guard let id = staff?.id else {
            throw KasaneError.invalid(field: field, message: "\(label)となる\(role.japaneseName)の職員が登録されていません。")
        }
        return id
    }

    static func checkPresiding(_ work: any UnitOfWork, chairId: Int64, secretariatId: Int64, kind: MeetingKind) throws {
        guard let chair = try work.staff.staff(id: chairId), chair.active else {
            throw KasaneError.invalid(field: "chairId", message: "議長（職員 ID \(chairId)）は有効な職員ではありません。")
        }
        if kind == .multiLayeredSupportMeeting, !chair.has(.coordinator) {
            throw KasaneError.invalid(
                field: "chairId", message: "重層的支援会議の議長は多機関協働事業者（多機関協働の役割の職員）が務めます。")
        }
        guard let secretariat = try work.staff.staff(id: secretariatId), secretariat.active, secretariat.has(.secretariat) else {
            throw KasaneError.invalid(field: "secretariatId", message: "事務局には事務局の役割を持つ有効な職員を指定してください。")
        }
    }

    /// Inserts one agenda item after checking its form and that its case exists and
    /// may be read by the actor.
    @discardableResult
    static func insertItem(
        _ work: any UnitOfWork, meeting: Meeting, _ input: AgendaItemInput, position: Int, actor: Actor, field: String
    ) throws -> AgendaItem {
        let minutes = input.minutes ?? 20
        do {
            try AgendaItem.validate(purpose: input.purpose, caseId: input.caseId, minutes: minutes, in: meeting.kind)
        } catch KasaneError.invalid(let f, let message) {
            throw KasaneError.invalid(field: f.map { "\(field).\($0)" } ?? field, message: message)
        }
        if let caseId = input.caseId {
            guard let c = try work.cases.supportCase(id: caseId), Access.mayRead(case: c, actor) else {
                throw KasaneError.invalid(field: "\(field).caseId", message: "事例（ID \(caseId)）は見つかりません。")
            }
        }
        return try work.meetings.insert(AgendaItem(
            meetingId: meeting.id ?? 0, caseId: input.caseId, purpose: input.purpose, position: position, minutes: minutes))
    }

    /// The one way a meeting's time, place or room changes, inside the caller's transaction.
    public static func move(_ work: any UnitOfWork, id: Int64, _ input: MeetingChangeInput, by actor: Actor, note: AuditNote) throws
        -> MeetingMaterial
    {
        let after = try MeetingFunnel.change(work, id: id, by: actor, note: note, records: [(.moved, nil, nil)]) { before in
            var m = before.meeting
            let starts = input.startsAt ?? m.startsAt
            let ends = input.endsAt ?? (input.startsAt.map { $0.addingTimeInterval(m.endsAt.timeIntervalSince(m.startsAt)) } ?? m.endsAt)
            try MeetingInput.validateTime(startsAt: starts, endsAt: ends)
            let placeKind = input.placeKind ?? m.placeKind
            // 0 gives the room up; another id books that room; none keeps the room, checked at
            // the new time. A visit books no room.
            let roomId = placeKind == .visit && input.roomId == nil ? nil : input.roomId.map { $0 == 0 ? nil : $0 } ?? m.roomId
            let room = try roomId.map { try checkRoom(work, roomId: $0, start: starts, end: ends, excluding: id) }
            // The words kept when neither they nor the kind change; a new room's name otherwise.
            let text = input.place ?? (input.roomId != nil && input.roomId != 0 ? room?.name : nil)
                ?? (placeKind == m.placeKind && placeKind != .visit ? m.place : nil)
            let visitCaseId = placeKind == .visit ? input.visitCaseId ?? m.visitCaseId : nil
            m.place = try resolvePlace(work, kind: placeKind, text: text, room: room, visitCaseId: visitCaseId, actor: actor)
            m.roomId = roomId
            m.placeKind = placeKind
            m.visitCaseId = visitCaseId
            try checkVisitOnAgenda(LoadedMeeting(meeting: m, items: before.items, attendees: before.attendees))
            let settings = try work.settings.settings()
            guard LocalDate.inTokyo(starts).fiscalYear(startingIn: settings.fiscalYearStartMonth) == m.fiscalYear else {
                throw KasaneError.invalid(
                    field: "startsAt", message: "会議を別の年度に移すことはできません。新しい会議として作成してください。")
            }
            guard starts != m.startsAt || ends != m.endsAt || m.place != before.meeting.place || m.roomId != before.meeting.roomId
                || m.placeKind != before.meeting.placeKind || m.visitCaseId != before.meeting.visitCaseId
            else {
                throw KasaneError.invalid(field: nil, message: "変更する項目（startsAt, endsAt, place, roomId, placeKind, visitCaseId）がありません。")
            }
            m.startsAt = starts
            m.endsAt = ends
            try work.meetings.update(m)
        }
        return try MeetingFunnel.material(work, after, for: actor, now: note.at)
    }


    /// Refuses to book `roomId` from `start` to `end` when it is retired or another
    /// meeting (not cancelled) holds it then, naming that meeting. The database's
    /// trigger refuses the same, so a race cannot slip past this check.
    public static func checkRoom(_ work: any UnitOfWork, roomId: Int64, start: Date, end: Date, excluding meetingId: Int64?) throws -> Room {
        guard let room = try work.rooms.room(id: roomId) else {
            throw KasaneError.invalid(field: "roomId", message: "部屋（ID \(roomId)）はありません。")
        }
        guard room.active else { throw KasaneError.conflict("部屋「\(room.name)」は使われなくなっています。") }
        guard !room.online else { return room }
        let settings = try work.settings.settings()
        if let other = try work.meetings.holding(roomId: roomId, from: start, to: end, excluding: meetingId) {
            let f = DateFormatter()
            f.locale = Locale(identifier: "ja_JP")
            f.timeZone = .tokyo
            f.dateFormat = "M月d日 H:mm"
            let endTime = DateFormatter()
            endTime.timeZone = .tokyo
            endTime.dateFormat = "H:mm"
            throw KasaneError.conflict(
                "部屋「\(room.name)」は、その時間に「\(other.title(settings))」（\(f.string(from: other.startsAt))〜\(endTime.string(from: other.endsAt))）で使われています。")
        }
        return room
    }
}
