import Foundation
import KasaneCore

/// What the templates in `Agendas/` read. Mustache reads stored properties only, so
/// every value is already in words: dates in 和暦 and 西暦, times in JST. The list
/// of fields a city's template may name is read off this type (`TemplateFields`).
struct DocumentView {
    struct Person {
        var name: String?
        var agency: String
        var role: String
    }

    struct DecisionView {
        var kind: String
        var details: [String]
    }

    struct ItemView {
        var number: Int
        var time: String
        var minutes: Int
        var purpose: String?
        var caseCode: String?
        var withheld: Bool
        var withheldText: String
        /// Starts a new printed page (every case item after the first).
        var pageBreak: Bool
        var consentNote: String?
        var caseSummary: String?
        var household: [String]
        var planSummary: String?
        var previousDecisions: [String]
        var attendance: [String]
        var summary: String?
        var decisions: [DecisionView]
        var erased: Bool
        var erasedText: String
        // Stored, because Mustache reads stored properties only.
        var hasHousehold = false
        var hasPreviousDecisions = false
        var hasAttendance = false
        var hasDecisions = false

        mutating func setFlags() {
            hasHousehold = !household.isEmpty
            hasPreviousDecisions = !previousDecisions.isEmpty
            hasAttendance = !attendance.isEmpty
            hasDecisions = !decisions.isEmpty
        }
    }

    struct VersionView {
        var number: Int
        var state: String
        var approvedOn: String?
        var approvedBy: String?
        var reason: String?
        var hash: String?
    }

    var municipality: String
    var title: String
    /// 次第 or 議事録.
    var documentName: String
    /// 配布用 or 出席者用.
    var readingName: String
    var distributed: Bool
    var attendeeReading: Bool
    /// 取扱注意: marked on every page of a reading that carries case details.
    var handleWithCare: Bool
    var supportMeeting: Bool
    var multiLayered: Bool
    var legalName: String
    var fiscalYearName: String
    /// 令和8年12月1日（火）
    var date: String
    /// 2026年12月1日（火）
    var westernDate: String
    /// 10:00〜11:30（日本時間）
    var time: String
    var place: String
    var chair: Person?
    var secretariat: Person?
    var reader: String?
    var attendees: [Person]
    var hasAttendees = false
    var items: [ItemView]
    var confidentiality: [String]
    var version: VersionView?
    /// 令和8年12月1日 作成
    var generatedOn: String

    init(_ doc: MeetingDocument, generatedOn: LocalDate = LocalDate.today()) {
        let day = LocalDate.inTokyo(doc.startsAt)
        municipality = doc.municipalityName
        title = doc.title
        documentName = doc.isMinutes ? "議事録" : "次第"
        readingName = doc.reading.japaneseName
        distributed = doc.reading == .distributed
        attendeeReading = doc.reading == .attendee
        handleWithCare = doc.reading == .attendee
        supportMeeting = doc.kind == .supportMeeting
        multiLayered = doc.kind == .multiLayeredSupportMeeting
        legalName = doc.kind.legalName
        fiscalYearName = JapaneseEra.fiscalYearName(doc.fiscalYear)
        date = JapaneseEra.dateName(day)
        westernDate = JapaneseEra.westernDateName(day)
        time = "\(Self.clock(doc.startsAt))〜\(Self.clock(doc.endsAt))（日本時間）"
        place = doc.place
        // The distributed reading names agencies, never people, whatever it is given.
        let named = doc.reading == .attendee
        func person(_ p: MeetingDocument.Person) -> Person { Person(name: named ? p.name : nil, agency: p.agencyName, role: p.roleName) }
        chair = doc.chair.map(person)
        secretariat = doc.secretariat.map(person)
        reader = named ? doc.readerName : nil
        attendees = doc.attendees.map(person)
        var seenCase = false
        items = doc.items.map { item in
            let breaks = doc.reading == .attendee && item.caseCode != nil && seenCase
            if item.caseCode != nil { seenCase = true }
            var view = ItemView(
                number: item.position, time: item.startsAt, minutes: item.minutes, purpose: item.purposeName, caseCode: item.caseCode,
                withheld: item.withheld, withheldText: "（この議題は出席範囲外です）", pageBreak: breaks, consentNote: item.consentNote,
                caseSummary: item.caseSummary, household: item.household, planSummary: item.planSummary,
                previousDecisions: item.previousDecisions, attendance: item.attendance, summary: item.summary,
                decisions: item.decisions.map { DecisionView(kind: $0.kindName, details: $0.details) }, erased: item.erased,
                erasedText: "（保存期間の経過により、この議題の記録は消去されました）")
            view.setFlags()
            return view
        }
        hasAttendees = !attendees.isEmpty
        confidentiality = Self.confidentiality(doc.kind)
        version = doc.version.map { v in
            VersionView(
                number: v.number, state: v.stateName, approvedOn: v.approvedOn.map { JapaneseEra.dateName($0) }, approvedBy: named ? v.approvedBy : nil,
                reason: v.reason, hash: v.versionHash)
        }
        self.generatedOn = JapaneseEra.dateName(generatedOn, weekday: false)
    }

    /// The reminder every reading carries (DOMAIN: confidentiality).
    static func confidentiality(_ kind: MeetingKind) -> [String] {
        switch kind {
        case .supportMeeting:
            [
                "本会議は社会福祉法第106条の6に基づく支援会議です。",
                "会議の事務に従事する者又は従事していた者は、正当な理由なく、会議の事務に関して知り得た秘密を漏らしてはなりません（同条第5項）。この義務は会議を離れた後も続きます。",
                "違反した者は、1年以下の拘禁刑又は100万円以下の罰金に処せられます。",
            ]
        case .multiLayeredSupportMeeting:
            [
                "本会議は、本人の同意に基づき開催する重層的支援会議です。",
                "共有する情報は、同意を得た範囲（機関・目的）でのみ用いてください。同意の範囲外の機関への提供や目的外の利用はできません。",
                "資料の複写・持ち出しはせず、会議終了後は事務局に返却してください。",
            ]
        }
    }

    static func clock(_ instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .tokyo
        let c = calendar.dateComponents([.hour, .minute], from: instant)
        return String(format: "%d:%02d", c.hour ?? 0, c.minute ?? 0)
    }

    /// A view with every optional filled and every list non-empty: the field list a
    /// template may name is read off it.
    static let sample: DocumentView = {
        let item = MeetingDocument.Item(
            position: 1, startsAt: "10:00", minutes: 30, purposeName: "p", caseCode: "c", withheld: false, caseSummary: "s",
            household: ["h"], planSummary: "p", previousDecisions: ["d"], attendance: ["a"], summary: "s",
            decisions: [.init(kindName: "k", details: ["d"])], erased: false)
        var withNote = item
        withNote.consentNote = "n"
        let person = MeetingDocument.Person(name: "n", agencyName: "a", roleName: "r")
        let doc = MeetingDocument(
            isMinutes: true, reading: .attendee, kind: .multiLayeredSupportMeeting, municipalityName: "m", title: "t", fiscalYear: 2026,
            number: 1, startsAt: Date(timeIntervalSince1970: 1_780_000_000), endsAt: Date(timeIntervalSince1970: 1_780_003_600),
            place: "p", chair: person, secretariat: person, readerName: "r", attendees: [person], items: [withNote],
            version: .init(number: 1, stateName: "s", approvedOn: LocalDate(year: 2026, month: 4, day: 1), approvedBy: "a", reason: "r", versionHash: "h"))
        return DocumentView(doc)
    }()
}

