import Foundation
import Hummingbird
import KasaneApp
import KasaneCore
import KasaneDocuments
import KasaneSQLite

/// The secretariat's minutes editor (per item: attendance, summary, and the structured
/// decisions of issues 7 and 8 as form fields), the chair's approval behind a
/// confirmation or sending back with a comment, corrections with a reason, every
/// version and the print views. The same store calls as the API: `draftMinutes`,
/// `editMinutes`, `approveMinutes`, `returnMinutes`, `correctMinutes`, `minutes`.
struct MinutesPages {
    let database: AppDatabase
    let web: WebController
    let documents: MinutesController

    /// Blank decision rows offered under each item, besides those already recorded.
    static let blankDecisions = 2

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("meetings/:id/minutes") { request, context in
            try await web.signedIn(request) { s, actor in
                let version = request.uri.queryParameters.get("version").flatMap { Int($0) }
                let notice: String? = switch request.uri.queryParameters.get("done") {
                case "drafted": "下書きを作りました。出席と協議の概要、決定を記入して保存してください。"
                case "saved": "下書きを保存しました。"
                case "approved": "議事録を承認しました。決定は支援プランに反映されました。"
                case "returned": "事務局に差し戻しました。"
                case "correcting": "訂正版を作りました。直してから、もう一度議長の承認を受けてください。"
                case "requested": "議長に承認を依頼しました（議長にメールで届きます）。"
                default: nil
                }
                return try await page(try context.parameters.id("id"), version: version, s: s, actor: actor, notice: notice)
            }
        }
        router.post("meetings/:id/minutes/draft") { request, context in
            try await act(request, context) { id, actor, _ in
                _ = try await database.draftMinutes(meetingId: id, by: actor)
                return "drafted"
            }
        }
        router.post("meetings/:id/minutes") { request, context in
            try await web.posted(request, context) { form, s, actor in
                let id = try context.parameters.id("id")
                let current = try await database.minutes(meetingId: id, for: actor)
                let edit = Self.edit(from: form, items: current.items)
                do {
                    _ = try await database.editMinutes(meetingId: id, edit, by: actor)
                    return WebPages.redirect("/meetings/\(id)/minutes?done=saved")
                } catch let error as KasaneError {
                    if case .notFound = error { throw error }
                    // Said next to the item or decision it is about, everything typed kept.
                    var at: (itemId: Int64, decision: Int?)?
                    if case .invalid(let field?, _) = error, let m = field.firstMatch(of: /items\[(\d+)\](?:\.decisions\[(\d+)\])?/),
                       let i = Int(m.1), i < edit.items.count {
                        at = (edit.items[i].itemId, m.2.flatMap { Int($0) })
                    }
                    return try await page(
                        id, version: nil, s: s, actor: actor, error: at == nil ? WebPages.plain(error.message) : "入力に誤りがあります。該当する欄の説明を確かめてください。",
                        errorAt: at.map { ($0.itemId, $0.decision, WebPages.plain(error.message)) }, posted: edit, status: .badRequest)
                }
            }
        }
        router.get("meetings/:id/minutes/approve") { request, context in
            try await web.signedIn(request) { s, actor in
                let id = try context.parameters.id("id")
                let m = try await database.meetingMaterial(id: id, for: actor)
                guard m.chairId == s.staff.id else { return web.notFound(s) }
                let minutes = try await database.minutes(meetingId: id, for: actor)
                let plans = minutes.items.flatMap { item in
                    item.decisions.filter(\.kind.isAboutPlan).map { "\(item.caseCode ?? "")：\($0.kind.japaneseName)" }
                }
                return WebPages.page("minutes-approve", ApproveView(
                    pageTitle: "議事録の承認", user: web.user(s), csrf: s.csrf, id: id, title: m.title, version: minutes.version.version,
                    planDecisions: plans, hasPlanDecisions: !plans.isEmpty))
            }
        }
        router.post("meetings/:id/minutes/approve") { request, context in
            try await act(request, context) { id, actor, _ in
                _ = try await database.approveMinutes(meetingId: id, by: actor)
                return "approved"
            }
        }
        // The secretariat asks the chair to approve: a notice is mailed, so a confirmation first.
        router.get("meetings/:id/minutes/request") { request, context in
            try await web.signedIn(request, may: .writeMinutes) { s, actor in
                let id = try context.parameters.id("id")
                let m = try await database.meetingMaterial(id: id, for: actor)
                let minutes = try await database.minutes(meetingId: id, for: actor)
                guard minutes.version.state == .draft else { return web.notFound(s) }
                let chair = m.attendees.first { $0.staffId == m.chairId }.map { "\($0.name)（\($0.agencyName)）" } ?? "議長"
                return WebPages.page("confirm-post", ConfirmPostView(
                    pageTitle: "議事録の承認の依頼", user: web.user(s), meetingId: id, title: m.title, when: MeetingPages.when(m.startsAt, m.endsAt),
                    what: "議事録 第\(minutes.version.version)版の案の承認を、議長の\(chair)さんに依頼します。",
                    mail: "議長に依頼のメールが届きます（会議名と日付、Kasane の場所だけが載り、事例番号や氏名は載りません）。送ったメールは取り消せません。",
                    action: "/meetings/\(id)/minutes/request", fields: [.init(name: "csrf", value: s.csrf)], button: "依頼する"))
            }
        }
        router.post("meetings/:id/minutes/request") { request, context in
            try await act(request, context) { id, actor, _ in
                _ = try await database.requestMinutesApproval(meetingId: id, by: actor)
                return "requested"
            }
        }
        router.post("meetings/:id/minutes/return") { request, context in
            try await act(request, context) { id, actor, form in
                _ = try await database.returnMinutes(meetingId: id, MinutesReturnInput(comment: form["comment"] ?? ""), by: actor)
                return "returned"
            }
        }
        router.post("meetings/:id/minutes/correct") { request, context in
            try await act(request, context) { id, actor, form in
                _ = try await database.correctMinutes(meetingId: id, MinutesCorrectionInput(reason: form["reason"] ?? ""), by: actor)
                return "correcting"
            }
        }
        router.get("meetings/:id/print/minutes") { request, context in
            try await web.signedIn(request) { _, actor in
                let q = try DocumentQuery(request)
                let doc = try await database.minutesDocument(
                    meetingId: try context.parameters.id("id"), version: q.version, reading: q.reading, for: actor)
                return try await documents.render(doc, q, name: "minutes")
            }
        }
    }

    /// A form that does one thing to the minutes, then shows them again with what happened;
    /// a refusal is shown on the minutes page, nothing changed.
    func act(
        _ request: Request, _ context: AppRequestContext,
        _ body: @escaping (Int64, Actor, [String: String]) async throws -> String
    ) async throws -> Response {
        try await web.posted(request, context) { form, s, actor in
            let id = try context.parameters.id("id")
            do {
                let done = try await body(id, actor, form)
                return WebPages.redirect("/meetings/\(id)/minutes?done=\(done)")
            } catch let error as KasaneError {
                switch error { case .notFound, .forbidden: throw error; default: break }
                return try await page(id, version: nil, s: s, actor: actor, error: WebPages.plain(error.message), status: .conflict)
            }
        }
    }

    /// Reads the editor's fields back into an edit of every item shown.
    static func edit(from form: [String: String], items: [MinutesItem]) -> MinutesEdit {
        func value(_ key: String) -> String? {
            let v = form[key]?.trimmingCharacters(in: .whitespacesAndNewlines)
            return v?.isEmpty == false ? v : nil
        }
        return MinutesEdit(items: items.filter { !$0.withheld && !$0.erased }.map { item in
            let p = "i\(item.itemId)"
            let attendance = item.attendance.map { a in
                AttendanceRecord(staffId: a.staffId, presence: value("\(p)-a\(a.staffId)").flatMap(Presence.init(rawValue:)) ?? a.presence)
            }
            let rows = item.decisions.count + blankDecisions
            let decisions = (0..<rows).compactMap { n -> Decision? in
                let d = "\(p)-d\(n)"
                guard let kind = value("\(d)-kind").flatMap(DecisionKind.init(rawValue:)) else { return nil }
                let goals = (1...3).compactMap { g in value("\(d)-goal\(g)").flatMap(GoalRating.init(rawValue:)).map { GoalEvaluation(goal: g, rating: $0) } }
                return Decision(
                    kind: kind, text: value("\(d)-text"), agencyId: value("\(d)-agency").flatMap { Int64($0) },
                    date: value("\(d)-date").flatMap { LocalDate($0) }, termination: value("\(d)-termination").flatMap(TerminationReason.init(rawValue:)),
                    goals: goals.isEmpty ? nil : goals, field: value("\(d)-field").map { Field($0) })
            }
            return MinutesEdit.Item(itemId: item.itemId, attendance: attendance, summary: form["\(p)-summary"] ?? "", decisions: decisions)
        })
    }

    func page(
        _ id: Int64, version: Int?, s: WebSession, actor: Actor, notice: String? = nil, error: String? = nil,
        errorAt: (itemId: Int64, decision: Int?, message: String)? = nil, posted: MinutesEdit? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let m = try await database.meetingMaterial(id: id, for: actor)
        let writes = Access.allows(.writeMinutes, actor)
        let minutes: MinutesView
        do {
            minutes = try await database.minutes(meetingId: id, version: version, for: actor)
        } catch KasaneError.notFound {
            // None yet (or none this person may read): the secretariat can start them once the meeting was held.
            guard writes, m.status == .held else { return web.notFound(s) }
            return WebPages.page("minutes", MinutesPageView(
                pageTitle: "議事録", user: web.user(s), csrf: s.csrf, id: id, title: m.title, when: MeetingPages.when(m.startsAt, m.endsAt),
                notice: notice, error: error, none: true, editing: false, items: [], versions: [], version: 0, state: "",
                returned: nil, mayApprove: false, mayRequest: false, mayCorrect: false), status: status)
        }
        let names = Dictionary(m.attendees.map { ($0.staffId, "\($0.name)（\($0.agencyName)）") }, uniquingKeysWith: { a, _ in a })
        let agencies = try await database.agencies()
        let fields = try await database.fields()
        let isLatest = version == nil || version == minutes.versions.last?.version
        let editing = writes && minutes.version.state == .draft && isLatest
        let items = minutes.items.map { item -> MinutesPageView.Item in
            let postedItem = posted?.items.first { $0.itemId == item.itemId }
            let decisions = postedItem?.decisions ?? item.decisions
            let attendance = postedItem?.attendance ?? item.attendance
            let kinds = DecisionKind.allCases.filter { $0.purposes.contains(item.purpose) && (item.caseId != nil || !$0.isAboutPlan) }
            let rows = editing ? decisions.map(Optional.some) + Array(repeating: nil, count: Self.blankDecisions) : decisions.map(Optional.some)
            return MinutesPageView.Item(
                itemId: item.itemId, position: item.position, heading: [item.caseCode, item.purposeName].compactMap { $0 }.joined(separator: "　"),
                withheld: item.withheld, erased: item.erased, summary: postedItem?.summary ?? item.summary ?? "",
                attendance: attendance.map { a in
                    MinutesPageView.Attendance(
                        staffId: a.staffId, name: names[a.staffId] ?? "職員ID \(a.staffId)", presenceName: a.presence.japaneseName,
                        options: Presence.allCases.map { Option(value: $0.rawValue, label: $0.japaneseName, selected: $0 == a.presence) })
                },
                itemError: errorAt?.itemId == item.itemId && errorAt?.decision == nil ? errorAt?.message : nil,
                decisions: rows.enumerated().map { n, d in
                    var row = Self.row(n, d, itemId: item.itemId, kinds: kinds, agencies: agencies, fields: fields)
                    if errorAt?.itemId == item.itemId, errorAt?.decision == n { row.rowError = errorAt?.message }
                    return row
                })
        }
        let isChair = m.chairId == s.staff.id
        let view = MinutesPageView(
            pageTitle: "議事録", user: web.user(s), csrf: s.csrf, id: id, title: m.title, when: MeetingPages.when(m.startsAt, m.endsAt),
            notice: notice, error: error, none: false, editing: editing, items: items,
            versions: minutes.versions.map { v in
                MinutesPageView.Version(
                    version: v.version, state: v.stateName, reason: v.reason ?? "", returned: v.returnedComment ?? "",
                    approved: v.approvedAt.map { JapaneseEra.dateName(LocalDate.inTokyo($0)) } ?? "",
                    current: v.version == minutes.version.version)
            },
            version: minutes.version.version, state: minutes.version.stateName, returned: minutes.version.returnedComment,
            mayApprove: isChair && minutes.version.state == .draft && isLatest,
            mayRequest: writes && minutes.version.state == .draft && isLatest,
            mayCorrect: writes && minutes.version.state == .approved && isLatest)
        return WebPages.page("minutes", view, status: status)
    }

    /// One decision's fields, filled from `d` (nil: a blank row).
    static func row(_ n: Int, _ d: Decision?, itemId: Int64, kinds: [DecisionKind], agencies: [Agency], fields: [Field]) -> MinutesPageView.DecisionRow {
        func none(_ label: String, _ empty: Bool) -> Option { Option(value: "", label: label, selected: empty) }
        let kindOptions = [none("（記録しない）", d == nil)] + kinds.map { Option(value: $0.rawValue, label: $0.japaneseName, selected: d?.kind == $0) }
        let agencyOptions = [none("（なし）", d?.agencyId == nil)]
            + agencies.compactMap { a in a.id.map { Option(value: String($0), label: a.name, selected: d?.agencyId == $0) } }
        let terminationOptions = [none("（なし）", d?.termination == nil)]
            + TerminationReason.allCases.map { Option(value: $0.rawValue, label: $0.japaneseName, selected: d?.termination == $0) }
        let fieldOptions = [none("（なし）", d?.field == nil)] + fields.map { f in Option(value: f.rawValue, label: f.rawValue, selected: d?.field == f) }
        let goals = (1...3).map { g -> MinutesPageView.Goal in
            let rating = d?.goals?.first { $0.goal == g }?.rating
            let options = [none("（評価なし）", rating == nil)] + GoalRating.allCases.map { Option(value: $0.rawValue, label: $0.japaneseName, selected: rating == $0) }
            return MinutesPageView.Goal(goal: g, options: options)
        }
        return MinutesPageView.DecisionRow(
            n: n, itemId: itemId, number: n + 1, described: d.map { describe($0, agencies: agencies) }, kinds: kindOptions, text: d?.text ?? "",
            agencies: agencyOptions, date: d?.date?.description ?? "", terminations: terminationOptions, fields: fieldOptions, goals: goals)
    }

    /// A decision in words, for reading.
    static func describe(_ d: Decision, agencies: [Agency]) -> String {
        var parts = [d.kind.japaneseName]
        if let a = d.agencyId { parts.append(agencies.first { $0.id == a }?.name ?? "機関ID \(a)") }
        if let t = d.termination { parts.append(t.japaneseName) }
        if let f = d.field { parts.append(f.rawValue) }
        if let g = d.goals { parts.append(g.map { "目標\($0.goal) \($0.rating.japaneseName)" }.joined(separator: "・")) }
        if let date = d.date { parts.append(JapaneseEra.dateName(date)) }
        if let text = d.text { parts.append(text) }
        return parts.joined(separator: "／")
    }
}


