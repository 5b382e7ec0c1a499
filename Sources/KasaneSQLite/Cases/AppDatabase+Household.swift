import GRDB
import KasaneCore

extension AppDatabase {
    /// Adds a member to a case's household; the personal data is stored apart.
    @discardableResult
    public func addHouseholdMember(caseId: Int64, _ input: HouseholdMemberInput, by actor: Actor) async throws
        -> HouseholdMember
    {
        try await audited(actor, "household.add", target: "case:\(caseId)") { db, note in
            try Access.require(.registerCases, actor)
            _ = try Self.supportCase(db, id: caseId, for: actor, note: note)
            var (member, personal) = try input.validated(
                caseId: caseId, memberId: nil, today: LocalDate.today(now: note.at), others: try Self.householdIdentities(db, caseId: caseId))
            try Self.checkSinglePrincipal(member, db)
            try Self.checkTravellingTexts(db, caseId: caseId, against: personal, excluding: nil)
            try member.insert(db)
            personal.memberId = member.id!
            try personal.insert(db)
            return member
        }
    }

    @discardableResult
    public func updateHouseholdMember(caseId: Int64, memberId: Int64, _ input: HouseholdMemberInput, by actor: Actor)
        async throws -> HouseholdMember
    {
        try await audited(actor, "household.update", target: "case:\(caseId)/household:\(memberId)") { db, note in
            try Access.require(.registerCases, actor)
            _ = try Self.householdMember(db, caseId: caseId, memberId: memberId, for: actor, note: note)
            let (member, personal) = try input.validated(
                caseId: caseId, memberId: memberId, today: LocalDate.today(now: note.at),
                others: try Self.householdIdentities(db, caseId: caseId, excluding: memberId))
            try Self.checkSinglePrincipal(member, db)
            try Self.checkTravellingTexts(db, caseId: caseId, against: personal, excluding: memberId)
            try member.update(db)
            try personal.upsert(db)
            return member
        }
    }

    /// The personal data of a household's members (but `excluding`), for the check that
    /// nothing which travels names one of them.
    static func householdIdentities(_ db: Database, caseId: Int64, excluding: Int64? = nil) throws -> [PersonIdentity] {
        try HouseholdMemberPersonal.fetchAll(db, sql: """
            SELECT p.* FROM householdMemberPersonal p JOIN householdMember m ON m.id = p.memberId
            WHERE m.caseId = ? AND m.id IS NOT ?
            """, arguments: [caseId, excluding]).map(PersonIdentity.init)
    }

    /// A member added or changed must not already be named by what travels of the case:
    /// its summary and the labels of the other members.
    static func checkTravellingTexts(
        _ db: Database, caseId: Int64, against personal: HouseholdMemberPersonal, excluding: Int64?
    ) throws {
        let identity = [PersonIdentity(personal)]
        if let summary = try String.fetchOne(db, sql: "SELECT summary FROM supportCase WHERE id = ?", arguments: [caseId]),
           IdentifyingText.finding(in: summary, against: identity) != nil
        {
            throw KasaneError.invalid(
                field: "name", message: "事例の概要にこの世帯員の氏名・生年月日が含まれています。先に事例の概要を個人を特定しない表現に直してください。")
        }
        for label in try String.fetchAll(
            db, sql: "SELECT label FROM householdMember WHERE caseId = ? AND id IS NOT ?", arguments: [caseId, excluding])
        where IdentifyingText.finding(in: label, against: identity) != nil {
            throw KasaneError.invalid(
                field: "name", message: "ほかの世帯員の表示ラベルにこの世帯員の氏名・生年月日が含まれています。先にそのラベルを直してください。")
        }
    }

    static func checkSinglePrincipal(_ member: HouseholdMember, _ db: Database) throws {
        guard member.isPrincipal else { return }
        let others = try HouseholdMember
            .filter(Column("caseId") == member.caseId && Column("isPrincipal") == true && Column("id") != member.id)
            .fetchCount(db)
        guard others == 0 else {
            throw KasaneError.conflict("この事例には既に本人が登録されています。本人は1世帯に1人です。")
        }
    }

    /// The household as it may travel: relations and labels, no personal data.
    public func household(caseId: Int64, for actor: Actor) async throws -> [HouseholdMember] {
        try await audited(actor, "household.read", target: "case:\(caseId)") { db, note in
            _ = try Self.supportCase(db, id: caseId, for: actor, note: note)
            return try HouseholdMember.filter(Column("caseId") == caseId).order(Column("id")).fetchAll(db)
        }
    }

    static func householdMember(
        _ db: Database, caseId: Int64, memberId: Int64, for actor: Actor, note: AuditNote? = nil
    ) throws -> HouseholdMember {
        _ = try supportCase(db, id: caseId, for: actor, note: note)
        guard let member = try HouseholdMember.fetchOne(db, key: memberId), member.caseId == caseId else {
            throw KasaneError.notFound("世帯員（ID \(memberId)）はこの事例に登録されていません。")
        }
        return member
    }

    /// The personal data of one household member, for those the access rule allows.
    public func personalData(caseId: Int64, memberId: Int64, for actor: Actor) async throws -> HouseholdMemberPersonal {
        try await audited(actor, "personal.read", target: "case:\(caseId)/household:\(memberId)") { db, note in
            _ = try Self.householdMember(db, caseId: caseId, memberId: memberId, for: actor, note: note)
            let c = try Self.supportCase(db, id: caseId, for: actor)
            guard Access.mayReadPersonalData(of: c, actor, hearing: try Self.casesHeard(db, by: actor)) else {
                throw KasaneError.forbidden("この事例の個人情報を閲覧する権限がありません。")
            }
            return try HouseholdMemberPersonal.fetchOne(db, key: memberId)!
        }
    }
}
