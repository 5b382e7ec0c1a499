import Foundation
import KasaneCore
import KasaneStorage

// Invitations (iTIP REQUEST through iMIP): sent once by the coordinator; from then on every
// change of the meeting sends its updates and cancellations by itself (MeetingFunnel.deliver).

extension TransactionalStorage {
    /// Sends the invitations of a planned meeting: a REQUEST to every attendee but the chair,
    /// who is its ORGANIZER. From then on, every change sends updates and cancellations by itself.
    public func sendInvitations(meetingId: Int64, by actor: Actor) async throws -> [OutgoingMessage] {
        try await audited(actor, "meeting.invite", target: "meeting:\(meetingId)") { work, note in
            let now = note.at
            try Access.require(.manageMeetings, actor)
            var loaded = try MeetingFunnel.visible(work, id: meetingId, for: actor, note: note)
            guard loaded.meeting.status == .planned else {
                throw KasaneError.conflict(
                    "\(loaded.meeting.status.japaneseName)の会議には招集を送れません（変更は自動で送られます）。")
            }
            loaded.meeting.status = .invited
            try work.meetings.update(loaded.meeting)
            try work.meetings.markChangesDelivered(meetingId: meetingId, at: now)
            let r = try MeetingFunnel.rendering(work, loaded)
            // The chair is the ORGANIZER: the invitation comes from them, not to them.
            return try loaded.attendees.filter { $0.staffId != loaded.meeting.chairId }.map { a in
                try MeetingFunnel.enqueue(work, r, staffId: a.staffId, method: .request, now: now)
            }
        }
    }

    /// Every message of a meeting, for the coordinator.
    public func messages(meetingId: Int64, for actor: Actor) async throws -> [OutgoingMessage] {
        try await audited(actor, "meeting.messages.read", target: "meeting:\(meetingId)") { work, note in
            try Access.require(.manageMeetings, actor)
            _ = try MeetingFunnel.visible(work, id: meetingId, for: actor, note: note)
            return try work.outbox.messages(meetingId: meetingId)
        }
    }
}
