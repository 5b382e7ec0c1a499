import KasaneApp
import Foundation
import Hummingbird
import KasaneCore
import KasaneSQLite

/// Recording a consent from the signed form, and withdrawing one behind a confirmation
/// that shows which future 重層的支援会議 it changes (the same rule the withdrawal runs,
/// `withdrawalPreview`). The same `recordConsent` and `withdrawConsent` as the API.
struct ConsentPages {
    let database: AppDatabase
    let web: WebController

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("cases/:id/consents") { request, context in
            try await web.posted(request, context) { form, s, actor in
                let id = try context.parameters.id("id")
                var entered = ConsentForm(form)
                do {
                    try await database.recordConsent(caseId: id, try entered.input(), by: actor)
                    return WebPages.redirect("/cases/\(id)?done=consent#consent")
                } catch let error as KasaneError {
                    switch error { case .notFound, .forbidden: throw error; default: break }
                    entered.place(error)
                    let page = try await cases.page(caseId: id, s: s, actor: actor, consentForm: entered)
                    return WebPages.page("case", page, status: .badRequest)
                }
            }
        }
        router.get("cases/:id/consents/:consentId/withdraw") { request, context in
            try await web.signedIn(request) { s, actor in
                do {
                    return try await confirm(context, s: s, actor: actor, reason: "", day: "", error: nil)
                } catch KasaneError.conflict(let message) {
                    let id = try context.parameters.id("id")
                    return WebPages.page("message", MessageView(
                        pageTitle: "本人同意の撤回", user: web.user(s), heading: "撤回できません", message: message,
                        link: "/cases/\(id)#consent", linkText: "事例へ戻る"), status: .conflict)
                }
            }
        }
        router.post("cases/:id/consents/:consentId/withdraw") { request, context in
            try await web.posted(request, context) { form, s, actor in
                let id = try context.parameters.id("id"), consentId = try context.parameters.id("consentId")
                let reason = form["reason"] ?? "", dayText = form["withdrawnOn"] ?? ""
                do {
                    let day = dayText.isEmpty ? nil : LocalDate(dayText)
                    if !dayText.isEmpty, day == nil {
                        throw KasaneError.invalid(field: "withdrawnOn", message: "撤回日は 2026-12-01 の形で入力してください。")
                    }
                    let result = try await database.withdrawConsent(
                        caseId: id, consentId: consentId, WithdrawalInput(withdrawnOn: day, reason: reason), by: actor)
                    return WebPages.redirect("/cases/\(id)?done=withdrawn&meetings=\(result.affectedMeetingIds.count)#consent")
                } catch let error as KasaneError {
                    switch error { case .notFound, .forbidden: throw error; default: break }
                    return try await confirm(context, s: s, actor: actor, reason: reason, day: dayText, error: WebPages.plain(error.message))
                }
            }
        }
    }

    var cases: CasePages { CasePages(database: database, web: web) }

    func confirm(_ context: AppRequestContext, s: WebSession, actor: Actor, reason: String, day: String, error: String?) async throws -> Response {
        let id = try context.parameters.id("id"), consentId = try context.parameters.id("consentId")
        let c = try await database.supportCase(id: id, for: actor)
        let preview = try await database.withdrawalPreview(caseId: id, consentId: consentId, for: actor)
        let view = WithdrawView(
            pageTitle: "本人同意の撤回", user: web.user(s), csrf: s.csrf, caseId: id, consentId: consentId, code: c.code,
            given: JapaneseEra.dateName(preview.consent.givenOn), purpose: preview.consent.purpose,
            effects: preview.effects.map { e in
                "\(e.title)（\(MeetingPages.when(e.startsAt, e.startsAt))）: 議題\(e.removedItems)件・出席者\(e.removedAttendees)名が外れます"
                    + (e.invited ? "。招集済みのため、変更のメールが届きます" : "")
            },
            reason: reason, withdrawnOn: day, error: error)
        return WebPages.page("consent-withdraw", view, status: error == nil ? .ok : .badRequest)
    }
}

/// The consent form on the case page: what was entered, kept when it is refused, with each
/// problem beside its field.
struct ConsentForm {
    var givenBy: String = ""
    var givenOn: String = ""
    var everyone: Bool = true
    var chosen: Set<Int64> = []
    var purpose: String = "重層的支援会議における支援方針の協議のため"
    var expiresOn: String = ""
    var members: [Option] = []
    var agencies: [Option] = []
    var givenOnError: String?
    var purposeError: String?
    var expiresError: String?
    var scopeError: String?
    var formError: String?
    var hasErrors: Bool = false

    /// An empty form, given today (the database clock's day) as the day of the consent.
    init(today: LocalDate) { givenOn = today.description }

    init(_ form: [String: String]) {
        givenBy = form["givenBy"] ?? ""
        givenOn = form["givenOn"] ?? ""
        everyone = form["scope"] != "agencies"
        chosen = Set(form.keys.compactMap { $0.hasPrefix("agency-") ? Int64($0.dropFirst(7)) : nil })
        purpose = form["purpose"] ?? ""
        expiresOn = form["expiresOn"] ?? ""
    }

    func input() throws -> ConsentInput {
        guard let member = Int64(givenBy) else {
            throw KasaneError.invalid(field: "givenByMemberId", message: "同意した人を選んでください。")
        }
        guard let given = LocalDate(givenOn) else {
            throw KasaneError.invalid(field: "givenOn", message: "同意日は 2026-12-01 の形で入力してください。")
        }
        let expires = expiresOn.isEmpty ? nil : LocalDate(expiresOn)
        if !expiresOn.isEmpty, expires == nil {
            throw KasaneError.invalid(field: "expiresOn", message: "有効期限は 2026-12-01 の形で入力するか、空欄にしてください。")
        }
        if !everyone, chosen.isEmpty {
            throw KasaneError.invalid(field: "scope.agencyIds", message: "情報を共有してよい機関を1つ以上選んでください。")
        }
        return ConsentInput(
            givenByMemberId: member, givenOn: given, scope: everyone ? .allMeetingMembers : .agencies(chosen.sorted()),
            purpose: purpose, expiresOn: expires)
    }

    /// Puts a refusal beside the field it is about.
    mutating func place(_ error: KasaneError) {
        let message = WebPages.plain(error.message)
        hasErrors = true
        switch error {
        case .invalid(let field?, _) where field == "givenOn": givenOnError = message
        case .invalid(let field?, _) where field == "purpose": purposeError = message
        case .invalid(let field?, _) where field == "expiresOn": expiresError = message
        case .invalid(let field?, _) where field.hasPrefix("scope"): scopeError = message
        default: formError = message
        }
    }

    func filled(members list: [HouseholdMember], agencies all: [Agency]) -> ConsentForm {
        var f = self
        let principal = list.first { $0.isPrincipal }?.id.map(String.init) ?? ""
        let chosenMember = givenBy.isEmpty ? principal : givenBy
        f.members = list.compactMap { m in
            m.id.map { Option(value: String($0), label: m.label + (m.isPrincipal ? "（本人）" : ""), selected: String($0) == chosenMember) }
        }
        f.agencies = all.compactMap { a in a.id.map { Option(value: String($0), label: a.name, selected: chosen.contains($0)) } }
        return f
    }
}

struct WithdrawView {
    var pageTitle: String
    var user: PageUser?
    var csrf: String
    var caseId: Int64
    var consentId: Int64
    var code: String
    var given: String
    var purpose: String
    var effects: [String]
    var reason: String
    var withdrawnOn: String
    var error: String?
}
