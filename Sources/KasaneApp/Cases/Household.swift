import Foundation
import KasaneCore
import KasaneStorage

// A case's household (世帯): what may travel of each member (relation and a label that names
// no one) and, kept apart, the personal data only those the access rule allows may read.

extension TransactionalStorage {
    /// Adds a member to a case's household; the personal data is stored apart.
    @discardableResult
    public func addHouseholdMember(caseId: Int64, _ input: HouseholdMemberInput, by actor: Actor) async throws
        -> HouseholdMember
    {
        try await audited(actor, "household.add", target: "case:\(caseId)") { work, note in
            try Access.require(.registerCases, actor)
            _ = try CaseAccess.supportCase(work, id: caseId, for: actor, note: note)
            let (member, personal) = try input.validated(
                caseId: caseId, memberId: nil, today: LocalDate.today(now: note.at),
                others: try HouseholdRules.identities(work, caseId: caseId, excluding: nil))
            try HouseholdRules.checkSinglePrincipal(member, work)
            try HouseholdRules.checkTravellingTexts(work, caseId: caseId, against: personal, excluding: nil)
            return try work.household.insert(member, personal)
        }
    }

    @discardableResult
    public func updateHouseholdMember(caseId: Int64, memberId: Int64, _ input: HouseholdMemberInput, by actor: Actor)
        async throws -> HouseholdMember
    {
        try await audited(actor, "household.update", target: "case:\(caseId)/household:\(memberId)") { work, note in
            try Access.require(.registerCases, actor)
            _ = try CaseAccess.householdMember(work, caseId: caseId, memberId: memberId, for: actor, note: note)
            let (member, personal) = try input.validated(
                caseId: caseId, memberId: memberId, today: LocalDate.today(now: note.at),
                others: try HouseholdRules.identities(work, caseId: caseId, excluding: memberId))
            try HouseholdRules.checkSinglePrincipal(member, work)
            try HouseholdRules.checkTravellingTexts(work, caseId: caseId, against: personal, excluding: memberId)
            try work.household.update(member, personal)
            return member
        }
    }

    /// The household as it may travel: relations and labels, no personal data.
    public func household(caseId: Int64, for actor: Actor) async throws -> [HouseholdMember] {
        try await audited(actor, "household.read", target: "case:\(caseId)") { work, note in
            _ = try CaseAccess.supportCase(work, id: caseId, for: actor, note: note)
            return try work.household.members(caseId: caseId)
        }
    }

    /// The personal data of one household member, for those the access rule allows.
    public func personalData(caseId: Int64, memberId: Int64, for actor: Actor) async throws -> HouseholdMemberPersonal {
        try await audited(actor, "personal.read", target: "case:\(caseId)/household:\(memberId)") { work, note in
            _ = try CaseAccess.householdMember(work, caseId: caseId, memberId: memberId, for: actor, note: note)
            try CaseAccess.requirePersonalData(work, of: try CaseAccess.supportCase(work, id: caseId, for: actor), for: actor)
            guard let personal = try work.household.personal(memberId: memberId) else {
                throw KasaneError.unusableDatabase("世帯員（ID \(memberId)）の個人情報の行がありません。")
            }
            return personal
        }
    }
}

/// What a household's members must hold against each other and against what travels.
public enum HouseholdRules {
    /// The personal data of a household's members (but `excluding`), for the check that
    /// nothing which travels names one of them.
    public static func identities(_ work: any UnitOfWork, caseId: Int64, excluding: Int64?) throws -> [PersonIdentity] {
        try work.household.personal(caseId: caseId, excluding: excluding).map(PersonIdentity.init)
    }

    /// A member added or changed must not already be named by what travels of the case:
    /// its summary and the labels of the other members.
    static func checkTravellingTexts(
        _ work: any UnitOfWork, caseId: Int64, against personal: HouseholdMemberPersonal, excluding: Int64?
    ) throws {
        let identity = [PersonIdentity(personal)]
        if let summary = try work.cases.supportCase(id: caseId)?.summary,
           IdentifyingText.finding(in: summary, against: identity) != nil
        {
            throw KasaneError.invalid(
                field: "name", message: "事例の概要にこの世帯員の氏名・生年月日が含まれています。先に事例の概要を個人を特定しない表現に直してください。")
        }
        for other in try work.household.members(caseId: caseId) where other.id != excluding
            && IdentifyingText.finding(in: other.label, against: identity) != nil
        {
            throw KasaneError.invalid(
                field: "name", message: "ほかの世帯員の表示ラベルにこの世帯員の氏名・生年月日が含まれています。先にそのラベルを直してください。")
        }
    }

    static func checkSinglePrincipal(_ member: HouseholdMember, _ work: any UnitOfWork) throws {
        guard member.isPrincipal else { return }
        let others = try work.household.members(caseId: member.caseId).filter { $0.isPrincipal && $0.id != member.id }
        guard others.isEmpty else {
            throw KasaneError.conflict("この事例には既に本人が登録されています。本人は1世帯に1人です。")
        }
    }
}
