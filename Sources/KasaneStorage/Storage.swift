import Foundation
import KasaneCore

// The storage interface: what the application asks of the place a city's data is kept,
// shaped by the application's needs and by nothing of an engine. No type here is SQLite's
// or PostgreSQL's; an engine (KasaneSQLite: SQLite through GRDB today) conforms to these
// protocols, and the application (KasaneApp) is written against them only.
//
// Each call is one unit of work: it commits whole or not at all. Every time a call records
// is the application's, passed in (`at:`), never read by the engine from its own clock.
//
// Behind it, as units of work (UnitOfWork.swift and the *Repositories.swift files): the audit
// log, the directory, settings and tokens, cases and households, consent, meetings with their
// agendas, attendees and change records, the outbox, replies and feeds, proposals, everyone's
// time, polls and series, minutes and their words, plans and their moves, retention, figures
// and follow-up, sign-in and its second factor (SignInRepositories.swift, with the
// `Credentials` an engine is used with); and, as whole calls, the outbox's delivery and the
// members' own calendars (below), which an engine audits through the same `audited`.

/// The application's one clock, as the storage was opened with it.
public protocol Clocked: Sendable {
    var clock: any WallClock { get }
}

/// The outbox: iTIP messages and plain notices waiting for the mail system.
public protocol OutboxStorage: Clocked {
    /// iTIP messages not yet handed to the mail system, oldest first.
    func unmailedMessages() async throws -> [OutgoingMessage]
    /// Plain notices (codes only) not yet handed to the mail system, oldest first.
    func unmailedNotices() async throws -> [OutgoingNotice]
    /// Records that a message was handed over at `at`; it is not offered again.
    func markMailed(_ id: Int64, at: Date) async throws
    func markNoticeMailed(_ id: Int64, at: Date) async throws
}

/// Members' own calendars, held as busy intervals only.
public protocol BusyStorage: Clocked {
    /// The city's settings (the window a calendar is read over, the input limits).
    func settings() async throws -> MunicipalitySettings
    /// Replaces what was held of the actor's own calendar, audited; returns what is held now.
    func replaceBusy(_ upload: BusyUpload, by actor: Actor, at: Date) async throws -> BusySummary
    /// Records in the audit log an upload that could not be read.
    func logRefusedBusyImport(_ error: KasaneError, by actor: Actor, at: Date) async throws
}
