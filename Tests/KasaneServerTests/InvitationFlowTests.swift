import Foundation
import HTTPTypes
import HummingbirdTesting
import KasaneCalendar
import KasaneApp
import KasaneCore
import KasaneDemo
import KasaneServer
import KasaneSQLite
import Testing

@Suite("Invitations end to end, read by independent parsers")
struct InvitationFlowTests {
    static let distinctive = HouseholdMemberInput(
        relation: "祖父", name: "鬼瓦 権左衛門", kana: "おにがわら ごんざえもん", birthDate: LocalDate("1938-02-03"), sex: "男性",
        address: "架空県幻町九丁目9番9号", notes: "特記事項ヨウセイ")

    @Test("Request, update, per-attendee cancel, cancel, feed and e-mail: right instant, attendees, SEQUENCE and status; no personal data anywhere")
    func endToEnd() async throws {
        let app = try await DemoApp.make()
        let db = app.database
        let caseA = app.seed.eightyFiftyCaseId, caseB = app.seed.caseIds[1]
        let coordinator = Actor.staff(try await db.staff(email: DemoSeed.coordinatorEmail))
        try await db.addHouseholdMember(caseId: caseB, Self.distinctive, by: coordinator)
        // Every household name, kana, address and note of the demo city must stay inside.
        var forbidden = ["鬼瓦", "権左衛門", "おにがわら", "幻町", "特記事項ヨウセイ"]
        for id in app.seed.caseIds {
            for member in try await db.household(caseId: id, for: .localOperator) {
                let p = try await db.personalData(caseId: id, memberId: member.id!, for: .localOperator)
                forbidden += [p.name, p.kana, p.address].compactMap { $0 }
            }
        }
        let outbox = try IndependentCheck.temporaryDirectory()
        let postman = Postman(database: db, outbox: outbox, from: "kasane@minamino.example.jp")
        let logs = CapturedLogs()
        let start = MeetingAPITests.future(), end = MeetingAPITests.future(hour: 11)
        let removed = try await db.staff(email: "tanaka.rie@minamino.example.jp")
        let member = try await db.staff(email: DemoSeed.involvedMemberEmail)

        let feedText = Box()
        try await app.test(postman: postman, logger: logs.logger()) { client in
            let proposal = try await client.send(
                .post, "/api/v1/proposals", token: app.coordinator, body: #"{"kind":"multiLayered","caseIds":[\#(caseA),\#(caseB)]}"#)
            let pid = try proposal.json()["id"] as! Int
            let created = try await client.send(.post, "/api/v1/meetings", token: app.coordinator, body: """
                {"kind":"multiLayered","startsAt":"\(start)","endsAt":"\(end)","place":"市役所本庁舎 5階 第2会議室","proposalId":\(pid)}
                """)
            let id = try created.json()["id"] as! Int
            // Before the invitations go out, changes send nothing.
            #expect(try await db.unmailedMessages().isEmpty)
            let sent = try await client.send(.post, "/api/v1/meetings/\(id)/invitations", token: app.coordinator)
            #expect(sent.status == .created)
            let again = try await client.send(.post, "/api/v1/meetings/\(id)/invitations", token: app.coordinator)
            #expect(again.status == .conflict)
            let later = MeetingAPITests.future(hour: 13), laterEnd = MeetingAPITests.future(hour: 14)
            let moved = try await client.send(.put, "/api/v1/meetings/\(id)", token: app.coordinator,
                                              body: #"{"startsAt":"\#(later)","endsAt":"\#(laterEnd)"}"#)
            #expect(try moved.json()["sequence"] as? Int == 1)
            let dropped = try await client.send(.delete, "/api/v1/meetings/\(id)/attendees/\(removed.id!)", token: app.coordinator)
            #expect(try dropped.json()["sequence"] as? Int == 2)
            let feed = try await client.send(.post, "/api/v1/me/feed", token: app.member)
            let feedURL = try feed.json()["url"] as! String
            #expect((try feed.json()["webcal"] as? String)?.hasPrefix("webcal://") == true)
            let path = "/feeds/" + feedURL.split(separator: "/").last!
            let cancelled = try await client.send(.post, "/api/v1/meetings/\(id)/cancellation", token: app.coordinator,
                                                  body: #"{"reason":"台風接近のため"}"#)
            #expect(try cancelled.json()["sequence"] as? Int == 3)
            // The member's feed, over HTTP with only the token in the URL.
            let fetched = try await client.send(.get, path, token: nil)
            #expect(fetched.status == .ok)
            #expect(fetched.headers[.contentType]?.hasPrefix("text/calendar") == true)
            feedText.value = fetched.text
            // Renewing the feed stops the old URL.
            _ = try await client.send(.post, "/api/v1/me/feed", token: app.member)
            #expect(try await client.send(.get, path, token: nil).status == .notFound)
            #expect(try await client.send(.get, "/feeds/nonsense.ics", token: nil).status == .notFound)
        }

        // What was sent, per recipient: REQUEST 0 to all, REQUEST 1 to all, CANCEL 2 to the one removed and
        // REQUEST 2 to the rest, CANCEL 3 to all who remained.
        // The meeting this test made: the newest (the demo's own come first).
        let meetingId = try await db.meetings(for: coordinator).map(\.id).max()!
        let messages = try await db.messages(meetingId: meetingId, for: coordinator)
        let attendeesAtEnd = try await db.meetingMaterial(id: meetingId, for: coordinator).attendees.map(\.staffId)
        let removedMessages = messages.filter { $0.staffId == removed.id }
        #expect(removedMessages.map { "\($0.method.rawValue)\($0.sequence)" } == ["REQUEST0", "REQUEST1", "CANCEL2"])
        // The chair is the ORGANIZER: nothing is sent to them as if they were invited.
        let chairId = try await db.meetingMaterial(id: meetingId, for: coordinator).chairId
        #expect(messages.filter { $0.staffId == chairId }.isEmpty)
        for staffId in attendeesAtEnd where staffId != chairId {
            #expect(messages.filter { $0.staffId == staffId }.map { "\($0.method.rawValue)\($0.sequence)" }
                == ["REQUEST0", "REQUEST1", "REQUEST2", "CANCEL3"])
        }

        // Every message as its .ics, and the member's feed, for the independent parser.
        let dir = try IndependentCheck.temporaryDirectory()
        let utc = ISO8601DateFormatter()
        var entries: [[String: Any]] = []
        for message in messages {
            let ics = ICalendarWriter.message(message.invitation, method: message.method)
            #expect(try ICalendarText.restrictionProblems(ics) == [], "\(message.method) \(message.sequence)")
            let file = dir.appendingPathComponent("message-\(message.id!).ics")
            try ics.write(to: file, atomically: true, encoding: .utf8)
            entries.append([
                "file": file.path, "method": message.method.rawValue, "uid": message.invitation.uid, "sequence": message.sequence,
                // An uninvitation (one attendee taken off) carries no STATUS (RFC 5546 3.2.5).
                "status": message.invitation.uninvited == true ? NSNull() : message.method == .cancel ? "CANCELLED" : "CONFIRMED",
                "start_utc": utc.string(from: message.invitation.startsAt), "end_utc": utc.string(from: message.invitation.endsAt),
                "attendees": message.invitation.attendees.map(\.email),
            ])
        }
        #expect(try ICalendarText.restrictionProblems(feedText.value) == [])
        let feedFile = dir.appendingPathComponent("feed.ics")
        try feedText.value.write(to: feedFile, atomically: true, encoding: .utf8)
        // The member's view: only their own meetings (this one, as its last message to them said, and
        // the demo's held 支援会議 they attended).
        let last = messages.last { $0.staffId == member.id }!.invitation
        let ownMeetings = try await db.meetings(for: .staff(member)).filter { $0.status != .planned }.count
        entries.append([
            "file": feedFile.path, "uid": last.uid, "sequence": 3, "status": "CANCELLED", "events": ownMeetings,
            "start_utc": utc.string(from: last.startsAt), "end_utc": utc.string(from: last.endsAt),
            "attendees": last.attendees.map(\.email),
        ])
        let manifest = dir.appendingPathComponent("manifest.json")
        try JSONSerialization.data(withJSONObject: ["files": entries, "forbidden": forbidden]).write(to: manifest)
        let icsOutput = try IndependentCheck.run("check_ics.py", [manifest.path])
        #expect(icsOutput.contains("\(entries.count) files read by icalendar"))

        // The e-mails the postman wrote, read by Python's MIME parser.
        // (The plain notice of the demo's hand-back is in the outbox too; it is no invitation.)
        let all = try FileManager.default.contentsOfDirectory(at: outbox, includingPropertiesForKeys: nil)
        let mails = all.filter { !$0.lastPathComponent.hasPrefix("notice-") }
        #expect(mails.count == messages.count && all.count == messages.count + 1)
        var mailEntries: [[String: Any]] = []
        for mail in mails {
            let id = Int64(mail.deletingPathExtension().lastPathComponent.split(separator: "-").last!)!
            let message = messages.first { $0.id == id }!
            mailEntries.append(["file": mail.path, "method": message.method.rawValue, "to": message.email])
            #expect(mail.lastPathComponent.allSatisfy { $0.isASCII })
        }
        let mailManifest = dir.appendingPathComponent("mail.json")
        try JSONSerialization.data(withJSONObject: ["files": mailEntries, "forbidden": forbidden]).write(to: mailManifest)
        let mimeOutput = try IndependentCheck.run("check_mime.py", [mailManifest.path])
        #expect(mimeOutput.contains("\(mails.count) e-mails parsed"))

        // The checkers have teeth: a file that names someone, or has the wrong SEQUENCE, fails them.
        let leaked = dir.appendingPathComponent("leaked.ics")
        try (try String(contentsOfFile: entries[0]["file"] as! String, encoding: .utf8))
            .replacingOccurrences(of: "第2会議室", with: "鬼瓦宅").write(to: leaked, atomically: true, encoding: .utf8)
        var bad = entries[0]
        bad["file"] = leaked.path
        try JSONSerialization.data(withJSONObject: ["files": [bad], "forbidden": ["鬼瓦"]]).write(to: manifest)
        #expect(try IndependentCheck.run("check_ics.py", [manifest.path], expectFailure: true).contains("personal data"))
        var wrong = entries[0]
        wrong["sequence"] = 9
        try JSONSerialization.data(withJSONObject: ["files": [wrong]]).write(to: manifest)
        #expect(try IndependentCheck.run("check_ics.py", [manifest.path], expectFailure: true).contains("SEQUENCE"))

        // Nor do the logs carry any of it.
        let logText = logs.all.joined(separator: "\n")
        #expect(!logText.isEmpty)
        for word in forbidden { #expect(!logText.contains(word), "log carries \(word)") }
    }

    @Test("The shipped holiday calendar 2020–2035 matches the holidays package from PyPI")
    func holidaysAgainstPyPI() throws {
        let file = IndependentCheck.root.appendingPathComponent("Calendars/japan-holidays-2020-2035.ics")
        let output = try IndependentCheck.run("check_holidays.py", [file.path, "2020", "2035"])
        #expect(output.contains("286 holidays"))
    }
}

final class Box: @unchecked Sendable {
    var value = ""
}
