import Foundation

/// An attendee's answer to an invitation (iCalendar PARTSTAT).
public enum AttendeeResponse: String, Codable, Sendable, CaseIterable {
    case needsAction = "NEEDS-ACTION"
    case accepted = "ACCEPTED"
    case declined = "DECLINED"
    case tentative = "TENTATIVE"

    public var japaneseName: String {
        switch self {
        case .needsAction: "未回答"
        case .accepted: "出席"
        case .declined: "欠席"
        case .tentative: "未定"
        }
    }
}

/// iTIP methods Kasane sends.
public enum InvitationMethod: String, Codable, Sendable {
    case request = "REQUEST"
    case cancel = "CANCEL"
}

/// Someone named in an invitation: the organizer or an attendee.
public struct InvitedParty: Codable, Sendable, Equatable {
    public var name: String
    public var email: String
    public var role: AttendeeRole
    public var response: AttendeeResponse

    public init(name: String, email: String, role: AttendeeRole, response: AttendeeResponse) {
        self.name = name
        self.email = email
        self.role = role
        self.response = response
    }

    /// The iCalendar ROLE.
    public var icalRole: String {
        switch role {
        case .chair: "CHAIR"
        case .required: "REQ-PARTICIPANT"
        case .optional: "OPT-PARTICIPANT"
        case .observer: "NON-PARTICIPANT"
        }
    }
}

/// One meeting as one recipient's calendar shows it: what an invite, update,
/// cancellation or feed entry says. It carries the generated title, agenda purposes
/// and case codes only: nothing of any household.
public struct Invitation: Codable, Sendable, Equatable {
    public var meetingId: Int64
    public var uid: String
    public var sequence: Int
    public var cancelled: Bool
    public var title: String
    public var description: String
    public var place: String
    public var startsAt: Date
    public var endsAt: Date
    public var organizer: InvitedParty
    public var attendees: [InvitedParty]
    public var url: String
    /// A cancellation for one attendee taken off a meeting that still takes place (an
    /// uninvitation, RFC 5546 3.2.5): it carries no STATUS. nil (as stored before) is false.
    public var uninvited: Bool?

    public init(
        meetingId: Int64, uid: String, sequence: Int, cancelled: Bool, title: String, description: String, place: String,
        startsAt: Date, endsAt: Date, organizer: InvitedParty, attendees: [InvitedParty], url: String, uninvited: Bool? = nil
    ) {
        self.meetingId = meetingId
        self.uid = uid
        self.sequence = sequence
        self.cancelled = cancelled
        self.title = title
        self.description = description
        self.place = place
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.organizer = organizer
        self.attendees = attendees
        self.url = url
        self.uninvited = uninvited
    }

    /// The DESCRIPTION: agenda purposes and case codes the recipient may hear, and the link.
    public static func description(items: [(time: String, purpose: String, caseCode: String?)], withheld: Int, url: String) -> String {
        var lines = ["【議題】"]
        for (i, item) in items.enumerated() {
            lines.append("\(i + 1). \(item.time) \(item.purpose)" + (item.caseCode.map { "（\($0)）" } ?? ""))
        }
        if withheld > 0 { lines.append("（ほか\(withheld)件の議題には出席しません）") }
        lines.append("")
        lines.append("詳細はKasaneで確認してください: \(url)")
        lines.append("この会議の内容には守秘義務があります。")
        return lines.joined(separator: "\n")
    }
}

/// A message to one recipient: what an e-mail carries.
public struct OutgoingMessage: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var meetingId: Int64
    public var staffId: Int64
    public var email: String
    public var method: InvitationMethod
    public var sequence: Int
    public var invitation: Invitation
    public var createdAt: Date

    public init(
        id: Int64? = nil, meetingId: Int64, staffId: Int64, email: String, method: InvitationMethod, sequence: Int,
        invitation: Invitation, createdAt: Date
    ) {
        self.id = id
        self.meetingId = meetingId
        self.staffId = staffId
        self.email = email
        self.method = method
        self.sequence = sequence
        self.invitation = invitation
        self.createdAt = createdAt
    }
}

/// An iTIP message received from a member's calendar.
public struct ITIPReply: Codable, Sendable, Equatable {
    public enum Method: String, Codable, Sendable { case reply = "REPLY", counter = "COUNTER" }

    public var method: Method
    public var uid: String
    public var sequence: Int
    public var dtstamp: Date
    public var attendeeEmail: String
    public var response: AttendeeResponse
    /// For a COUNTER: the time proposed.
    public var proposedStart: Date?
    public var proposedEnd: Date?
    public var comment: String?

    public init(
        method: Method, uid: String, sequence: Int, dtstamp: Date, attendeeEmail: String, response: AttendeeResponse,
        proposedStart: Date? = nil, proposedEnd: Date? = nil, comment: String? = nil
    ) {
        self.method = method
        self.uid = uid
        self.sequence = sequence
        self.dtstamp = dtstamp
        self.attendeeEmail = attendeeEmail
        self.response = response
        self.proposedStart = proposedStart
        self.proposedEnd = proposedEnd
        self.comment = comment
    }
}
