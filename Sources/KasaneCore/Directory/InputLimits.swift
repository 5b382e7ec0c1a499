/// How much the service accepts from outside in one request or file. Every input is
/// untrusted: a body larger than its limit is refused (413) before it is read whole,
/// and a calendar with more lines, components, properties or nesting than allowed is
/// refused before libical sees it. A city may raise (or lower) them in the settings.
public struct InputLimits: Codable, Sendable, Equatable {
    /// A JSON request body (登録・変更の内容).
    public var jsonBytes: Int
    /// An iTIP message (出欠の返信、時間の提案).
    public var calendarBytes: Int
    /// A file upload: CSV of the directory, a member's calendar.
    public var uploadBytes: Int
    /// Lines (after unfolding) in one iCalendar text.
    public var calendarLines: Int
    /// Components (BEGIN:...) in one iCalendar text.
    public var calendarComponents: Int
    /// Properties in one iCalendar text.
    public var calendarProperties: Int
    /// How deep components may nest (VCALENDAR > VEVENT > VALARM is 3).
    public var calendarDepth: Int
    /// Seconds a client has to send a whole request body.
    public var bodySeconds: Int
    /// Seconds an idle connection is kept open.
    public var idleSeconds: Int
    /// All the files of a year's archive handed to verification, expanded: a small zip that
    /// unpacks to gigabytes is refused at this size (413), having cost no more.
    public var archiveExpandedBytes: Int
    /// Requests refused before anyone is known (no or a bad token, an unknown feed) one
    /// client may make in a minute; past it they are answered 429 with no work done.
    public var unauthenticatedPerMinute: Int

    public static let standard = InputLimits()

    public init(
        jsonBytes: Int = 64 * 1024, calendarBytes: Int = 1024 * 1024, uploadBytes: Int = 10 * 1024 * 1024,
        calendarLines: Int = 200_000, calendarComponents: Int = 20_000, calendarProperties: Int = 200_000,
        calendarDepth: Int = 8, bodySeconds: Int = 30, idleSeconds: Int = 60, archiveExpandedBytes: Int = 1024 * 1024 * 1024,
        unauthenticatedPerMinute: Int = 120
    ) {
        self.jsonBytes = jsonBytes
        self.calendarBytes = calendarBytes
        self.uploadBytes = uploadBytes
        self.calendarLines = calendarLines
        self.calendarComponents = calendarComponents
        self.calendarProperties = calendarProperties
        self.calendarDepth = calendarDepth
        self.bodySeconds = bodySeconds
        self.idleSeconds = idleSeconds
        self.archiveExpandedBytes = archiveExpandedBytes
        self.unauthenticatedPerMinute = unauthenticatedPerMinute
    }

    /// Each limit must lie in a range that keeps the service safe: large enough for
    /// real use, small enough that one request cannot exhaust memory.
    public func validated() throws -> InputLimits {
        let ranges: [(String, String, Int, ClosedRange<Int>)] = [
            ("jsonBytes", "JSONの上限", jsonBytes, 1024...(16 * 1024 * 1024)),
            ("calendarBytes", "iCalendarの上限", calendarBytes, 1024...(64 * 1024 * 1024)),
            ("uploadBytes", "アップロードの上限", uploadBytes, 1024...(256 * 1024 * 1024)),
            ("calendarLines", "iCalendarの行数の上限", calendarLines, 10...5_000_000),
            ("calendarComponents", "iCalendarの要素数の上限", calendarComponents, 2...1_000_000),
            ("calendarProperties", "iCalendarのプロパティ数の上限", calendarProperties, 10...5_000_000),
            ("calendarDepth", "iCalendarの入れ子の上限", calendarDepth, 2...32),
            ("bodySeconds", "送信時間の上限（秒）", bodySeconds, 1...3600),
            ("idleSeconds", "接続の待ち時間（秒）", idleSeconds, 1...3600),
            ("archiveExpandedBytes", "保管用zipの展開後の上限", archiveExpandedBytes, (1024 * 1024)...(16 * 1024 * 1024 * 1024)),
            ("unauthenticatedPerMinute", "認証のないリクエストの1分あたりの上限", unauthenticatedPerMinute, 10...1_000_000),
        ]
        for (field, label, value, range) in ranges where !range.contains(value) {
            throw KasaneError.invalid(
                field: "limits.\(field)", message: "\(label)は\(range.lowerBound)から\(range.upperBound)の間で指定してください（\(value)）。")
        }
        return self
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = InputLimits.standard
        self.init(
            jsonBytes: try c.decodeIfPresent(Int.self, forKey: .jsonBytes) ?? d.jsonBytes,
            calendarBytes: try c.decodeIfPresent(Int.self, forKey: .calendarBytes) ?? d.calendarBytes,
            uploadBytes: try c.decodeIfPresent(Int.self, forKey: .uploadBytes) ?? d.uploadBytes,
            calendarLines: try c.decodeIfPresent(Int.self, forKey: .calendarLines) ?? d.calendarLines,
            calendarComponents: try c.decodeIfPresent(Int.self, forKey: .calendarComponents) ?? d.calendarComponents,
            calendarProperties: try c.decodeIfPresent(Int.self, forKey: .calendarProperties) ?? d.calendarProperties,
            calendarDepth: try c.decodeIfPresent(Int.self, forKey: .calendarDepth) ?? d.calendarDepth,
            bodySeconds: try c.decodeIfPresent(Int.self, forKey: .bodySeconds) ?? d.bodySeconds,
            idleSeconds: try c.decodeIfPresent(Int.self, forKey: .idleSeconds) ?? d.idleSeconds,
            archiveExpandedBytes: try c.decodeIfPresent(Int.self, forKey: .archiveExpandedBytes) ?? d.archiveExpandedBytes,
            unauthenticatedPerMinute: try c.decodeIfPresent(Int.self, forKey: .unauthenticatedPerMinute) ?? d.unauthenticatedPerMinute)
    }
}
