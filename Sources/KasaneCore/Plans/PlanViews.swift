import Foundation

/// One move of a plan, and what made it.
public struct PlanTransition: Codable, Sendable, Equatable {
    public var from: PlanState
    public var to: PlanState
    public var toName: String
    public var on: LocalDate
    public var meetingId: Int64?
    /// The minutes version whose approval made it (承認・見直し・終結・中断 always have one).
    public var minutesVersion: Int?
    public var decision: DecisionKind?
    public var termination: TerminationReason?
    public var agencyId: Int64?
    public var reason: String?

    public init(
        from: PlanState, to: PlanState, on: LocalDate, meetingId: Int64?, minutesVersion: Int?, decision: DecisionKind?,
        termination: TerminationReason?, agencyId: Int64?, reason: String?
    ) {
        self.from = from
        self.to = to
        toName = to.japaneseName
        self.on = on
        self.meetingId = meetingId
        self.minutesVersion = minutesVersion
        self.decision = decision
        self.termination = termination
        self.agencyId = agencyId
        self.reason = reason
    }
}

/// A goal's evaluation or a role given, as decided in minutes.
public struct PlanEvent: Codable, Sendable, Equatable {
    public var kind: DecisionKind
    public var on: LocalDate
    public var meetingId: Int64
    public var goal: Int?
    public var rating: GoalRating?
    public var agencyId: Int64?
    public var detail: String?

    public init(kind: DecisionKind, on: LocalDate, meetingId: Int64, goal: Int?, rating: GoalRating?, agencyId: Int64?, detail: String?) {
        self.kind = kind
        self.on = on
        self.meetingId = meetingId
        self.goal = goal
        self.rating = rating
        self.agencyId = agencyId
        self.detail = detail
    }
}

/// One version of a case's support plan, with its history.
public struct SupportPlan: Codable, Sendable, Equatable {
    public var id: Int64
    public var caseId: Int64
    public var caseCode: String
    public var version: Int
    public var state: PlanState
    public var stateName: String
    public var wishes: String
    public var goals: [PlanGoal]
    public var nextReviewOn: LocalDate
    public var createdOn: LocalDate
    public var history: [PlanTransition]
    public var events: [PlanEvent]

    public init(
        id: Int64, caseId: Int64, caseCode: String, version: Int, state: PlanState, content: PlanInput, createdOn: LocalDate,
        history: [PlanTransition], events: [PlanEvent]
    ) {
        self.id = id
        self.caseId = caseId
        self.caseCode = caseCode
        self.version = version
        self.state = state
        stateName = state.japaneseName
        wishes = content.wishes
        goals = content.goals
        nextReviewOn = content.nextReviewOn
        self.createdOn = createdOn
        self.history = history
        self.events = events
    }

    /// 長期目標: …／短期目標: … in one line, for the attendee's agenda.
    public var summary: String {
        let goals = goals.enumerated().map { "\($0.offset + 1). \($0.element.term.japaneseName): \($0.element.text)" }.joined(separator: "／")
        return "第\(version)版（\(stateName)）本人の意向: \(wishes)／\(goals)"
    }
}

/// A plan whose review date has passed, or is near, and where it could be discussed.
public struct OverdueReview: Codable, Sendable, Equatable {
    public var planId: Int64
    public var caseId: Int64
    public var caseCode: String
    public var state: PlanState
    public var nextReviewOn: LocalDate
    /// Negative: days overdue.
    public var daysLeft: Int
    /// The next 重層的支援会議 with room for one more item, if there is one.
    public var suggestedMeetingId: Int64?
    public var suggestion: String

    public init(
        planId: Int64, caseId: Int64, caseCode: String, state: PlanState, nextReviewOn: LocalDate, daysLeft: Int,
        suggestedMeetingId: Int64?, suggestion: String
    ) {
        self.planId = planId
        self.caseId = caseId
        self.caseCode = caseCode
        self.state = state
        self.nextReviewOn = nextReviewOn
        self.daysLeft = daysLeft
        self.suggestedMeetingId = suggestedMeetingId
        self.suggestion = suggestion
    }
}

/// 社会資源の不足: raised by a decision, followed until resolved. Codes only.
public enum GapStatus: String, Codable, Sendable, CaseIterable {
    case open
    case studying
    case project
    case resolved

    public var japaneseName: String {
        switch self {
        case .open: "未対応"
        case .studying: "検討中"
        case .project: "事業化"
        case .resolved: "解決"
        }
    }

    /// Forward only: open → studying → project → resolved (a step may be skipped).
    public func canMove(to next: GapStatus) -> Bool {
        (Self.allCases.firstIndex(of: next) ?? 0) > (Self.allCases.firstIndex(of: self) ?? 0)
    }
}

public struct ResourceGap: Codable, Sendable, Equatable {
    public var id: Int64
    public var field: Field
    public var district: String?
    public var description: String
    public var caseCodes: [String]
    public var status: GapStatus
    public var statusName: String
    /// The 協議体 or department it was passed to.
    public var passedTo: String?
    public var raisedOn: LocalDate
    public var resolvedOn: LocalDate?
    public var meetingId: Int64?

    public init(
        id: Int64, field: Field, district: String?, description: String, caseCodes: [String], status: GapStatus, passedTo: String?,
        raisedOn: LocalDate, resolvedOn: LocalDate?, meetingId: Int64?
    ) {
        self.id = id
        self.field = field
        self.district = district
        self.description = description
        self.caseCodes = caseCodes
        self.status = status
        statusName = status.japaneseName
        self.passedTo = passedTo
        self.raisedOn = raisedOn
        self.resolvedOn = resolvedOn
        self.meetingId = meetingId
    }
}

/// Moving a gap on: its new status and who it went to.
public struct GapUpdate: Codable, Sendable, Equatable {
    public var status: GapStatus
    public var passedTo: String?

    public init(status: GapStatus, passedTo: String? = nil) {
        self.status = status
        self.passedTo = passedTo
    }
}

/// Reopening a terminated or suspended case on a new referral (再受付).
public struct ReopenInput: Codable, Sendable, Equatable {
    public var reason: String

    public init(reason: String) { self.reason = reason }
}
