import Foundation
import GRDB
import KasaneApp
import KasaneCore
import KasaneStorage

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

extension AppDatabase {
    /// Creates a meeting, numbered in its kind and fiscal year, with its agenda and
    /// attendees (from a stored member proposal when one is named). Refused whole if
    /// any rule would be broken.
    public func createMeeting(_ input: MeetingInput, by actor: Actor) async throws -> MeetingMaterial {
        try await audited(actor, "meeting.create", target: "meeting") { db, note in
            try Self.insertMeeting(db, input, by: actor, note: note)
        }
    }

    /// The one way a meeting comes to be, inside the caller's transaction (creation, and
    /// booking a found time).
    /// `extra`: further attendees for every item (those a booking or poll checked), under
    /// the same rules as the proposal's members.
    static func insertMeeting(
        _ db: Database, _ input: MeetingInput, extra: [(staffId: Int64, role: AttendeeRole)] = [], by actor: Actor, note: AuditNote
    ) throws -> MeetingMaterial {
        try Access.require(.manageMeetings, actor)
        try MeetingInput.validateTime(startsAt: input.startsAt, endsAt: input.endsAt)
        let room = try input.roomId.map { try Self.checkRoom(db, roomId: $0, start: input.startsAt, end: input.endsAt, excluding: nil) }
        let placeKind = input.placeKind ?? (room?.online == true ? .online : .room)
        let place = try Self.resolvePlace(
            db, kind: placeKind, text: input.place, room: room, visitCaseId: input.visitCaseId, actor: actor)
        let settings = try Self.settings(db)
        let proposal = try input.proposalId.map { id in
            guard let row = try Row.fetchOne(db, sql: "SELECT proposal FROM memberProposal WHERE id = ?", arguments: [id]) else {
                throw KasaneError.invalid(field: "proposalId", message: "構成員の提案（ID \(id)）はありません。")
            }
            return try JSONDecoder().decode(MemberProposal.self, from: Data((row["proposal"] as String).utf8))
        }
        if let proposal, proposal.kind != input.kind {
            throw KasaneError.invalid(
                field: "proposalId", message: "提案は\(proposal.kind.legalName)のものです。会議の種類と合わせてください。")
        }
        let chairId = try input.chairId ?? proposal?.members.first { $0.role == .chair }?.staffId
            ?? Self.defaultStaff(db, role: .coordinator, label: "議長", field: "chairId")
        let secretariatId = try input.secretariatId ?? proposal?.members.first { $0.role == .secretariat }?.staffId
            ?? Self.defaultStaff(db, role: .secretariat, label: "事務局", field: "secretariatId")
        try Self.checkPresiding(db, chairId: chairId, secretariatId: secretariatId, kind: input.kind)

        let day = LocalDate.inTokyo(input.startsAt)
        let fiscalYear = day.fiscalYear(startingIn: settings.fiscalYearStartMonth)
        let number = (try Int.fetchOne(
            db, sql: "SELECT MAX(number) FROM meeting WHERE kind = ? AND fiscalYear = ?",
            arguments: [input.kind.rawValue, fiscalYear]) ?? 0) + 1
        var meeting = Meeting(
            kind: input.kind, fiscalYear: fiscalYear, number: number, startsAt: input.startsAt, endsAt: input.endsAt,
            place: place, chairId: chairId, secretariatId: secretariatId,
            uid: "\(UUID().uuidString.lowercased())@kasane", createdBy: actor.staffId, roomId: room?.id, placeKind: placeKind,
            visitCaseId: placeKind == .visit ? input.visitCaseId : nil)
        try meeting.insert(db)
        note.meetingId = meeting.id
        note.target = "meeting:\(meeting.id!)"

        // The agenda: as given, or one item per case of the proposal.
        let defaultPurpose: AgendaPurpose = input.kind == .supportMeeting ? .informationSharing : .planReview
        var itemInputs = input.items ?? []
        if input.items == nil, let proposal {
            for code in proposal.caseCodes {
                let caseId = try Int64.fetchOne(db, sql: "SELECT id FROM supportCase WHERE code = ?", arguments: [code])
                itemInputs.append(AgendaItemInput(caseId: caseId, purpose: defaultPurpose))
            }
        }
        var itemsByCase: [Int64: [Int64]] = [:]
        var generalItems: [Int64] = []
        for (i, itemInput) in itemInputs.enumerated() {
            let item = try Self.insertItem(db, meeting: meeting, itemInput, position: i + 1, actor: actor, field: "items[\(i)]")
            if let caseId = item.caseId { itemsByCase[caseId, default: []].append(item.id!) } else { generalItems.append(item.id!) }
        }

        // The attendees: chair and secretariat hear everything; the proposal's members their cases.
        var attendees = [
            Attendee(meetingId: meeting.id!, staffId: chairId, role: .chair, itemIds: nil),
            Attendee(meetingId: meeting.id!, staffId: secretariatId, role: .required, itemIds: nil),
        ]
        if secretariatId == chairId { attendees.removeLast() }
        let caseIdsByCode = Dictionary(uniqueKeysWithValues: try SupportCase
            .filter(keys: Array(itemsByCase.keys)).fetchAll(db).map { ($0.code, $0.id!) })
        for member in proposal?.members ?? [] where !attendees.contains(where: { $0.staffId == member.staffId }) {
            let codes = member.cases.map(\.caseCode)
            let everyCase = Set(codes) == Set(proposal?.caseCodes ?? [])
            let itemIds = codes.compactMap { caseIdsByCode[$0] }.flatMap { itemsByCase[$0] ?? [] } + generalItems
            attendees.append(Attendee(
                meetingId: meeting.id!, staffId: member.staffId, role: .required,
                itemIds: everyCase ? nil : itemIds.sorted()))
        }
        for person in extra where !attendees.contains(where: { $0.staffId == person.staffId }) {
            attendees.append(Attendee(meetingId: meeting.id!, staffId: person.staffId, role: person.role, itemIds: nil))
        }
        for var attendee in attendees { try attendee.insert(db) }

        let created = try MeetingFunnel.load(SQLiteWork(db: db), id: meeting.id!)
        try Self.checkVisitOnAgenda(created)
        try MeetingRules.check(before: nil, after: created.state, try MeetingFunnel.ruleContext(SQLiteWork(db: db), [created]))
        try MeetingFunnel.record(SQLiteWork(db: db), created.meeting, .created, staffId: nil, detail: nil, at: note.at)
        try MeetingFunnel.syncPlans(SQLiteWork(db: db), created, by: actor, now: note.at)
        return try MeetingFunnel.material(SQLiteWork(db: db), created, for: actor, now: note.at)
    }

