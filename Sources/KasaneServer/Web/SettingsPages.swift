import Foundation
import Hummingbird
import KasaneApp
import KasaneCore
import KasaneSQLite

/// The administrator's settings: the city's and the meetings' names, office hours and
/// closures, rooms, and the yearly targets. Each form saves through the same
/// `updateSettings`, `createRoom` and `updateRoom` as the API, whose checks decide; a
/// refused form comes back with what was entered and the problem beside its field.
struct SettingsPages {
    let database: AppDatabase
    let web: WebController

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("admin/settings") { request, _ in
            try await web.signedIn(request, may: .manageSettings) { s, _ in
                let notice: String? = switch request.uri.queryParameters.get("done") {
                case "basics": "設定を保存しました。"
                case "room": "部屋を保存しました。"
                case "targets": "目標を保存しました。"
                default: nil
                }
                let year = request.uri.queryParameters.get("fiscalYear").flatMap { Int($0) }.flatMap { (2000...2100).contains($0) ? $0 : nil }
                return try await page(s, notice: notice, targetYear: year)
            }
        }
        router.post("admin/settings") { request, context in
            try await web.posted(request, context, may: .manageSettings) { form, s, actor in
                var entered = BasicsForm(form)
                do {
                    var settings = try await database.settings()
                    try entered.apply(to: &settings)
                    try await database.updateSettings(settings, by: actor)
                    return WebPages.redirect("/admin/settings?done=basics")
                } catch let error as KasaneError {
                    if case .forbidden = error { throw error }
                    entered.place(error)
                    return try await page(s, basics: entered, status: .badRequest)
                }
            }
        }
        router.post("admin/rooms") { request, context in
            try await web.posted(request, context, may: .manageDirectory) { form, s, actor in
                let entered = RoomForm(name: form["name"] ?? "", capacity: form["capacity"] ?? "", online: form["online"] != nil)
                do {
                    _ = try await database.createRoom(try entered.room(), by: actor)
                    return WebPages.redirect("/admin/settings?done=room#rooms")
                } catch let error as KasaneError {
                    if case .forbidden = error { throw error }
                    var shown = entered
                    shown.error = WebPages.plain(error.message)
                    return try await page(s, room: shown, status: .badRequest)
                }
            }
        }
        router.post("admin/rooms/:id") { request, context in
            try await web.posted(request, context, may: .manageDirectory) { form, s, actor in
                let id = try context.parameters.id("id")
                var room = try await database.room(id: id)
                room.active = form["active"] == "true"
                do {
                    _ = try await database.updateRoom(id: id, with: room, by: actor)
                    return WebPages.redirect("/admin/settings?done=room#rooms")
                } catch let error as KasaneError {
                    if case .notFound = error { throw error }
                    return try await page(s, notice: nil, error: WebPages.plain(error.message), status: .badRequest)
                }
            }
        }
        router.post("admin/targets") { request, context in
            try await web.posted(request, context, may: .manageSettings) { form, s, actor in
                let year = form["fiscalYear"].flatMap { Int($0) } ?? database.clock.today().fiscalYear()
                do {
                    var settings = try await database.settings()
                    var targets = (settings.targets ?? []).filter { $0.fiscalYear != year }
                    for figure in Figure.allCases {
                        let text = (form["target-\(figure.rawValue)"] ?? "").trimmingCharacters(in: .whitespaces)
                        guard !text.isEmpty else { continue }
                        guard let value = Int(text) else {
                            throw KasaneError.invalid(field: "targets", message: "「\(figure.japaneseName)」の目標は整数で入力してください（\(text)）。")
                        }
                        targets.append(FigureTarget(fiscalYear: year, figure: figure, value: value))
                    }
                    settings.targets = targets
                    try await database.updateSettings(settings, by: actor)
                    return WebPages.redirect("/admin/settings?done=targets&fiscalYear=\(year)#targets")
                } catch let error as KasaneError {
                    if case .forbidden = error { throw error }
                    return try await page(s, targetYear: year, targetInput: form, targetError: WebPages.plain(error.message), status: .badRequest)
                }
            }
        }
    }

    func page(
        _ s: WebSession, notice: String? = nil, error: String? = nil, basics given: BasicsForm? = nil, room: RoomForm = RoomForm(),
        targetYear: Int? = nil, targetInput: [String: String]? = nil, targetError: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let settings = try await database.settings()
        let year = targetYear ?? database.clock.today().fiscalYear()
        let current = settings.targets ?? []
        let rooms = try await database.rooms().map { r in
            SettingsView.RoomRow(
                id: r.id ?? 0, name: r.name, capacity: r.online ? "オンライン" : r.capacity.map { "\($0)人" } ?? "",
                state: r.active ? "使用中" : "使用停止", active: r.active)
        }
        let view = SettingsView(
            pageTitle: "設定", user: web.user(s), csrf: s.csrf, notice: notice, error: error, basics: given ?? BasicsForm(settings),
            rooms: rooms, room: room,
            years: (year - 1...year + 2).map { y in Option(value: String(y), label: JapaneseEra.fiscalYearName(y), selected: y == year) },
            targetYear: JapaneseEra.fiscalYearName(year), targetYearValue: year,
            targets: Figure.allCases.map { f in
                SettingsView.Target(
                    key: f.rawValue, label: f.japaneseName,
                    value: targetInput?["target-\(f.rawValue)"] ?? current.first { $0.fiscalYear == year && $0.figure == f }.map { String($0.value) } ?? "")
            },
            targetError: targetError)
        return WebPages.page("settings", view, status: status)
    }
}

