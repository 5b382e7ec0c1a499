import GRDB
import KasaneCore

extension AppDatabase {
    /// The schema, as ordered migrations. A migration that has shipped is never edited:
    /// changes come as new migrations at the end.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-directory", migrate: createDirectory)
        migrator.registerMigration("v1-cases", migrate: createCases)
        migrator.registerMigration("v1-proposals", migrate: createProposals)
        migrator.registerMigration("v2-meetings", migrate: createMeetings)
        migrator.registerMigration("v2-audit", migrate: createAuditLog)
        migrator.registerMigration("v3-invitations", migrate: createInvitations)
        migrator.registerMigration("v4-busy", migrate: createBusy)
        migrator.registerMigration("v5-rooms", migrate: createRooms)
        migrator.registerMigration("v6-data-version", migrate: createDataVersion)
        migrator.registerMigration("v7-polls", migrate: createPolls)
        migrator.registerMigration("v8-series", migrate: createSeries)
        migrator.registerMigration("v9-minutes", migrate: createMinutes)
        migrator.registerMigration("v10-plans", migrate: createPlans)
        migrator.registerMigration("v11-web-sign-in", migrate: createWebSignIn)
        migrator.registerMigration("v12-place-kinds", migrate: addPlaceKinds)
        migrator.registerMigration("v13-audit-chain", migrate: chainAuditLog)
        migrator.registerMigration("v14-feed-state", migrate: createFeedState)
        migrator.registerMigration("v15-erasure-due-and-referrals", migrate: erasureDueAndReferrals)
        migrator.registerMigration("v16-sign-in-clients", migrate: signInClients)
        migrator.registerMigration("v17-role-grants", migrate: createRoleGrants)
        migrator.registerMigration("v18-second-factor", migrate: createSecondFactor)
        return migrator
    }()

    private static func createDirectory(_ db: Database) throws {
        try db.create(table: "settings") { t in
            t.primaryKey("id", .integer).check { $0 == 1 }
            t.column("data", .text).notNull()
        }
        try db.create(table: "field") { t in
            t.primaryKey("name", .text)
            t.column("position", .integer).notNull()
        }
        try seedStandardFields(db)
        try db.create(table: "district") { t in
            t.primaryKey("code", .text)
            t.column("name", .text).notNull().unique()
        }
        try db.create(table: "agency") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("code", .text).notNull().unique()
            t.column("name", .text).notNull()
            t.column("kind", .text).notNull()
            t.column("fields", .jsonText).notNull()
            t.column("districts", .jsonText).notNull()
            t.column("operation", .text).notNull().check { ["direct", "contracted"].contains($0) }
            t.column("department", .text).notNull()
            t.column("defaultContactId", .integer)  // checked by a trigger below: staff is created later
        }
        try db.create(table: "staff") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("agency", onDelete: .restrict).notNull()
            t.column("name", .text).notNull()
            t.column("email", .text).notNull().unique(onConflict: .abort).collate(.nocase)
            t.column("roles", .jsonText).notNull()
            t.column("active", .boolean).notNull().defaults(to: true)
        }
        // The default contact must be a staff member of the same agency.
        try db.execute(sql: """
            CREATE TRIGGER agency_default_contact_check BEFORE UPDATE OF defaultContactId ON agency
            WHEN NEW.defaultContactId IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM staff WHERE id = NEW.defaultContactId AND agencyId = NEW.id)
            BEGIN SELECT RAISE(ABORT, 'default contact must be staff of the agency'); END;
            """)
        try db.create(table: "pledge") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("staff", onDelete: .restrict).notNull()
            t.column("pledgedOn", .text).notNull()
            t.column("recordedBy", .integer).references("staff", onDelete: .restrict)
            t.column("note", .text)
            t.column("recordedAt", .datetime).notNull().defaults(sql: "CURRENT_TIMESTAMP")
        }
        // A pledge is a record of what was signed: it is never edited nor deleted.
        try db.execute(sql: """
            CREATE TRIGGER pledge_no_update BEFORE UPDATE ON pledge
            BEGIN SELECT RAISE(ABORT, 'pledges are never changed'); END;
            CREATE TRIGGER pledge_no_delete BEFORE DELETE ON pledge
            BEGIN SELECT RAISE(ABORT, 'pledges are never deleted'); END;
            """)
        try db.create(table: "apiToken") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("staff", onDelete: .cascade).notNull()
            t.column("tokenHash", .text).notNull().unique()
            t.column("label", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("revokedAt", .datetime)
        }
    }

    private static func createCases(_ db: Database) throws {
        try db.create(table: "supportCase") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("code", .text).notNull().unique()
            t.column("fiscalYear", .integer).notNull()
            t.column("receivedOn", .text).notNull()
            t.column("district", .text).notNull().references("district", onDelete: .restrict)
            t.column("fields", .jsonText).notNull()
            t.column("referringAgencyId", .integer).references("agency", onDelete: .restrict)
            t.column("leadAgencyId", .integer).references("agency", onDelete: .restrict)
            t.column("involvedAgencyIds", .jsonText).notNull()
            t.column("status", .text).notNull()
            t.column("summary", .text).notNull()
        }
        try db.create(table: "caseAssignment") { t in
            t.belongsTo("case", inTable: "supportCase", onDelete: .cascade).notNull()
            t.belongsTo("agency", onDelete: .restrict).notNull()
            t.belongsTo("staff", onDelete: .restrict).notNull()
            t.primaryKey(["caseId", "agencyId"])
        }
        try db.create(table: "householdMember") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("case", inTable: "supportCase", onDelete: .cascade).notNull()
            t.column("relation", .text).notNull()
            t.column("label", .text).notNull()
            t.column("isPrincipal", .boolean).notNull()
        }
        // Personal data lives apart from everything that travels.
        try db.create(table: "householdMemberPersonal") { t in
            t.primaryKey("memberId", .integer).references("householdMember", onDelete: .cascade)
            t.column("name", .text).notNull()
            t.column("kana", .text)
            t.column("birthDate", .text)
            t.column("sex", .text)
            t.column("address", .text)
            t.column("notes", .text)
        }
        try db.create(table: "consent") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("case", inTable: "supportCase", onDelete: .restrict).notNull()
            t.column("givenByMemberId", .integer).notNull().references("householdMember", onDelete: .restrict)
            t.column("givenOn", .text).notNull()
            t.column("recordedBy", .integer).notNull().references("staff", onDelete: .restrict)
            t.column("scope", .jsonText).notNull()
            t.column("purpose", .text).notNull()
            t.column("expiresOn", .text)
            t.column("withdrawnOn", .text)
            t.column("withdrawalReason", .text)
            t.column("withdrawalRecordedBy", .integer).references("staff", onDelete: .restrict)
            t.column("recordedAt", .datetime).notNull().defaults(sql: "CURRENT_TIMESTAMP")
        }
        // Consent history is never overwritten: the only change a record may take is its
        // withdrawal, once; no record is ever deleted.
        try db.execute(sql: """
            CREATE TRIGGER consent_history_kept BEFORE UPDATE ON consent
            WHEN OLD.withdrawnOn IS NOT NULL
              OR NEW.withdrawnOn IS NULL OR NEW.withdrawalReason IS NULL OR NEW.withdrawalRecordedBy IS NULL
              OR NEW.caseId IS NOT OLD.caseId OR NEW.givenByMemberId IS NOT OLD.givenByMemberId
              OR NEW.givenOn IS NOT OLD.givenOn OR NEW.recordedBy IS NOT OLD.recordedBy
              OR NEW.scope IS NOT OLD.scope OR NEW.purpose IS NOT OLD.purpose
              OR NEW.expiresOn IS NOT OLD.expiresOn OR NEW.recordedAt IS NOT OLD.recordedAt
            BEGIN SELECT RAISE(ABORT, 'consent history is never overwritten'); END;
            CREATE TRIGGER consent_no_delete BEFORE DELETE ON consent
            BEGIN SELECT RAISE(ABORT, 'consent records are never deleted'); END;
            """)
    }

    private static func createProposals(_ db: Database) throws {
        try db.create(table: "memberProposal") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("kind", .text).notNull()
            t.column("request", .jsonText).notNull()
            t.column("proposal", .jsonText).notNull()
            t.column("createdBy", .integer).references("staff", onDelete: .restrict)
            t.column("createdAt", .datetime).notNull()
        }
    }

    private static func createMeetings(_ db: Database) throws {
        try db.create(table: "meeting") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("kind", .text).notNull()
            t.column("fiscalYear", .integer).notNull()
            t.column("number", .integer).notNull()
            t.column("startsAt", .datetime).notNull()
            t.column("endsAt", .datetime).notNull()
            t.column("place", .text).notNull()
            t.column("chairId", .integer).notNull().references("staff", onDelete: .restrict)
            t.column("secretariatId", .integer).notNull().references("staff", onDelete: .restrict)
            t.column("status", .text).notNull()
            t.column("cancellationReason", .text)
            t.column("uid", .text).notNull().unique()
            t.column("sequence", .integer).notNull()
            t.column("createdBy", .integer).references("staff", onDelete: .restrict)
            t.uniqueKey(["kind", "fiscalYear", "number"])
        }
        // The iCalendar UID of a meeting never changes, and its SEQUENCE never goes back.
        try db.execute(sql: """
            CREATE TRIGGER meeting_uid_fixed BEFORE UPDATE OF uid ON meeting WHEN NEW.uid IS NOT OLD.uid
            BEGIN SELECT RAISE(ABORT, 'a meeting UID never changes'); END;
            CREATE TRIGGER meeting_sequence_forward BEFORE UPDATE OF sequence ON meeting WHEN NEW.sequence < OLD.sequence
            BEGIN SELECT RAISE(ABORT, 'a meeting SEQUENCE never goes back'); END;
            """)
        try db.create(table: "agendaItem") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("meeting", onDelete: .cascade).notNull()
            t.column("caseId", .integer).references("supportCase", onDelete: .restrict)
            t.column("purpose", .text).notNull()
            t.column("position", .integer).notNull()
            t.column("minutes", .integer).notNull()
        }
        try db.create(table: "attendee") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("meeting", onDelete: .cascade).notNull()
            t.belongsTo("staff", onDelete: .restrict).notNull()
            t.column("role", .text).notNull()
            t.column("itemIds", .jsonText)
            t.column("leavesFor", .jsonText).notNull()
            t.column("reason", .text)
            t.uniqueKey(["meetingId", "staffId"])
        }
        // What changed in a meeting, for the invitations to follow (updates, cancellations).
        try db.create(table: "meetingChange") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("meeting", onDelete: .cascade).notNull()
            t.column("change", .text).notNull()
            t.column("staffId", .integer).references("staff", onDelete: .restrict)
            t.column("detail", .text)
            t.column("sequence", .integer).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("deliveredAt", .datetime)
        }
    }

    private static func createAuditLog(_ db: Database) throws {
        try db.create(table: "auditLog") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("at", .datetime).notNull()
            t.column("staffId", .integer)
            t.column("origin", .text).notNull()
            t.column("action", .text).notNull()
            t.column("target", .text).notNull()
            t.column("caseCode", .text)
            t.column("meetingId", .integer)
            t.column("allowed", .boolean).notNull()
            t.column("detail", .text)
        }
        try db.create(index: "auditLog_at", on: "auditLog", columns: ["at"])
        // Append-only: the database itself refuses to change or remove a row.
        try db.execute(sql: """
            CREATE TRIGGER auditLog_no_update BEFORE UPDATE ON auditLog
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER auditLog_no_delete BEFORE DELETE ON auditLog
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            """)
    }

    private static func createInvitations(_ db: Database) throws {
        // Each attendee's answer, and the SEQUENCE and DTSTAMP of the reply it came in.
        try db.alter(table: "attendee") { t in
            t.add(column: "response", .text).notNull().defaults(to: "NEEDS-ACTION")
            t.add(column: "replySequence", .integer)
            t.add(column: "replyStamp", .datetime)
        }
        // Every iTIP message to one recipient, as sent; mailedAt once it left as e-mail.
        try db.create(table: "outgoingMessage") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("meeting", onDelete: .cascade).notNull()
            t.belongsTo("staff", onDelete: .restrict).notNull()
            t.column("email", .text).notNull()
            t.column("method", .text).notNull()
            t.column("sequence", .integer).notNull()
            t.column("invitation", .jsonText).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("mailedAt", .datetime)
        }
        // A COUNTER from a member: a proposal for the coordinator, never a change.
        try db.create(table: "counterProposal") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("meeting", onDelete: .cascade).notNull()
            t.belongsTo("staff", onDelete: .restrict).notNull()
            t.column("proposedStart", .datetime).notNull()
            t.column("proposedEnd", .datetime).notNull()
            t.column("comment", .text)
            t.column("sequence", .integer).notNull()
            t.column("receivedAt", .datetime).notNull()
        }
        try db.create(table: "feedToken") { t in
            t.primaryKey("staffId", .integer).references("staff", onDelete: .cascade)
            t.column("tokenHash", .text).notNull().unique()
            t.column("createdAt", .datetime).notNull()
        }
    }

    /// Members' busy time from their own calendars: intervals only (no titles, places or
    /// attendees of their private events), replaced whole at each upload.
    static func createBusy(_ db: Database) throws {
        try db.create(table: "busyUpload") { t in
            t.primaryKey("staffId", .integer).references("staff", onDelete: .cascade)
            t.column("importedAt", .datetime).notNull()
            t.column("windowStart", .datetime).notNull()
            t.column("windowEnd", .datetime).notNull()
            t.column("events", .integer).notNull()
            t.column("truncatedRules", .integer).notNull()
        }
        try db.create(table: "busyInterval") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("staff", onDelete: .cascade).notNull()
            t.column("startsAt", .datetime).notNull()
            t.column("endsAt", .datetime).notNull()
            t.check(sql: "startsAt < endsAt")
        }
        try db.create(index: "busyInterval_staff_start", on: "busyInterval", columns: ["staffId", "startsAt"])
    }

    /// Rooms, and each meeting's booked room. Two meetings that are not cancelled never
    /// hold one (non-online) room at overlapping times: the database refuses it, so no
    /// two requests can double-book even when they race.
    static func createRooms(_ db: Database) throws {
        try db.create(table: "room") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull().unique(onConflict: .abort)
            t.column("capacity", .integer)
            t.column("online", .boolean).notNull().defaults(to: false)
            t.column("equipment", .text).notNull().defaults(to: "[]")
            t.column("active", .boolean).notNull().defaults(to: true)
        }
        try db.alter(table: "meeting") { t in
            t.add(column: "roomId", .integer).references("room", onDelete: .restrict)
        }
        let overlap = """
            NEW.roomId IS NOT NULL AND NEW.status != 'cancelled'
            AND (SELECT online FROM room WHERE id = NEW.roomId) = 0
            AND EXISTS (SELECT 1 FROM meeting m WHERE m.roomId = NEW.roomId AND m.id IS NOT NEW.id
                        AND m.status != 'cancelled' AND m.startsAt < NEW.endsAt AND NEW.startsAt < m.endsAt)
            """
        try db.execute(sql: """
            CREATE TRIGGER meeting_room_insert BEFORE INSERT ON meeting WHEN \(overlap)
            BEGIN SELECT RAISE(ABORT, 'room double-booked'); END;
            CREATE TRIGGER meeting_room_update BEFORE UPDATE OF roomId, startsAt, endsAt, status ON meeting WHEN \(overlap)
            BEGIN SELECT RAISE(ABORT, 'room double-booked'); END;
            """)
    }

    /// One number that rises with every change to what a feed or an invitation shows
    /// (meetings, their items and attendees and answers, cases, consents, the directory,
    /// the settings), so a feed can be answered from cache until it moves.
    static func createDataVersion(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE dataVersion (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
            INSERT INTO dataVersion (id, value) VALUES (1, 0);
            """)
        for table in ["meeting", "attendee", "agendaItem", "supportCase", "consent", "staff", "agency", "settings", "room"] {
            for event in ["INSERT", "UPDATE", "DELETE"] {
                try db.execute(sql: """
                    CREATE TRIGGER dataVersion_\(table)_\(event.lowercased()) AFTER \(event) ON \(table)
                    BEGIN UPDATE dataVersion SET value = value + 1 WHERE id = 1; END
                    """)
            }
        }
    }

    /// 日程調整: candidate times, the members asked, and their ○△× answers.
    static func createPolls(_ db: Database) throws {
        try db.create(table: "poll") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("kind", .text).notNull()
            t.column("status", .text).notNull().defaults(to: "open")
            t.column("closesOn", .text)
            t.column("note", .text)
            t.column("proposalId", .integer).references("memberProposal", onDelete: .restrict)
            t.column("meetingId", .integer).references("meeting", onDelete: .restrict)
            t.column("createdBy", .integer).references("staff", onDelete: .restrict)
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "pollSlot") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("poll", onDelete: .cascade).notNull()
            t.column("startsAt", .datetime).notNull()
            t.column("endsAt", .datetime).notNull()
        }
        try db.create(table: "pollParticipant") { t in
            t.belongsTo("poll", onDelete: .cascade).notNull()
            t.belongsTo("staff", onDelete: .restrict).notNull()
            t.column("required", .boolean).notNull()
            t.primaryKey(["pollId", "staffId"])
        }
        try db.create(table: "pollAnswer") { t in
            t.belongsTo("pollSlot", onDelete: .cascade).notNull()
            t.belongsTo("staff", onDelete: .restrict).notNull()
            t.column("answer", .text).notNull().check { ["yes", "maybe", "no"].contains($0) }
            t.column("answeredAt", .datetime).notNull()
            t.primaryKey(["pollSlotId", "staffId"])
        }
    }

    /// 定例: the rule a standing series was made from, and each meeting's series.
    static func createSeries(_ db: Database) throws {
        try db.create(table: "series") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("kind", .text).notNull()
            t.column("rule", .text).notNull()
            t.column("createdBy", .integer).references("staff", onDelete: .restrict)
            t.column("createdAt", .datetime).notNull()
            t.column("cancelledAt", .datetime)
        }
        try db.alter(table: "meeting") { t in
            t.add(column: "seriesId", .integer).references("series", onDelete: .restrict)
        }
    }

    /// 議事録: versions that form a hash chain, and the words of each item kept apart
    /// so that retention can erase them and leave their hash. Approved versions are
    /// locked here, in the database, not only by the API.
    static func createMinutes(_ db: Database) throws {
        try db.create(table: "minutesVersion") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("meeting", onDelete: .restrict).notNull()
            t.column("version", .integer).notNull()
            t.column("record", .text).notNull()
            t.column("recordHash", .text).notNull()
            t.column("textsHash", .text).notNull()
            t.column("previousHash", .text).notNull()
            t.column("versionHash", .text)
            t.column("reason", .text)
            t.column("authorId", .integer).notNull().references("staff", onDelete: .restrict)
            t.column("createdAt", .datetime).notNull()
            t.column("returnedComment", .text)
            t.column("approvedBy", .integer).references("staff", onDelete: .restrict)
            t.column("approvedAt", .datetime)
            t.uniqueKey(["meetingId", "version"])
        }
        try db.create(table: "minutesText") { t in
            t.belongsTo("version", inTable: "minutesVersion", onDelete: .restrict).notNull()
            t.column("itemId", .integer).notNull()
            t.column("caseId", .integer).references("supportCase", onDelete: .restrict)
            t.column("body", .text)
            t.column("hash", .text).notNull()
            t.column("erasedAt", .datetime)
            t.primaryKey(["versionId", "itemId"])
        }
        func approved(_ row: String) -> String { "(SELECT approvedAt FROM minutesVersion WHERE id = \(row).versionId) IS NOT NULL" }
        try db.execute(sql: """
            CREATE TRIGGER minutesVersion_locked BEFORE UPDATE ON minutesVersion WHEN OLD.approvedAt IS NOT NULL
            BEGIN SELECT RAISE(ABORT, '承認済みの議事録は変更できません。訂正は新しい版として作成してください。'); END;
            CREATE TRIGGER minutesVersion_kept BEFORE DELETE ON minutesVersion WHEN OLD.approvedAt IS NOT NULL
            BEGIN SELECT RAISE(ABORT, '承認済みの議事録は削除できません。'); END;
            CREATE TRIGGER minutesText_locked BEFORE UPDATE ON minutesText WHEN \(approved("OLD"))
              AND NOT (NEW.body IS NULL AND OLD.body IS NOT NULL AND NEW.erasedAt IS NOT NULL AND OLD.erasedAt IS NULL
                       AND NEW.hash = OLD.hash AND NEW.versionId = OLD.versionId AND NEW.itemId = OLD.itemId
                       AND NEW.caseId IS OLD.caseId)
            BEGIN SELECT RAISE(ABORT, '承認済みの議事録は変更できません（保存期間経過による消去を除く）。'); END;
            CREATE TRIGGER minutesText_kept BEFORE DELETE ON minutesText WHEN \(approved("OLD"))
            BEGIN SELECT RAISE(ABORT, '承認済みの議事録は削除できません。'); END;
            CREATE TRIGGER minutesText_closed BEFORE INSERT ON minutesText WHEN \(approved("NEW"))
            BEGIN SELECT RAISE(ABORT, '承認済みの議事録に議題を足すことはできません。'); END;
            """)
        // When a case ended (終結・中断), for the retention period.
        try db.alter(table: "supportCase") { t in
            t.add(column: "closedOn", .text)
        }
        try db.execute(sql: "UPDATE supportCase SET closedOn = receivedOn WHERE status IN ('terminated', 'suspended')")
    }

    /// 支援プラン in versions, every move of one recorded, and the database refusing a
    /// move that is not allowed, or that rule 8 reserves to approved minutes.
    static func createPlans(_ db: Database) throws {
        try db.create(table: "supportPlan") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("case", inTable: "supportCase", onDelete: .restrict).notNull()
            t.column("version", .integer).notNull()
            t.column("state", .text).notNull()
            t.column("content", .text).notNull()
            t.column("nextReviewOn", .text).notNull()
            t.column("createdBy", .integer).references("staff", onDelete: .restrict)
            t.column("createdAt", .datetime).notNull()
            t.column("createdOn", .text).notNull()
            t.uniqueKey(["caseId", "version"])
        }
        try db.create(table: "planTransition") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("plan", inTable: "supportPlan", onDelete: .restrict).notNull()
            t.column("fromState", .text).notNull()
            t.column("toState", .text).notNull()
            t.column("on", .text).notNull()
            t.column("at", .datetime).notNull()
            t.column("meetingId", .integer).references("meeting", onDelete: .restrict)
            t.column("minutesVersionId", .integer).references("minutesVersion", onDelete: .restrict)
            t.column("decision", .text)
            t.column("termination", .text)
            t.column("agencyId", .integer).references("agency", onDelete: .restrict)
            t.column("reason", .text)
            t.column("staffId", .integer).references("staff", onDelete: .restrict)
        }
        // Evaluations per goal and role assignments decided in minutes.
        try db.create(table: "planEvent") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("plan", inTable: "supportPlan", onDelete: .restrict).notNull()
            t.column("kind", .text).notNull()
            t.column("on", .text).notNull()
            t.column("meetingId", .integer).notNull().references("meeting", onDelete: .restrict)
            t.column("minutesVersionId", .integer).notNull().references("minutesVersion", onDelete: .restrict)
            t.column("goal", .integer)
            t.column("rating", .text)
            t.column("agencyId", .integer).references("agency", onDelete: .restrict)
            t.column("detail", .text)
        }
        try db.create(table: "resourceGap") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("field", .text).notNull()
            t.column("district", .text).references("district", onDelete: .restrict)
            t.column("description", .text).notNull()
            t.column("caseCodes", .jsonText).notNull()
            t.column("status", .text).notNull()
            t.column("passedTo", .text)
            t.column("raisedOn", .text).notNull()
            t.column("resolvedOn", .text)
            t.column("meetingId", .integer).references("meeting", onDelete: .restrict)
            t.column("minutesVersionId", .integer).references("minutesVersion", onDelete: .restrict)
        }
        // A plain notice (not an invitation) in the same outbox: the hand-back of a case.
        try db.create(table: "outgoingNotice") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("staff", onDelete: .restrict).notNull()
            t.column("email", .text).notNull()
            t.column("subject", .text).notNull()
            t.column("body", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("mailedAt", .datetime)
        }
        let allowed = [
            ("draft", "underReview"), ("underReview", "draft"), ("underReview", "approved"), ("approved", "inProgress"),
            ("inProgress", "evaluation"), ("evaluation", "inProgress"), ("evaluation", "terminated"), ("inProgress", "terminated"),
            ("evaluation", "suspended"), ("inProgress", "suspended"), ("evaluation", "revised"), ("inProgress", "revised"),
        ].map { "('\($0.0)', '\($0.1)')" }.joined(separator: ", ")
        try db.execute(sql: """
            CREATE TRIGGER supportPlan_born_draft BEFORE INSERT ON supportPlan WHEN NEW.state != 'draft'
            BEGIN SELECT RAISE(ABORT, '支援プランは作成中（draft）の版としてだけ作れます。'); END;
            CREATE TRIGGER supportPlan_content_fixed BEFORE UPDATE OF content ON supportPlan WHEN OLD.state != 'draft' AND NEW.content IS NOT OLD.content
            BEGIN SELECT RAISE(ABORT, '作成中でない支援プランの内容は変えられません。見直しは重層的支援会議の決定で新しい版にします。'); END;
            CREATE TRIGGER supportPlan_state_recorded BEFORE UPDATE OF state ON supportPlan WHEN NEW.state != OLD.state
              AND NOT EXISTS (SELECT 1 FROM planTransition WHERE planId = NEW.id AND fromState = OLD.state AND toState = NEW.state
                              AND id = (SELECT MAX(id) FROM planTransition WHERE planId = NEW.id))
            BEGIN SELECT RAISE(ABORT, '支援プランの状態は、記録された移行（planTransition）によってだけ変わります。'); END;
            CREATE TRIGGER supportPlan_kept BEFORE DELETE ON supportPlan
            BEGIN SELECT RAISE(ABORT, '支援プランは削除できません。'); END;
            CREATE TRIGGER planTransition_allowed BEFORE INSERT ON planTransition
              WHEN (NEW.fromState, NEW.toState) NOT IN (VALUES \(allowed))
                OR NEW.fromState IS NOT (SELECT state FROM supportPlan WHERE id = NEW.planId)
            BEGIN SELECT RAISE(ABORT, 'この支援プランの状態の移行は認められていません。'); END;
            CREATE TRIGGER planTransition_decided BEFORE INSERT ON planTransition
              WHEN NEW.toState IN ('approved', 'terminated', 'suspended', 'revised')
                AND (NEW.minutesVersionId IS NULL
                     OR (SELECT v.approvedAt FROM minutesVersion v WHERE v.id = NEW.minutesVersionId) IS NULL
                     OR (SELECT m.kind FROM minutesVersion v JOIN meeting m ON m.id = v.meetingId WHERE v.id = NEW.minutesVersionId) != 'multiLayered'
                     OR NEW.decision IS NULL)
            BEGIN SELECT RAISE(ABORT, '支援プランの承認・見直し・終結・中断は、承認された重層的支援会議の議事録の決定によってだけ行えます。'); END;
            CREATE TRIGGER planTransition_no_update BEFORE UPDATE ON planTransition
            BEGIN SELECT RAISE(ABORT, '支援プランの履歴は変更できません。'); END;
            CREATE TRIGGER planTransition_no_delete BEFORE DELETE ON planTransition
            BEGIN SELECT RAISE(ABORT, '支援プランの履歴は削除できません。'); END;
            CREATE TRIGGER planEvent_no_change BEFORE UPDATE ON planEvent
            BEGIN SELECT RAISE(ABORT, '支援プランの履歴は変更できません。'); END;
            """)
    }

    /// Sign-in for the web pages: a bcrypt password per staff member, set through a
    /// one-time link; sessions kept here (only their hashes); attempts, for the lockout.
    static func createWebSignIn(_ db: Database) throws {
        try db.create(table: "passwordCredential") { t in
            t.primaryKey("staffId", .integer).references("staff", onDelete: .cascade)
            t.column("hash", .text).notNull()
            t.column("setAt", .datetime).notNull()
        }
        try db.create(table: "signInLink") { t in
            t.primaryKey("tokenHash", .text)
            t.belongsTo("staff", onDelete: .cascade).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("expiresAt", .datetime).notNull()
            t.column("usedAt", .datetime)
        }
        try db.create(table: "webSession") { t in
            t.primaryKey("idHash", .text)
            t.belongsTo("staff", onDelete: .cascade).notNull()
            t.column("csrf", .text).notNull()
            t.column("origin", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("lastSeenAt", .datetime).notNull()
            t.column("expiresAt", .datetime).notNull()
            t.column("endedAt", .datetime)
        }
        try db.create(table: "signInAttempt") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("email", .text).notNull().indexed()
            t.column("at", .datetime).notNull()
            t.column("succeeded", .boolean).notNull()
        }
    }

    /// Where a meeting is held: a room, online, or a visit to a household, whose place then
    /// travels as 訪問（事例番号） only. A visit books no room and names a case.
    static func addPlaceKinds(_ db: Database) throws {
        try db.alter(table: "meeting") { t in
            t.add(column: "placeKind", .text).notNull().defaults(to: "room").check { ["room", "online", "visit"].contains($0) }
            t.add(column: "visitCaseId", .integer).references("supportCase", onDelete: .restrict)
        }
        let rule = """
            WHEN (NEW.placeKind = 'visit') != (NEW.visitCaseId IS NOT NULL) OR (NEW.placeKind = 'visit' AND NEW.roomId IS NOT NULL)
            BEGIN SELECT RAISE(ABORT, '訪問の会議は事例を1つ指し、部屋を予約しません。'); END;
            """
        try db.execute(sql: "CREATE TRIGGER meeting_visit_insert BEFORE INSERT ON meeting \(rule)")
        try db.execute(sql: "CREATE TRIGGER meeting_visit_update BEFORE UPDATE OF placeKind, visitCaseId, roomId ON meeting \(rule)")
    }

    /// The audit log becomes a hash chain: each row the hash of its content and of the row
    /// before. The rows already there are chained in their order; from then on a row goes in
    /// only at the end, with the id after the last and the last row's hash (so REPLACE, which
    /// would rewrite a row in place, is refused as well).
    static func chainAuditLog(_ db: Database) throws {
        try db.alter(table: "auditLog") { t in
            t.add(column: "previousHash", .text)
            t.add(column: "hash", .text)
        }
        try db.execute(sql: "DROP TRIGGER auditLog_no_update")
        var previous = AuditChain.genesis
        let entries = try AuditEntry.order(Column("id")).fetchAll(db)
        for var entry in entries {
            entry.previousHash = previous
            entry.hash = entry.computedHash()
            try db.execute(
                sql: "UPDATE auditLog SET previousHash = ?, hash = ? WHERE id = ?", arguments: [entry.previousHash, entry.hash, entry.id])
            previous = entry.hash ?? previous
        }
        try db.execute(sql: """
            CREATE TRIGGER auditLog_no_update BEFORE UPDATE ON auditLog
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER auditLog_appended BEFORE INSERT ON auditLog
            WHEN NEW.id <= COALESCE((SELECT MAX(id) FROM auditLog), 0)
              OR NEW.hash IS NULL
              OR NEW.previousHash IS NOT COALESCE((SELECT hash FROM auditLog ORDER BY id DESC LIMIT 1), '\(AuditChain.genesis)')
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: a row goes at the end, chained to the last'); END;
            """)
    }

    /// When what a member's feed shows last changed, kept in the database (so every process
    /// answers a calendar's If-Modified-Since alike): the weak ETag of what it showed and the
    /// time it changed; and when each reply was received, a change a feed shows.
    static func createFeedState(_ db: Database) throws {
        try db.create(table: "feedState") { t in
            t.primaryKey("staffId", .integer).references("staff", onDelete: .cascade)
            t.column("etag", .text).notNull()
            t.column("changedAt", .datetime).notNull()
        }
        try db.alter(table: "attendee") { t in
            t.add(column: "respondedAt", .datetime)
        }
    }

    /// The erasure the locks of approved minutes allow (words to NULL, erasedAt set, hash
    /// kept) only once the retention period of the settings has passed for that record, by
    /// the database's own clock in Japan: the case ended `casePersonalDataYears` ago, or the
    /// meeting was `minutesYears` ago. And every referral of a case (受付), the first and each
    /// that reopens it, kept for the year's figures; never changed, never removed.
    static func erasureDueAndReferrals(_ db: Database) throws {
        func years(_ key: String, _ standard: Int) -> String {
            "COALESCE(json_extract((SELECT data FROM settings WHERE id = 1), '$.retention.\(key)'), \(standard))"
        }
        let today = "date('now', '+9 hours')"
        try db.execute(sql: """
            CREATE TRIGGER minutesText_erasure_due BEFORE UPDATE OF body ON minutesText
            WHEN NEW.body IS NULL AND OLD.body IS NOT NULL AND NOT (
              COALESCE(date((SELECT closedOn FROM supportCase WHERE id = NEW.caseId),
                            '+' || \(years("casePersonalDataYears", RetentionSettings.standard.casePersonalDataYears)) || ' years') <= \(today), 0)
              OR COALESCE(date((SELECT m.startsAt FROM minutesVersion v JOIN meeting m ON m.id = v.meetingId WHERE v.id = NEW.versionId),
                            '+9 hours', '+' || \(years("minutesYears", RetentionSettings.standard.minutesYears)) || ' years') <= \(today), 0))
            BEGIN SELECT RAISE(ABORT, '保存期間を過ぎていない議事録の記録は消去できません。'); END;
            """)
        try db.create(table: "caseReferral") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("case", inTable: "supportCase", onDelete: .restrict).notNull()
            t.column("referredOn", .text).notNull()
            t.column("referringAgencyId", .integer).references("agency", onDelete: .restrict)
            t.column("reopening", .boolean).notNull().defaults(to: false)
            t.column("recordedAt", .datetime).notNull()
        }
        try db.execute(sql: """
            INSERT INTO caseReferral (caseId, referredOn, referringAgencyId, reopening, recordedAt)
              SELECT id, receivedOn, referringAgencyId, 0, CURRENT_TIMESTAMP FROM supportCase ORDER BY id;
            CREATE TRIGGER caseReferral_no_update BEFORE UPDATE ON caseReferral
            BEGIN SELECT RAISE(ABORT, '事例の受付の記録は変更できません。'); END;
            CREATE TRIGGER caseReferral_no_delete BEFORE DELETE ON caseReferral
            BEGIN SELECT RAISE(ABORT, '事例の受付の記録は削除できません。'); END;
            """)
    }

    /// Sign-in attempts remember the client they came from, for the limits per client.
    static func signInClients(_ db: Database) throws {
        try db.alter(table: "signInAttempt") { t in
            t.add(column: "client", .text).notNull().defaults(to: "")
        }
        try db.create(index: "signInAttempt_client", on: "signInAttempt", columns: ["client", "at"])
        try db.create(index: "signInAttempt_at", on: "signInAttempt", columns: ["at"])
    }

    /// Roles that read cases, asked for and decided by a second person; a decision stands.
    static func createRoleGrants(_ db: Database) throws {
        try db.create(table: "roleGrant") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("staff", onDelete: .restrict).notNull()
            t.column("role", .text).notNull()
            t.column("requestedBy", .integer).notNull().references("staff", onDelete: .restrict)
            t.column("requestedAt", .datetime).notNull()
            t.column("status", .text).notNull().check { ["pending", "approved", "refused"].contains($0) }
            t.column("decidedBy", .integer).references("staff", onDelete: .restrict)
            t.column("decidedAt", .datetime)
            t.column("reason", .text)
        }
        try db.execute(sql: """
            CREATE TRIGGER roleGrant_decided_once BEFORE UPDATE ON roleGrant
            WHEN OLD.status != 'pending' OR NEW.decidedBy IS NULL OR NEW.decidedBy = NEW.requestedBy OR NEW.decidedBy = NEW.staffId
              OR NEW.staffId IS NOT OLD.staffId OR NEW.role IS NOT OLD.role OR NEW.requestedBy IS NOT OLD.requestedBy
            BEGIN SELECT RAISE(ABORT, '役割の付与は、依頼した人とも本人とも別の人が一度だけ決めます。'); END;
            CREATE TRIGGER roleGrant_kept BEFORE DELETE ON roleGrant
            BEGIN SELECT RAISE(ABORT, '役割の付与の記録は削除できません。'); END;
            """)
    }

    /// The second factor: each person's TOTP secret (confirmed once the first code is entered,
    /// with the last time step taken so no code is taken twice), their recovery codes as hashes,
    /// and how far a sign-in has come.
    static func createSecondFactor(_ db: Database) throws {
        try db.create(table: "totpCredential") { t in
            t.primaryKey("staffId", .integer).references("staff", onDelete: .cascade)
            t.column("secret", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("confirmedAt", .datetime)
            t.column("lastStep", .integer)
        }
        try db.create(table: "recoveryCode") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("staff", onDelete: .cascade).notNull()
            t.column("codeHash", .text).notNull()
            t.column("usedAt", .datetime)
        }
        try db.alter(table: "webSession") { t in
            t.add(column: "secondFactor", .text).notNull().defaults(to: "done").check { ["done", "code", "enrol"].contains($0) }
        }
    }
}
