import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KasaneApp
import KasaneCore
import KasaneDemo
import KasaneSQLite
import Testing
import ZIPFoundation

@testable import KasaneServer

/// The demo's held meetings: 支援会議 第1回 (8050 case; 北村 leaves for item 2) and a
/// 重層的支援会議 whose minutes were corrected once.
struct DemoMinutes {
    let support: Int64
    let multi: Int64

    static func find(_ app: DemoApp) async throws -> DemoMinutes {
        let coordinator = Actor.staff(try await app.database.staff(email: DemoSeed.coordinatorEmail))
        // The latest of each kind (the demo's year of history comes before them).
        let held = try await app.database.meetings(for: coordinator).filter { $0.status == .minutesApproved }.sorted { $0.startsAt < $1.startsAt }
        return DemoMinutes(
            support: try #require(held.last { $0.kind == .supportMeeting }).id,
            multi: try #require(held.last { $0.kind == .multiLayeredSupportMeeting }).id)
    }

    /// Every name, kana and address of the demo's household members.
    static func personalStrings(_ db: AppDatabase) async throws -> [String] {
        try await db.reader.read { db in
            try Row.fetchAll(db, sql: "SELECT name, kana, address FROM householdMemberPersonal").flatMap { row in
                [row["name"], row["kana"], row["address"]].compactMap { $0 as String? }.filter { !$0.isEmpty }
            }
        }
    }
}

@Suite("Agendas and minutes over HTTP")
struct MinutesAPITests {
    @Test("A member who left the room for an item gets the attendee's agenda and minutes without it, and an audit line per case")
    func leftTheRoom() async throws {
        let app = try await DemoApp.make()
        let m = try await DemoMinutes.find(app)
        let codes = try await app.database.cases(for: .localOperator).map(\.code)
        try await app.test { client in
            let agenda = try await client.send(.get, "/api/v1/meetings/\(m.support)/agenda?reading=attendee&format=markdown", token: app.member)
            #expect(agenda.status == .ok && agenda.headers[.contentType]?.hasPrefix("text/markdown") == true)
            #expect(agenda.text.contains("（この議題は出席範囲外です）") && agenda.text.contains(codes[0]) && !agenda.text.contains(codes[3]))
            #expect(agenda.headers[.contentDisposition]?.wholeMatch(of: /inline; filename="agenda-support-[0-9]{2}-attendee.md"/) != nil)
            let minutes = try await client.send(.get, "/api/v1/meetings/\(m.support)/minutes", token: app.member)
            let items = try minutes.json()["items"] as? [[String: Any]] ?? []
            #expect(items.count == 2 && items[1]["withheld"] as? Bool == true && items[1]["summary"] == nil)
            #expect((items[0]["summary"] as? String)?.isEmpty == false)
            let html = try await client.send(.get, "/api/v1/meetings/\(m.support)/minutes/document?reading=attendee&format=html", token: app.member)
            #expect(html.status == .ok && html.text.contains("（この議題は出席範囲外です）") && html.text.contains("取扱注意"))
            #expect(html.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("default-src 'none'") == true)
            // Someone who did not attend: as if there were no minutes, and the refusal is logged.
            #expect(try await client.send(.get, "/api/v1/meetings/\(m.support)/minutes", token: app.outsider).status == .notFound)
            #expect(try await client.send(.get, "/api/v1/meetings/\(m.support)/agenda", token: app.outsider).status == .notFound)
        }
        let member = try await app.database.staff(email: DemoSeed.involvedMemberEmail)
        let log = try await app.database.auditLog(AuditFilter(staffId: member.id), for: .localOperator)
        #expect(log.contains { $0.action == "agenda.render.case" && $0.caseCode == codes[0] })
        #expect(log.contains { $0.action == "minutes.read.case" && $0.caseCode == codes[0] })
        #expect(!log.contains { $0.caseCode == codes[3] && $0.action.hasSuffix(".case") })
    }

