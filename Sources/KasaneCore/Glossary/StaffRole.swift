import Foundation

/// What a staff member does in Kasane. One person may hold several roles.
public enum StaffRole: String, Codable, Sendable, CaseIterable, Comparable {
    /// 多機関協働事業者 / 地域共生課: registers cases, records consent, schedules, chairs.
    case coordinator
    /// 事務局: writes and archives minutes, answers for the yearly figures.
    case secretariat
    /// 支援関係機関の担当者: attends meetings for their agency.
    case member
    /// システム管理者: keeps the directory, settings and backups; reads no case details.
    case administrator

    public var japaneseName: String {
        switch self {
        case .coordinator: "多機関協働"
        case .secretariat: "事務局"
        case .member: "構成員"
        case .administrator: "管理者"
        }
    }

    /// Accepts the English raw value or the Japanese names people type in a spreadsheet.
    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let role = StaffRole(rawValue: t.lowercased()) { self = role; return }
        switch t {
        case "多機関協働", "多機関協働事業者", "コーディネーター", "調整役": self = .coordinator
        case "事務局": self = .secretariat
        case "構成員", "メンバー", "担当者": self = .member
        case "管理者", "システム管理者": self = .administrator
        default: return nil
        }
    }

    public static func < (lhs: StaffRole, rhs: StaffRole) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
