import Foundation

/// 日程調整: candidate times put to the members, each answered ○ / △ / ×, for members
/// whose calendars Kasane cannot read.
public enum PollAnswer: String, Codable, Sendable, CaseIterable {
    case yes, maybe, no

    public var mark: String {
        switch self {
        case .yes: "○"
        case .maybe: "△"
        case .no: "×"
        }
    }

    /// Accepts `yes`/`maybe`/`no` and the marks themselves (○ △ ×, also ◯ and ✕).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self).trimmingCharacters(in: .whitespaces)
        switch text {
        case "yes", "○", "◯", "〇": self = .yes
        case "maybe", "△": self = .maybe
        case "no", "×", "✕", "x": self = .no
        default:
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "回答は ○（yes）・△（maybe）・×（no）のどれかです（\(text)）")
        }
    }
}

public enum PollStatus: String, Codable, Sendable {
    case open, closed, booked

    public var japaneseName: String {
        switch self {
        case .open: "回答受付中"
        case .closed: "締切"
        case .booked: "日程決定"
        }
    }
}

/// A time put to the members.
public struct PollSlotInput: Codable, Sendable, Equatable {
    public var startsAt: Date
    public var endsAt: Date

    public init(startsAt: Date, endsAt: Date) {
        self.startsAt = startsAt
        self.endsAt = endsAt
    }
}

/// What a coordinator sends to open a poll: the members (from a stored proposal, or
/// listed) and the candidate times (from a search, or chosen by hand).
public struct PollInput: Codable, Sendable, Equatable {
    public var kind: MeetingKind
    public var proposalId: Int64?
    public var required: [Int64]?
    public var optional: [Int64]?
    public var slots: [PollSlotInput]
    /// Answers are taken until the end of this day (Japan); default: none set.
    public var closesOn: LocalDate?
    public var note: String?

    public init(
        kind: MeetingKind, proposalId: Int64? = nil, required: [Int64]? = nil, optional: [Int64]? = nil, slots: [PollSlotInput],
        closesOn: LocalDate? = nil, note: String? = nil
    ) {
        self.kind = kind
        self.proposalId = proposalId
        self.required = required
        self.optional = optional
        self.slots = slots
        self.closesOn = closesOn
        self.note = note
    }

    public func validated(now: Date) throws -> PollInput {
        guard (1...20).contains(slots.count) else {
            throw KasaneError.invalid(field: "slots", message: "候補は1件から20件にしてください（\(slots.count)件）。")
        }
        for (i, slot) in slots.enumerated() {
            do {
                try MeetingInput.validateTime(startsAt: slot.startsAt, endsAt: slot.endsAt)
            } catch KasaneError.invalid(let field, let message) {
                throw KasaneError.invalid(field: "slots[\(i)].\(field ?? "startsAt")", message: message)
            }
            guard slot.startsAt > now else {
                throw KasaneError.invalid(field: "slots[\(i)].startsAt", message: "過ぎた時間は候補にできません。")
            }
        }
        guard proposalId != nil || !(required ?? []).isEmpty else {
            throw KasaneError.invalid(field: "required", message: "回答を求める出席者（required）か、構成員の提案（proposalId）を指定してください。")
        }
        var v = self
        v.note = try Validate.optionalText(note, field: "note", label: "連絡事項", max: 500)
        return v
    }
}

/// A member's answers: one per slot they answer.
public struct PollAnswersInput: Codable, Sendable, Equatable {
    public struct Answer: Codable, Sendable, Equatable {
        public var slotId: Int64
        public var answer: PollAnswer

        public init(slotId: Int64, answer: PollAnswer) {
            self.slotId = slotId
            self.answer = answer
        }
    }

    public var answers: [Answer]

    public init(answers: [Answer]) { self.answers = answers }
}
