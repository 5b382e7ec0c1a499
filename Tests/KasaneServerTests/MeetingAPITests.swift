import Foundation
import HTTPTypes
import HummingbirdTesting
import KasaneApp
import KasaneCore
import KasaneDemo
import KasaneServer
import KasaneSQLite
import Testing

@Suite("Meetings and the audit log over HTTP")
struct MeetingAPITests {
    /// Ten days from now, 10:00 in Japan, as the API takes it.
    static func future(hour: Int = 10) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .tokyo
        let day = calendar.date(byAdding: .day, value: 10, to: Date())!
        let c = calendar.dateComponents([.year, .month, .day], from: day)
        return String(format: "%04d-%02d-%02dT%02d:00:00+09:00", c.year!, c.month!, c.day!, hour)
    }

    @Test("A coordinator creates a meeting from a proposal; the rules refuse with 409 and the reason; nothing is half-stored")
    func createFromProposal() async throws {
        let app = try await DemoApp.make()
        let id = app.seed.eightyFiftyCaseId
        try await app.test { client in
            let proposal = try await client.send(
                .post, "/api/v1/proposals", token: app.coordinator, body: #"{"kind":"multiLayered","caseIds":[\#(id)]}"#)
            let proposalId = try proposal.json()["id"] as! Int
            let body = #"{"kind":"multiLayered","startsAt":"\#(Self.future())","endsAt":"\#(Self.future(hour: 11))","place":"第2会議室","proposalId":\#(proposalId)}"#
            let created = try await client.send(.post, "/api/v1/meetings", token: app.coordinator, body: body)
            #expect(created.status == .created)
            let meeting = try created.json()
            // Numbered after the demo's held meeting of the year; the title names no one.
            #expect((meeting["title"] as? String)?.wholeMatch(of: /まるごと支援会議（重層的支援会議） 第[0-9]+回/) != nil)
            #expect((meeting["startsAt"] as? String)?.hasSuffix("+09:00") == true)
            let meetingId = meeting["id"] as! Int
            let itemId = (meeting["items"] as! [[String: Any]])[0]["id"] as! Int
            // 保健センター is outside the 8050 consent.
            let hoken = try await app.database.staff(email: "hosaka.yuki@minamino.example.jp").id!
            let refused = try await client.send(
                .post, "/api/v1/meetings/\(meetingId)/attendees", token: app.coordinator, body: #"{"staffId":\#(hoken),"itemIds":[\#(itemId)]}"#)
            #expect(refused.status == .conflict)
            #expect((try refused.error()["message"] as? String)?.contains("保健センター（精神保健）") == true)
            let after = try await client.send(.get, "/api/v1/meetings/\(meetingId)", token: app.coordinator)
            #expect(!((try after.json()["attendees"] as! [[String: Any]]).contains { $0["staffId"] as? Int == Int(hoken) }))
            // A member may not change meetings; a bad date is a 400 naming the field.
            let byMember = try await client.send(.put, "/api/v1/meetings/\(meetingId)", token: app.member, body: #"{"place":"別室"}"#)
            #expect(byMember.status == .forbidden)
            let badDate = try await client.send(.put, "/api/v1/meetings/\(meetingId)", token: app.coordinator, body: #"{"startsAt":"来週"}"#)
            #expect(try badDate.error()["field"] as? String == "startsAt")
            let cancelled = try await client.send(
                .post, "/api/v1/meetings/\(meetingId)/cancellation", token: app.coordinator, body: #"{"reason":"台風接近のため"}"#)
            #expect(try cancelled.json()["status"] as? String == "cancelled")
            let again = try await client.send(.post, "/api/v1/meetings/\(meetingId)/items", token: app.coordinator, body: #"{"purpose":"socialResources"}"#)
            #expect(again.status == .conflict)
        }
    }

    @Test("The audit log over HTTP: administrators only, filters, CSV; a bad token is logged too")
    func auditEndpoints() async throws {
        let app = try await DemoApp.make()
        try await app.test { client in
            _ = try await client.send(.get, "/api/v1/cases/\(app.seed.eightyFiftyCaseId)", token: app.outsider)
            _ = try await client.send(.get, "/api/v1/cases", token: "not-a-token")
            #expect(try await client.send(.get, "/api/v1/audit", token: app.coordinator).status == .forbidden)
            let refusals = try await client.send(.get, "/api/v1/audit?refusalsOnly=true", token: app.administrator)
            let rows = try refusals.jsonArray()
            #expect(rows.contains { $0["action"] as? String == "case.read" && $0["caseCode"] as? String == "K-2026-001" })
            #expect(rows.contains { $0["action"] as? String == "auth" && $0["staffId"] == nil })
            #expect(rows.allSatisfy { $0["allowed"] as? Bool == false })
            let bad = try await client.send(.get, "/api/v1/audit?from=昨日", token: app.administrator)
            #expect(try bad.error()["field"] as? String == "from")
            let csv = try await client.send(.get, "/api/v1/audit.csv?caseCode=K-2026-001", token: app.administrator)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.text.contains("case.read"))
            #expect(!csv.text.contains("南野"))
        }
    }
}
