import Foundation
import HTTPTypes
import HummingbirdTesting
import KasaneCore
import KasaneServer
import KasaneSQLite
import Testing

@Suite("Dates outside the years Kasane knows are refused, never a crash")
struct DateRangeTests {
    @Test("A meeting in 2150, a series in 9999 and a booking in 2150 are 400s; the service still answers (found by schemathesis)")
    func outOfRange() async throws {
        let app = try await DemoApp.make()
        try await app.test { client in
            let meeting = try await client.send(
                .post, "/api/v1/meetings", token: app.coordinator,
                body: "{\"kind\":\"support\",\"startsAt\":\"2150-01-04T10:00:00+09:00\",\"endsAt\":\"2150-01-04T11:00:00+09:00\",\"place\":\"会議室\"}")
            #expect(meeting.status == .badRequest)
            #expect(try meeting.error()["field"] as? String == "startsAt")
            let series = try await client.send(
                .post, "/api/v1/series", token: app.coordinator,
                body: "{\"kind\":\"support\",\"weekday\":2,\"startTime\":\"14:00\",\"endTime\":\"15:30\",\"from\":\"9999-12-30\",\"to\":\"9999-12-31\"}")
            #expect(series.status == .badRequest)
            let booking = try await client.send(
                .post, "/api/v1/schedule/book", token: app.coordinator,
                body: "{\"kind\":\"support\",\"startsAt\":\"2150-01-04T10:00:00+09:00\",\"endsAt\":\"2150-01-04T11:00:00+09:00\",\"required\":[1]}")
            #expect(booking.status == .badRequest)
            #expect(try await client.send(.get, "/health", token: nil).status == .ok)
        }
        #expect(JapaneseHolidays.holidays(in: 2150).isEmpty)
        #expect(JapaneseHolidays.holidays(from: 2030, to: 2020).isEmpty)
        #expect(LocalDate(year: 9999, month: 12, day: 31)!.adding(days: 5) == LocalDate(year: 9999, month: 12, day: 31))
    }
}
