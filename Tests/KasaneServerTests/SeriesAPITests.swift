import KasaneApp
import Foundation
import HTTPTypes
import HummingbirdTesting
import KasaneCore
import KasaneServer
import KasaneSQLite
import Testing

@Suite("定例 through the API")
struct SeriesAPITests {
    @Test("A series makes a meeting per occurrence, each with its own UID and number; cancelling it cancels only future ones")
    func series() async throws {
        let app = try await DemoApp.make()
        let to = LocalDate.today().adding(days: 60)
        let before = try await app.database.meetings(for: .localOperator).count
        try await app.test { client in
            let created = try await client.send(
                .post, "/api/v1/series", token: app.coordinator,
                body: "{\"kind\":\"support\",\"weekday\":2,\"startTime\":\"14:00\",\"endTime\":\"15:30\",\"from\":\"\(LocalDate.today())\",\"to\":\"\(to)\",\"roomId\":1}")
            #expect(created.status == .created, "\(created.text)")
            let series = try created.json()
            let entries = series["entries"] as? [[String: Any]] ?? []
            let meetingIds = entries.compactMap { $0["meetingId"] as? Int }
            #expect(meetingIds.count >= 7)
            let uids = try await Set(meetingIds.asyncMap { try await app.database.meetingMaterial(id: Int64($0), for: .localOperator).uid })
            #expect(uids.count == meetingIds.count)
            // A second series in the same room at the same time is refused whole, naming the room.
            let clash = try await client.send(
                .post, "/api/v1/series", token: app.coordinator,
                body: "{\"kind\":\"support\",\"weekday\":2,\"startTime\":\"15:00\",\"endTime\":\"16:00\",\"from\":\"\(LocalDate.today())\",\"to\":\"\(to)\",\"roomId\":1}")
            #expect(clash.status == .conflict)
            #expect(try await app.database.meetings(for: .localOperator).count == before + meetingIds.count)

            let id = try #require(series["id"] as? Int)
            let cancelled = try await client.send(.post, "/api/v1/series/\(id)/cancellation", token: app.coordinator, body: "{\"reason\":\"体制の見直し\"}")
            #expect(cancelled.status == .ok)
            // Future meetings are cancelled; one already begun or past (today's, if today is the day) stays.
            let now = Date()
            for meetingId in meetingIds {
                let m = try await app.database.meetingMaterial(id: Int64(meetingId), for: .localOperator)
                #expect((m.status == .cancelled) == (m.startsAt > now), "\(m.startsAt) \(m.status)")
            }
            #expect(try await client.send(.post, "/api/v1/series/\(id)/cancellation", token: app.coordinator, body: "{\"reason\":\"再\"}").status == .conflict)
            #expect(try await client.send(.get, "/api/v1/series/\(id)", token: app.member).status == .forbidden)
        }
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
