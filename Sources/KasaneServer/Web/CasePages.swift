import Foundation
import Hummingbird
import KasaneApp
import KasaneCore
import KasaneSQLite

/// The case list and the case page: the same store functions and need-to-know rules
/// as the API. A case a person may not see answers as if it did not exist, and the
/// refusal is audited there.
struct CasePages {
    let database: AppDatabase
    let web: WebController

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("cases") { request, _ in
            try await web.signedIn(request) { s, actor in
                let cases = try await database.cases(for: actor)
                let today = database.clock.today()
                var rows: [CaseRow] = []
                for c in cases {
                    let coverage = ConsentCoverage(consents: try await database.consents(caseId: c.id!, for: actor), on: today)
                    rows.append(CaseRow(
                        id: c.id!, code: c.code, district: c.district, fields: c.fields.map(\.rawValue).joined(separator: "・"),
                        status: c.status.japaneseName, consent: coverage.hasValidConsent ? "有効" : (coverage.absenceReason ?? "なし")))
                }
                return WebPages.page("cases", CasesView(user: web.user(s), cases: rows, hasCases: !rows.isEmpty, count: rows.count))
            }
        }
        router.get("cases/:id") { request, context in
            try await web.signedIn(request) { s, actor in
                let q = request.uri.queryParameters
                let notice: String? = switch q.get("done") {
                case "consent": "本人同意を記録しました。"
                case "withdrawn": "本人同意の撤回を記録しました。" + (q.get("meetings").flatMap(Int.init).map { $0 > 0 ? "今後の重層的支援会議\($0)件から、この事例の議題を外しました。" : "" } ?? "")
                default: nil
                }
                return WebPages.page("case", try await page(caseId: try context.parameters.id("id"), s: s, actor: actor, notice: notice))
            }
        }
        router.get("cases/:id/members/:memberId") { request, context in
            try await web.signedIn(request) { s, actor in
                let id = try context.parameters.id("id"), memberId = try context.parameters.id("memberId")
                let c = try await database.supportCase(id: id, for: actor)
                let member = try await database.household(caseId: id, for: actor).first { $0.id == memberId }
                let p = try await database.personalData(caseId: id, memberId: memberId, for: actor)
                return WebPages.page("member", MemberView(
                    pageTitle: "個人情報", user: web.user(s), caseId: id, code: c.code, label: member?.label ?? "",
                    name: p.name, kana: p.kana ?? "", born: p.birthDate.map { JapaneseEra.dateName($0, weekday: false) } ?? "", address: p.address ?? ""))
            }
        }
    }

    /// The case page; a case that does not exist for this person is `notFound` (the refusal is audited in the store).
    func page(
        caseId id: Int64, s: WebSession, actor: Actor, prepare: PrepareForm = PrepareForm(), consentForm: ConsentForm? = nil,
        notice: String? = nil
    ) async throws -> CaseView {
        let c = try await database.supportCase(id: id, for: actor)
        let agencies = try await database.agencies()
        let names = Dictionary(uniqueKeysWithValues: agencies.compactMap { a in a.id.map { ($0, a.name) } })
        let mayRecord = Access.allows(.registerCases, actor)
        // The link is offered to those who may be allowed (coordinators, members); the read decides, and is audited.
        let mayReadPersonal = s.staff.has(.coordinator) || s.staff.has(.member)
        let members = try await database.household(caseId: id, for: actor)
        let household = members.map {
            MemberRow(id: $0.id ?? 0, caseId: id, label: $0.label, personal: mayReadPersonal)
        }
        let consents = try await database.consents(caseId: id, for: actor).map { k in
            ConsentRow(
                id: k.id ?? 0, caseId: id, mayWithdraw: mayRecord && k.withdrawnOn == nil,
                given: PageDate(k.givenOn), state: k.state(on: database.clock.today()).japaneseName,
                expires: k.expiresOn.map(PageDate.init), purpose: k.purpose,
                scope: { switch k.scope {
                case .allMeetingMembers: "重層的支援会議の構成員すべて"
                case .agencies(let ids): ids.map { names[$0] ?? "機関ID \($0)" }.joined(separator: "、")
                } }(),
                withdrawn: k.withdrawnOn.map(PageDate.init), withdrawalReason: k.withdrawalReason)
        }
        let plans = try await database.plans(caseId: id, for: actor).map { p in
            PlanRow(
                version: p.version, state: p.stateName, wishes: p.wishes, review: JapaneseEra.dateName(p.nextReviewOn),
                history: p.history.map { t in
                    "\(JapaneseEra.dateName(t.on, weekday: false)) \(t.toName)" + (t.decision.map { "（\($0.japaneseName)）" } ?? "")
                        + (t.reason.map { "　\($0)" } ?? "")
                })
        }
        return CaseView(
            pageTitle: "事例 \(c.code)", user: web.user(s), csrf: s.csrf, id: id, code: c.code, summary: c.summary,
            received: JapaneseEra.dateName(c.receivedOn), district: c.district, fields: c.fields.map(\.rawValue).joined(separator: "・"),
            status: c.status.japaneseName, notice: notice, household: household, consents: consents, plans: plans,
            mayPrepare: Access.allows(.proposeMembers, actor), prepare: prepare,
            consentForm: mayRecord ? (consentForm ?? ConsentForm(today: database.clock.today())).filled(members: members, agencies: agencies) : nil)
    }
}

struct CaseRow { var id: Int64; var code: String; var district: String; var fields: String; var status: String; var consent: String }
struct CasesView { var pageTitle = "事例"; var user: PageUser?; var cases: [CaseRow]; var hasCases: Bool; var count: Int }
struct MemberRow { var id: Int64; var caseId: Int64; var label: String; var personal: Bool }
struct ConsentRow {
    var id: Int64; var caseId: Int64; var mayWithdraw: Bool; var given: PageDate; var state: String; var expires: PageDate?; var purpose: String
    var scope: String; var withdrawn: PageDate?; var withdrawalReason: String?
}
struct PlanRow { var version: Int; var state: String; var wishes: String; var review: String; var history: [String] }
struct CaseView {
    var pageTitle: String; var user: PageUser?; var csrf: String; var id: Int64; var code: String; var summary: String; var received: String
    var district: String; var fields: String; var status: String; var notice: String?; var household: [MemberRow]; var consents: [ConsentRow]
    var plans: [PlanRow]; var mayPrepare: Bool; var prepare: PrepareForm; var consentForm: ConsentForm?
}
struct MemberView {
    var pageTitle: String; var user: PageUser?; var caseId: Int64; var code: String; var label: String; var name: String; var kana: String
    var born: String; var address: String
}
