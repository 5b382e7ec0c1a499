import Foundation
import Hummingbird
import KasaneApp
import KasaneCore
import KasaneSQLite

/// Adding an attendee, changing which items they hear and leave the room for (退席), and
/// removing one: the same `addAttendee`, `updateAttendee` and `removeAttendee` as the API,
/// so every meeting rule (pledges, consent scope, the chair) decides, through the one
/// funnel. On an invited meeting each change mails the people concerned, so it goes
/// through a confirmation first. Only those who manage meetings have these pages.
struct AttendeePages {
    let database: AppDatabase
    let web: WebController

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("meetings/:id/attendees/new") { request, context in
            try await web.signedIn(request, may: .manageMeetings) { s, actor in
                try await formPage(try context.parameters.id("id"), staffId: nil, s: s, actor: actor, entered: nil, error: nil)
            }
        }
        router.get("meetings/:id/attendees/:staffId") { request, context in
            try await web.signedIn(request, may: .manageMeetings) { s, actor in
                try await formPage(
                    try context.parameters.id("id"), staffId: try context.parameters.id("staffId"), s: s, actor: actor, entered: nil, error: nil)
            }
        }
        router.post("meetings/:id/attendees") { request, context in
            try await web.posted(request, context, may: .manageMeetings) { form, s, actor in
                let id = try context.parameters.id("id")
                return try await change(id, staffId: nil, form: form, s: s, actor: actor) { input in
                    _ = try await database.addAttendee(meetingId: id, input, by: actor)
                }
            }
        }
        router.post("meetings/:id/attendees/:staffId") { request, context in
            try await web.posted(request, context, may: .manageMeetings) { form, s, actor in
                let id = try context.parameters.id("id"), staffId = try context.parameters.id("staffId")
                return try await change(id, staffId: staffId, form: form, s: s, actor: actor) { input in
                    _ = try await database.updateAttendee(meetingId: id, staffId: staffId, input, by: actor)
                }
            }
        }
        router.post("meetings/:id/attendees/:staffId/remove") { request, context in
            try await web.posted(request, context, may: .manageMeetings) { form, s, actor in
                let id = try context.parameters.id("id"), staffId = try context.parameters.id("staffId")
                let m = try await database.meetingMaterial(id: id, for: actor)
                guard let person = m.attendees.first(where: { $0.staffId == staffId }) else {
                    return web.notFound(s)
                }
                let reason = form["reason"] ?? ""
                if m.status == .invited, form["confirmed"] != "1" {
                    return confirmation(m, s: s, action: "/meetings/\(id)/attendees/\(staffId)/remove", form: form,
                                        what: "\(person.name)（\(person.agencyName)）を出席者から外します。",
                                        mail: "\(person.name)さんに、この会議の取消のメールが届きます。", button: "外す")
                }
                do {
                    _ = try await database.removeAttendee(meetingId: id, staffId: staffId, reason: reason.isEmpty ? nil : reason, by: actor)
                    return WebPages.redirect("/meetings/\(id)?done=attendee")
                } catch let error as KasaneError {
                    if case .notFound = error { throw error }
                    return try await formPage(id, staffId: staffId, s: s, actor: actor, entered: form, error: WebPages.plain(error.message))
                }
            }
        }
    }

    /// Reads the form, confirms first on an invited meeting, then makes the change; a refusal
    /// comes back on the form with what was entered.
    func change(
        _ id: Int64, staffId: Int64?, form: [String: String], s: WebSession, actor: Actor, _ apply: (AttendeeInput) async throws -> Void
    ) async throws -> Response {
        let m = try await database.meetingMaterial(id: id, for: actor)
        do {
            let input = try Self.input(form, staffId: staffId, items: m.items.map(\.id))
            if m.status == .invited, form["confirmed"] != "1" {
                var name = m.attendees.first { $0.staffId == input.staffId }?.name ?? ""
                if name.isEmpty { name = try await database.staff(id: input.staffId).name }
                return confirmation(
                    m, s: s, action: "/meetings/\(id)/attendees" + (staffId.map { "/\($0)" } ?? ""), form: form,
                    what: staffId == nil ? "\(name)さんを出席者に加えます。" : "\(name)さんの出席する議題・退席を変更します。",
                    mail: staffId == nil ? "\(name)さんに招集のメールが届きます。" : "\(name)さんに、変更した招集のメールが届きます。",
                    button: staffId == nil ? "加える" : "変更する")
            }
            try await apply(input)
            return WebPages.redirect("/meetings/\(id)?done=attendee")
        } catch let error as KasaneError {
            switch error { case .notFound, .forbidden: throw error; default: break }
            return try await formPage(id, staffId: staffId, s: s, actor: actor, entered: form, error: WebPages.plain(error.message))
        }
    }

    static func input(_ form: [String: String], staffId: Int64?, items: [Int64]) throws -> AttendeeInput {
        guard let who = staffId ?? form["staffId"].flatMap({ Int64($0) }) else {
            throw KasaneError.invalid(field: "staffId", message: "加える職員を選んでください。")
        }
        let heard = items.filter { form["item-\($0)"] != nil }
        let leaves = items.filter { form["leave-\($0)"] != nil }
        let role = form["role"].flatMap(AttendeeRole.init(rawValue:))
        let reason = form["reason"].flatMap { $0.isEmpty ? nil : $0 }
        return AttendeeInput(
            staffId: who, role: role, itemIds: heard.count == items.count ? nil : heard, leavesFor: leaves, reason: reason)
    }

    func confirmation(
        _ m: MeetingMaterial, s: WebSession, action: String, form: [String: String], what: String, mail: String, button: String
    ) -> Response {
        var fields = form
        fields["confirmed"] = "1"
        fields["csrf"] = s.csrf
        let view = ConfirmPostView(
            pageTitle: "出席者の変更の確認", user: web.user(s), meetingId: m.id, title: m.title, when: MeetingPages.when(m.startsAt, m.endsAt),
            what: what, mail: mail + "送ったメールは取り消せません。メールには事例番号だけが載り、氏名は載りません。", action: action,
            fields: fields.sorted { $0.key < $1.key }.map { ConfirmPostView.Field(name: $0.key, value: $0.value) }, button: button)
        return WebPages.page("confirm-post", view)
    }

    func formPage(
        _ id: Int64, staffId: Int64?, s: WebSession, actor: Actor, entered: [String: String]?, error: String?
    ) async throws -> Response {
        let m = try await database.meetingMaterial(id: id, for: actor)
        guard m.status == .planned || m.status == .invited else { return web.notFound(s) }
        let current = staffId.flatMap { sid in m.attendees.first { $0.staffId == sid } }
        if staffId != nil, current == nil { return web.notFound(s) }
        let attending = Set(m.attendees.map(\.staffId))
        let agencies = Dictionary(uniqueKeysWithValues: try await database.agencies().compactMap { a in a.id.map { ($0, a.name) } })
        let candidates = current == nil
            ? try await database.staffList().filter { $0.active && !attending.contains($0.id ?? 0) }.compactMap { st in
                st.id.map { Option(value: String($0), label: "\(st.name)（\(agencies[st.agencyId] ?? "")）",
                                                     selected: entered?["staffId"] == String($0)) }
            } : []
        let role = entered?["role"] ?? current?.role.rawValue ?? AttendeeRole.required.rawValue
        let roles: [AttendeeRole] = current?.role == .chair ? [.chair] : [.required, .optional, .observer]
        let view = AttendeeFormView(
            pageTitle: current == nil ? "出席者を加える" : "出席者の変更", user: web.user(s), csrf: s.csrf, meetingId: id, title: m.title,
            when: MeetingPages.when(m.startsAt, m.endsAt), adding: current == nil, staffId: staffId ?? 0,
            name: current.map { "\($0.name)（\($0.agencyName)）" } ?? "", candidates: candidates,
            roles: roles.map { Option(value: $0.rawValue, label: $0.japaneseName, selected: $0.rawValue == role) },
            items: m.items.map { i in
                let heard = entered.map { $0["item-\(i.id)"] != nil } ?? (current.map { $0.everyItem || ($0.itemIds ?? []).contains(i.id) } ?? true)
                let leaves = entered.map { $0["leave-\(i.id)"] != nil } ?? (current?.leavesFor.contains(i.id) ?? false)
                return AttendeeFormView.Item(
                    id: i.id, label: "議題\(i.position)　" + [i.caseCode, i.purposeName].compactMap { $0 }.joined(separator: "　"),
                    heard: heard, leaves: leaves)
            },
            reason: entered?["reason"] ?? "", invited: m.status == .invited,
            mayRemove: current != nil && staffId != m.chairId && staffId != m.secretariatId, error: error)
        return WebPages.page("attendee", view, status: error == nil ? .ok : .badRequest)
    }
}

struct AttendeeFormView {
    struct Item { var id: Int64; var label: String; var heard: Bool; var leaves: Bool }
    var pageTitle: String
    var user: PageUser?
    var csrf: String
    var meetingId: Int64
    var title: String
    var when: String
    var adding: Bool
    var staffId: Int64
    var name: String
    var candidates: [Option]
    var roles: [Option]
    var items: [Item]
    var reason: String
    var invited: Bool
    var mayRemove: Bool
    var error: String?
}
