import Foundation
import KasaneCore
import KasaneStorage

extension TransactionalStorage {
    /// Books a found time: in one transaction, checks again that every required person
    /// is free (their own calendar, and their Kasane meetings with the city's buffer) and
    /// that the room is free, then creates the meeting (or moves it) through the same
    /// funnel as any other. Someone may have booked in between: then nothing is created
    /// and the 409 names who or what is no longer free.
    public func book(_ request: BookingRequest, by actor: Actor) async throws -> MeetingMaterial {
        try await audited(actor, request.meetingId == nil ? "schedule.book" : "schedule.move", target: "schedule") { work, note in
            try Access.require(.manageMeetings, actor)
            try MeetingInput.validateTime(startsAt: request.startsAt, endsAt: request.endsAt)
            var required = request.required ?? []
            if let proposalId = request.proposalId {
                required += try SelectionRules.stored(work, id: proposalId).proposal.members.map(\.staffId)
            }
            if let meetingId = request.meetingId {
                required += try MeetingFunnel.load(work, id: meetingId).attendees
                    .filter { $0.role == .chair || $0.role == .required }.map(\.staffId)
            }
            required = SchedulingRules.unique(required)
            try SchedulingRules.checkStillFree(work, required, start: request.startsAt, end: request.endsAt, excluding: request.meetingId)
            if let meetingId = request.meetingId {
                return try MeetingMaking.move(work, id: meetingId,
                    MeetingChangeInput(startsAt: request.startsAt, endsAt: request.endsAt, place: request.place, roomId: request.roomId),
                    by: actor, note: note)
            }
            return try MeetingMaking.insert(
                work,
                MeetingInput(
                    kind: request.kind, startsAt: request.startsAt, endsAt: request.endsAt, place: request.place ?? "",
                    proposalId: request.proposalId, items: request.items, roomId: request.roomId),
                extra: (request.required ?? []).map { ($0, .required) }, by: actor, note: note)
        }
    }
}
