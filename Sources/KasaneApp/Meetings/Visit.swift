import Foundation
import KasaneCore
import KasaneStorage

/// Where a visit goes, for those who may read the household's personal data.
public struct VisitAddress: Codable, Sendable, Equatable {
    public var meetingId: Int64
    public var caseId: Int64
    public var caseCode: String
    /// The household member whose address it is, by their label (本人 50代男性).
    public var memberLabel: String?
    /// nil when no member of the household has an address recorded.
    public var address: String?
}

extension TransactionalStorage {
    /// The address a visit goes to: the principal's, or another member's when the
    /// principal has none. Only for those who see the meeting and may read the case's
    /// personal data; every reading and refusal is audited as a read of personal data.
    public func visitAddress(meetingId: Int64, for actor: Actor) async throws -> VisitAddress {
        try await audited(actor, "personal.read", target: "meeting:\(meetingId)/visit") { work, note in
            let loaded = try MeetingFunnel.visible(work, id: meetingId, for: actor, note: note)
            guard loaded.meeting.placeKind == .visit, let caseId = loaded.meeting.visitCaseId,
                  let c = try work.cases.supportCase(id: caseId)
            else {
                throw KasaneError.notFound("この会議は訪問ではありません（場所: \(loaded.meeting.place)）。")
            }
            note.caseCode = c.code
            guard Access.mayReadPersonalData(of: c, actor, hearing: try CaseAccess.casesHeard(work, by: actor)) else {
                throw KasaneError.forbidden(
                    "訪問先の住所は、この事例の個人情報を閲覧できる方にだけ表示されます。議長（多機関協働事業者）にお問い合わせください。")
            }
            // The principal's address, or else the first member's who has one.
            let addresses = Dictionary(
                try work.household.personal(caseId: caseId, excluding: nil).compactMap { p in
                    p.address.flatMap { $0.isEmpty ? nil : (p.memberId, $0) }
                }, uniquingKeysWith: { first, _ in first })
            let member = try work.household.members(caseId: caseId)
                .sorted { ($0.isPrincipal ? 0 : 1, $0.id ?? 0) < ($1.isPrincipal ? 0 : 1, $1.id ?? 0) }
                .first { addresses[$0.id ?? -1] != nil }
            return VisitAddress(
                meetingId: meetingId, caseId: caseId, caseCode: c.code, memberLabel: member?.label,
                address: member.flatMap { addresses[$0.id ?? -1] })
        }
    }
}
