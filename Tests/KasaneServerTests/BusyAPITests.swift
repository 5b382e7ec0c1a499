import Foundation
import GRDB
import HTTPTypes
import HummingbirdTesting
import KasaneApp
import KasaneCore
import KasaneDemo
import KasaneServer
import KasaneSQLite
import Testing

@Suite("Members upload their own calendars as busy time")
struct BusyAPITests {
    static func calendar(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../KasaneCalendarTests/Calendars/\(name)").standardized
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    /// A weekly event from today's Monday on, in Tokyo, so that it falls in any window.
    static func weekly(count: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .tokyo
        let day = calendar.dateComponents([.year, .month, .day], from: Date())
        let start = String(format: "%04d%02d%02dT100000", day.year ?? 2026, day.month ?? 1, day.day ?? 1)
        let end = String(format: "%04d%02d%02dT110000", day.year ?? 2026, day.month ?? 1, day.day ?? 1)
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//\r\nBEGIN:VEVENT\r\nUID:w@x\r\nDTSTAMP:20261101T000000Z\r\n"
            + "SUMMARY:家族の通院（山田）\r\nLOCATION:みなみ野市民病院\r\n"
            + "DTSTART;TZID=Asia/Tokyo:\(start)\r\nDTEND;TZID=Asia/Tokyo:\(end)\r\nRRULE:FREQ=WEEKLY;COUNT=\(count)\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    }

    @Test("An upload replaces the member's busy time; a broken one is refused with the reason and changes nothing")
    func uploadAndReplace() async throws {
        let app = try await DemoApp.make()
        let member = try await app.database.staff(email: DemoSeed.involvedMemberEmail)
        try await app.test { client in
            let demo = try await client.send(.get, "/api/v1/me/busy", token: app.member)
            #expect((try demo.json()["intervals"] as? Int ?? 0) > 0, "the demo gives this member busy time")
            let first = try await client.send(.put, "/api/v1/me/busy", token: app.member, body: Self.weekly(count: 10), contentType: "text/calendar")
            #expect(first.status == .ok)
            #expect(try first.json()["intervals"] as? Int == 10)
            let second = try await client.send(.put, "/api/v1/me/busy", token: app.member, body: Self.weekly(count: 4), contentType: "text/calendar")
            #expect(try second.json()["intervals"] as? Int == 4, "replaced, not added")
            // Broken uploads: each a 400 with the reason, the four intervals still there.
            for (body, words) in [
                ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "DTSTART"),
                (String(Self.weekly(count: 4).prefix(120)), "iCalendar"),
                ("\u{01}\u{02}binary", "iCalendar"),
                (Self.weekly(count: 4).replacingOccurrences(of: "TZID=Asia/Tokyo", with: "TZID=Mars/Olympus"), "Mars/Olympus"),
            ] {
                let refused = try await client.send(.put, "/api/v1/me/busy", token: app.member, body: body, contentType: "text/calendar")
                #expect(refused.status == .badRequest)
                #expect((try refused.error()["message"] as? String)?.contains(words) == true, "\(words): \(refused.text)")
            }
            #expect(try await client.send(.get, "/api/v1/me/busy", token: app.member).json()["intervals"] as? Int == 4)
            // Another member sees only their own (nothing).
            #expect(try await client.send(.get, "/api/v1/me/busy", token: app.outsider).json()["intervals"] as? Int == 0)
            // Clearing forgets it.
            #expect(try await client.send(.delete, "/api/v1/me/busy", token: app.member).json()["intervals"] as? Int == 0)
        }
        let log = try await app.database.auditLog(AuditFilter(staffId: member.id), for: .localOperator)
        let api = log.filter { $0.origin != "demo" }
        #expect(api.filter { $0.action == "busy.import" && !$0.allowed }.count == 4)
        #expect(api.filter { $0.action == "busy.import" && $0.allowed }.count == 2)
    }

    @Test("Only intervals are kept: no title, place or other word of the member's private events is stored")
    func onlyIntervals() async throws {
        let app = try await DemoApp.make()
        let member = Actor.staff(try await app.database.staff(email: DemoSeed.involvedMemberEmail))
        _ = try await BusyImporter.importCalendar(Self.weekly(count: 3), into: app.database, by: member)
        let dump = try await app.database.reader.read { db in
            try String.fetchAll(db, sql: "SELECT quote(staffId) || quote(startsAt) || quote(endsAt) FROM busyInterval")
                + String.fetchAll(db, sql: "SELECT quote(importedAt) || quote(windowEnd) || quote(events) FROM busyUpload")
                + String.fetchAll(db, sql: "SELECT coalesce(detail, '') FROM auditLog WHERE action LIKE 'busy.%'")
        }.joined(separator: "\n")
        #expect(!dump.isEmpty)
        for word in ["家族", "通院", "山田", "市民病院", "w@x"] { #expect(!dump.contains(word), "\(word)") }
    }

    @Test("A hostile upload is refused with the reason and the previous data stays: 10 MB of lines, too many lines, a rule with no end")
    func hostile() async throws {
        let app = try await DemoApp.make()
        try await app.test { client in
            let before = try await client.send(.get, "/api/v1/me/busy", token: app.member).json()["intervals"] as? Int
            let line = "X-PAD:" + String(repeating: "a", count: 60) + "\r\n"
            let huge = "BEGIN:VCALENDAR\r\n" + String(repeating: line, count: 170_000) + "END:VCALENDAR\r\n"  // over 10 MB
            let tooLarge = try await client.send(.put, "/api/v1/me/busy", token: app.member, body: huge, contentType: "text/calendar")
            #expect(tooLarge.status == .contentTooLarge)
            let manyLines = "BEGIN:VCALENDAR\r\n" + String(repeating: "X:1\r\n", count: 250_000) + "END:VCALENDAR\r\n"  // 1.5 MB, 250,000 lines
            let refused = try await client.send(.put, "/api/v1/me/busy", token: app.member, body: manyLines, contentType: "text/calendar")
            #expect(refused.status == .badRequest)
            #expect((try refused.error()["message"] as? String)?.contains("行が多すぎます") == true)
            #expect(try await client.send(.get, "/api/v1/me/busy", token: app.member).json()["intervals"] as? Int == before, "the previous data stays")
            // An RRULE with no end is not refused: it is cut at the window.
            let endless = Self.weekly(count: 1).replacingOccurrences(of: "RRULE:FREQ=WEEKLY;COUNT=1", with: "RRULE:FREQ=DAILY")
            let cut = try await client.send(.put, "/api/v1/me/busy", token: app.member, body: endless, contentType: "text/calendar")
            #expect(cut.status == .ok)
            #expect((try cut.json()["intervals"] as? Int ?? 0) >= 360)
            #expect(try await client.send(.get, "/health", token: nil).status == .ok)
        }
    }
}
