import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KasaneCore
import KasaneDemo
import KasaneSQLite
import Testing

@testable import KasaneServer

@Suite("Support plans, gaps and figures over HTTP")
struct PlanAPITests {
    @Test("A member reads the plans of cases they may see, and nobody else's; no route changes a plan's state")
    func needToKnow() async throws {
        let app = try await DemoApp.make()
        let id = app.seed.eightyFiftyCaseId
        try await app.test { client in
            let plans = try await client.send(.get, "/api/v1/cases/\(id)/plans", token: app.member)
            #expect(plans.status == .ok)
            let plan = try #require(try plans.jsonArray().first)
            #expect(plan["state"] as? String == "underReview" && plan["caseCode"] as? String != nil)
            #expect(try await client.send(.get, "/api/v1/cases/\(id)/plans", token: app.outsider).status == .notFound)
            #expect(try await client.send(.get, "/api/v1/cases/\(id)/plans", token: app.administrator).status == .notFound)
            // A "state" in the body is not a field of a plan: ignored; and an under-review plan refuses edits.
            let planId = plan["id"] as! Int
            let body = #"{"state":"approved","wishes":"x","goals":[{"term":"long","text":"t","actions":[{"agencyId":3,"what":"w","frequency":"f","period":"p"}]},{"term":"short","text":"t","actions":[{"agencyId":3,"what":"w","frequency":"f","period":"p"}]}],"nextReviewOn":"2099-01-01"}"#
            let put = try await client.send(.put, "/api/v1/plans/\(planId)", token: app.coordinator, body: body)
            #expect(put.status == .conflict)
            let after = try await client.send(.get, "/api/v1/cases/\(id)/plans", token: app.coordinator)
            #expect(try after.jsonArray().first?["state"] as? String == "underReview")
            // A plan naming an agency outside the consent is refused, naming it (case 4 has none: no consent at all).
            let refused = try await client.send(.post, "/api/v1/cases/4/plans", token: app.coordinator, body: body)
            #expect(refused.status == .conflict)
            #expect(try await client.send(.post, "/api/v1/cases/\(id)/plans", token: app.member, body: body).status == .forbidden)
            #expect(try await client.send(.post, "/api/v1/cases/\(id)/plans", token: app.coordinator, body: "{").status == .badRequest)
        }
    }

    @Test("Overdue reviews, gaps and the year's figures for the coordinator and secretariat; the CSV reads in Python's csv")
    func figures() async throws {
        let app = try await DemoApp.make()
        try await app.test { client in
            let overdue = try await client.send(.get, "/api/v1/plans/overdue", token: app.coordinator)
            let first = try #require(try overdue.jsonArray().first)
            #expect((first["daysLeft"] as? Int ?? 0) < 0 && (first["suggestion"] as? String)?.isEmpty == false)
            #expect(try await client.send(.get, "/api/v1/plans/overdue", token: app.member).status == .forbidden)
            let gaps = try await client.send(.get, "/api/v1/gaps", token: app.secretariat)
            #expect(try gaps.jsonArray().count == 2)
            #expect(try await client.send(.get, "/api/v1/gaps?status=studying", token: app.secretariat).jsonArray().count == 1)
            #expect(try await client.send(.get, "/api/v1/gaps?status=nonsense", token: app.secretariat).status == .badRequest)
            let open = try #require(try gaps.jsonArray().first { $0["status"] as? String == "open" }?["id"] as? Int)
            #expect(try await client.send(.put, "/api/v1/gaps/\(open)", token: app.secretariat, body: #"{"status":"project","passedTo":"住宅政策課"}"#).status == .ok)
            #expect(try await client.send(.put, "/api/v1/gaps/\(open)", token: app.secretariat, body: #"{"status":"open"}"#).status == .conflict)

            let year = LocalDate.today().fiscalYear()
            let json = try await client.send(.get, "/api/v1/figures?fiscalYear=\(year)", token: app.secretariat)
            let yearName = try json.json()["fiscalYearName"] as? String
            #expect(json.status == .ok && yearName == JapaneseEra.fiscalYearName(year))
            let csv = try await client.send(.get, "/api/v1/figures.csv?fiscalYear=\(year)", token: app.secretariat)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            let dir = try IndependentCheck.temporaryDirectory()
            try csv.data.write(to: dir.appendingPathComponent("figures.csv"))
            try json.data.write(to: dir.appendingPathComponent("figures.json"))
            let out = try IndependentCheck.run("check_figures_csv.py", [dir.appendingPathComponent("figures.csv").path, dir.appendingPathComponent("figures.json").path])
            #expect(out.contains("ok"))
            #expect(try await client.send(.get, "/api/v1/figures?fiscalYear=\(year)", token: app.member).status == .forbidden)
            #expect(try await client.send(.get, "/api/v1/figures", token: app.secretariat).status == .badRequest)
        }
    }
}