struct MinutesPageView {
    struct Attendance { var staffId: Int64; var name: String; var presenceName: String; var options: [Option] }
    struct Goal { var goal: Int; var options: [Option] }
    struct DecisionRow {
        var n: Int; var itemId: Int64; var number: Int; var described: String?; var kinds: [Option]; var text: String; var agencies: [Option]; var date: String
        var terminations: [Option]; var fields: [Option]; var goals: [Goal]; var rowError: String? = nil
    }
    struct Item {
        var itemId: Int64; var position: Int; var heading: String; var withheld: Bool; var erased: Bool; var summary: String
        var attendance: [Attendance]; var itemError: String?; var decisions: [DecisionRow]
    }
    struct Version { var version: Int; var state: String; var reason: String; var returned: String; var approved: String; var current: Bool }
    var pageTitle: String
    var user: PageUser?
    var csrf: String
    var id: Int64
    var title: String
    var when: String
    var notice: String?
    var error: String?
    var none: Bool
    var editing: Bool
    var items: [Item]
    var versions: [Version]
    var version: Int
    var state: String
    var returned: String?
    var mayApprove: Bool
    var mayRequest: Bool
    var mayCorrect: Bool
}

struct ApproveView {
    var pageTitle: String
    var user: PageUser?
    var csrf: String
    var id: Int64
    var title: String
    var version: Int
    var planDecisions: [String]
    var hasPlanDecisions: Bool
}
