import Foundation
import GRDB
import KasaneApp
import KasaneCore
import KasaneStorage

/// Loading a meeting whole, and changing it only through the rules.
extension AppDatabase {
    static func loadMeeting(_ db: Database, id: Int64) throws -> LoadedMeeting {
        guard let loaded = try meetingIfAny(db, id: id) else {
            throw KasaneError.notFound("会議（ID \(id)）は見つかりません。")
        }
        return loaded
    }

    /// The meeting, or nil when there is none; a database failure is thrown as it is,
    /// never mistaken for a meeting that does not exist.
    static func meetingIfAny(_ db: Database, id: Int64) throws -> LoadedMeeting? {
        guard let meeting = try Meeting.fetchOne(db, key: id) else { return nil }
        return LoadedMeeting(
            meeting: meeting,
            items: try AgendaItem.filter(Column("meetingId") == id).order(Column("position"), Column("id")).fetchAll(db),
            attendees: try Attendee.filter(Column("meetingId") == id).order(Column("id")).fetchAll(db))
    }

    static func ruleContext(_ db: Database, _ states: [LoadedMeeting]) throws -> MeetingRules.Context {
        let staff = try Staff.fetchAll(db)
        let items = states.flatMap(\.items)
        let caseIds = Array(Set(items.compactMap(\.caseId)))
        let codes = try SupportCase.filter(keys: caseIds).fetchAll(db)
        guard let day = states.last?.meeting.day else {
            throw KasaneError.notFound("会議が見つかりません。")
        }
        return MeetingRules.Context(
            staff: Dictionary(uniqueKeysWithValues: staff.map { ($0.id!, $0) }),
            agencyNames: Dictionary(uniqueKeysWithValues: try Agency.fetchAll(db).map { ($0.id!, $0.name) }),
            consents: try SQLiteConsentReading(db: db).consents(caseIds: Set(items.compactMap(\.caseId))),
            caseCodes: Dictionary(uniqueKeysWithValues: codes.map { ($0.id!, $0.code) }),
            pledged: try pledgedStaffIds(db, on: day))
    }

    /// A meeting the actor may see; for one they may not, the same answer as for one
    /// that does not exist.
    static func visibleMeeting(_ db: Database, id: Int64, for actor: Actor, note: AuditNote) throws -> LoadedMeeting {
        note.meetingId = id
        let notFound = KasaneError.notFound("会議（ID \(id)）は見つかりません。")
        guard let loaded = try meetingIfAny(db, id: id) else { throw notFound }
        let pledged = try actor.staffId.map { try pledgedStaffIds(db, on: loaded.meeting.day).contains($0) } ?? true
        guard MeetingAccess.maySee(try CaseAccess.view(SQLiteWork(db: db), loaded), actor, pledged: pledged) else { throw notFound }
        return loaded
    }

    /// Changes a meeting: `mutate` writes, then the whole meeting is read back and
    /// checked against the rules; a change that adds a violation throws, and the
    /// transaction with it. Changes that invitations must follow raise the SEQUENCE
    /// and are recorded.
    @discardableResult
    static func changeMeeting(
        _ db: Database, id: Int64, by actor: Actor, note: AuditNote, allowClosed: Bool = false,
        records: [(MeetingChange.Kind, Int64?, String?)], bumpsSequence: Bool = true,
        _ mutate: (Database, LoadedMeeting) throws -> Void
    ) throws -> LoadedMeeting {
        try Access.require(.manageMeetings, actor)
        let before = try visibleMeeting(db, id: id, for: actor, note: note)
        guard allowClosed || !before.meeting.status.isClosed else {
            throw KasaneError.conflict(
                "\(before.meeting.status.japaneseName)の会議は変更できません（議事録に必要な操作を除く）。")
        }
        try mutate(db, before)
        var after = try loadMeeting(db, id: id)
        try MeetingRules.check(before: before.state, after: after.state, try ruleContext(db, [before, after]))
        if bumpsSequence {
            after.meeting.sequence += 1
            try after.meeting.update(db)
        }
        for (kind, staffId, detail) in records {
            try Self.record(db, after.meeting, kind, staffId: staffId, detail: detail, at: note.at)
        }
        try syncPlans(db, after, by: actor, now: note.at)
        try deliver(db, after, now: note.at)
        return after
    }

