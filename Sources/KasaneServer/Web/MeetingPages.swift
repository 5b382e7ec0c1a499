import KasaneApp
import Foundation
import Hummingbird
import KasaneCore
import KasaneDocuments
import KasaneSQLite

/// The coordinator's way from a case to a meeting: propose the members (every reason and
/// exclusion shown), find a time (the candidates as a table), book one or open a poll,
/// then the meeting page (items, who hears which, 退席, replies), sending the
/// invitations and cancelling, each behind a confirmation. The same store calls as the
/// API: `proposeMembers`, `searchSlots`, `book`, `createPoll`, `sendInvitations`,
/// `cancelMeeting`, `markHeld`.
struct MeetingPages {
    let database: AppDatabase
    let web: WebController
    let documents: MinutesController

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("proposals") { request, context in
            try await web.posted(request, context) { form, s, actor in
                let caseId = Int64(form["caseId"] ?? "") ?? 0
                let dateText = form["date"] ?? ""
                do {
                    guard let kind = MeetingKind(rawValue: form["kind"] ?? "") else {
                        throw KasaneError.invalid(field: "kind", message: "会議の種類を選んでください。")
                    }
                    let date = dateText.isEmpty ? nil : LocalDate(dateText)
                    if !dateText.isEmpty, date == nil {
                        throw KasaneError.invalid(field: "date", message: "開催予定日は 2026-12-01 の形で入力してください。")
                    }
                    let stored = try await database.proposeMembers(ProposalRequest(kind: kind, caseIds: [caseId], date: date), by: actor)
                    return WebPages.redirect("/proposals/\(stored.id)")
                } catch let error as KasaneError {
                    switch error { case .notFound, .forbidden: throw error; default: break }
                    // Said on the case page next to the form, with what was chosen kept.
                    let page = try await CasePages(database: database, web: web).page(
                        caseId: caseId, s: s, actor: actor,
                        prepare: PrepareForm(kind: form["kind"] ?? "", date: dateText, error: WebPages.plain(error.message)))
                    return WebPages.page("case", page, status: .badRequest)
                }
            }
        }
        router.get("proposals/:id") { request, context in
            try await web.signedIn(request) { s, actor in
                let stored = try await database.proposal(id: try context.parameters.id("id"), for: actor)
                return WebPages.page("proposal", try await proposalView(stored, s: s, search: SearchForm(), answer: nil))
            }
        }
        router.get("proposals/:id/times") { request, context in
            try await web.signedIn(request) { s, actor in
                let stored = try await database.proposal(id: try context.parameters.id("id"), for: actor)
                let q = request.uri.queryParameters
                var search = SearchForm(
                    minutes: q.get("minutes") ?? "90", from: q.get("from") ?? "", to: q.get("to") ?? "", room: q.get("room") == "on")
                do {
                    func day(_ text: String, _ label: String, _ field: String) throws -> LocalDate? {
                        guard !text.isEmpty else { return nil }
                        guard let d = LocalDate(text) else { throw KasaneError.invalid(field: field, message: "\(label)は 2026-12-01 の形で入力してください。") }
                        return d
                    }
                    guard let minutes = Int(search.minutes) else {
                        throw KasaneError.invalid(field: "minutes", message: "会議の長さを分で選んでください。")
                    }
                    let answer = try await database.searchSlots(
                        SlotSearchRequest(
                            kind: stored.request.kind, proposalId: stored.id, minutes: minutes,
                            from: try day(search.from, "探し始める日", "from"), to: try day(search.to, "探し終える日", "to"),
                            room: search.room ? .init(online: false) : nil),
                        by: actor)
                    return WebPages.page("proposal", try await proposalView(stored, s: s, search: search, answer: answer))
                } catch let error as KasaneError {
                    search.error = WebPages.plain(error.message)
                    return WebPages.page("proposal", try await proposalView(stored, s: s, search: search, answer: nil), status: .badRequest)
                }
            }
        }
        router.post("proposals/:id/book") { request, context in
            try await web.posted(request, context) { form, s, actor in
                let stored = try await database.proposal(id: try context.parameters.id("id"), for: actor)
                let starts = Date(timeIntervalSince1970: TimeInterval(form["startsAt"].flatMap(Int.init) ?? 0))
                let ends = Date(timeIntervalSince1970: TimeInterval(form["endsAt"].flatMap(Int.init) ?? 0))
                do {
                    let meeting = try await database.book(
                        BookingRequest(
                            kind: stored.request.kind, startsAt: starts, endsAt: ends, proposalId: stored.id,
                            roomId: form["roomId"].flatMap { Int64($0) }),
                        by: actor)
                    return WebPages.redirect("/meetings/\(meeting.id)?done=booked")
                } catch let error as KasaneError {
                    var search = SearchForm()
                    search.error = WebPages.plain(error.message)
                    return WebPages.page("proposal", try await proposalView(stored, s: s, search: search, answer: nil), status: .conflict)
                }
            }
        }
        router.post("proposals/:id/poll") { request, context in
            try await web.posted(request, context) { form, s, actor in
                let stored = try await database.proposal(id: try context.parameters.id("id"), for: actor)
                let slots = (form["slots"] ?? "").split(separator: ",").compactMap { pair -> PollSlotInput? in
                    let p = pair.split(separator: "-").compactMap { Int($0) }
                    guard p.count == 2 else { return nil }
                    return PollSlotInput(startsAt: Date(timeIntervalSince1970: TimeInterval(p[0])), endsAt: Date(timeIntervalSince1970: TimeInterval(p[1])))
                }
                do {
                    let poll = try await database.createPoll(
                        PollInput(kind: stored.request.kind, proposalId: stored.id, slots: slots, closesOn: database.clock.today().adding(days: 5)),
                        by: actor)
                    return WebPages.redirect("/polls/\(poll.id)")
                } catch let error as KasaneError {
                    var search = SearchForm()
                    search.error = WebPages.plain(error.message)
                    return WebPages.page("proposal", try await proposalView(stored, s: s, search: search, answer: nil), status: .badRequest)
                }
            }
        }
        router.get("meetings") { request, _ in
            try await web.signedIn(request) { s, actor in
                let rows = try await database.meetings(for: actor).sorted { $0.startsAt > $1.startsAt }.map { m in
                    MeetingsView.Row(id: m.id, title: m.title, when: Self.when(m.startsAt, m.endsAt), status: m.status.japaneseName)
                }
                return WebPages.page("meetings", MeetingsView(user: web.user(s), meetings: rows, hasMeetings: !rows.isEmpty))
            }
        }
        router.get("meetings/:id") { request, context in
            try await web.signedIn(request) { s, actor in
                let notice: String? = switch request.uri.queryParameters.get("done") {
                case "booked": "会議を予約しました。内容を確かめてから招集を送ってください。"
                case "invited": "招集を送りました。"
                case "cancelled": "会議を中止しました。招集を送った人には取消が届きます。"
                case "held": "開催済みにしました。議事録を作成できます。"
                case "attendee": "出席者を変更しました。招集済みの会議では、変わった人に通知が送られます。"
                case "place": "場所を変更しました。招集済みの会議では、出席者に変更が届きます。"
                default: nil
                }
                return try await meetingPage(try context.parameters.id("id"), s: s, actor: actor, notice: notice)
            }
        }
        router.get("meetings/:id/invite") { request, context in
            try await web.signedIn(request) { s, actor in
                try await confirmPage(try context.parameters.id("id"), s: s, actor: actor, action: .invite)
            }
        }
        router.get("meetings/:id/cancel") { request, context in
            try await web.signedIn(request) { s, actor in
                try await confirmPage(try context.parameters.id("id"), s: s, actor: actor, action: .cancel)
            }
        }
        router.post("meetings/:id/invite") { request, context in
            try await web.posted(request, context) { form, s, actor in
                let id = try context.parameters.id("id")
                do {
                    _ = try await database.sendInvitations(meetingId: id, by: actor)
                    return WebPages.redirect("/meetings/\(id)?done=invited")
                } catch let error as KasaneError {
                    if case .notFound = error { throw error }
                    return try await meetingPage(id, s: s, actor: actor, error: WebPages.plain(error.message), status: .conflict)
                }
            }
        }
        router.post("meetings/:id/cancel") { request, context in
            try await web.posted(request, context) { form, s, actor in
                let id = try context.parameters.id("id")
                do {
                    _ = try await database.cancelMeeting(id: id, CancellationInput(reason: form["reason"] ?? ""), by: actor)
                    return WebPages.redirect("/meetings/\(id)?done=cancelled")
                } catch let error as KasaneError {
                    if case .notFound = error { throw error }
                    return try await confirmPage(id, s: s, actor: actor, action: .cancel, error: WebPages.plain(error.message), reason: form["reason"] ?? "")
                }
            }
        }
        router.post("meetings/:id/held") { request, context in
            try await web.posted(request, context) { form, s, actor in
                let id = try context.parameters.id("id")
                do {
                    _ = try await database.markHeld(id: id, by: actor)
                    return WebPages.redirect("/meetings/\(id)?done=held")
                } catch let error as KasaneError {
                    if case .notFound = error { throw error }
                    return try await meetingPage(id, s: s, actor: actor, error: WebPages.plain(error.message), status: .conflict)
                }
            }
        }
        // Print views of the agenda (配布用 / 出席者用), through the city's templates.
        router.get("meetings/:id/print/agenda") { request, context in
            try await web.signedIn(request) { _, actor in
                let q = try DocumentQuery(request)
                let doc = try await database.agendaDocument(meetingId: try context.parameters.id("id"), reading: q.reading, for: actor)
                return try await documents.render(doc, q, name: "agenda")
            }
        }
    }

    static func when(_ start: Date, _ end: Date) -> String {
        let day = LocalDate.inTokyo(start)
        return "\(JapaneseEra.dateName(day)) \(WebController.clock(start))〜\(WebController.clock(end))"
    }

    func proposalView(_ stored: StoredProposal, s: WebSession, search: SearchForm, answer: SlotSearchAnswer?) async throws -> ProposalView {
        let p = stored.proposal
        let candidates = (answer?.candidates ?? []).map { c in
            let day = LocalDate.inTokyo(c.startsAt)
            var notes: [String] = []
            if !c.missing.isEmpty { notes.append("来られない人: " + c.missing.joined(separator: "、")) }
            if c.outsideOfficeHours { notes.append("開庁時間外") }
            if let closed = c.closedDay { notes.append(closed) }
            return ProposalView.Candidate(
                date: JapaneseEra.dateName(day), westernDate: JapaneseEra.westernDateName(day),
                time: WebController.clock(c.startsAt) + "〜" + WebController.clock(c.endsAt),
                startsAt: Int(c.startsAt.timeIntervalSince1970), endsAt: Int(c.endsAt.timeIntervalSince1970),
                room: c.roomName ?? "（部屋の指定なし）", roomId: c.roomId.map(String.init) ?? "",
                everyone: c.missing.isEmpty, notes: notes.joined(separator: "・"))
        }
        let excluded = p.excluded.map { e in
            ProposalView.Excluded(
                who: e.staffName.map { "\($0)（\(e.agencyName)）" } ?? e.agencyName, caseCode: e.caseCode ?? "すべて", reason: e.reason)
        }
        return ProposalView(
            pageTitle: "構成員の提案", user: web.user(s), csrf: s.csrf, id: stored.id, kindName: stored.request.kind.legalName,
            date: JapaneseEra.dateName(p.date), caseCodes: p.caseCodes.joined(separator: "、"),
            members: p.members.map { m in
                ProposalView.Member(
                    name: m.staffName, agency: m.agencyName, role: m.role.japaneseName,
                    reasons: m.cases.map { "\($0.caseCode): " + $0.reasons.joined(separator: "、") }.joined(separator: "／"))
            },
            excluded: excluded, hasExcluded: !excluded.isEmpty,
            notes: p.notes, canMeet: p.members.contains { $0.role == .member }, search: search, searched: answer != nil, candidates: candidates, hasCandidates: !candidates.isEmpty,
            searchNotices: answer?.notices ?? [],
            pollSlots: candidates.prefix(5).map { "\($0.startsAt)-\($0.endsAt)" }.joined(separator: ","))
    }

    func meetingPage(
        _ id: Int64, s: WebSession, actor: Actor, notice: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let m = try await database.meetingMaterial(id: id, for: actor)
        let manages = Access.allows(.manageMeetings, actor)
        let positions = Dictionary(uniqueKeysWithValues: m.items.map { ($0.id, $0.position) })
        let sent = manages ? try await database.messages(meetingId: id, for: actor) : []
        let counters = manages ? try await database.counterProposals(meetingId: id, for: actor) : []
        let names = Dictionary(m.attendees.map { ($0.staffId, $0.name) }, uniquingKeysWith: { a, _ in a })
        let mayEdit = manages && (m.status == .planned || m.status == .invited)
        let view = MeetingView(
            pageTitle: m.title, user: web.user(s), csrf: s.csrf, id: m.id, title: m.title, when: Self.when(m.startsAt, m.endsAt),
            westernDate: JapaneseEra.westernDateName(LocalDate.inTokyo(m.startsAt)), place: m.place, placeKind: m.placeKindName,
            isVisit: m.placeKind == .visit, status: m.statusName,
            cancellation: m.cancellationReason, notices: m.notices, notice: notice, error: error,
            items: m.items.map { i in
                MeetingView.Item(position: i.position, startsAt: i.startsAt, minutes: i.minutes,
                                 what: i.withheld ? "（この議題は出席範囲外です）" : [i.caseCode, i.purposeName].compactMap { $0 }.joined(separator: "　"))
            },
            attendees: m.attendees.map { a in
                let hears = a.everyItem ? "すべて" : (a.itemIds ?? []).compactMap { positions[$0].map { "議題\($0)" } }.joined(separator: "・")
                let leaves = a.leavesFor.compactMap { positions[$0].map { "議題\($0)" } }.joined(separator: "・")
                let messages = sent.filter { $0.staffId == a.staffId }
                return MeetingView.Attendee(
                    meetingId: m.id, staffId: a.staffId, mayEdit: mayEdit, name: a.name, agency: a.agencyName, role: a.roleName, hears: hears.isEmpty ? "なし" : hears,
                    leaves: leaves.isEmpty ? "—" : leaves, response: a.responseName,
                    sent: messages.isEmpty ? "未送信" : "送信済み（\(messages.count)通）")
            },
            counters: counters.map { c in "\(names[c.staffId] ?? "構成員"): \(Self.when(c.proposedStart, c.proposedEnd))" + (c.comment.map { "（\($0)）" } ?? "") },
            manages: manages, mayEdit: mayEdit, mayInvite: manages && m.status == .planned,
            mayCancel: manages && (m.status == .planned || m.status == .invited),
            mayMarkHeld: Access.allows(.recordHeld, actor) && (m.status == .planned || m.status == .invited) && m.startsAt <= database.clock.now(),
            hasMinutes: m.status == .held || m.status == .minutesApproved)
        return WebPages.page("meeting", view, status: status)
    }

    enum ConfirmAction { case invite, cancel }

    func confirmPage(
        _ id: Int64, s: WebSession, actor: Actor, action: ConfirmAction, error: String? = nil, reason: String = ""
    ) async throws -> Response {
        let m = try await database.meetingMaterial(id: id, for: actor)
        guard Access.allows(.manageMeetings, actor) else { return web.notFound(s) }
        let view = ConfirmView(
            pageTitle: action == .invite ? "招集の送信" : "会議の中止", user: web.user(s), csrf: s.csrf, id: id, title: m.title,
            when: Self.when(m.startsAt, m.endsAt), invite: action == .invite, cancel: action == .cancel,
            recipients: m.attendees.map { "\($0.name)（\($0.agencyName)）" }, recipientCount: m.attendees.count, invited: m.status == .invited, reason: reason, error: error)
        return WebPages.page("meeting-confirm", view, status: error == nil ? .ok : .badRequest)
    }
}

