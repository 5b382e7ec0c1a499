import Foundation
import HTTPTypes
import HummingbirdTesting
import KasaneApp
import KasaneCore
import KasaneDemo
import KasaneServer
import KasaneSQLite
import Testing

@Suite("HTTP API")
struct APITests {
    @Test("/health answers without a token; /api/v1 needs a valid one")
    func auth() async throws {
        let app = try await DemoApp.make()
        try await app.test { client in
            #expect(try await client.send(.get, "/health", token: nil).status == .ok)
            let none = try await client.send(.get, "/api/v1/agencies", token: nil)
            #expect(none.status == .unauthorized)
            #expect(none.headers[.wwwAuthenticate] != nil)
            #expect(try none.error()["message"] as? String != nil)
            #expect(try await client.send(.get, "/api/v1/agencies", token: "wrong").status == .unauthorized)
            let me = try await client.send(.get, "/api/v1/me", token: app.coordinator)
            #expect(try me.json()["email"] as? String == DemoSeed.coordinatorEmail)
        }
    }

    @Test("A revoked token stops working at once")
    func revoked() async throws {
        let app = try await DemoApp.make()
        let tokens = try await app.database.tokens()
        let memberId = try await app.database.staff(email: DemoSeed.involvedMemberEmail).id!
        try await app.database.revokeToken(id: tokens.first { $0.staffId == memberId }!.id!, by: .localOperator)
        try await app.test { client in
            let response = try await client.send(.get, "/api/v1/me", token: app.member)
            #expect(response.status == .unauthorized)
        }
    }

