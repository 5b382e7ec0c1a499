import Foundation
import GRDB
import KasaneDemo
import KasaneSQLite
import Testing

/// Each rule the SQLite database enforces, tried past the application on the demo city:
/// the listed rules are exactly the database's triggers, and each one refuses with its message.
@Suite("The database's own rules")
struct DatabaseRulesTests {
    /// A copy of one row as a new INSERT, with some columns replaced (SQL expressions over the row).
    static func copy(_ table: String, where condition: String, set overrides: [String: String]) -> @Sendable (Database) throws -> Void {
        { db in
            let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { $0["name"] as String }
            let values = columns.map { overrides[$0] ?? "\"\($0)\"" }
            let names = columns.map { "\"\($0)\"" }
            try db.execute(sql: "INSERT INTO \(table) (\(names.joined(separator: ", "))) SELECT \(values.joined(separator: ", ")) FROM \(table) WHERE \(condition) LIMIT 1")
        }
    }

    static func sql(_ text: String) -> @Sendable (Database) throws -> Void { { db in try db.execute(sql: text) } }

    static let approvedText = "rowid = (SELECT MIN(t.rowid) FROM minutesText t JOIN minutesVersion v ON v.id = t.versionId WHERE v.approvedAt IS NOT NULL AND t.body IS NOT NULL)"
    static let roomMeeting = "(SELECT MIN(id) FROM meeting WHERE roomId IS NOT NULL AND status != 'cancelled' AND roomId IN (SELECT id FROM room WHERE online = 0))"

    /// One statement per rule that breaks it.
    static let violations: [String: @Sendable (Database) throws -> Void] = [
        "agency_default_contact_check": sql("UPDATE agency SET defaultContactId = (SELECT MIN(s.id) FROM staff s WHERE s.agencyId != agency.id) WHERE id = (SELECT MIN(id) FROM agency)"),
        "pledge_no_update": sql("UPDATE pledge SET rowid = rowid WHERE rowid = (SELECT MIN(rowid) FROM pledge)"),
        "pledge_no_delete": sql("DELETE FROM pledge WHERE rowid = (SELECT MIN(rowid) FROM pledge)"),
        "consent_history_kept": sql("UPDATE consent SET purpose = purpose || '（改）' WHERE id = (SELECT MIN(id) FROM consent WHERE withdrawnOn IS NULL)"),
        "consent_no_delete": sql("DELETE FROM consent WHERE id = (SELECT MIN(id) FROM consent)"),
        "meeting_uid_fixed": sql("UPDATE meeting SET uid = 'other@kasane' WHERE id = (SELECT MIN(id) FROM meeting)"),
        "meeting_sequence_forward": sql("UPDATE meeting SET sequence = sequence - 1 WHERE id = (SELECT MIN(id) FROM meeting WHERE sequence > 0)"),
        "meeting_room_insert": copy("meeting", where: "id = \(roomMeeting)", set: ["id": "NULL", "uid": "'copy@kasane'", "number": "number + 1000"]),
        "meeting_room_update": sql("""
            UPDATE meeting SET (roomId, startsAt, endsAt, placeKind, visitCaseId) =
              (SELECT roomId, startsAt, endsAt, placeKind, visitCaseId FROM meeting WHERE id = \(roomMeeting))
            WHERE id = (SELECT MIN(id) FROM meeting WHERE status != 'cancelled' AND id != \(roomMeeting))
            """),
        "meeting_visit_insert": copy("meeting", where: "id = (SELECT MIN(id) FROM meeting)", set: ["id": "NULL", "uid": "'visit@kasane'", "number": "number + 1000", "placeKind": "'visit'", "visitCaseId": "NULL", "roomId": "NULL"]),
        "meeting_visit_update": sql("UPDATE meeting SET placeKind = 'visit', visitCaseId = NULL WHERE id = (SELECT MIN(id) FROM meeting)"),
        "auditLog_no_update": sql("UPDATE auditLog SET allowed = 1 - allowed WHERE id = 10"),
        "auditLog_no_delete": sql("DELETE FROM auditLog WHERE id = 10"),
        "auditLog_appended": copy("auditLog", where: "id = 10", set: ["id": "(SELECT MAX(id) FROM auditLog) + 1"]),
        "minutesVersion_locked": sql("UPDATE minutesVersion SET reason = 'x' WHERE id = (SELECT MIN(id) FROM minutesVersion WHERE approvedAt IS NOT NULL)"),
        "minutesVersion_kept": sql("DELETE FROM minutesVersion WHERE id = (SELECT MIN(id) FROM minutesVersion WHERE approvedAt IS NOT NULL)"),
        "minutesText_locked": sql("UPDATE minutesText SET hash = 'x' WHERE \(approvedText)"),
        "minutesText_kept": sql("DELETE FROM minutesText WHERE \(approvedText)"),
        "minutesText_closed": copy("minutesText", where: approvedText, set: ["itemId": "itemId + 100000"]),
        "minutesText_erasure_due": sql("UPDATE minutesText SET body = NULL, erasedAt = CURRENT_TIMESTAMP WHERE \(approvedText)"),
        "supportPlan_born_draft": copy("supportPlan", where: "id = (SELECT MIN(id) FROM supportPlan)", set: ["id": "NULL", "version": "version + 100", "state": "'approved'"]),
        "supportPlan_content_fixed": sql("UPDATE supportPlan SET content = content || ' ' WHERE id = (SELECT MIN(id) FROM supportPlan WHERE state != 'draft')"),
        "supportPlan_state_recorded": sql("UPDATE supportPlan SET state = CASE state WHEN 'terminated' THEN 'inProgress' ELSE 'terminated' END WHERE id = (SELECT MIN(id) FROM supportPlan WHERE state != 'draft')"),
        "supportPlan_kept": sql("DELETE FROM supportPlan WHERE id = (SELECT MIN(id) FROM supportPlan)"),
        "planTransition_allowed": copy("planTransition", where: "id = (SELECT MIN(id) FROM planTransition)", set: ["id": "NULL", "fromState": "'draft'", "toState": "'inProgress'"]),
        "planTransition_decided": copy("planTransition", where: "id = (SELECT MIN(id) FROM planTransition)", set: ["id": "NULL", "fromState": "'underReview'", "toState": "'approved'", "minutesVersionId": "NULL"]),
        "planTransition_no_update": sql("UPDATE planTransition SET reason = 'x' WHERE id = (SELECT MIN(id) FROM planTransition)"),
        "planTransition_no_delete": sql("DELETE FROM planTransition WHERE id = (SELECT MIN(id) FROM planTransition)"),
        "planEvent_no_change": sql("UPDATE planEvent SET rowid = rowid WHERE rowid = (SELECT MIN(rowid) FROM planEvent)"),
        "caseReferral_no_update": sql("UPDATE caseReferral SET reopening = 1 - reopening WHERE rowid = (SELECT MIN(rowid) FROM caseReferral)"),
        "caseReferral_no_delete": sql("DELETE FROM caseReferral WHERE rowid = (SELECT MIN(rowid) FROM caseReferral)"),
        "roleGrant_decided_once": sql("UPDATE roleGrant SET status = 'approved', decidedBy = requestedBy, decidedAt = CURRENT_TIMESTAMP WHERE id = (SELECT MIN(id) FROM roleGrant)"),
        "roleGrant_kept": sql("DELETE FROM roleGrant WHERE id = (SELECT MIN(id) FROM roleGrant)"),
    ]

