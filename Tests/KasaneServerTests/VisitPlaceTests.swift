import Foundation
import HTTPTypes
import HummingbirdTesting
import KasaneApp
import KasaneCore
import KasaneDemo
import KasaneServer
import KasaneSQLite
import Testing

@Suite("A meeting at a household's home: what travels says 訪問（事例番号）, the address only to those entitled")
struct VisitPlaceTests {
    @Test("A visit travels as 訪問（事例番号） in invitations, feeds and e-mails; its address is read apart, audited, by those entitled")
    func visit() async throws {
        let app = try await DemoApp.make()
        let db = app.database
        let caseId = app.seed.eightyFiftyCaseId
        let code = try await db.supportCase(id: caseId, for: .localOperator).code
        let outbox = try IndependentCheck.temporaryDirectory()
        let postman = Postman(database: db, outbox: outbox, from: "kasane@minamino.example.jp")
        let start = MeetingAPITests.future(), end = MeetingAPITests.future(hour: 11)
        try await app.test(postman: postman) { client in
            let proposal = try await client.send(
                .post, "/api/v1/proposals", token: app.coordinator, body: #"{"kind":"multiLayered","caseIds":[\#(caseId)]}"#)
            let pid = try proposal.json()["id"] as! Int
            let before = try await db.meetings(for: .localOperator).count
            // Free words that name the household or carry its address are refused, saying what to use instead.
            for place in ["南野様宅", "みなみ野市北町一丁目2番3号", "ミナミノさんの家", "北町１丁目２番３号", "本人の自宅"] {
                let refused = try await client.send(.post, "/api/v1/meetings", token: app.coordinator, body: """
                    {"kind":"multiLayered","startsAt":"\(start)","endsAt":"\(end)","place":"\(place)","proposalId":\(pid)}
                    """)
                #expect(refused.status == .badRequest, "\(place)")
                #expect(try refused.error()["field"] as? String == "place")
                #expect((try refused.error()["message"] as? String)?.contains("「訪問」") == true)
            }
            // A visit names a case on the agenda and books no room.
            let elsewhere = try await client.send(.post, "/api/v1/meetings", token: app.coordinator, body: """
                {"kind":"multiLayered","startsAt":"\(start)","endsAt":"\(end)","place":"","placeKind":"visit","visitCaseId":\(app.seed.caseIds[2]),"proposalId":\(pid)}
                """)
            #expect(try elsewhere.error()["field"] as? String == "visitCaseId")
            let room = try await db.rooms().first!.id!
            let roomed = try await client.send(.post, "/api/v1/meetings", token: app.coordinator, body: """
                {"kind":"multiLayered","startsAt":"\(start)","endsAt":"\(end)","place":"","placeKind":"visit","visitCaseId":\(caseId),"roomId":\(room),"proposalId":\(pid)}
                """)
            #expect(try roomed.error()["field"] as? String == "roomId")
            #expect(try await db.meetings(for: .localOperator).count == before)

            let created = try await client.send(.post, "/api/v1/meetings", token: app.coordinator, body: """
                {"kind":"multiLayered","startsAt":"\(start)","endsAt":"\(end)","place":"","placeKind":"visit","visitCaseId":\(caseId),"proposalId":\(pid)}
                """)
            #expect(created.status == .created)
            let meeting = try created.json()
            let id = meeting["id"] as! Int
            #expect(meeting["place"] as? String == "訪問（\(code)）")
            #expect(meeting["placeKind"] as? String == "visit")
            _ = try await client.send(.post, "/api/v1/meetings/\(id)/invitations", token: app.coordinator)

            // The address: to the coordinator and the involved member, audited; not to an outsider.
            let read = try await client.send(.get, "/api/v1/meetings/\(id)/visit", token: app.coordinator)
            #expect(read.status == .ok)
            #expect(try read.json()["address"] as? String == "みなみ野市北町一丁目2番3号")
            #expect(try read.json()["caseCode"] as? String == code)
            #expect(try await client.send(.get, "/api/v1/meetings/\(id)/visit", token: app.member).status == .ok)
            #expect(try await client.send(.get, "/api/v1/meetings/\(id)/visit", token: app.outsider).status == .notFound)
            let log = try await db.auditLog(AuditFilter(action: "personal.read"), for: .localOperator)
                .filter { $0.target == "meeting:\(id)/visit" }
            #expect(log.filter(\.allowed).count == 2 && log.filter { !$0.allowed }.count == 1)
            #expect(log.allSatisfy { $0.caseCode == code || !$0.allowed })

            // A room meeting has no visit address.
            let moved = try await client.send(.put, "/api/v1/meetings/\(id)", token: app.coordinator,
                                              body: #"{"placeKind":"room","place":"市役所本庁舎 5階 第2会議室"}"#)
            let movedPlace = try moved.json()["place"] as? String
            #expect(moved.status == .ok && movedPlace == "市役所本庁舎 5階 第2会議室")
            #expect(try await client.send(.get, "/api/v1/meetings/\(id)/visit", token: app.coordinator).status == .notFound)
            let back = try await client.send(.put, "/api/v1/meetings/\(id)", token: app.coordinator,
                                             body: #"{"placeKind":"visit","visitCaseId":\#(caseId)}"#)
            #expect(try back.json()["place"] as? String == "訪問（\(code)）")
            // The member's feed says the phrase, never the address.
            let feed = try await client.send(.post, "/api/v1/me/feed", token: app.member)
            let path = "/feeds/" + (try feed.json()["url"] as! String).split(separator: "/").last!
            let text = try await client.send(.get, path, token: nil).text
            #expect(text.contains("LOCATION:訪問（\(code)）"))
            #expect(!text.contains("北町") && !text.contains("南野"))
        }
        // Every e-mail written: the phrase, no address, no name, in the file names too.
        let files = try FileManager.default.contentsOfDirectory(atPath: outbox.path)
        #expect(!files.isEmpty)
        var phrased = 0
        for file in files {
            let decoded = try Self.decoded(outbox.appendingPathComponent(file))
            if decoded.contains("場所: 訪問（\(code)）") && decoded.contains("LOCATION:訪問（\(code)）") { phrased += 1 }
            for word in ["北町", "一丁目", "南野", "みなみの", "ミナミノ"] {
                #expect(!decoded.contains(word) && !file.contains(word), "\(file): \(word)")
            }
        }
        // The first invitations (to the room and back: every attendee twice more).
        #expect(phrased >= 2 * 3)
    }

    /// An e-mail with each base64 body part decoded, and its headers as written.
    static func decoded(_ file: URL) throws -> String {
        var text = "", block = ""
        for line in try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\r\n") {
            if !line.isEmpty, line.count <= 76, Data(base64Encoded: line) != nil {
                block += line
            } else {
                text += String(decoding: Data(base64Encoded: block) ?? Data(), as: UTF8.self) + line + "\n"
                block = ""
            }
        }
        return text + String(decoding: Data(base64Encoded: block) ?? Data(), as: UTF8.self)
    }

    @Test("The coordinator sets a visit on the meeting page; a place naming the household is refused beside the field, the input kept")
    func pages() async throws {
        let app = try await DemoApp.make()
        let db = app.database
        let caseId = app.seed.eightyFiftyCaseId
        let code = try await db.supportCase(id: caseId, for: .localOperator).code
        let coordinator = Actor.staff(try await db.staff(email: DemoSeed.coordinatorEmail))
        let proposal = try await db.proposeMembers(ProposalRequest(kind: .multiLayeredSupportMeeting, caseIds: [caseId]), by: coordinator)
        let start = try #require(ISO8601DateFormatter().date(from: MeetingAPITests.future()))
        let meeting = try await db.createMeeting(
            MeetingInput(kind: .multiLayeredSupportMeeting, startsAt: start, endsAt: start.addingTimeInterval(3600),
                         place: "市役所本庁舎 5階 第2会議室", proposalId: proposal.id),
            by: coordinator)
        let cookies = try await app.signedIn([DemoSeed.coordinatorEmail, DemoSeed.outsideMemberEmail])
        try await app.test { client in
            let c = cookies[DemoSeed.coordinatorEmail]
            let page = try await client.page("/meetings/\(meeting.id)", cookie: c)
            #expect(page.text.contains("場所を変更"))
            let form = try await client.page("/meetings/\(meeting.id)/place", cookie: c)
            #expect(form.status == .ok && form.text.contains(code))
            let csrf = csrfToken(form)
            let refused = try await client.form(
                "/meetings/\(meeting.id)/place", ["csrf": csrf, "placeKind": "room", "place": "南野様宅"], cookie: c)
            #expect(refused.status == .badRequest && refused.text.contains("place-error") && refused.text.contains("value=\"南野様宅\""))
            #expect(try await db.meetingMaterial(id: meeting.id, for: coordinator).place == "市役所本庁舎 5階 第2会議室")
            let saved = try await client.form(
                "/meetings/\(meeting.id)/place", ["csrf": csrf, "placeKind": "visit", "visitCaseId": "\(caseId)"], cookie: c)
            #expect(saved.status == .seeOther)
            let after = try await client.page("/meetings/\(meeting.id)", cookie: c)
            #expect(after.text.contains("訪問（\(code)）") && after.text.contains("訪問先の住所を見る") && !after.text.contains("北町"))
            let visit = try await client.page("/meetings/\(meeting.id)/visit", cookie: c)
            #expect(visit.status == .ok && visit.text.contains("みなみ野市北町一丁目2番3号") && visit.text.contains("監査ログ"))
            let outsider = try await client.page("/meetings/\(meeting.id)/visit", cookie: cookies[DemoSeed.outsideMemberEmail])
            #expect(outsider.status == .notFound && !outsider.text.contains("北町"))
        }
    }
}
