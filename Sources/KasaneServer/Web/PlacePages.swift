import KasaneApp
import Foundation
import Hummingbird
import KasaneCore
import KasaneSQLite

/// Where a meeting is held: the coordinator sets a room, online or a visit to a case's
/// household through the same `updateMeeting` as the API (so the same check refuses a
/// place that names a household member or carries an address), and those who may read
/// the household's personal data see a visit's address on a page of its own, audited.
struct PlacePages {
    let database: AppDatabase
    let web: WebController

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("meetings/:id/place") { request, context in
            try await web.signedIn(request, may: .manageMeetings) { s, actor in
                try await form(try context.parameters.id("id"), s: s, actor: actor, entered: nil)
            }
        }
        router.post("meetings/:id/place") { request, context in
            try await web.posted(request, context, may: .manageMeetings) { form, s, actor in
                let id = try context.parameters.id("id")
                var entered = PlaceForm(form)
                do {
                    _ = try await database.updateMeeting(id: id, try entered.input(), by: actor)
                    return WebPages.redirect("/meetings/\(id)?done=place")
                } catch let error as KasaneError {
                    switch error { case .notFound, .forbidden: throw error; default: break }
                    entered.place(error)
                    return try await self.form(id, s: s, actor: actor, entered: entered)
                }
            }
        }
        router.get("meetings/:id/visit") { request, context in
            try await web.signedIn(request) { s, actor in
                let id = try context.parameters.id("id")
                let m = try await database.meetingMaterial(id: id, for: actor)
                let visit = try await database.visitAddress(meetingId: id, for: actor)
                return WebPages.page("visit", VisitView(
                    pageTitle: "訪問先", user: web.user(s), meetingId: id, title: m.title, when: MeetingPages.when(m.startsAt, m.endsAt),
                    caseId: visit.caseId, caseCode: visit.caseCode, label: visit.memberLabel ?? "",
                    address: visit.address ?? "（世帯の住所が登録されていません。事例の担当者に確かめてください）"))
            }
        }
    }

    func form(_ id: Int64, s: WebSession, actor: Actor, entered: PlaceForm?) async throws -> Response {
        let m = try await database.meetingMaterial(id: id, for: actor)
        var f = entered ?? PlaceForm(m)
        let cases = m.items.compactMap { i in i.caseId.map { ($0, i.caseCode ?? "事例\($0)") } }
        var seen = Set<Int64>()
        f.cases = cases.filter { seen.insert($0.0).inserted }.map { id, code in
            Option(value: String(id), label: code, selected: String(id) == f.visitCaseId)
        }
        f.hasCases = !f.cases.isEmpty
        f.mark()
        let view = PlaceView(
            pageTitle: "場所の変更", user: web.user(s), csrf: s.csrf, meetingId: id, title: m.title,
            when: MeetingPages.when(m.startsAt, m.endsAt), invited: m.status == .invited, form: f)
        return WebPages.page("place", view, status: f.hasErrors ? .badRequest : .ok)
    }
}

/// The place form: what was entered, kept when refused, each problem beside its field.
struct PlaceForm {
    var kind: String
    var place: String
    var visitCaseId: String
    var cases: [Option] = []
    var hasCases = false
    var room = false
    var online = false
    var visit = false
    var placeError: String?
    var visitError: String?
    var formError: String?
    var hasErrors = false

    init(_ m: MeetingMaterial) {
        kind = m.placeKind.rawValue
        place = m.placeKind == .visit ? "" : m.place
        visitCaseId = m.visitCaseId.map(String.init) ?? ""
    }

    init(_ form: [String: String]) {
        kind = form["placeKind"] ?? ""
        place = form["place"] ?? ""
        visitCaseId = form["visitCaseId"] ?? ""
    }

    mutating func mark() {
        room = kind == PlaceKind.room.rawValue
        online = kind == PlaceKind.online.rawValue
        visit = kind == PlaceKind.visit.rawValue
    }

    func input() throws -> MeetingChangeInput {
        guard let kind = PlaceKind(rawValue: kind) else {
            throw KasaneError.invalid(field: "placeKind", message: "場所の種類を選んでください。")
        }
        return MeetingChangeInput(
            place: kind == .visit ? nil : place, placeKind: kind, visitCaseId: kind == .visit ? Int64(visitCaseId) : nil)
    }

    mutating func place(_ error: KasaneError) {
        let message = WebPages.plain(error.message)
        hasErrors = true
        switch error {
        case .invalid(let field?, _) where field == "place": placeError = message
        case .invalid(let field?, _) where field == "visitCaseId": visitError = message
        default: formError = message
        }
    }
}

struct PlaceView {
    var pageTitle: String
    var user: PageUser?
    var csrf: String
    var meetingId: Int64
    var title: String
    var when: String
    var invited: Bool
    var form: PlaceForm
}

struct VisitView {
    var pageTitle: String
    var user: PageUser?
    var meetingId: Int64
    var title: String
    var when: String
    var caseId: Int64
    var caseCode: String
    var label: String
    var address: String
}