    @Test("Malformed JSON, a missing field and a wrong type are 400s naming the field; nothing is stored")
    func badJSON() async throws {
        let app = try await DemoApp.make()
        let before = try await app.database.cases(for: .localOperator).count
        try await app.test { client in
            let broken = try await client.send(.post, "/api/v1/cases", token: app.coordinator, body: "{\"district\": ")
            #expect(broken.status == .badRequest)
            #expect((try broken.error()["message"] as? String)?.contains("JSON") == true)
            let missing = try await client.send(.post, "/api/v1/cases", token: app.coordinator, body: #"{"district":"N","summary":"x"}"#)
            #expect(missing.status == .badRequest)
            #expect(try missing.error()["field"] as? String == "fields")
            let wrongType = try await client.send(
                .post, "/api/v1/cases", token: app.coordinator, body: #"{"district":"N","fields":["介護・高齢"],"summary":"x","leadAgencyId":"三"}"#)
            #expect(try wrongType.error()["field"] as? String == "leadAgencyId")
            let badDate = try await client.send(
                .post, "/api/v1/cases", token: app.coordinator, body: #"{"receivedOn":"2026-02-30","district":"N","fields":["介護・高齢"],"summary":"x"}"#)
            #expect(try badDate.error()["field"] as? String == "receivedOn")
            let empty = try await client.send(.post, "/api/v1/cases", token: app.coordinator, body: "")
            #expect(empty.status == .badRequest)
        }
        #expect(try await app.database.cases(for: .localOperator).count == before)
    }

    @Test("Unknown ids are 404s; a forbidden action is a 403; a duplicate is a 409")
    func statuses() async throws {
        let app = try await DemoApp.make()
        try await app.test { client in
            #expect(try await client.send(.get, "/api/v1/cases/99999", token: app.coordinator).status == .notFound)
            #expect(try await client.send(.get, "/api/v1/cases/abc", token: app.coordinator).status == .notFound)
            #expect(try await client.send(.get, "/api/v1/agencies/99999", token: app.coordinator).status == .notFound)
            let forbidden = try await client.send(
                .post, "/api/v1/cases", token: app.administrator, body: #"{"district":"N","fields":["介護・高齢"],"summary":"x"}"#)
            #expect(forbidden.status == .forbidden)
            let agency = #"{"code":"HK-N","name":"重複","kind":"種別","fields":["介護・高齢"],"operation":"direct","department":"課"}"#
            let duplicate = try await client.send(.post, "/api/v1/agencies", token: app.administrator, body: agency)
            #expect(duplicate.status == .conflict)
            #expect((try duplicate.error()["message"] as? String)?.contains("HK-N") == true)
        }
    }

    @Test("A member of another agency gets a 404 for the 8050 case, the involved member its data")
    func needToKnow() async throws {
        let app = try await DemoApp.make()
        let id = app.seed.eightyFiftyCaseId
        try await app.test { client in
            let outsider = try await client.send(.get, "/api/v1/cases/\(id)", token: app.outsider)
            #expect(outsider.status == .notFound)
            #expect(!outsider.text.contains("K-2026-001"))
            let list = try await client.send(.get, "/api/v1/cases", token: app.outsider)
            #expect(!(try list.jsonArray()).contains { $0["id"] as? Int64 == id })
            let household = try await client.send(.get, "/api/v1/cases/\(id)/household", token: app.member)
            let memberId = (try household.jsonArray()).first { $0["relation"] as? String == "本人" }!["id"] as! Int
            let personal = try await client.send(.get, "/api/v1/cases/\(id)/household/\(memberId)/personal", token: app.member)
            #expect(try personal.json()["name"] as? String == "南野 浩二")
            let secretariat = try await client.send(.get, "/api/v1/cases/\(id)/household/\(memberId)/personal", token: app.secretariat)
            #expect(secretariat.status == .forbidden)
            #expect(try await client.send(.get, "/api/v1/cases/\(id)", token: app.administrator).status == .notFound)
        }
    }

    @Test("CSV import through the API: bad rows refused whole with their numbers; a good file imported")
    func importCSV() async throws {
        let app = try await DemoApp.make()
        let before = try await app.database.agencies().count
        let bad = "\u{FEFF}機関コード,機関名,種別,分野,地区,運営,所管課\r\nNEW1,新機関,種別,障害,,委託,課\r\nNEW2,,種別,障害,,委託,課\r\nNEW3,機関,種別,障害,ZZ,委託,課\r\n"
        try await app.test { client in
            let refused = try await client.send(.post, "/api/v1/import/agencies", token: app.administrator, body: bad, contentType: "text/csv")
            #expect(refused.status == .badRequest)
            let rows = try refused.error()["rows"] as? [[String: Any]] ?? []
            #expect(rows.compactMap { $0["row"] as? Int } == [3, 4])
            let good = "機関コード,機関名,種別,分野,地区,運営,所管課\r\nNEW1,新機関,種別,障害,,委託,課\r\n"
            let forbidden = try await client.send(.post, "/api/v1/import/agencies", token: app.coordinator, body: good, contentType: "text/csv")
            #expect(forbidden.status == .forbidden)
            let ok = try await client.send(.post, "/api/v1/import/agencies", token: app.administrator, body: good, contentType: "text/csv")
            #expect(ok.status == .ok)
            #expect(try ok.json()["agenciesCreated"] as? Int == 1)
        }
        #expect(try await app.database.agencies().count == before + 1)
    }

    @Test("Consent: record and withdraw through the API; withdrawing twice is a 409")
    func consent() async throws {
        let app = try await DemoApp.make()
        let id = app.seed.caseIds[3]  // the isolated elderly person: no consent yet
        try await app.test { client in
            let household = try await client.send(.get, "/api/v1/cases/\(id)/household", token: app.coordinator)
            let principal = (try household.jsonArray())[0]["id"] as! Int
            let body = #"{"givenByMemberId":\#(principal),"givenOn":"2026-11-20","scope":{"allMeetingMembers":true},"purpose":"情報共有"}"#
            let created = try await client.send(.post, "/api/v1/cases/\(id)/consents", token: app.coordinator, body: body)
            #expect(created.status == .created)
            let consentId = try created.json()["id"] as! Int
            let noScope = #"{"givenByMemberId":\#(principal),"givenOn":"2026-11-20","scope":{},"purpose":"情報共有"}"#
            let refused = try await client.send(.post, "/api/v1/cases/\(id)/consents", token: app.coordinator, body: noScope)
            #expect(refused.status == .badRequest)
            #expect(try refused.error()["field"] as? String == "scope.agencyIds")
            let withdraw = #"{"reason":"本人の申し出"}"#
            let first = try await client.send(.post, "/api/v1/cases/\(id)/consents/\(consentId)/withdrawal", token: app.coordinator, body: withdraw)
            #expect(first.status == .ok)
            let second = try await client.send(.post, "/api/v1/cases/\(id)/consents/\(consentId)/withdrawal", token: app.coordinator, body: withdraw)
            #expect(second.status == .conflict)
        }
        #expect(try await app.database.consents(caseId: id, for: .localOperator).count == 1)
    }

    @Test("Proposals through the API: the 8050 case for both kinds of meeting")
    func proposals() async throws {
        let app = try await DemoApp.make()
        let id = app.seed.eightyFiftyCaseId
        try await app.test { client in
            let ml = try await client.send(
                .post, "/api/v1/proposals", token: app.coordinator, body: #"{"kind":"multiLayered","caseIds":[\#(id)]}"#)
            #expect(ml.status == .created)
            let proposal = try ml.json()["proposal"] as! [String: Any]
            let excluded = proposal["excluded"] as! [[String: Any]]
            #expect(excluded.contains { $0["agencyName"] as? String == "保健センター（精神保健）" })
            let support = try await client.send(
                .post, "/api/v1/proposals", token: app.coordinator, body: #"{"kind":"support","caseIds":[\#(id)]}"#)
            let supportExcluded = (try support.json()["proposal"] as! [String: Any])["excluded"] as! [[String: Any]]
            #expect(supportExcluded.contains { ($0["reason"] as? String)?.contains("守秘義務") == true })
            let badKind = try await client.send(.post, "/api/v1/proposals", token: app.coordinator, body: #"{"kind":"party","caseIds":[1]}"#)
            #expect(try badKind.error()["field"] as? String == "kind")
            let byMember = try await client.send(
                .post, "/api/v1/proposals", token: app.member, body: #"{"kind":"support","caseIds":[\#(id)]}"#)
            #expect(byMember.status == .forbidden)
            let stored = try ml.json()["id"] as! Int
            #expect(try await client.send(.get, "/api/v1/proposals/\(stored)", token: app.coordinator).status == .ok)
        }
    }

    @Test("Settings: anyone reads, only an administrator changes, and bad values are refused")
    func settings() async throws {
        let app = try await DemoApp.make()
        try await app.test { client in
            let current = try await client.send(.get, "/api/v1/settings", token: app.member)
            #expect(try current.json()["multiLayeredMeetingName"] as? String == "まるごと支援会議（重層的支援会議）")
            var body = try current.json()
            body["officeCloses"] = "07:00"
            let data = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
            let refused = try await client.send(.put, "/api/v1/settings", token: app.administrator, body: data)
            #expect(try refused.error()["field"] as? String == "officeCloses")
            body["officeCloses"] = "17:30"
            let ok = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
            #expect(try await client.send(.put, "/api/v1/settings", token: app.coordinator, body: ok).status == .forbidden)
            #expect(try await client.send(.put, "/api/v1/settings", token: app.administrator, body: ok).status == .ok)
        }
        #expect(try await app.database.settings().officeCloses == TimeOfDay("17:30"))
    }
}
