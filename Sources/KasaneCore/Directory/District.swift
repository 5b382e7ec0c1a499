/// 地区 / 日常生活圏域: an area of the city that agencies serve and cases live in.
public struct District: Codable, Sendable, Equatable, Hashable {
    public var code: String
    public var name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    public func validated() throws -> District {
        District(
            code: try Validate.code(code, field: "code", label: "地区コード"),
            name: try Validate.text(name, field: "name", label: "地区名", max: 50))
    }
}
