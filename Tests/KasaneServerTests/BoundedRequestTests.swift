import KasaneApp
import Foundation
import HTTPTypes
import HummingbirdTesting
import KasaneCore
import KasaneServer
import KasaneSQLite
import Testing

@Suite("Requests are bounded, and hostile bodies get a clear 4xx")
struct BoundedRequestTests {
    @Test("The calendar body that stopped the service (issue 7) is a 400 naming the problem")
    func issue7Body() async throws {
        let app = try await DemoApp.make()
        let body = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//x//\nMETHOD:REPLY\nBEGIN:VExample.jVEVENTp\nEND:VEVENT\nEND:VCALENDAR\n"
        try await app.test { client in
            let response = try await client.send(.post, "/api/v1/itip", token: app.member, body: body, contentType: "text/calendar")
            #expect(response.status == .badRequest)
            #expect(try response.error()["message"] as? String == "iCalendarに誤りがあります: 知らない種類の要素があります（BEGIN: の名前を確認してください）。")
            // The service still answers.
            #expect(try await client.send(.get, "/health", token: nil).status == .ok)
        }
    }

    @Test("A body over its kind's limit is a 413 that says the limit; a body within it is read")
    func bodyLimits() async throws {
        let app = try await DemoApp.make()
        let casesBefore = try await app.database.cases(for: .localOperator).count
        try await app.test { client in
            let big = "{\"district\":\"S\",\"fields\":[\"生活困窮\"],\"referringAgencyId\":5,\"summary\":\"" + String(repeating: "あ", count: 30_000) + "\"}"
            let json = try await client.send(.post, "/api/v1/cases", token: app.coordinator, body: big)
            #expect(json.status == .contentTooLarge)
            #expect((try json.error()["message"] as? String)?.contains("64 KB") == true)
            let ics = String(repeating: "X-PAD:" + String(repeating: "a", count: 70) + "\r\n", count: 20_000)
            let calendar = try await client.send(.post, "/api/v1/itip", token: app.member, body: ics, contentType: "text/calendar")
            #expect(calendar.status == .contentTooLarge)
            #expect((try calendar.error()["message"] as? String)?.contains("1 MB") == true)
            // The administrator raises the JSON limit; the same body now reaches validation (400: too long a summary).
            var settings = try await app.database.settings()
            settings.limits = InputLimits(jsonBytes: 256 * 1024)
            let settingsBody = String(decoding: try KasaneJSON.encoder().encode(settings), as: UTF8.self)
            let raised = try await client.send(.put, "/api/v1/settings", token: app.administrator, body: settingsBody)
            #expect(raised.status == .ok)
            let again = try await client.send(.post, "/api/v1/cases", token: app.coordinator, body: big)
            #expect(again.status == .badRequest)
            // A limit outside its safe range is refused, naming it.
            settings.limits = InputLimits(jsonBytes: 10)
            let tooSmall = try await client.send(
                .put, "/api/v1/settings", token: app.administrator, body: String(decoding: try KasaneJSON.encoder().encode(settings), as: UTF8.self))
            #expect(tooSmall.status == .badRequest)
            #expect(try tooSmall.error()["field"] as? String == "limits.jsonBytes")
        }
        #expect(try await app.database.cases(for: .localOperator).count == casesBefore)
        #expect(try await app.database.settings().inputLimits.jsonBytes == 256 * 1024)
    }
}
