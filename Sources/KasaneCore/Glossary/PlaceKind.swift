/// Where a meeting is held: the kind decides what its place may say.
public enum PlaceKind: String, Codable, Sendable, CaseIterable {
    /// 会議室: a Kasane room or a place named in words (市役所本庁舎 5階 第2会議室).
    case room
    /// オンライン: the place says how (オンライン（Teams）).
    case online
    /// 訪問: a visit to the household of a case on the agenda (自宅でのケース会議). What
    /// travels says only 訪問（K-2026-001）; the address is shown only to those who may
    /// read the case's personal data, and each showing is audited.
    case visit

    public var japaneseName: String {
        switch self {
        case .room: "会議室"
        case .online: "オンライン"
        case .visit: "訪問"
        }
    }
}
