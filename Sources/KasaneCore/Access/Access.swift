/// Who may do what. Every entry point asks these; none decides on its own.
public enum Access {
    public enum Action: Sendable {
        case manageDirectory      // agencies, staff, districts, fields, imports
        case manageSettings
        case recordPledge
        case registerCases        // create and edit cases, household, consent, assignments
        case proposeMembers

        var allowedRoles: Set<StaffRole> {
            switch self {
            case .manageDirectory, .manageSettings: [.administrator]
            case .recordPledge: [.administrator, .coordinator, .secretariat]
            case .registerCases, .proposeMembers: [.coordinator]
            }
        }

        var japaneseName: String {
            switch self {
            case .manageDirectory: "機関・職員の管理"
            case .manageSettings: "自治体設定の変更"
            case .recordPledge: "守秘義務の確認の記録"
            case .registerCases: "事例の登録・変更"
            case .proposeMembers: "会議構成員の選定"
            }
        }
    }

    public static func require(_ action: Action, _ actor: Actor) throws {
        switch actor {
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
    /// case; a member only those their agency is involved in; an administrator none.
    public static func mayRead(case c: SupportCase, _ actor: Actor) -> Bool {
        guard case .staff(let staff) = actor else { return true }
        guard staff.active else { return false }
        if staff.has(.coordinator) || staff.has(.secretariat) { return true }
        return staff.has(.member) && c.involves(agency: staff.agencyId)
    }

    /// Whether the actor may read the household's personal data: coordinators, and
    /// members of an agency involved in the case. The secretariat works from codes
    /// and labels; administrators read no case details.
    public static func mayReadPersonalData(of c: SupportCase, _ actor: Actor) -> Bool {
        guard case .staff(let staff) = actor else { return true }
        guard staff.active else { return false }
        if staff.has(.coordinator) { return true }
        return staff.has(.member) && c.involves(agency: staff.agencyId)
    }
}
