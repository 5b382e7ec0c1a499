import Foundation
import KasaneCore
import KasaneStorage

// Consent (本人同意): recorded from the signed form by a coordinator, never changed, withdrawn
// once with a reason; a withdrawal takes the case out of every future 重層的支援会議 it no
// longer has consent for in the same unit of work (DOMAIN rule 6).

/// What a withdrawal did: the record, and the future meetings it changed.
public struct WithdrawalResult: Codable, Sendable, Equatable {
    public var consent: Consent
    /// Meetings the case's items left (or some attendees left them), for invitations to follow.
    public var affectedMeetingIds: [Int64]
}

/// A consent that runs out soon, for the coordinator's home.
public struct ExpiringConsent: Codable, Sendable, Equatable {
    public var caseId: Int64
    public var caseCode: String
    public var consentId: Int64
    public var expiresOn: LocalDate
}

/// What withdrawing a consent would do, before it is done: each future 重層的支援会議 it would
/// change, computed by the same rule (`ConsentWithdrawal.apply`) the withdrawal itself runs.
public struct WithdrawalPreview: Codable, Sendable, Equatable {
    public struct Effect: Codable, Sendable, Equatable {
        public var meetingId: Int64
        public var title: String
        public var startsAt: Date
        public var removedItems: Int
        public var removedAttendees: Int
        public var invited: Bool
    }
    public var consent: Consent
    public var effects: [Effect]
}

extension TransactionalStorage {
    /// Consents still valid today that expire within `days`, on cases the actor may read,
    /// for those who record consent (coordinators). A case with another valid consent
    /// that lasts longer is left out: nothing runs out for it.
    public func expiringConsents(within days: Int, for actor: Actor) async throws -> [ExpiringConsent] {
        guard Access.allows(.registerCases, actor) else { return [] }
        let today = LocalDate.today(now: clock.now()), until = today.adding(days: days)
        return try await read { work in
            let heard = try CaseAccess.casesHeard(work, by: actor)
            let cases = try work.cases.cases().filter { Access.mayRead(case: $0, actor, hearing: heard) }
            let consents = try work.consents.consents(caseIds: Set(cases.compactMap(\.id)))
            var found: [ExpiringConsent] = []
            for c in cases {
                guard let caseId = c.id else { continue }
                let valid = (consents[caseId] ?? []).filter { $0.state(on: today) == .valid }
                // Listed only when every valid consent has an end, and the last of them is soon.
                let ends = valid.compactMap(\.expiresOn)
                guard !valid.isEmpty, ends.count == valid.count, let last = ends.max(), last <= until,
                      let id = valid.first(where: { $0.expiresOn == last })?.id
                else { continue }
                found.append(ExpiringConsent(caseId: caseId, caseCode: c.code, consentId: id, expiresOn: last))
            }
            return found.sorted { ($0.expiresOn, $0.caseCode) < ($1.expiresOn, $1.caseCode) }
        }
    }

    /// What withdrawing this consent today would change; nothing is written.
    public func withdrawalPreview(caseId: Int64, consentId: Int64, for actor: Actor) async throws -> WithdrawalPreview {
        try await audited(actor, "consent.withdraw.preview", target: "case:\(caseId)/consent:\(consentId)") { work, note in
            try Access.require(.registerCases, actor)
            _ = try CaseAccess.supportCase(work, id: caseId, for: actor, note: note)
            let consent = try ConsentRules.withdrawable(work, caseId: caseId, consentId: consentId)
            let consents = try work.consents.consents(caseId: caseId).map { k in
                var k = k
                if k.id == consentId { k.withdrawnOn = LocalDate.today(now: note.at) }
                return k
            }
            let settings = try work.settings.settings()
            let effects = try ConsentRules.withdrawalOutcomes(work, caseId: caseId, consents: consents, now: note.at).map { loaded, outcome in
                WithdrawalPreview.Effect(
                    meetingId: loaded.meeting.id ?? 0, title: loaded.meeting.title(settings), startsAt: loaded.meeting.startsAt,
                    removedItems: outcome.removedItemIds.count, removedAttendees: outcome.removedAttendeeStaffIds.count,
                    invited: loaded.meeting.status == .invited)
            }
            return WithdrawalPreview(consent: consent, effects: effects)
        }
    }

