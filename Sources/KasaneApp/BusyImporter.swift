import Foundation
import KasaneCalendar
import KasaneCore
import KasaneStorage

/// One way to take in a member's own calendar, for the API and the command line alike:
/// read it through libical over the city's window (no store lock held while parsing),
/// then replace what was held in one transaction. A file that cannot be read is refused
/// with the reason, audited, and the previous data stays.
public enum BusyImporter {
    public static func importCalendar(_ text: String, into database: any BusyStorage, by actor: Actor) async throws
        -> BusySummary
    {
        // One instant for the window, the refusal and the replacement.
        let now = database.clock.now()
        let settings = try await database.settings()
        let window = settings.schedulingRules.busyWindow(today: LocalDate.today(now: now))
        let limits = settings.inputLimits
        let result: BusyCalendarReader.Result
        do {
            result = try BusyCalendarReader.read(text, from: window.start, to: window.end, limits: limits)
        } catch let error as KasaneError {
            try await database.logRefusedBusyImport(error, by: actor, at: now)
            throw error
        }
        return try await database.replaceBusy(
            BusyUpload(
                intervals: result.intervals, windowStart: window.start, windowEnd: window.end, events: result.events,
                truncatedRules: result.truncatedRules),
            by: actor, at: now)
    }
}