/// The form values a page shows back. Only stored properties: the templates read values through reflection.
struct PrepareForm {
    var kind: String
    var date: String
    var error: String?
    var support: Bool
    var multi: Bool

    init(kind: String = MeetingKind.supportMeeting.rawValue, date: String = "", error: String? = nil) {
        self.kind = kind
        self.date = date
        self.error = error
        multi = kind == MeetingKind.multiLayeredSupportMeeting.rawValue
        support = !multi
    }
}

struct SearchForm {
    var minutes: String
    var from: String
    var to: String
    var room: Bool
    var error: String?
    var m60: Bool
    var m90: Bool
    var m120: Bool

    init(minutes: String = "90", from: String = "", to: String = "", room: Bool = false) {
        self.minutes = minutes
        self.from = from
        self.to = to
        self.room = room
        m60 = minutes == "60"
        m90 = minutes == "90"
        m120 = minutes == "120"
    }
}

struct ProposalView {
    struct Member { var name: String; var agency: String; var role: String; var reasons: String }
    struct Excluded { var who: String; var caseCode: String; var reason: String }
    struct Candidate {
        var date: String; var westernDate: String; var time: String; var startsAt: Int; var endsAt: Int; var room: String
        var roomId: String; var everyone: Bool; var notes: String
    }
    var pageTitle: String
    var user: PageUser?
    var csrf: String
    var id: Int64
    var kindName: String
    var date: String
    var caseCodes: String
    var members: [Member]
    var excluded: [Excluded]
    var hasExcluded: Bool
    var notes: [String]
    var canMeet: Bool
    var search: SearchForm
    var searched: Bool
    var candidates: [Candidate]
    var hasCandidates: Bool
    var searchNotices: [String]
    var pollSlots: String
}

