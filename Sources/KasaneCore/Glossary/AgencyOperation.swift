import Foundation

/// How an agency is run: directly by the city (直営) or under contract (委託).
public enum AgencyOperation: String, Codable, Sendable, CaseIterable {
    case direct
    case contracted

    public var japaneseName: String {
        switch self {
        case .direct: "直営"
        case .contracted: "委託"
        }
    }

    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let op = AgencyOperation(rawValue: t.lowercased()) { self = op; return }
        switch t {
        case "直営": self = .direct
        case "委託", "指定管理", "補助": self = .contracted
        default: return nil
        }
    }
}
