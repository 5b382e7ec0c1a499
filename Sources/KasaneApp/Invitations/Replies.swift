import Foundation
import KasaneCore
import KasaneStorage

// Members' answers: an iTIP REPLY records an attendee's answer (an older one is ignored), a
// COUNTER records a proposal of another time and never changes the meeting.

/// What importing an iTIP message did.
public struct ReplyOutcome: Codable, Sendable, Equatable {
    public enum Result: String, Codable, Sendable { case recorded, ignoredAsStale, counterRecorded }
    public var result: Result
    public var meetingId: Int64
    public var staffId: Int64
    public var response: AttendeeResponse
    public var message: String
}

extension TransactionalStorage {
    /// Records a member's REPLY (their answer) or COUNTER (a proposal, never a change).
    /// A reply older than the last one recorded (lower SEQUENCE, or an older DTSTAMP at
    /// the same SEQUENCE) is ignored. An unknown meeting or attendee is refused.
    public func importReply(_ reply: ITIPReply, attendeeEmails: [String], by actor: Actor) async throws
        -> ReplyOutcome
    {
        try await audited(actor, "itip.\(reply.method.rawValue.lowercased())", target: "uid:\(reply.uid)") { work, note in
            let now = note.at
            // A reply that is not the sender's to give gets one answer, whatever the reason, so
            // that nobody learns from it whether a meeting exists or who attends it; the
            // audit log keeps the real reason.
            func notYours(_ reason: String) -> KasaneError {
                note.refusal = reason
                return ReplyRules.notYours
            }
            guard let meeting = try work.replies.meeting(uid: reply.uid), let meetingId = meeting.id else {
                throw notYours("UID \(reply.uid) の会議はありません")
            }
            note.meetingId = meetingId
            note.target = "meeting:\(meetingId)"
            let attendees = try work.replies.attendees(meetingId: meetingId)
            // The attendee this message speaks for: the sender themself, when a member sends it.
            let speaksForAnyone = actor.staff.map { $0.has(.coordinator) || $0.has(.secretariat) } ?? true
            let candidates = speaksForAnyone ? attendeeEmails : attendeeEmails.filter { $0 == actor.staff?.email.lowercased() }
            guard let attendee = attendees.first(where: { candidates.contains($0.email.lowercased()) }) else {
                let forSomeoneElse = attendeeEmails.contains { e in attendees.contains { $0.email.lowercased() == e } }
                throw notYours(forSomeoneElse
                    ? "他の出席者（\(attendeeEmails.joined(separator: ", "))）の返信"
                    : "\(attendeeEmails.joined(separator: ", ")) はこの会議の出席者ではない")
            }
            guard meeting.status != .cancelled else {
                throw KasaneError.conflict("この会議は中止されています。返信は記録しません。")
            }
            guard reply.sequence <= meeting.sequence else {
                throw KasaneError.invalid(
                    field: "calendar", message: "SEQUENCE \(reply.sequence) はこの会議の最新（\(meeting.sequence)）より新しく、不正です。")
            }
            let staffId = attendee.staffId
            switch reply.method {
            case .counter:
                guard let start = reply.proposedStart, let end = reply.proposedEnd, end > start else {
                    throw KasaneError.invalid(field: "calendar", message: "提案された時間（DTSTART / DTEND）が正しくありません。")
                }
                try work.replies.insert(CounterProposal(
                    meetingId: meetingId, staffId: staffId, proposedStart: start, proposedEnd: end, comment: reply.comment,
                    sequence: reply.sequence, receivedAt: now))
                return ReplyOutcome(
                    result: .counterRecorded, meetingId: meetingId, staffId: staffId, response: reply.response,
                    message: "別の日時の提案を記録しました。会議は変更していません（多機関協働の担当者が判断します）。")
            case .reply:
                let lastSequence = attendee.replySequence
                let lastStamp = attendee.replyStamp
                if let lastSequence, reply.sequence < lastSequence
                    || (reply.sequence == lastSequence && lastStamp.map { reply.dtstamp <= $0 } == true)
                {
                    note.detail = "古い返信のため無視"
                    return ReplyOutcome(
                        result: .ignoredAsStale, meetingId: meetingId, staffId: staffId, response: attendee.response,
                        message: "既に記録した返信より古い返信のため、無視しました。")
                }
                try work.replies.recordReply(
                    meetingId: meetingId, staffId: staffId, response: reply.response, sequence: reply.sequence, stamp: reply.dtstamp, at: now)
                return ReplyOutcome(
                    result: .recorded, meetingId: meetingId, staffId: staffId, response: reply.response,
                    message: "返信（\(reply.response.japaneseName)）を記録しました。")
            }
        }
    }

    /// Proposals of other times, for the coordinator.
    public func counterProposals(meetingId: Int64, for actor: Actor) async throws -> [CounterProposal] {
        try await audited(actor, "meeting.counters.read", target: "meeting:\(meetingId)") { work, note in
            try Access.require(.manageMeetings, actor)
            _ = try MeetingFunnel.visible(work, id: meetingId, for: actor, note: note)
            return try work.replies.counters(meetingId: meetingId)
        }
    }
}

enum ReplyRules {
    /// The one answer to a reply that is not the sender's to give: an unknown UID, a meeting
    /// they do not attend, another attendee's answer.
    static let notYours = KasaneError.notFound(
        "この返信は取り込めません。Kasaneからご自身に届いた招待に、ご自身の出欠として返信してください。")
}
