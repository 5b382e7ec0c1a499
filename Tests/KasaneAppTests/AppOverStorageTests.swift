import Foundation
import KasaneApp
import KasaneCore
import KasaneStorage
import Testing

/// A storage that keeps everything in memory: the application runs on it with no database
/// engine at all, which is what shows it is written against the storage interface only.
final class MemoryStorage: OutboxStorage, BusyStorage, @unchecked Sendable {
    let clock: any WallClock
    private let lock = NSLock()
    private var notices: [OutgoingNotice]
    private(set) var mailed: [Int64: Date] = [:]
    private(set) var replaced: [(BusyUpload, Date)] = []
    private(set) var refused: [(String, Date)] = []

    init(clock: any WallClock, notices: [OutgoingNotice] = []) {
        self.clock = clock
        self.notices = notices
    }

    func unmailedMessages() async throws -> [OutgoingMessage] { [] }
    func unmailedNotices() async throws -> [OutgoingNotice] { lock.withLock { notices.filter { mailed[$0.id] == nil } } }
    func markMailed(_ id: Int64, at: Date) async throws {}
    func markNoticeMailed(_ id: Int64, at: Date) async throws { lock.withLock { mailed[id] = at } }
    func settings() async throws -> MunicipalitySettings { MunicipalitySettings() }
    func replaceBusy(_ upload: BusyUpload, by actor: Actor, at: Date) async throws -> BusySummary {
        lock.withLock { replaced.append((upload, at)) }
        return BusySummary(
            staffId: actor.staffId ?? 0, importedAt: at, windowStart: upload.windowStart, windowEnd: upload.windowEnd,
            intervals: upload.intervals.count, events: upload.events, truncatedRules: upload.truncatedRules, notices: [])
    }
    func logRefusedBusyImport(_ error: KasaneError, by actor: Actor, at: Date) async throws {
        lock.withLock { refused.append((error.message, at)) }
    }
}

@Suite("The application over the storage interface, with no database engine")
struct AppOverStorageTests {
    static let instant = ISO8601DateFormatter().date(from: "2026-12-03T01:00:00Z")!

    @Test("The postman writes each waiting notice to the outbox and marks it sent at the application's clock, once")
    func postman() async throws {
        let storage = MemoryStorage(
            clock: FixedClock(Self.instant),
            notices: [OutgoingNotice(id: 7, email: "north@city.example.jp", subject: "【Kasane】事例 K-2026-001 のつなぎ戻し", body: "事例 K-2026-001", createdAt: Self.instant)])
        let outbox = FileManager.default.temporaryDirectory.appendingPathComponent("kasane-app-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outbox) }
        let files = try await Postman(database: storage, outbox: outbox, from: "kasane@city.example.jp").flush()
        #expect(files.count == 1)
        let text = try String(contentsOf: try #require(files.first), encoding: .utf8)
        #expect(text.contains("To: north@city.example.jp") && text.contains("From: kasane@city.example.jp"))
        #expect(storage.mailed == [7: Self.instant])
        #expect(try await Postman(database: storage, outbox: outbox).flush().isEmpty, "a notice is sent once")
    }

    @Test("A calendar is read over the window the settings give from the clock's day; an unreadable one is refused and logged, nothing replaced")
    func busyImport() async throws {
        let storage = MemoryStorage(clock: FixedClock(Self.instant))
        let member = Actor(kind: .localOperator, origin: "test")
        let ics = """
            BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:a@test\r\nDTSTAMP:20261201T000000Z\r\n\
            DTSTART:20261210T010000Z\r\nDTEND:20261210T020000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n
            """
        let summary = try await BusyImporter.importCalendar(ics, into: storage, by: member)
        #expect(summary.intervals == 1 && summary.importedAt == Self.instant)
        let (upload, at) = try #require(storage.replaced.first)
        #expect(at == Self.instant)
        #expect(upload.windowStart == LocalDate("2026-12-03")!.instant())
        #expect(upload.windowEnd == LocalDate("2027-12-03")!.instant())

        await #expect(throws: KasaneError.self) { try await BusyImporter.importCalendar("not a calendar", into: storage, by: member) }
        #expect(storage.refused.count == 1 && storage.refused[0].1 == Self.instant)
        #expect(storage.replaced.count == 1)
    }
}
