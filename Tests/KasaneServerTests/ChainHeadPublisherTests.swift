import Foundation
import KasaneApp
import KasaneCore
import KasaneSQLite
import Logging
import ServiceLifecycle
import Testing

@testable import KasaneServer

@Suite("The chain heads are published in the server log")
struct ChainHeadPublisherTests {
    @Test("At start, at each interval and at shutdown, one line with the audit head and every minutes head, no names")
    func publishes() async throws {
        let app = try await DemoApp.make()
        let logs = CapturedLogs()
        let publisher = ChainHeadPublisher(database: app.database, logger: logs.logger(), interval: .milliseconds(200))
        let group = ServiceGroup(services: [publisher], gracefulShutdownSignals: [], logger: Logger(label: "test"))
        let running = Task { try await group.run() }
        // Wait for the first interval's line rather than for a fixed time: under a loaded test run
        // the start line alone can take longer than a few intervals.
        let deadline = ContinuousClock.now + .seconds(60)
        while !logs.all.contains(where: { $0.contains("chain heads") && $0.contains("daily") }), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        await group.triggerGracefulShutdown()
        try await running.value
        let lines = logs.all.filter { $0.contains("chain heads") }
        #expect(lines.first?.contains("start") == true)
        #expect(lines.last?.contains("shutdown") == true)
        #expect(lines.contains { $0.contains("daily") })
        let head = try #require(try await app.database.auditHead())
        let minutes = try await app.database.chainHeads().minutes
        #expect(!minutes.isEmpty)
        // What is published reads back: the audit head, and each meeting's newest approved version.
        let last = try #require(lines.last)
        #expect(PublishedHeads.audit(in: last) == [head])
        #expect(PublishedHeads.minutes(in: last) == minutes)
        for line in lines { #expect(!line.contains("南野") && !line.contains("K-20")) }
    }
}