    static func record(_ db: Database, _ meeting: Meeting, _ kind: MeetingChange.Kind, staffId: Int64?, detail: String?, at now: Date) throws {
        try db.execute(
            sql: "INSERT INTO meetingChange (meetingId, change, staffId, detail, sequence, createdAt) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [meeting.id, kind.rawValue, staffId, detail, meeting.sequence, now])
    }

    /// Numbers the items 1, 2, 3... in their order.
    static func renumberItems(_ db: Database, meetingId: Int64) throws {
        let items = try AgendaItem.filter(Column("meetingId") == meetingId).order(Column("position"), Column("id")).fetchAll(db)
        for (i, var item) in items.enumerated() where item.position != i + 1 {
            item.position = i + 1
            try item.update(db)
        }
    }

    /// Everything rendering a meeting for its readers needs, read once: its material
    /// and invitations for each recipient are then pure functions of it.
    struct Rendering {
        var loaded: LoadedMeeting
        var settings: MunicipalitySettings
        var view: MeetingAccess.View
        var staff: [Int64: Staff]
        var agencyNames: [Int64: String]
        var caseCodes: [Int64: String]
        var responses: [Int64: AttendeeResponse]
    }

    static func rendering(_ db: Database, _ loaded: LoadedMeeting) throws -> Rendering {
        Rendering(
            loaded: loaded, settings: try settings(db), view: try CaseAccess.view(SQLiteWork(db: db), loaded),
            staff: Dictionary(uniqueKeysWithValues: try Staff.fetchAll(db).map { ($0.id!, $0) }),
            agencyNames: Dictionary(uniqueKeysWithValues: try Agency.fetchAll(db).map { ($0.id!, $0.name) }),
            caseCodes: Dictionary(uniqueKeysWithValues: try SupportCase.filter(keys: loaded.items.compactMap(\.caseId))
                .fetchAll(db).map { ($0.id!, $0.code) }),
            responses: try responses(db, meetingId: loaded.meeting.id!))
    }

    /// Renderings of many meetings in a fixed number of set-based reads (a feed, a
    /// search): the directory and settings once, then meetings, items, attendees,
    /// consents, case codes and answers each in one query, whatever their number.
    static func renderings(_ db: Database, meetingIds: [Int64]) throws -> [Rendering] {
        guard !meetingIds.isEmpty else { return [] }
        let views = try CaseAccess.views(SQLiteWork(db: db), meetingIds: meetingIds)
        let settings = try settings(db)
        let staff = Dictionary(uniqueKeysWithValues: try Staff.fetchAll(db).compactMap { s in s.id.map { ($0, s) } })
        let agencyNames = Dictionary(uniqueKeysWithValues: try Agency.fetchAll(db).compactMap { a in a.id.map { ($0, a.name) } })
        let caseIds = Array(Set(views.flatMap { $0.view.items.compactMap(\.caseId) }))
        let caseCodes = Dictionary(uniqueKeysWithValues: try SupportCase.filter(keys: caseIds).fetchAll(db).compactMap { c in c.id.map { ($0, c.code) } })
        var responses: [Int64: [Int64: AttendeeResponse]] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT meetingId, staffId, response FROM attendee WHERE meetingId IN (\(meetingIds.map { _ in "?" }.joined(separator: ",")))",
            arguments: StatementArguments(meetingIds))
        {
            responses[row["meetingId"], default: [:]][row["staffId"]] = AttendeeResponse(rawValue: row["response"]) ?? .needsAction
        }
        return views.map { loaded, view in
            Rendering(
                loaded: loaded, settings: settings, view: view, staff: staff, agencyNames: agencyNames, caseCodes: caseCodes,
                responses: responses[loaded.meeting.id ?? 0] ?? [:])
        }
    }

    /// The material of a meeting as the actor may read it.
    static func material(_ db: Database, _ loaded: LoadedMeeting, for actor: Actor, now: Date) throws -> MeetingMaterial {
        material(try rendering(db, loaded), for: actor, now: now)
    }

    static func material(_ r: Rendering, for actor: Actor, now: Date) -> MeetingMaterial {
        let loaded = r.loaded
        let visible = MeetingAccess.visibleItems(r.view, actor)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .tokyo
        var clock = loaded.meeting.startsAt
        let items = loaded.items.map { item -> MeetingMaterial.Item in
            let start = clock
            clock = clock.addingTimeInterval(TimeInterval(item.minutes * 60))
            let c = calendar.dateComponents([.hour, .minute], from: start)
            let shown = visible.contains(item.id!)
            return MeetingMaterial.Item(
                id: item.id!, position: item.position, minutes: item.minutes,
                startsAt: String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0), withheld: !shown,
                caseId: shown ? item.caseId : nil, caseCode: shown ? item.caseId.flatMap { r.caseCodes[$0] } : nil,
                purpose: shown ? item.purpose : nil, purposeName: shown ? item.purpose.japaneseName : nil)
        }
        let m = loaded.meeting
        var material = MeetingMaterial(
            id: m.id!, title: m.title(r.settings), kind: m.kind, legalName: m.kind.legalName, fiscalYear: m.fiscalYear,
            fiscalYearName: JapaneseEra.fiscalYearName(m.fiscalYear), number: m.number, startsAt: m.startsAt,
            endsAt: m.endsAt, place: m.place, status: m.status, statusName: m.status.japaneseName,
            cancellationReason: m.cancellationReason, uid: m.uid, sequence: m.sequence, chairId: m.chairId,
            secretariatId: m.secretariatId, items: items,
            attendees: loaded.attendees.filter { a in
                // Who attends one case's item is itself sensitive: a member sees only
                // those who share an item with them.
                visible.count == loaded.items.count || (a.itemIds?.contains(where: visible.contains) ?? true)
            }.map { a in
                // Cannot fail: attendee.staffId is a foreign key, and `r.staff` holds every staff row.
                let s = r.staff[a.staffId]!
                let response = r.responses[a.staffId] ?? .needsAction
                return MeetingMaterial.Person(
                    staffId: a.staffId, name: s.name, agencyId: s.agencyId, agencyName: r.agencyNames[s.agencyId] ?? "",
                    role: a.role, roleName: a.role.japaneseName, everyItem: a.itemIds == nil,
                    itemIds: a.itemIds?.filter { visible.contains($0) }, leavesFor: a.leavesFor.filter { visible.contains($0) },
                    reason: a.reason, response: response, responseName: response.japaneseName)
            })
        material.roomId = m.roomId
        material.placeKind = m.placeKind
        material.placeKindName = m.placeKind.japaneseName
        material.visitCaseId = m.visitCaseId
        if m.status == .planned || m.status == .invited {
            material.notices = WorkingCalendar(settings: r.settings).notices(startsAt: m.startsAt, endsAt: m.endsAt, now: now)
        }
        return material
    }
}