    /// Records a consent from the signed form. Earlier records stay as they are.
    @discardableResult
    public func recordConsent(caseId: Int64, _ input: ConsentInput, by actor: Actor) async throws -> Consent {
        try await audited(actor, "consent.record", target: "case:\(caseId)") { work, note in
            try Access.require(.registerCases, actor)
            guard let recorder = actor.staffId else {
                throw KasaneError.forbidden("本人同意は、記録した職員が分かるようAPIから記録してください。")
            }
            let purpose = try Validate.text(input.purpose, field: "purpose", label: "同意の目的", max: 500)
            guard input.givenOn <= LocalDate.today(now: note.at) else {
                throw KasaneError.invalid(field: "givenOn", message: "同意日に未来の日付は指定できません。")
            }
            if let expires = input.expiresOn, expires < input.givenOn {
                throw KasaneError.invalid(field: "expiresOn", message: "有効期限は同意日より後にしてください。")
            }
            _ = try CaseAccess.householdMember(work, caseId: caseId, memberId: input.givenByMemberId, for: actor, note: note)
            if case .agencies(let ids) = input.scope {
                for id in ids where try work.directory.agency(id: id) == nil {
                    throw KasaneError.invalid(field: "scope.agencyIds", message: "機関（ID \(id)）は登録されていません。")
                }
            }
            let consent = try work.consents.insert(Consent(
                caseId: caseId, givenByMemberId: input.givenByMemberId, givenOn: input.givenOn, recordedBy: recorder,
                scope: input.scope, purpose: purpose, expiresOn: input.expiresOn))
            note.target = "case:\(caseId)/consent:\(consent.id ?? 0)"
            return consent
        }
    }

    /// Withdraws a consent, once. The record keeps what was given; the withdrawal is
    /// written beside it. At once, in the same unit of work, the case leaves every
    /// future 重層的支援会議 it no longer has consent for (DOMAIN rule 6).
    @discardableResult
    public func withdrawConsent(
        caseId: Int64, consentId: Int64, _ input: WithdrawalInput, by actor: Actor
    ) async throws -> WithdrawalResult {
        try await audited(actor, "consent.withdraw", target: "case:\(caseId)/consent:\(consentId)") { work, note in
            try Access.require(.registerCases, actor)
            guard let recorder = actor.staffId else {
                throw KasaneError.forbidden("同意の撤回は、記録した職員が分かるようAPIから記録してください。")
            }
            let reason = try Validate.text(input.reason, field: "reason", label: "撤回の理由", max: 500)
            let today = LocalDate.today(now: note.at)
            let day = input.withdrawnOn ?? today
            guard day <= today else {
                throw KasaneError.invalid(field: "withdrawnOn", message: "撤回日に未来の日付は指定できません。")
            }
            _ = try CaseAccess.supportCase(work, id: caseId, for: actor, note: note)
            var consent = try ConsentRules.withdrawable(work, caseId: caseId, consentId: consentId)
            guard day >= consent.givenOn else {
                throw KasaneError.invalid(field: "withdrawnOn", message: "撤回日は同意日（\(consent.givenOn)）以降にしてください。")
            }
            consent.withdrawnOn = day
            consent.withdrawalReason = reason
            consent.withdrawalRecordedBy = recorder
            try work.consents.update(consent)
            let affected = try ConsentRules.cascadeWithdrawal(work, caseId: caseId, caseCode: note.caseCode, by: actor, now: note.at)
            return WithdrawalResult(consent: consent, affectedMeetingIds: affected)
        }
    }

    /// Every consent record of a case, oldest first.
    public func consents(caseId: Int64, for actor: Actor) async throws -> [Consent] {
        try await audited(actor, "consent.read", target: "case:\(caseId)") { work, note in
            _ = try CaseAccess.supportCase(work, id: caseId, for: actor, note: note)
            return try work.consents.consents(caseId: caseId)
        }
    }
}