struct MeetingsView {
    struct Row { var id: Int64; var title: String; var when: String; var status: String }
    var pageTitle = "会議"
    var user: PageUser?
    var meetings: [Row]
    var hasMeetings: Bool
}

struct MeetingView {
    struct Item { var position: Int; var startsAt: String; var minutes: Int; var what: String }
    struct Attendee { var meetingId: Int64; var staffId: Int64; var mayEdit: Bool; var name: String; var agency: String; var role: String; var hears: String; var leaves: String; var response: String; var sent: String }
    var pageTitle: String
    var user: PageUser?
    var csrf: String
    var id: Int64
    var title: String
    var when: String
    var westernDate: String
    var place: String
    var placeKind: String
    var isVisit: Bool
    var status: String
    var cancellation: String?
    var notices: [String]
    var notice: String?
    var error: String?
    var items: [Item]
    var attendees: [Attendee]
    var counters: [String]
    var manages: Bool
    var mayEdit: Bool
    var mayInvite: Bool
    var mayCancel: Bool
    var mayMarkHeld: Bool
    var hasMinutes: Bool
}

struct ConfirmView {
    var pageTitle: String
    var user: PageUser?
    var csrf: String
    var id: Int64
    var title: String
    var when: String
    var invite: Bool
    var cancel: Bool
    var recipients: [String]
    var recipientCount: Int
    var invited: Bool
    var reason: String
    var error: String?
}
