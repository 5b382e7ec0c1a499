/// A room meetings can book: a meeting room with a capacity and equipment, or an online
/// room (Web会議) without a limit, which any number of meetings may use at once.
public struct Room: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var name: String
    /// How many people fit; nil for no limit (online).
    public var capacity: Int?
    public var online: Bool
    /// e.g. プロジェクター, Web会議用カメラ, 車いす対応.
    public var equipment: [String]
    public var active: Bool

    public init(id: Int64? = nil, name: String, capacity: Int?, online: Bool = false, equipment: [String] = [], active: Bool = true) {
        self.id = id
        self.name = name
        self.capacity = capacity
        self.online = online
        self.equipment = equipment
        self.active = active
    }

    public func validated() throws -> Room {
        var r = self
        r.name = try Validate.text(name, field: "name", label: "部屋の名前", max: 100)
        if let capacity, !(1...500).contains(capacity) {
            throw KasaneError.invalid(field: "capacity", message: "定員は1から500で指定してください（\(capacity)）。")
        }
        if !online && capacity == nil {
            throw KasaneError.invalid(field: "capacity", message: "会議室には定員を指定してください（オンラインの部屋だけ定員なしにできます）。")
        }
        r.equipment = try equipment.enumerated().map { i, e in try Validate.text(e, field: "equipment[\(i)]", label: "設備", max: 50) }
        return r
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decodeIfPresent(Int64.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
            capacity: try c.decodeIfPresent(Int.self, forKey: .capacity), online: try c.decodeIfPresent(Bool.self, forKey: .online) ?? false,
            equipment: try c.decodeIfPresent([String].self, forKey: .equipment) ?? [],
            active: try c.decodeIfPresent(Bool.self, forKey: .active) ?? true)
    }
}