    @Test("Approved minutes refuse an edit with 409; the secretariat corrects, the chair approves; roles are enforced; bad queries are 400")
    func workflow() async throws {
        let app = try await DemoApp.make()
        let m = try await DemoMinutes.find(app)
        try await app.test { client in
            let edit = #"{"items":[{"itemId":1,"summary":"書き換え"}]}"#
            let refused = try await client.send(.patch, "/api/v1/meetings/\(m.support)/minutes", token: app.secretariat, body: edit)
            let message = try refused.error()["message"] as? String
            #expect(refused.status == .conflict && message?.contains("訂正") == true)
            #expect(try await client.send(.post, "/api/v1/meetings/\(m.support)/minutes/corrections", token: app.coordinator,
                                          body: #"{"reason":"誤記"}"#).status == .forbidden)
            let corrected = try await client.send(.post, "/api/v1/meetings/\(m.support)/minutes/corrections", token: app.secretariat,
                                                  body: #"{"reason":"議題1の要旨の誤記"}"#)
            #expect(corrected.status == .created)
            #expect((try corrected.json()["version"] as? [String: Any])?["version"] as? Int == 2)
            let itemId = ((try corrected.json()["items"] as? [[String: Any]])?.first?["itemId"] as? Int) ?? 0
            let patched = try await client.send(.patch, "/api/v1/meetings/\(m.support)/minutes", token: app.secretariat,
                                                body: #"{"items":[{"itemId":\#(itemId),"summary":"訂正後の要旨"}]}"#)
            #expect(patched.status == .ok)
            #expect(try await client.send(.patch, "/api/v1/meetings/\(m.support)/minutes", token: app.secretariat, body: "{items").status == .badRequest)
            #expect(try await client.send(.post, "/api/v1/meetings/\(m.support)/minutes/approval", token: app.secretariat).status == .forbidden)
            let approved = try await client.send(.post, "/api/v1/meetings/\(m.support)/minutes/approval", token: app.coordinator)
            #expect(approved.status == .ok)
            let verification = try await client.send(.get, "/api/v1/minutes/verification", token: app.secretariat)
            let chains = try verification.jsonArray()
            #expect(chains.allSatisfy { $0["ok"] as? Bool == true } && chains.count >= 2)
            #expect(try await client.send(.get, "/api/v1/minutes/verification", token: app.member).status == .forbidden)
            #expect(try await client.send(.get, "/api/v1/meetings/\(m.support)/agenda?format=docx", token: app.coordinator).status == .badRequest)
            #expect(try await client.send(.get, "/api/v1/meetings/\(m.support)/agenda?reading=all", token: app.coordinator).status == .badRequest)
            #expect(try await client.send(.get, "/api/v1/meetings/\(m.support)/minutes?version=9", token: app.coordinator).status == .notFound)
            #expect(try await client.send(.get, "/api/v1/meetings/99999/minutes", token: app.coordinator).status == .notFound)
        }
    }

    @Test("The year's archive comes back as a zip that verifies; a changed, added or removed file is named")
    func archive() async throws {
        let app = try await DemoApp.make()
        try await app.test { client in
            let fy = LocalDate.today().adding(days: -10).fiscalYear()
            let zip = try await client.send(.post, "/api/v1/archives?fiscalYear=\(fy)", token: app.secretariat)
            #expect(zip.status == .ok && zip.headers[.contentType] == "application/zip")
            #expect(zip.headers[.contentDisposition]?.contains("kasane-archive-FY\(fy).zip") == true)
            let sha = try #require(zip.headers[HTTPField.Name("X-Manifest-SHA256")!])
            let ok = try await client.send(.post, "/api/v1/archives/verification?manifestSHA256=\(sha)", token: app.secretariat, data: zip.data, contentType: "application/zip")
            #expect(try ok.json()["ok"] as? Bool == true)
            // One byte changed inside a stored (deflated) entry makes it unreadable or different; either is named.
            var bad = zip.data
            bad[bad.count / 2] ^= 0xFF
            let tampered = try await client.send(.post, "/api/v1/archives/verification", token: app.secretariat, data: bad, contentType: "application/zip")
            #expect(try tampered.json()["ok"] as? Bool == false)
            let junk = try await client.send(.post, "/api/v1/archives/verification", token: app.secretariat, data: Data("not a zip".utf8), contentType: "application/zip")
            #expect(try junk.json()["ok"] as? Bool == false)
            #expect(try await client.send(.post, "/api/v1/archives?fiscalYear=\(fy)", token: app.member).status == .forbidden)
            #expect(try await client.send(.post, "/api/v1/archives", token: app.secretariat).status == .badRequest)
            // A zip bomb: refused 413 at the city's limit on the expanded size, saying the limit.
            var settings = try await app.database.settings()
            settings.limits = InputLimits(archiveExpandedBytes: 2 * 1024 * 1024)
            try await app.database.updateSettings(settings, by: .localOperator)
            let dir = FileManager.default.temporaryDirectory.appending(path: "kasane-bomb-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let bomb = dir.appending(path: "bomb.zip")
            let archive = try Archive(url: bomb, accessMode: .create)
            let zeros = Data(count: 8 * 1024 * 1024)
            try archive.addEntry(with: "FY2026/zeros.md", type: .file, uncompressedSize: Int64(zeros.count), compressionMethod: .deflate) { p, s in
                zeros.subdata(in: Int(p)..<Int(p) + s)
            }
            let refused = try await client.send(
                .post, "/api/v1/archives/verification", token: app.secretariat, data: try Data(contentsOf: bomb), contentType: "application/zip")
            #expect(refused.status == .contentTooLarge)
            #expect((try refused.error()["message"] as? String)?.contains("2MB") == true)
        }
    }

    @Test("No personal data in any distributed reading, document file name or archive path")
    func noPersonalData() async throws {
        let app = try await DemoApp.make()
        let m = try await DemoMinutes.find(app)
        let forbidden = try await DemoMinutes.personalStrings(app.database)
        #expect(forbidden.count > 20)
        try await app.test { client in
            for id in [m.support, m.multi] {
                for (path, token) in [("agenda", app.coordinator), ("minutes/document", app.coordinator), ("agenda", app.member)] {
                    for format in ["markdown", "html"] {
                        let r = try await client.send(.get, "/api/v1/meetings/\(id)/\(path)?reading=distributed&format=\(format)", token: token)
                        guard r.status == .ok else { continue }
                        for word in forbidden {
                            #expect(!r.text.contains(word), "\(path) \(id) \(format) carries \(word)")
                            #expect(r.headers[.contentDisposition]?.contains(word) != true)
                        }
                    }
                }
            }
        }
    }
}
