import Foundation
import KasaneCore
import KasaneStorage

/// The case access rule as a unit of work applies it: who may know of a case, its household
/// and its personal data. A case someone may not read gets the same answer as one that does
/// not exist, so that its existence is not revealed to them (the audit log, which only
/// administrators read, keeps the code).
public enum CaseAccess {
    /// A case the actor may read.
    public static func supportCase(_ work: any UnitOfWork, id: Int64, for actor: Actor, note: AuditNote? = nil) throws -> SupportCase {
        let c = try work.cases.supportCase(id: id)
        note?.caseCode = c?.code
        guard let c, Access.mayRead(case: c, actor, hearing: try casesHeard(work, by: actor)) else {
            throw KasaneError.notFound("事例（ID \(id)）は見つかりません。")
        }
        return c
    }

    /// A member of the household of a case the actor may read.
    public static func householdMember(
        _ work: any UnitOfWork, caseId: Int64, memberId: Int64, for actor: Actor, note: AuditNote? = nil
    ) throws -> HouseholdMember {
        _ = try supportCase(work, id: caseId, for: actor, note: note)
        guard let member = try work.household.member(id: memberId), member.caseId == caseId else {
            throw KasaneError.notFound("世帯員（ID \(memberId)）はこの事例に登録されていません。")
        }
        return member
    }

    /// Refuses unless the actor may read the personal data of the case's household.
    public static func requirePersonalData(_ work: any UnitOfWork, of c: SupportCase, for actor: Actor) throws {
        guard Access.mayReadPersonalData(of: c, actor, hearing: try casesHeard(work, by: actor)) else {
            throw KasaneError.forbidden("この事例の個人情報を閲覧する権限がありません。")
        }
    }

    /// The cases a member hears in live meetings, for the case access rule. Coordinators and
    /// the secretariat read cases by their role and hear none this way.
    public static func casesHeard(_ work: any UnitOfWork, by actor: Actor) throws -> Set<Int64> {
        guard let staff = actor.staff, let staffId = staff.id, !staff.has(.coordinator), !staff.has(.secretariat) else { return [] }
        let ids = try work.meetings.liveMeetingIds(attendedBy: staffId)
        return MeetingAccess.casesHeard(in: try views(work, meetingIds: ids).map(\.view), by: staff)
    }

    /// Meetings loaded whole with what their access rule reads (the consents of every case on
    /// their agendas), in the order of `meetingIds`.
    public static func views(_ work: any UnitOfWork, meetingIds: [Int64]) throws -> [(loaded: LoadedMeeting, view: MeetingAccess.View)] {
        guard !meetingIds.isEmpty else { return [] }
        let loaded = try work.meetings.meetings(ids: meetingIds)
        let consents = try work.consents.consents(caseIds: Set(loaded.flatMap { $0.items.compactMap(\.caseId) }))
        return loaded.map { one in
            var caseConsents: [Int64: [Consent]] = [:]
            for caseId in Set(one.items.compactMap(\.caseId)) { caseConsents[caseId] = consents[caseId] ?? [] }
            return (one, MeetingAccess.View(meeting: one.meeting, items: one.items, attendees: one.attendees, consents: caseConsents))
        }
    }

    /// One meeting with what its access rule reads.
    public static func view(_ work: any UnitOfWork, _ loaded: LoadedMeeting) throws -> MeetingAccess.View {
        let caseIds = Set(loaded.items.compactMap(\.caseId))
        return MeetingAccess.View(
            meeting: loaded.meeting, items: loaded.items, attendees: loaded.attendees,
            consents: try work.consents.consents(caseIds: caseIds))
    }
}