    /// The place to store, by `MeetingPlace.resolve`: free words are checked against every
    /// household of the city; a visit's case must be one the actor may read.
    static func resolvePlace(
        _ db: Database, kind: PlaceKind, text: String?, room: Room?, visitCaseId: Int64?, actor: Actor
    ) throws -> String {
        var caseCode: String?
        if kind == .visit {
            if room != nil {
                throw KasaneError.invalid(field: "roomId", message: "訪問の会議には部屋を予約しません。")
            }
            if let visitCaseId {
                guard let c = try SupportCase.fetchOne(db, key: visitCaseId), Access.mayRead(case: c, actor) else {
                    throw KasaneError.invalid(field: "visitCaseId", message: "事例（ID \(visitCaseId)）は見つかりません。")
                }
                caseCode = c.code
            }
        }
        let household = kind == .visit ? [] : try HouseholdMemberPersonal.fetchAll(db).map(PersonIdentity.init)
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

    static func defaultStaff(_ db: Database, role: StaffRole, label: String, field: String) throws -> Int64 {
        let staff = try Staff.filter(Column("active") == true).order(Column("id")).fetchAll(db).first { $0.has(role) }
        guard let id = staff?.id else {
            throw KasaneError.invalid(field: field, message: "\(label)となる\(role.japaneseName)の職員が登録されていません。")
        }
        return id
    }

    static func checkPresiding(_ db: Database, chairId: Int64, secretariatId: Int64, kind: MeetingKind) throws {
        guard let chair = try Staff.fetchOne(db, key: chairId), chair.active else {
            throw KasaneError.invalid(field: "chairId", message: "議長（職員 ID \(chairId)）は有効な職員ではありません。")
        }
        if kind == .multiLayeredSupportMeeting, !chair.has(.coordinator) {
            throw KasaneError.invalid(
                field: "chairId", message: "重層的支援会議の議長は多機関協働事業者（多機関協働の役割の職員）が務めます。")
        }
        guard let secretariat = try Staff.fetchOne(db, key: secretariatId), secretariat.active, secretariat.has(.secretariat) else {
            throw KasaneError.invalid(field: "secretariatId", message: "事務局には事務局の役割を持つ有効な職員を指定してください。")
        }
    }

    /// Inserts one agenda item after checking its form and that its case exists and
    /// may be read by the actor.
    @discardableResult
    static func insertItem(
        _ db: Database, meeting: Meeting, _ input: AgendaItemInput, position: Int, actor: Actor, field: String
    ) throws -> AgendaItem {
        let minutes = input.minutes ?? 20
        do {
            try AgendaItem.validate(purpose: input.purpose, caseId: input.caseId, minutes: minutes, in: meeting.kind)
        } catch KasaneError.invalid(let f, let message) {
            throw KasaneError.invalid(field: f.map { "\(field).\($0)" } ?? field, message: message)
        }
        if let caseId = input.caseId {
            guard let c = try SupportCase.fetchOne(db, key: caseId), Access.mayRead(case: c, actor) else {
                throw KasaneError.invalid(field: "\(field).caseId", message: "事例（ID \(caseId)）は見つかりません。")
            }
        }
        var item = AgendaItem(
            meetingId: meeting.id!, caseId: input.caseId, purpose: input.purpose, position: position, minutes: minutes)
        try item.insert(db)
        return item
    }

    // MARK: reading

    /// The meetings the actor may see, soonest first.
    public func meetings(for actor: Actor) async throws -> [MeetingSummary] {
        try await audited(actor, "meeting.list", target: "meeting") { db, note in
            let settings = try Self.settings(db)
            let pledgedToday = try MeetingFunnel.pledgedStaffIds(SQLiteWork(db: db), on: LocalDate.today(now: note.at))
            // Every meeting with what its access rule needs, in a fixed number of reads.
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM meeting ORDER BY startsAt, id")
            let pledged = actor.staffId.map { pledgedToday.contains($0) } ?? true
            return try CaseAccess.views(SQLiteWork(db: db), meetingIds: ids).compactMap { loaded, view in
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
        try await audited(actor, "meeting.read", target: "meeting:\(id)") { db, note in
            try MeetingFunnel.material(SQLiteWork(db: db), try MeetingFunnel.visible(SQLiteWork(db: db), id: id, for: actor, note: note), for: actor, now: note.at)
        }
    }

    /// What changed in a meeting, for the invitations to follow.
    public func meetingChanges(id: Int64, for actor: Actor) async throws -> [MeetingChange] {
        try await audited(actor, "meeting.changes.read", target: "meeting:\(id)") { db, note in
            try Access.require(.manageMeetings, actor)
            _ = try MeetingFunnel.visible(SQLiteWork(db: db), id: id, for: actor, note: note)
            return try Row.fetchAll(db, sql: "SELECT * FROM meetingChange WHERE meetingId = ? ORDER BY id", arguments: [id]).map { row in
                MeetingChange(
                    id: row["id"], meetingId: row["meetingId"], change: try MeetingChange.Kind.stored(row["change"]),
                    staffId: row["staffId"], detail: row["detail"], sequence: row["sequence"], createdAt: row["createdAt"],
                    deliveredAt: row["deliveredAt"])
            }
        }
    }

    // MARK: changing the meeting itself

    /// Moves a meeting or changes its place. It stays in its fiscal year.
    public func updateMeeting(id: Int64, _ input: MeetingChangeInput, by actor: Actor) async throws -> MeetingMaterial {
        try await audited(actor, "meeting.update", target: "meeting:\(id)") { db, note in
            try Self.moveMeeting(db, id: id, input, by: actor, note: note)
        }
    }

    /// The one way a meeting's time, place or room changes, inside the caller's transaction.
    static func moveMeeting(_ db: Database, id: Int64, _ input: MeetingChangeInput, by actor: Actor, note: AuditNote) throws
        -> MeetingMaterial
    {
        let after = try MeetingFunnel.change(SQLiteWork(db: db), id: id, by: actor, note: note, records: [(.moved, nil, nil)]) { before in
            var m = before.meeting
            let starts = input.startsAt ?? m.startsAt
            let ends = input.endsAt ?? (input.startsAt.map { $0.addingTimeInterval(m.endsAt.timeIntervalSince(m.startsAt)) } ?? m.endsAt)
            try MeetingInput.validateTime(startsAt: starts, endsAt: ends)
            let placeKind = input.placeKind ?? m.placeKind
            // 0 gives the room up; another id books that room; none keeps the room, checked at
            // the new time. A visit books no room.
            let roomId = placeKind == .visit && input.roomId == nil ? nil : input.roomId.map { $0 == 0 ? nil : $0 } ?? m.roomId
            let room = try roomId.map { try Self.checkRoom(db, roomId: $0, start: starts, end: ends, excluding: id) }
            // The words kept when neither they nor the kind change; a new room's name otherwise.
            let text = input.place ?? (input.roomId != nil && input.roomId != 0 ? room?.name : nil)
                ?? (placeKind == m.placeKind && placeKind != .visit ? m.place : nil)
            let visitCaseId = placeKind == .visit ? input.visitCaseId ?? m.visitCaseId : nil
            m.place = try Self.resolvePlace(db, kind: placeKind, text: text, room: room, visitCaseId: visitCaseId, actor: actor)
            m.roomId = roomId
            m.placeKind = placeKind
            m.visitCaseId = visitCaseId
            try Self.checkVisitOnAgenda(LoadedMeeting(meeting: m, items: before.items, attendees: before.attendees))
            let settings = try Self.settings(db)
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
            try m.update(db)
        }
        return try MeetingFunnel.material(SQLiteWork(db: db), after, for: actor, now: note.at)
    }

    /// Cancels a meeting, with a reason; its invitations are to be cancelled.
    public func cancelMeeting(id: Int64, _ input: CancellationInput, by actor: Actor) async throws -> MeetingMaterial {
        try await audited(actor, "meeting.cancel", target: "meeting:\(id)") { db, note in
            let reason = try Validate.text(input.reason, field: "reason", label: "中止の理由", max: 500)
            let after = try MeetingFunnel.change(SQLiteWork(db: db), id: id, by: actor, note: note, records: [(.cancelled, nil, reason)]) { before in
                var m = before.meeting
                m.status = .cancelled
                m.cancellationReason = reason
                try m.update(db)
            }
            return try MeetingFunnel.material(SQLiteWork(db: db), after, for: actor, now: note.at)
        }
    }

    /// Records that a meeting took place. Only once it has begun.
    public func markHeld(id: Int64, by actor: Actor) async throws -> MeetingMaterial {
        try await audited(actor, "meeting.held", target: "meeting:\(id)") { db, note in
            let now = note.at
            try Access.require(.recordHeld, actor)
            var loaded = try MeetingFunnel.visible(SQLiteWork(db: db), id: id, for: actor, note: note)
            guard loaded.meeting.status.canMove(to: .held) else {
                throw KasaneError.conflict("\(loaded.meeting.status.japaneseName)の会議は開催済みにできません。")
            }
            guard now >= loaded.meeting.startsAt else {
                throw KasaneError.conflict("開始時刻前の会議は開催済みにできません。")
            }
            loaded.meeting.status = .held
            loaded.meeting.sequence += 1
            try loaded.meeting.update(db)
            try MeetingFunnel.record(SQLiteWork(db: db), loaded.meeting, .held, staffId: nil, detail: nil, at: note.at)
            try MeetingFunnel.deliver(SQLiteWork(db: db), loaded, now: note.at)
            return try MeetingFunnel.material(SQLiteWork(db: db), loaded, for: actor, now: note.at)
        }
    }
}
