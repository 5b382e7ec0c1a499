import Foundation
import KasaneCalendar
import KasaneApp
import KasaneCore
import KasaneDemo
import KasaneSQLite

/// The data of the feed comparison (scripts/feed-bench.sh): the demo city in a file, the
/// coordinator invited to `count` meetings, their feed token, and the same events as a
/// Radicale collection (one .ics per event), so both servers serve the same calendar.
enum FeedFixture {
    static func make(database path: String, radicaleRoot: String, count: Int) async throws -> String {
        let db = try AppDatabase.open(path: path)
        _ = try await db.seedDemo()
        let coordinator = Actor.staff(try await db.staff(email: DemoSeed.coordinatorEmail))
        let calendar = WorkingCalendar(settings: try await db.settings())
        var day = LocalDate.today().adding(days: 3)
        for i in 0..<count {
            while !calendar.isWorkingDay(day) { day = day.adding(days: 1) }
            let start = day.instant(minutesAfterMidnight: (9 + (i % 3) * 2) * 60)
            let meeting = try await db.createMeeting(
                MeetingInput(kind: .supportMeeting, startsAt: start, endsAt: start.addingTimeInterval(3600), place: "会議室 \(i % 5 + 1)"),
                by: coordinator)
            _ = try await db.sendInvitations(meetingId: meeting.id, by: coordinator)
            if i % 3 == 2 { day = day.adding(days: 1) }
        }
        let token = try await db.renewFeedToken(by: coordinator)
        guard let feed = try await db.feed(token: token) else { throw KasaneError.notFound("feed") }
        let collection = URL(fileURLWithPath: radicaleRoot).appendingPathComponent("collection-root/kasane/feed")
        try FileManager.default.createDirectory(at: collection, withIntermediateDirectories: true)
        try Data(#"{"tag": "VCALENDAR", "D:displayname": "Kasane"}"#.utf8).write(to: collection.appendingPathComponent(".Radicale.props"))
        for (i, invitation) in feed.invitations.enumerated() {
            try Data(ICalendarWriter.feed([invitation], name: "Kasane").utf8)
                .write(to: collection.appendingPathComponent("event-\(i).ics"))
        }
        return token
    }
}
