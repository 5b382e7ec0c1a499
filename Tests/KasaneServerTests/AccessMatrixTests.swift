import Foundation
import HTTPTypes
import HummingbirdTesting
import KasaneApp
import KasaneCore
import KasaneDemo
import KasaneServer
import KasaneSQLite
import Testing

/// DOMAIN rule 4 over every endpoint that returns case data or meeting material.
@Suite("Need-to-know access matrix")
struct AccessMatrixTests {
    enum Who: String, CaseIterable {
        case outsider            // member of an agency neither involved nor attending
        case otherItem           // attends the meeting, for the other case's item only
        case leftRoom            // attends every item but leaves the room for this case
        case hearing             // attends this case's item (consent covers them), agency not involved
        case coordinator, secretariat, administrator
    }

    @Test("Each person gets exactly what rule 4 allows, and every attempt is in the audit log")
    func matrix() async throws {
        let app = try await DemoApp.make()
        let db = app.database
        let caseA = app.seed.caseIds[1]  // ダブルケア, consent for every member
        let caseB = app.seed.caseIds[5]  // 若年のひきこもり, consent for every member
        let coordinator = Actor.staff(try await db.staff(email: DemoSeed.coordinatorEmail))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .tokyo
        let start = calendar.date(byAdding: .day, value: 10, to: calendar.startOfDay(for: Date()))!.addingTimeInterval(36000)
        let meeting = try await db.createMeeting(
            MeetingInput(kind: .multiLayeredSupportMeeting, startsAt: start, endsAt: start.addingTimeInterval(3600), place: "第2会議室",
                         items: [AgendaItemInput(caseId: caseA, purpose: .planReview), AgendaItemInput(caseId: caseB, purpose: .planReview)]),
            by: coordinator)
        let itemA = meeting.items[0].id, itemB = meeting.items[1].id

        func staffToken(_ local: String, _ attendee: ((Int64) -> AttendeeInput)?) async throws -> (Int64, String) {
            let staff = try await db.staff(email: local + "@minamino.example.jp")
            if let attendee { _ = try await db.addAttendee(meetingId: meeting.id, attendee(staff.id!), by: coordinator) }
            return (staff.id!, try await db.issueToken(staffId: staff.id!, label: "test", by: .localOperator).token)
        }
        var t: [Who: (Int64, String)] = [:]
        t[.otherItem] = try await staffToken("hikita.jun") { AttendeeInput(staffId: $0, itemIds: [itemB]) }
        t[.leftRoom] = try await staffToken("sakai.nanami") { AttendeeInput(staffId: $0, leavesFor: [itemA]) }
        t[.hearing] = try await staffToken("hosaka.yuki") { AttendeeInput(staffId: $0, itemIds: [itemA]) }
        t[.outsider] = try await staffToken("kodama.mai", nil)
        t[.coordinator] = try await staffToken("aizawa.misaki", nil)
        t[.secretariat] = try await staffToken("sasaki.yoko", nil)
        t[.administrator] = try await staffToken("inoue.makoto", nil)
        let tokens = t
        let principal = try await db.household(caseId: caseA, for: coordinator).first { $0.isPrincipal }!.id!

        let endpoints = [
            "/api/v1/cases/\(caseA)", "/api/v1/cases/\(caseA)/household", "/api/v1/cases/\(caseA)/household/\(principal)/personal",
            "/api/v1/cases/\(caseA)/consents", "/api/v1/cases/\(caseA)/assignments",
        ]
        // Expected status for the five case endpoints, in order, and for the meeting (nil: 404), and whether item A shows.
        let expected: [Who: (cases: [Int], meeting: Int, seesItemA: Bool)] = [
            .outsider: ([404, 404, 404, 404, 404], 404, false),
            .otherItem: ([404, 404, 404, 404, 404], 200, false),
            .leftRoom: ([404, 404, 404, 404, 404], 200, false),
            .hearing: ([200, 200, 200, 200, 200], 200, true),
            .coordinator: ([200, 200, 200, 200, 200], 200, true),
            .secretariat: ([200, 200, 403, 200, 200], 200, true),
            .administrator: ([404, 404, 404, 404, 404], 404, false),
        ]

        try await app.test { client in
            for who in Who.allCases {
                let (staffId, token) = tokens[who]!
                let want = expected[who]!
                for (path, status) in zip(endpoints + ["/api/v1/meetings/\(meeting.id)"], want.cases + [want.meeting]) {
                    let before = try await db.auditLog(AuditFilter(staffId: staffId), for: .localOperator).first?.id ?? 0
                    let response = try await client.send(.get, path, token: token)
                    #expect(Int(response.status.code) == status, "\(who) \(path)")
                    if status != 200 {
                        #expect(!response.text.contains("東條"), "\(who) \(path) leaks a name")
                        #expect(!response.text.contains("K-2026-002"), "\(who) \(path) hints at the case")
                    }
                    // Every attempt leaves a trace, allowed or refused.
                    let latest = try await db.auditLog(AuditFilter(staffId: staffId, limit: 1), for: .localOperator).first
                    #expect((latest?.id ?? 0) > before, "\(who) \(path) not audited")
                    #expect(latest?.allowed == (status == 200), "\(who) \(path) audited wrongly")
                }
                let material = try await client.send(.get, "/api/v1/meetings/\(meeting.id)", token: token)
                if want.meeting == 200 {
                    let items = try material.json()["items"] as! [[String: Any]]
                    let a = items.first { $0["id"] as? Int64 == itemA || ($0["id"] as? Int).map(Int64.init) == itemA }!
                    #expect((a["withheld"] as? Bool) == !want.seesItemA, "\(who) item A")
                    #expect((a["caseCode"] != nil) == want.seesItemA, "\(who) item A code")
                }
            }
        }
    }
}