/// Names, office hours and closures as the form shows them: closures one per line.
struct BasicsForm {
    var municipalityName = ""
    var supportMeetingName = ""
    var multiLayeredMeetingName = ""
    var officeOpens = ""
    var officeCloses = ""
    var closureDates = ""
    var yearlyClosures = ""
    var feedRefreshMinutes = ""
    var namesError: String?
    var hoursError: String?
    var closuresError: String?

    init(_ settings: MunicipalitySettings) {
        municipalityName = settings.municipalityName
        supportMeetingName = settings.supportMeetingName
        multiLayeredMeetingName = settings.multiLayeredMeetingName
        officeOpens = settings.officeOpens.description
        officeCloses = settings.officeCloses.description
        closureDates = settings.closureDates.map(\.description).joined(separator: "\n")
        yearlyClosures = settings.yearlyClosures.map { c in
            String(format: "%02d-%02d〜%02d-%02d %@", c.fromMonth, c.fromDay, c.toMonth, c.toDay, c.label)
        }.joined(separator: "\n")
        feedRefreshMinutes = String(settings.feedRefresh)
    }

    init(_ form: [String: String]) {
        municipalityName = form["municipalityName"] ?? ""
        supportMeetingName = form["supportMeetingName"] ?? ""
        multiLayeredMeetingName = form["multiLayeredMeetingName"] ?? ""
        officeOpens = form["officeOpens"] ?? ""
        officeCloses = form["officeCloses"] ?? ""
        closureDates = form["closureDates"] ?? ""
        yearlyClosures = form["yearlyClosures"] ?? ""
        feedRefreshMinutes = form["feedRefreshMinutes"] ?? ""
    }

    func apply(to settings: inout MunicipalitySettings) throws {
        settings.municipalityName = municipalityName
        settings.supportMeetingName = supportMeetingName
        settings.multiLayeredMeetingName = multiLayeredMeetingName
        guard let opens = TimeOfDay(officeOpens), let closes = TimeOfDay(officeCloses) else {
            throw KasaneError.invalid(field: "officeOpens", message: "開庁・閉庁の時刻は 8:30 のように入力してください。")
        }
        settings.officeOpens = opens
        settings.officeCloses = closes
        var dates: [LocalDate] = []
        for (n, line) in Self.lines(closureDates).enumerated() {
            guard let day = LocalDate(line) else {
                throw KasaneError.invalid(field: "closureDates", message: "休業日の\(n + 1)行目「\(line)」を 2026-12-28 の形にしてください。")
            }
            dates.append(day)
        }
        settings.closureDates = Array(Set(dates)).sorted()
        var yearly: [YearlyClosure] = []
        for (n, line) in Self.lines(yearlyClosures).enumerated() {
            guard let m = line.wholeMatch(of: /(\d{1,2})-(\d{1,2})\s*[〜~]\s*(\d{1,2})-(\d{1,2})\s+(.+)/),
                  let fm = Int(m.1), let fd = Int(m.2), let tm = Int(m.3), let td = Int(m.4),
                  (1...12).contains(fm), (1...12).contains(tm), (1...31).contains(fd), (1...31).contains(td)
            else {
                throw KasaneError.invalid(field: "yearlyClosures", message: "毎年の休業期間の\(n + 1)行目「\(line)」を「12-29〜01-03 年末年始」の形にしてください。")
            }
            yearly.append(YearlyClosure(fromMonth: fm, fromDay: fd, toMonth: tm, toDay: td, label: String(m.5)))
        }
        settings.yearlyClosures = yearly
        let refresh = feedRefreshMinutes.trimmingCharacters(in: .whitespaces)
        guard refresh.isEmpty || Int(refresh) != nil else {
            throw KasaneError.invalid(field: "feedRefreshMinutes", message: "フィードの更新間隔は分を数字で入力してください（\(refresh)）。")
        }
        settings.feedRefreshMinutes = Int(refresh)
    }

    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Puts a refusal beside the group of fields it is about.
    mutating func place(_ error: KasaneError) {
        let message = WebPages.plain(error.message)
        switch error {
        case .invalid(let field?, _) where field.hasPrefix("office"): hoursError = message
        case .invalid(let field?, _) where field.hasPrefix("closure") || field.hasPrefix("yearly"): closuresError = message
        default: namesError = message
        }
    }
}

struct RoomForm {
    var name = ""
    var capacity = ""
    var online = false
    var error: String?

    func room() throws -> Room {
        let cap = capacity.trimmingCharacters(in: .whitespaces)
        guard cap.isEmpty || Int(cap) != nil else {
            throw KasaneError.invalid(field: "capacity", message: "定員は数字で入力してください（\(cap)）。")
        }
        return Room(name: name, capacity: Int(cap), online: online)
    }
}

struct SettingsView {
    struct RoomRow { var id: Int64; var name: String; var capacity: String; var state: String; var active: Bool }
    struct Target { var key: String; var label: String; var value: String }
    var pageTitle: String
    var user: PageUser?
    var csrf: String
    var notice: String?
    var error: String?
    var basics: BasicsForm
    var rooms: [RoomRow]
    var room: RoomForm
    var years: [Option]
    var targetYear: String
    var targetYearValue: Int
    var targets: [Target]
    var targetError: String?
}
