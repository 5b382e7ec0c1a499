import Foundation
import GRDB
import KasaneCore

extension OutgoingMessage: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "outgoingMessage"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension AppDatabase {
    /// Sends the invitations of a planned meeting: a REQUEST to every attendee but the chair,
    /// who is its ORGANIZER. From then on, every change sends updates and cancellations by itself.
    public func sendInvitations(meetingId: Int64, by actor: Actor) async throws -> [OutgoingMessage] {
        try await audited(actor, "meeting.invite", target: "meeting:\(meetingId)") { db, note in
            let now = note.at
            try Access.require(.manageMeetings, actor)
            var loaded = try Self.visibleMeeting(db, id: meetingId, for: actor, note: note)
            guard loaded.meeting.status == .planned else {
                throw KasaneError.conflict(
                    "\(loaded.meeting.status.japaneseName)の会議には招集を送れません（変更は自動で送られます）。")
            }
            loaded.meeting.status = .invited
            try loaded.meeting.update(db)
            try Self.markChangesDelivered(db, meetingId: meetingId, at: now)
            let r = try Self.rendering(db, loaded)
            // The chair is the ORGANIZER: the invitation comes from them, not to them.
            return try loaded.attendees.filter { $0.staffId != loaded.meeting.chairId }.map { a in
                try Self.enqueue(db, r, staffId: a.staffId, method: .request, now: now)
            }
        }
    }

    /// Turns a meeting's undelivered changes into messages, once it has been invited:
    /// CANCEL to those removed, CANCEL to all when it is cancelled, otherwise an
    /// updated REQUEST (with the meeting's raised SEQUENCE) to everyone still on it.
    /// `loaded` is the meeting as the change left it, loaded once by the change and passed on.
    static func deliver(_ db: Database, _ loaded: LoadedMeeting, now: Date) throws {
        let meetingId = loaded.meeting.id!
        let pending = try Row.fetchAll(
            db, sql: "SELECT change, staffId FROM meetingChange WHERE meetingId = ? AND deliveredAt IS NULL", arguments: [meetingId])
        guard !pending.isEmpty else { return }
        try markChangesDelivered(db, meetingId: meetingId, at: now)
        let wasInvited = try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM outgoingMessage WHERE meetingId = ?", arguments: [meetingId]) ?? 0 > 0
        guard wasInvited else { return }
        let kinds = try pending.map { try MeetingChange.Kind.stored($0["change"]) }
        if kinds.allSatisfy({ $0 == .held }) { return }
        let r = try rendering(db, loaded)
        let current = Set(loaded.attendees.map(\.staffId))
        let removed = Set(pending.filter { $0["change"] == MeetingChange.Kind.attendeeRemoved.rawValue }
            .compactMap { $0["staffId"] as Int64? }).subtracting(current)
        for staffId in removed.sorted() {
            try enqueue(db, r, staffId: staffId, method: .cancel, now: now)
        }
        let recipients = loaded.attendees.filter { $0.staffId != loaded.meeting.chairId }
        if loaded.meeting.status == .cancelled {
            for a in recipients { try enqueue(db, r, staffId: a.staffId, method: .cancel, now: now) }
        } else if !loaded.meeting.status.isClosed {
            for a in recipients { try enqueue(db, r, staffId: a.staffId, method: .request, now: now) }
        }
    }

    static func markChangesDelivered(_ db: Database, meetingId: Int64, at now: Date) throws {
        try db.execute(
            sql: "UPDATE meetingChange SET deliveredAt = ? WHERE meetingId = ? AND deliveredAt IS NULL", arguments: [now, meetingId])
    }

    @discardableResult
    static func enqueue(_ db: Database, _ r: Rendering, staffId: Int64, method: InvitationMethod, now: Date) throws
        -> OutgoingMessage
    {
        guard let staff = r.staff[staffId] else { throw KasaneError.notFound("職員（ID \(staffId)）は登録されていません。") }
        var message = OutgoingMessage(
            meetingId: r.loaded.meeting.id!, staffId: staffId, email: staff.email, method: method,
            sequence: r.loaded.meeting.sequence, invitation: invitation(r, for: staff, now: now), createdAt: now)
        try message.insert(db)
        return message
    }

    /// The meeting as one recipient's calendar shows it: their items and the people
    /// they share them with; for someone no longer on it, just the cancellation.
    static func invitation(_ r: Rendering, for staff: Staff, now: Date) -> Invitation {
        let m = r.loaded.meeting
        let url = "\(r.settings.baseURL)/meetings/\(m.id!)"
        // The chair and every attendee are staff rows (foreign keys), loaded whole in `r.staff`.
        // Cannot fail: chairId is a foreign key to staff, and `r.staff` holds every staff row.
        let chair = r.staff[m.chairId]!
        let organizer = InvitedParty(name: chair.name, email: chair.email, role: .chair, response: r.responses[chair.id!] ?? .accepted)
        guard r.loaded.attendees.contains(where: { $0.staffId == staff.id }) else {
            return Invitation(
                meetingId: m.id!, uid: m.uid, sequence: m.sequence, cancelled: true, title: m.title(r.settings),
                description: "この会議の出席者から外れました。\n\(url)", place: m.place, startsAt: m.startsAt, endsAt: m.endsAt,
                organizer: organizer,
                attendees: [InvitedParty(name: staff.name, email: staff.email, role: .required, response: .needsAction)], url: url,
                uninvited: m.status != .cancelled)
        }
        let material = material(r, for: .staff(staff), now: now)
        let shown = material.items.filter { !$0.withheld }
        return Invitation(
            meetingId: m.id!, uid: m.uid, sequence: m.sequence, cancelled: m.status == .cancelled, title: material.title,
            description: Invitation.description(
                items: shown.map { ($0.startsAt, $0.purposeName ?? "", $0.caseCode) },
                withheld: material.items.count - shown.count, url: url),
            place: m.place, startsAt: m.startsAt, endsAt: m.endsAt, organizer: organizer,
            attendees: material.attendees.map { p in
                // Cannot fail: an attendee's staffId is a foreign key, and `r.staff` holds every staff row.
                InvitedParty(name: p.name, email: r.staff[p.staffId]!.email, role: p.role, response: p.response)
            },
            url: url)
    }

    /// Every message of a meeting, for the coordinator.
    public func messages(meetingId: Int64, for actor: Actor) async throws -> [OutgoingMessage] {
        try await audited(actor, "meeting.messages.read", target: "meeting:\(meetingId)") { db, note in
            try Access.require(.manageMeetings, actor)
            _ = try Self.visibleMeeting(db, id: meetingId, for: actor, note: note)
            return try OutgoingMessage.filter(Column("meetingId") == meetingId).order(Column("id")).fetchAll(db)
        }
    }

    /// Messages not yet handed to the mail system.
    public func unmailedMessages() async throws -> [OutgoingMessage] {
        try await reader.read { db in try OutgoingMessage.filter(Column("mailedAt") == nil).order(Column("id")).fetchAll(db) }
    }

    public func markMailed(_ id: Int64) async throws {
        let at = clock.now()
        try await writer.write { db in
            try db.execute(sql: "UPDATE outgoingMessage SET mailedAt = ? WHERE id = ?", arguments: [at, id])
        }
    }
}
