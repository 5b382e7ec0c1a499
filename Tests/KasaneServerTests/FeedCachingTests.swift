import Foundation
import GRDB
import HTTPTypes
import HummingbirdTesting
import KasaneApp
import KasaneCore
import KasaneDemo
import KasaneServer
import KasaneSQLite
import NIOCore
import Testing

@Suite("Feeds answer calendar clients' polling cheaply")
struct FeedCachingTests {
    @Test("A feed has an ETag and Last-Modified; the same content asked with If-None-Match is 304; a change gives a new tag")
    func etag() async throws {
        let app = try await DemoApp.make()
        let coordinator = Actor.staff(try await app.database.staff(email: DemoSeed.coordinatorEmail))
        let start = ISO8601DateFormatter().date(from: MeetingAPITests.future())!
        let meeting = try await app.database.createMeeting(
            MeetingInput(kind: .supportMeeting, startsAt: start, endsAt: start.addingTimeInterval(3600), place: "会議室"), by: coordinator)
        _ = try await app.database.sendInvitations(meetingId: meeting.id, by: coordinator)
        try await app.test { client in
            let issued = try await client.send(.post, "/api/v1/me/feed", token: app.coordinator)
            let path = "/feeds/" + ((try issued.json()["url"] as? String) ?? "").split(separator: "/").last.map(String.init)!
            let first = try await client.send(.get, path, token: nil)
            #expect(first.status == .ok)
            let tag = try #require(first.headers[.eTag])
            #expect(tag.hasPrefix("W/\""))
            #expect(first.headers[.lastModified]?.hasSuffix("GMT") == true)
            #expect(first.text.contains("BEGIN:VEVENT"))

            var headers: HTTPFields = [.ifNoneMatch: tag]
            let again = try await client.execute(uri: path, method: .get, headers: headers)
            #expect(again.status == .notModified)
            #expect(again.body.readableBytes == 0)
            #expect(again.headers[.eTag] == tag)
            // A strong form of the same tag matches too (weak comparison); another tag does not.
            headers[.ifNoneMatch] = String(tag.dropFirst(2))
            #expect(try await client.execute(uri: path, method: .get, headers: headers).status == .notModified)
            headers[.ifNoneMatch] = "W/\"0000\""
            #expect(try await client.execute(uri: path, method: .get, headers: headers).status == .ok)

            // The meeting moves: the feed changes, and so does its tag.
            _ = try await app.database.updateMeeting(id: meeting.id, MeetingChangeInput(place: "第3会議室"), by: coordinator)
            headers[.ifNoneMatch] = tag
            let changed = try await client.execute(uri: path, method: .get, headers: headers)
            #expect(changed.status == .ok)
            #expect(changed.headers[.eTag] != tag)
            #expect(String(buffer: changed.body).contains("第3会議室"))

            // Served from cache until anything it shows changes, even behind the API's back:
            // a renamed organizer changes the feed at once.
            let cachedTag = try #require(changed.headers[.eTag])
            try await app.database.writer.write { db in
                try db.execute(sql: "UPDATE staff SET name = '相沢 美咲（異動）' WHERE email = ?", arguments: [DemoSeed.coordinatorEmail])
            }
            headers[.ifNoneMatch] = cachedTag
            let renamed = try await client.execute(uri: path, method: .get, headers: headers)
            #expect(renamed.status == .ok)
            #expect(String(buffer: renamed.body).contains("異動"))
        }
        // Every read is audited, the 304s included.
        let reads = try await app.database.auditLog(AuditFilter(), for: .localOperator).filter { $0.action == "feed.read" }
        #expect(reads.count == 6)
    }

    @Test("If-Modified-Since is answered 304 while nothing the feed shows has changed; Last-Modified is when it changed, not when asked")
    func ifModifiedSince() async throws {
        let app = try await DemoApp.make()
        let db = app.database
        let coordinator = Actor.staff(try await db.staff(email: DemoSeed.coordinatorEmail))
        let member = try await db.staff(email: DemoSeed.involvedMemberEmail)
        let proposal = try await db.proposeMembers(ProposalRequest(kind: .multiLayeredSupportMeeting, caseIds: [app.seed.eightyFiftyCaseId]), by: coordinator)
        let start = ISO8601DateFormatter().date(from: MeetingAPITests.future())!
        let meeting = try await db.createMeeting(
            MeetingInput(kind: .multiLayeredSupportMeeting, startsAt: start, endsAt: start.addingTimeInterval(3600), place: "会議室",
                         proposalId: proposal.id), by: coordinator)
        _ = try await db.sendInvitations(meetingId: meeting.id, by: coordinator)
        try await app.test { client in
            let issued = try await client.send(.post, "/api/v1/me/feed", token: app.member)
            let path = "/feeds/" + ((try issued.json()["url"] as? String) ?? "").split(separator: "/").last.map(String.init)!
            let first = try await client.send(.get, path, token: nil)
            let modified = try #require(first.headers[.lastModified])
            // Asked again a second later: the same Last-Modified (the time of the change, not of the request).
            try await Task.sleep(for: .milliseconds(1100))
            #expect(try await client.send(.get, path, token: nil).headers[.lastModified] == modified)
            let since: HTTPFields = [.ifModifiedSince: modified]
            let notModified = try await client.execute(uri: path, method: .get, headers: since)
            #expect(notModified.status == .notModified && notModified.body.readableBytes == 0)
            // An earlier date, a malformed one, or a stale ETag beside it (which then decides): the whole feed.
            #expect(try await client.execute(uri: path, method: .get, headers: [.ifModifiedSince: "Thu, 01 Jan 2015 00:00:00 GMT"]).status == .ok)
            #expect(try await client.execute(uri: path, method: .get, headers: [.ifModifiedSince: "yesterday"]).status == .ok)
            #expect(try await client.execute(uri: path, method: .get, headers: [.ifModifiedSince: modified, .ifNoneMatch: "W/\"0000\""]).status == .ok)

            // The member's own reply is something the feed shows (their PARTSTAT): it changes, with a later date.
            try await Task.sleep(for: .milliseconds(1100))
            let reply = ReplyTests.reply(uid: meeting.uid, email: member.email, partstat: "ACCEPTED", sequence: 0, stamp: "20261124T020000Z")
            #expect(try await client.send(.post, "/api/v1/itip", token: app.member, body: reply, contentType: "text/calendar").status == .ok)
            let changed = try await client.execute(uri: path, method: .get, headers: since)
            #expect(changed.status == .ok)
            let later = try #require(changed.headers[.lastModified])
            #expect(later != modified)
            #expect(try await client.execute(uri: path, method: .get, headers: [.ifModifiedSince: later]).status == .notModified)
            // A change no dated record explains (a colleague renamed) still moves the date on.
            try await db.writer.write { db in
                try db.execute(sql: "UPDATE staff SET name = '相沢 美咲（異動）' WHERE email = ?", arguments: [DemoSeed.coordinatorEmail])
            }
            let renamed = try await client.execute(uri: path, method: .get, headers: [.ifModifiedSince: later])
            #expect(renamed.status == .ok && renamed.headers[.lastModified] != later)
        }
    }
}
