import Foundation
import KasaneApp
import KasaneCore
import KasaneDemo
import KasaneServer
import KasaneSQLite
import Testing

@Suite("Postman")
struct PostmanTests {
    @Test("Each message becomes an e-mail in the outbox and is handed to sendmail -t -i; a failing sendmail keeps it queued")
    func sendmail() async throws {
        let app = try await DemoApp.make()
        let db = app.database
        let coordinator = Actor.staff(try await db.staff(email: DemoSeed.coordinatorEmail))
        let start = ISO8601DateFormatter().date(from: MeetingAPITests.future())!
        let meeting = try await db.createMeeting(
            MeetingInput(kind: .supportMeeting, startsAt: start, endsAt: start.addingTimeInterval(3600), place: "会議室"),
            by: coordinator)
        let sent = try await db.sendInvitations(meetingId: meeting.id, by: coordinator)
        // The demo's history handed a case back: its plain notice waits in the outbox too.
        let notices = try await db.unmailedNotices().count
        #expect(notices >= 1)

        let dir = try IndependentCheck.temporaryDirectory()
        let log = dir.appendingPathComponent("sendmail.log")
        let fake = dir.appendingPathComponent("sendmail")
        try "#!/bin/sh\necho \"ARGS: $*\" >> \(log.path)\ncat >> \(log.path)\n".write(to: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let failing = dir.appendingPathComponent("broken-sendmail")
        try "#!/bin/sh\ncat > /dev/null\nexit 75\n".write(to: failing, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: failing.path)

        let outbox = dir.appendingPathComponent("outbox")
        await #expect(throws: KasaneError.self) {
            try await Postman(database: db, outbox: outbox, sendmail: failing.path).flush()
        }
        #expect(try await db.unmailedMessages().count == sent.count)

        let files = try await Postman(database: db, outbox: outbox, sendmail: fake.path, from: "kasane@minamino.example.jp").flush()
        #expect(files.count == sent.count + notices)
        #expect(try await db.unmailedMessages().isEmpty)
        #expect(try await db.unmailedNotices().isEmpty)
        let handed = try String(contentsOf: log, encoding: .utf8)
        #expect(handed.components(separatedBy: "ARGS: -t -i").count - 1 == sent.count + notices)
        #expect(handed.contains("Content-Type: text/calendar; method=REQUEST; charset=UTF-8"))
        for email in sent.map(\.email) { #expect(handed.contains("To: \(email)")) }
        // The retry rewrote the file the failed attempt left: one file per message.
        #expect(try FileManager.default.contentsOfDirectory(atPath: outbox.path).count == sent.count + notices)
        // Nothing is sent twice.
        #expect(try await Postman(database: db, outbox: outbox, sendmail: fake.path).flush().isEmpty)
    }
}
