import KasaneApp
import Foundation
import Hummingbird
import KasaneCore
import KasaneSQLite

/// The ○△× poll form for those asked: the same `answerPoll` as `PUT /api/v1/polls/:id/answers`.
struct PollPages {
    let database: AppDatabase
    let web: WebController

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("polls") { request, _ in
            try await web.signedIn(request) { s, actor in
                let polls = try await database.polls(for: actor).map { p in
                    PollsView.Item(
                        id: p.id, kindName: p.kind.legalName, closes: p.closesOn.map { JapaneseEra.dateName($0) } ?? "なし", statusName: p.statusName)
                }
                return WebPages.page("polls", PollsView(user: web.user(s), polls: polls))
            }
        }
        router.get("polls/:id") { request, context in
            try await web.signedIn(request) { s, actor in
                WebPages.page("poll", PollFormView(try await database.poll(id: try context.parameters.id("id"), for: actor), s: s, web: web))
            }
        }
        router.post("polls/:id") { request, context in
            try await web.posted(request, context) { form, s, actor in
                let id = try context.parameters.id("id")
                let answers = form.compactMap { key, value -> PollAnswersInput.Answer? in
                    guard key.hasPrefix("slot-"), let slot = Int64(key.dropFirst(5)), let answer = PollAnswer(rawValue: value) else { return nil }
                    return PollAnswersInput.Answer(slotId: slot, answer: answer)
                }.sorted { $0.slotId < $1.slotId }
                do {
                    let poll = try await database.answerPoll(id: id, PollAnswersInput(answers: answers), by: actor)
                    var view = PollFormView(poll, s: s, web: web)
                    view.saved = true
                    return WebPages.page("poll", view)
                } catch let error as KasaneError {
                    if case .notFound = error { throw error }
                    var view = PollFormView(try await database.poll(id: id, for: actor), s: s, web: web)
                    view.error = error.message
                    return WebPages.page("poll", view, status: .badRequest)
                }
            }
        }
    }
}

struct PollsView {
    struct Item { var id: Int64; var kindName: String; var closes: String; var statusName: String }
    var pageTitle = "日程調整"
    var user: PageUser?
    var polls: [Item]
}

struct PollFormView {
    struct Slot { var slotId: Int64; var date: String; var westernDate: String; var time: String; var yes: Bool; var maybe: Bool; var no: Bool }
    var pageTitle = "日程調整の回答"
    var user: PageUser?
    var csrf: String
    var id: Int64
    var kindName: String
    var note: String?
    var slots: [Slot]
    var saved = false
    var error: String?

    init(_ p: PollView, s: WebSession, web: WebController) {
        user = web.user(s)
        csrf = s.csrf
        id = p.id
        kindName = p.kind.legalName
        note = p.note
        slots = p.slots.map { slot in
            let day = LocalDate.inTokyo(slot.startsAt)
            return Slot(
                slotId: slot.id, date: JapaneseEra.dateName(day), westernDate: JapaneseEra.westernDateName(day),
                time: WebController.clock(slot.startsAt) + "〜" + WebController.clock(slot.endsAt),
                yes: slot.mine == .yes, maybe: slot.mine == .maybe, no: slot.mine == .no)
        }
    }
}
