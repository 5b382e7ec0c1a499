import GRDB
import KasaneCore

extension AppDatabase {
    /// Records a consent from the signed form. Earlier records stay as they are.
    @discardableResult
    public func recordConsent(caseId: Int64, _ input: ConsentInput, by actor: Actor) async throws -> Consent {
        try Access.require(.registerCases, actor)
        guard let recorder = actor.staffId else {
            throw KasaneError.forbidden("本人同意は、記録した職員が分かるようAPIから記録してください。")
        }
        let purpose = try Validate.text(input.purpose, field: "purpose", label: "同意の目的", max: 500)
        guard input.givenOn <= LocalDate.today() else {
            throw KasaneError.invalid(field: "givenOn", message: "同意日に未来の日付は指定できません。")
        }
        if let expires = input.expiresOn, expires < input.givenOn {
            throw KasaneError.invalid(field: "expiresOn", message: "有効期限は同意日より後にしてください。")
        }
        return try await writer.write { db in
            let member = try Self.householdMember(db, caseId: caseId, memberId: input.givenByMemberId, for: actor)
            _ = member
            if case .agencies(let ids) = input.scope {
                for id in ids where try !Agency.exists(db, key: id) {
                    throw KasaneError.invalid(field: "scope.agencyIds", message: "機関（ID \(id)）は登録されていません。")
                }
            }
            var consent = Consent(
                caseId: caseId, givenByMemberId: input.givenByMemberId, givenOn: input.givenOn, recordedBy: recorder,
                scope: input.scope, purpose: purpose, expiresOn: input.expiresOn)
            try consent.insert(db)
            return consent
        }
    }

    /// Withdraws a consent, once. The record keeps what was given; the withdrawal is
    /// written beside it.
    @discardableResult
    public func withdrawConsent(caseId: Int64, consentId: Int64, _ input: WithdrawalInput, by actor: Actor) async throws
        -> Consent
    {
        try Access.require(.registerCases, actor)
        guard let recorder = actor.staffId else {
            throw KasaneError.forbidden("同意の撤回は、記録した職員が分かるようAPIから記録してください。")
        }
        let reason = try Validate.text(input.reason, field: "reason", label: "撤回の理由", max: 500)
        let day = input.withdrawnOn ?? LocalDate.today()
        guard day <= LocalDate.today() else {
            throw KasaneError.invalid(field: "withdrawnOn", message: "撤回日に未来の日付は指定できません。")
        }
        return try await writer.write { db in
            _ = try Self.supportCase(db, id: caseId, for: actor)
            guard var consent = try Consent.fetchOne(db, key: consentId), consent.caseId == caseId else {
                throw KasaneError.notFound("本人同意（ID \(consentId)）はこの事例に記録されていません。")
            }
            if let already = consent.withdrawnOn {
                throw KasaneError.conflict("この本人同意は\(already)に撤回済みです。")
            }
            guard day >= consent.givenOn else {
                throw KasaneError.invalid(field: "withdrawnOn", message: "撤回日は同意日（\(consent.givenOn)）以降にしてください。")
            }
            consent.withdrawnOn = day
            consent.withdrawalReason = reason
            consent.withdrawalRecordedBy = recorder
            try consent.update(db)
            return consent
        }
    }

    /// Every consent record of a case, oldest first.
    public func consents(caseId: Int64, for actor: Actor) async throws -> [Consent] {
        try await reader.read { db in
            _ = try Self.supportCase(db, id: caseId, for: actor)
            return try Self.consents(db, caseId: caseId)
        }
    }

    static func consents(_ db: Database, caseId: Int64) throws -> [Consent] {
        try Consent.filter(Column("caseId") == caseId).order(Column("givenOn"), Column("id")).fetchAll(db)
    }
}
