/// The city's own settings. One row per database.
public struct MunicipalitySettings: Codable, Sendable, Equatable {
    /// 自治体名, e.g. 架空市.
    public var municipalityName: String
    /// Local display name of the 支援会議 (e.g. 支援会議, 包括的支援会議).
    public var supportMeetingName: String
    /// Local display name of the 重層的支援会議 (e.g. まるごと会議).
    public var multiLayeredMeetingName: String
    public var officeOpens: TimeOfDay
    public var officeCloses: TimeOfDay
    /// Closures that recur every year (default 12-29 to 01-03, the New Year).
    public var yearlyClosures: [YearlyClosure]
    /// One-off closure days (庁舎点検日...).
    public var closureDates: [LocalDate]
    /// The month the fiscal year (年度) starts in: 4 in Japan.
    public var fiscalYearStartMonth: Int
    /// Where members open Kasane; invites link there.
    public var baseURL: String
    /// How much the service accepts in one request or file; nil means the standard limits.
    public var limits: InputLimits?

    /// The limits in force.
    public var inputLimits: InputLimits { limits ?? .standard }
    /// Buffer, notice and horizon for finding a time; nil means the standard ones.
    public var scheduling: SchedulingSettings?

    /// The scheduling settings in force.
    public var schedulingRules: SchedulingSettings { scheduling ?? .standard }
    /// How long minutes and case personal data are kept; nil means the standard periods.
    public var retention: RetentionSettings?

    /// The retention periods in force.
    public var retentionRules: RetentionSettings { retention ?? .standard }
    /// Yearly targets (数値目標) of the city's 実施計画; nil means none set.
    public var targets: [FigureTarget]?
    /// How often members' calendars should fetch their feed, in minutes (REFRESH-INTERVAL,
    /// X-PUBLISHED-TTL); nil means an hour.
    public var feedRefreshMinutes: Int?

    /// The feed interval in force.
    public var feedRefresh: Int { feedRefreshMinutes ?? 60 }
    /// Whether everyone whose roles read cases signs in to the pages with a second factor
    /// (TOTP); nil means yes.
    public var secondFactorRequired: Bool?
    /// The addresses of reverse proxies in front of Kasane whose X-Forwarded-For is believed
    /// (the client address in the audit log and the sign-in limits); none by default.
    public var trustedProxies: [String]?

    public init(
        municipalityName: String = "未設定市",
        supportMeetingName: String = MeetingKind.supportMeeting.legalName,
        multiLayeredMeetingName: String = MeetingKind.multiLayeredSupportMeeting.legalName,
        officeOpens: TimeOfDay = .defaultOpening,
        officeCloses: TimeOfDay = .defaultClosing,
        yearlyClosures: [YearlyClosure] = [.newYear],
        closureDates: [LocalDate] = [],
        fiscalYearStartMonth: Int = 4,
        baseURL: String = "http://127.0.0.1:8080",
        limits: InputLimits? = nil,
        scheduling: SchedulingSettings? = nil,
        retention: RetentionSettings? = nil
    ) {
        self.municipalityName = municipalityName
        self.supportMeetingName = supportMeetingName
        self.multiLayeredMeetingName = multiLayeredMeetingName
        self.officeOpens = officeOpens
        self.officeCloses = officeCloses
        self.yearlyClosures = yearlyClosures
        self.closureDates = closureDates
        self.fiscalYearStartMonth = fiscalYearStartMonth
        self.baseURL = baseURL
        self.limits = limits
        self.scheduling = scheduling
        self.retention = retention
    }

    public func displayName(of kind: MeetingKind) -> String {
        switch kind {
        case .supportMeeting: supportMeetingName
        case .multiLayeredSupportMeeting: multiLayeredMeetingName
        }
    }

    /// Whether the offices are closed on `date` by the city's own closures
    /// (national holidays come on top, from the calendar).
    public func isClosure(_ date: LocalDate) -> Bool {
        closureDates.contains(date) || yearlyClosures.contains { $0.contains(date) }
    }

    /// Checks every field; throws `KasaneError.invalid` naming the first bad one.
    public func validated() throws -> MunicipalitySettings {
        var s = self
        s.municipalityName = try Validate.text(municipalityName, field: "municipalityName", label: "自治体名", max: 50)
        s.supportMeetingName = try Validate.text(supportMeetingName, field: "supportMeetingName", label: "支援会議の名称", max: 50)
        s.multiLayeredMeetingName = try Validate.text(
            multiLayeredMeetingName, field: "multiLayeredMeetingName", label: "重層的支援会議の名称", max: 50)
        guard officeOpens < officeCloses else {
            throw KasaneError.invalid(field: "officeCloses", message: "終業時刻は始業時刻より後にしてください。")
        }
        guard (1...12).contains(fiscalYearStartMonth) else {
            throw KasaneError.invalid(field: "fiscalYearStartMonth", message: "年度の開始月は1から12で指定してください。")
        }
        s.baseURL = try Validate.text(baseURL, field: "baseURL", label: "KasaneのURL", max: 200)
        guard s.baseURL.hasPrefix("http://") || s.baseURL.hasPrefix("https://") else {
            throw KasaneError.invalid(field: "baseURL", message: "KasaneのURLは http:// または https:// で始めてください。")
        }
        while s.baseURL.hasSuffix("/") { s.baseURL.removeLast() }
        s.limits = try inputLimits.validated()
        s.scheduling = try schedulingRules.validated()
        s.retention = try retentionRules.validated()
        for (i, proxy) in (trustedProxies ?? []).enumerated()
        where proxy.isEmpty || proxy.count > 45 || !proxy.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" }) {
            throw KasaneError.invalid(field: "trustedProxies[\(i)]", message: "信頼するプロキシは IPv4 か IPv6 のアドレスで指定してください（\(proxy)）。")
        }
        guard (15...1440).contains(feedRefresh) else {
            throw KasaneError.invalid(field: "feedRefreshMinutes", message: "フィードの更新間隔は15分から1440分（1日）の間で指定してください（\(feedRefresh)）。")
        }
        for (i, t) in (targets ?? []).enumerated() {
            guard (2000...2100).contains(t.fiscalYear), (0...100_000).contains(t.value) else {
                throw KasaneError.invalid(field: "targets[\(i)]", message: "目標は2000〜2100年度、0〜100000の値で指定してください。")
            }
        }
        if let targets, Set(targets.map { "\($0.fiscalYear)-\($0.figure.rawValue)" }).count != targets.count {
            throw KasaneError.invalid(field: "targets", message: "同じ年度・項目の目標が2つあります。")
        }
        return s
    }
}

/// A closure that recurs every year, from one month-day to another, possibly across
/// the new year (12-29 to 01-03).
public struct YearlyClosure: Codable, Sendable, Equatable {
    public var fromMonth: Int
    public var fromDay: Int
    public var toMonth: Int
    public var toDay: Int
    public var label: String

    public static let newYear = YearlyClosure(fromMonth: 12, fromDay: 29, toMonth: 1, toDay: 3, label: "年末年始")

    public init(fromMonth: Int, fromDay: Int, toMonth: Int, toDay: Int, label: String) {
        self.fromMonth = fromMonth
        self.fromDay = fromDay
        self.toMonth = toMonth
        self.toDay = toDay
        self.label = label
    }

    public func contains(_ date: LocalDate) -> Bool {
        let d = date.month * 100 + date.day
        let from = fromMonth * 100 + fromDay
        let to = toMonth * 100 + toDay
        return from <= to ? (from...to).contains(d) : (d >= from || d <= to)
    }
}
