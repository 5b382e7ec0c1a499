/// Who may do what. Every entry point asks these; none decides on its own.
public enum Access {
    public enum Action: Sendable {
        case manageDirectory      // agencies, staff, districts, fields, imports
        case manageSettings
        case recordPledge
        case registerCases        // create and edit cases, household, consent, assignments
        case proposeMembers
        case manageMeetings       // create, move, fill, cancel meetings
        case recordHeld           // mark a meeting held
        case readAuditLog
        case writeMinutes         // draft, edit and correct minutes; verify, archive, retention
        case followPlans          // overdue reviews, resource gaps, yearly figures (no personal data)

        var allowedRoles: Set<StaffRole> {
            switch self {
            case .manageDirectory, .manageSettings: [.administrator]
            case .recordPledge: [.administrator, .coordinator, .secretariat]
            case .registerCases, .proposeMembers, .manageMeetings: [.coordinator]
            case .recordHeld: [.coordinator, .secretariat]
            case .readAuditLog: [.administrator]
            case .writeMinutes: [.secretariat]
            case .followPlans: [.secretariat, .coordinator]
            }
        }

        var japaneseName: String {
            switch self {
            case .manageDirectory: "機関・職員の管理"
            case .manageSettings: "自治体設定の変更"
            case .recordPledge: "守秘義務の確認の記録"
            case .registerCases: "事例の登録・変更"
            case .proposeMembers: "会議構成員の選定"
            case .manageMeetings: "会議の作成・変更"
            case .recordHeld: "会議の開催記録"
            case .readAuditLog: "監査ログの閲覧"
            case .writeMinutes: "議事録の作成・訂正・保管"
            case .followPlans: "評価期限・社会資源の不足・年度実績の確認"
            }
        }
    }

    /// Whether `require` would let the actor do `action`.
    public static func allows(_ action: Action, _ actor: Actor) -> Bool {
        (try? require(action, actor)) != nil
    }

    public static func require(_ action: Action, _ actor: Actor) throws {
        switch actor.kind {
        case .localOperator:
            return
        case .staff(let staff):
            guard staff.active else { throw KasaneError.forbidden("無効な職員のため操作できません。") }
            guard staff.roles.contains(where: action.allowedRoles.contains) else {
                let roles = action.allowedRoles.sorted().map(\.japaneseName).joined(separator: "・")
                throw KasaneError.forbidden("\(action.japaneseName)は\(roles)の役割の職員だけが行えます。")
            }
        }
    }

    /// Whether the actor may know the case exists and read its non-personal details
    /// (code, fields, agencies, labels). Coordinators and the secretariat see every
    /// case; a member those their agency is involved in, and those they hear in a
    /// meeting (`hearing`: see `MeetingAccess.casesHeard`); an administrator none.
    public static func mayRead(case c: SupportCase, _ actor: Actor, hearing: Set<Int64> = []) -> Bool {
        guard case .staff(let staff) = actor.kind else { return true }
        guard staff.active else { return false }
        if staff.has(.coordinator) || staff.has(.secretariat) { return true }
        return staff.has(.member) && (c.involves(agency: staff.agencyId) || hearing.contains(c.id ?? -1))
    }

    /// Whether the actor may read the household's personal data: coordinators, and
    /// members of an agency involved in the case or who hear it in a meeting. The
    /// secretariat works from codes and labels; administrators read no case details.
    public static func mayReadPersonalData(of c: SupportCase, _ actor: Actor, hearing: Set<Int64> = []) -> Bool {
        guard case .staff(let staff) = actor.kind else { return true }
        guard staff.active else { return false }
        if staff.has(.coordinator) { return true }
        return staff.has(.member) && (c.involves(agency: staff.agencyId) || hearing.contains(c.id ?? -1))
    }
}
