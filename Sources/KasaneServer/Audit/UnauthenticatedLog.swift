import KasaneApp
import Foundation
import KasaneSQLite
import ServiceLifecycle

/// Requests refused before anyone is known (no or a bad token, an unknown feed, a form
/// from another site), counted per client and minute instead of one audit row each: the
/// first of a minute is written at once, and when the minute is over one more row says
/// how many there were. A client past `limit` in a minute is answered 429 without any
/// work, so that such requests can neither fill the log nor wear the service down.
actor UnauthenticatedLog {
    struct Window {
        var start: Date
        var count: Int
        var what: String
    }

    let database: AppDatabase
    private var windows: [String: Window] = [:]
    /// The limit of the minute each window was opened in (the settings may change it).
    private var limits: [String: Int] = [:]

    init(database: AppDatabase) {
        self.database = database
    }

    /// Records one refusal; false when the client is past `limit` (the city's
    /// `unauthenticatedPerMinute`) in this minute (answer 429).
    func record(client: String, what: String, limit: Int, now: Date = Date()) async throws -> Bool {
        if var window = windows[client], now.timeIntervalSince(window.start) < 60 {
            window.count += 1
            windows[client] = window
            return window.count <= limit
        }
        limits[client] = limit
        if let old = windows.removeValue(forKey: client) { try await summarise(client, old) }
        windows[client] = Window(start: now, count: 1, what: what)
        try await database.logUnauthenticated(origin: client, path: what)
        return true
    }

    /// Writes the count of every minute that is over (all of them with `all`, at shutdown).
    func flush(now: Date = Date(), all: Bool = false) async throws {
        for (client, window) in windows where all || now.timeIntervalSince(window.start) >= 60 {
            windows[client] = nil
            try await summarise(client, window)
        }
    }

    private func summarise(_ client: String, _ window: Window) async throws {
        let limit = limits.removeValue(forKey: client) ?? Int.max
        guard window.count > 1 else { return }
        try await database.logUnauthenticated(
            origin: client, path: window.what,
            detail: "1分間に\(window.count)件（最初の1件は記録済み\(window.count > limit ? "、\(window.count - limit)件は429で断った" : "")）")
    }

    /// How many refusals are held for writing, for tests.
    var pending: Int { windows.values.reduce(0) { $0 + $1.count } }
}

/// Writes the counts of finished minutes every minute, and the rest when the service stops.
struct UnauthenticatedLogFlusher: Service {
    let log: UnauthenticatedLog

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do { try await Task.sleep(for: .seconds(60)) } catch { return }
                try? await log.flush()
            }
        }
        try? await log.flush(all: true)
    }
}