/// What a withdrawal and its preview both start from, and what the withdrawal does.
enum ConsentRules {
    /// A consent recorded for this case and not yet withdrawn.
    static func withdrawable(_ work: any UnitOfWork, caseId: Int64, consentId: Int64) throws -> Consent {
        guard let consent = try work.consents.consent(id: consentId), consent.caseId == caseId else {
            throw KasaneError.notFound("本人同意（ID \(consentId)）はこの事例に記録されていません。")
        }
        if let already = consent.withdrawnOn {
            throw KasaneError.conflict("この本人同意は\(already)に撤回済みです。")
        }
        return consent
    }

    /// Each future 重層的支援会議 not yet held with the case on its agenda that `consents`
    /// change, with what changes (DOMAIN rule 6): the withdrawal writes these, its preview shows them.
    static func withdrawalOutcomes(
        _ work: any UnitOfWork, caseId: Int64, consents: [Consent], now: Date
    ) throws -> [(meeting: LoadedMeeting, outcome: ConsentWithdrawal.Outcome)] {
        let ids = try work.meetings.meetingIds(
            withCase: caseId, kind: .multiLayeredSupportMeeting, statuses: [.planned, .invited], startingAfter: now)
        guard !ids.isEmpty else { return [] }
        let staff = try MeetingFunnel.staffById(work)
        return try work.meetings.meetings(ids: ids).compactMap { loaded in
            let outcome = ConsentWithdrawal.apply(caseId: caseId, to: loaded.state, consents: consents, staff: staff)
            return outcome.changed ? (loaded, outcome) : nil
        }
    }

    /// Takes the case out of every future 重層的支援会議 its consent no longer allows.
    static func cascadeWithdrawal(_ work: any UnitOfWork, caseId: Int64, caseCode: String?, by actor: Actor, now: Date) throws -> [Int64] {
        var affected: [Int64] = []
        let code = caseCode ?? "事例\(caseId)"
        let why = "\(code) の本人同意の撤回"
        for (found, outcome) in try withdrawalOutcomes(work, caseId: caseId, consents: try work.consents.consents(caseId: caseId), now: now) {
            var loaded = found
            guard let id = loaded.meeting.id else { continue }
            for itemId in outcome.removedItemIds { try work.meetings.deleteItem(id: itemId) }
            for item in outcome.items { try work.meetings.update(item) }
            for a in loaded.attendees {
                if let kept = outcome.attendees.first(where: { $0.staffId == a.staffId }) {
                    if kept != a { try work.meetings.update(kept) }
                } else {
                    try work.meetings.delete(a)
                }
            }
            loaded.meeting.sequence += 1
            try work.meetings.update(loaded.meeting)
            // The meeting as the withdrawal left it, passed on to plans and delivery.
            loaded.items = outcome.items
            loaded.attendees = outcome.attendees
            try MeetingFunnel.record(work, loaded.meeting, .consentWithdrawn, staffId: nil, detail: why, at: now)
            for staffId in outcome.removedAttendeeStaffIds {
                try MeetingFunnel.record(work, loaded.meeting, .attendeeRemoved, staffId: staffId, detail: why, at: now)
            }
            for staffId in outcome.narrowedAttendeeStaffIds {
                try MeetingFunnel.record(work, loaded.meeting, .attendeeChanged, staffId: staffId, detail: why, at: now)
            }
            try MeetingFunnel.syncPlans(work, loaded, by: actor, now: now)
            try MeetingFunnel.deliver(work, loaded, now: now)
            let trace = AuditNote(target: "meeting:\(id)", at: now)
            trace.meetingId = id
            trace.caseCode = caseCode
            trace.detail = "本人同意の撤回により議題\(outcome.removedItemIds.count)件・出席者\(outcome.removedAttendeeStaffIds.count)名を外しました"
            try work.audit.append(actor, "meeting.consentWithdrawn", trace, allowed: true)
            affected.append(id)
        }
        return affected
    }
}
