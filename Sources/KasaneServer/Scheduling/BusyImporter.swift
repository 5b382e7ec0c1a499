import Foundation
import KasaneCalendar
import KasaneCore
import KasaneStore

/// One way to take in a member's own calendar, for the API and the command line alike:
/// read it through libical over the city's window (no store lock held while parsing),
/// then replace what was held in one transaction. A file that cannot be read is refused
/// with the reason, audited, and the previous data stays.
public enum BusyImporter {
    public static func importCalendar(_ text: String, into database: AppDatabase, by actor: Actor) async throws
        -> BusySummary
    {
        // One instant for the window and the replacement.
        let database = database.at(database.clock.now())
        let window = try await database.busyWindow()
        let limits = try await database.settings().inputLimits
        let result: BusyCalendarReader.Result
        do {
            result = try BusyCalendarReader.read(text, from: window.start, to: window.end, limits: limits)
        } catch let error as KasaneError {
            try await database.logRefusedBusyImport(error, by: actor)
            throw error
        }
        return try await database.replaceBusy(
            BusyUpload(
                intervals: result.intervals, windowStart: window.start, windowEnd: window.end, events: result.events,
                truncatedRules: result.truncatedRules),
            by: actor)
    }
}