    @Test("The listed rules are exactly the database's triggers, each with a statement that breaks it")
    func listed() async throws {
        let db = try AppDatabase.inMemory()
        let triggers = try await db.reader.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'") }
        let refusing = Set(triggers.filter { name in !DatabaseRule.bookkeepingPrefixes.contains { name.hasPrefix($0) } })
        #expect(refusing == Set(DatabaseRule.sqlite.map(\.trigger)))
        #expect(Set(Self.violations.keys) == Set(DatabaseRule.sqlite.map(\.trigger)))
    }

    @Test("Each rule refuses, with its own message, a write that breaks it past the application; the data stays as it was")
    func eachRefuses() async throws {
        let db = try AppDatabase.inMemory()
        _ = try await db.seedDemo()
        // A pending role request, so that the role-grant rules have a row to guard.
        try await db.writer.write { db in
            try db.execute(sql: """
                INSERT INTO roleGrant (staffId, role, requestedBy, requestedAt, status)
                SELECT MIN(id), 'secretariat', MAX(id), CURRENT_TIMESTAMP, 'pending' FROM staff
                """)
        }
        let before = try await db.reader.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM auditLog") }
        for rule in DatabaseRule.sqlite {
            let violation = try #require(Self.violations[rule.trigger])
            do {
                try await db.writer.write { db in try violation(db) }
                Issue.record("\(rule.trigger) did not refuse: \(rule.protects)")
            } catch let error as DatabaseError {
                #expect(error.extendedResultCode == .SQLITE_CONSTRAINT_TRIGGER, "\(rule.trigger): \(error)")
                #expect(error.message?.hasPrefix(rule.refusal) == true, "\(rule.trigger) refused with \(error.message ?? "")")
            }
        }
        #expect(try await db.reader.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM auditLog") } == before)
    }
}
