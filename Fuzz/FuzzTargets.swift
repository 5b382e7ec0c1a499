// libFuzzer targets for every parser of outside input. Built by scripts/fuzz.sh with
// `swiftc -sanitize=fuzzer,address` together with the sources of KasaneCore and
// KasaneCalendar (one module, so the harness calls them directly); the target is
// chosen by KASANE_FUZZ_TARGET. A target passes when the parser either accepts the
// input or refuses it with a KasaneError (a clear 400): any crash, sanitizer report
// or other error is a finding.
import Foundation

enum FuzzTarget: String, CaseIterable {
    /// A calendar file through libical: parse, normalize, the RFC 5546 checker.
    case ical
    /// An iTIP REPLY or COUNTER, as POST /api/v1/itip and `kasane itip import` read it.
    case itip
    /// The directory CSV import: agencies and staff files.
    case csv
    /// Every JSON body the API takes, decoded and validated.
    case json
    /// A member's own calendar read as busy time (recurrences, zones, VFREEBUSY).
    case busy
    /// A city's agenda or minutes template, checked field by field before use.
    case template
    /// A posted file form (multipart/form-data), as the administrator's CSV import reads it.
    case multipart

    static let current: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["KASANE_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("KASANE_FUZZ_TARGET must be one of \(allCases.map(\.rawValue))\n".utf8))
            exit(2)
        }
        return target
    }()

    /// Small limits, so that the fuzzer also walks the refusals of the bounds.
    static let limits = InputLimits(
        calendarLines: 400, calendarComponents: 60, calendarProperties: 300, calendarDepth: 6)

    func run(_ data: Data) {
        switch self {
        case .ical:
            let text = String(decoding: data, as: UTF8.self)
            expectClear { _ = try ICalendarText.parse(text, limits: Self.limits) }
            expectClear { _ = try ICalendarText.normalized(text, limits: Self.limits) }
            expectClear { _ = try ICalendarText.restrictionProblems(text, limits: Self.limits) }
        case .itip:
            expectClear { _ = try ITIPReader.read(String(decoding: data, as: UTF8.self), limits: Self.limits) }
        case .csv:
            expectClear {
                let table = try CSV.parse(data)
                _ = try DirectoryImport.agencies(table, knownFields: Set(Field.standard), knownDistricts: ["N", "S"])
            }
            expectClear { _ = try DirectoryImport.staff(try CSV.parse(data)) }
        case .json:
            JSONBodies.decodeEach(data)
        case .multipart:
            // The first line is the Content-Type, the rest the body; and the whole as a body too.
            let text = String(decoding: data.prefix(200), as: UTF8.self)
            let line = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
            if let boundary = FormData.boundary(contentType: line) {
                expectClear { _ = try FormData.parse(data.dropFirst(line.utf8.count), boundary: boundary) }
            }
            expectClear { _ = try FormData.parse(data, boundary: "XB") }
        case .template:
            // Any text: problems by line, never a crash, and line numbers within the text.
            let text = String(decoding: data, as: UTF8.self)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
            let partial = "{{#items}}{{number}}{{/items}}"
            let problems = TemplateCheck(root: Self.templateFields(), templates: ["t": text, "p": partial], label: { $0 }).check("t")
            for p in problems where p.line < 1 || p.line > lines {
                fatalError("template: problem on line \(p.line) of a \(lines)-line text: \(p.message)")
            }
            // Its markup, as HTML and as Markdown, and its partials written in: problems or a failure, never a crash.
            for format in ["html", "markdown"] {
                for p in TemplateMarkup.problems(text, name: "t", format: format, file: "t") where p.line < 1 || p.line > lines {
                    fatalError("template markup: problem on line \(p.line) of a \(lines)-line text: \(p.message)")
                }
            }
            _ = try? TemplateInliner.inline(text, partials: ["t": text, "p": partial], chain: ["t"])
        case .busy:
            let from = Date(timeIntervalSince1970: 1_793_404_800)  // 2026-11-01
            expectClear {
                _ = try BusyCalendarReader.read(
                    String(decoding: data, as: UTF8.self), from: from, to: from.addingTimeInterval(366 * 86400), limits: Self.limits)
            }
        }
    }

    /// The shape of a small view model: a title, a list of items, an optional person.
    /// Built per input: a static one would be reported as a leak at exit (its boxes live in lazy global storage).
    static func templateFields() -> FieldShape {
        FieldShape.object([
        "title": .scalar, "withheld": .scalar,
        "items": .list(.object(["number": .scalar, "decisions": .list(.object(["kind": .scalar, "details": .list(.scalar)]))])),
        "chair": .object(["name": .scalar]),
        ])
    }

    private func expectClear(_ body: () throws -> Void) {
        do {
            try body()
        } catch is KasaneError {
        } catch {
            fatalError("\(self.rawValue): an error that is not a KasaneError: \(error)")
        }
    }
}

/// Each request body type of the API, as the server decodes it (KasaneJSON) and then
/// validates it. A DecodingError is the 400 the server answers; so is a KasaneError.
enum JSONBodies {
    static func decodeEach(_ data: Data) {
        let fields = Set(Field.standard)
        let today = LocalDate(year: 2026, month: 11, day: 24) ?? .today()
        // A household the texts are checked against, in every script (IdentifyingText).
        let household = [
            PersonIdentity(name: "南野 浩二", kana: "みなみの こうじ", birthDate: LocalDate(year: 1972, month: 8, day: 20), address: "みなみ野市北町一丁目2番3号"),
            PersonIdentity(name: "南野 清", kana: "みなみの きよし", birthDate: LocalDate(year: 1942, month: 3, day: 5)),
        ]
        check(CaseInput.self, data) { _ = try $0.validatedSummary(household: household) }
        check(HouseholdMemberInput.self, data) { _ = try $0.validated(caseId: 1, memberId: nil, today: today, others: household) }
        check(ConsentInput.self, data) { _ in }
        check(WithdrawalInput.self, data) { _ in }
        check(ProposalRequest.self, data) { _ = try $0.validated() }
        check(MeetingInput.self, data) { m in
            try MeetingInput.validateTime(startsAt: m.startsAt, endsAt: m.endsAt)
            _ = try MeetingPlace.resolve(
                kind: m.placeKind ?? .room, text: m.place, roomName: nil, visitCaseCode: m.visitCaseId.map { "K-2026-\($0 % 1000)" },
                household: household)
        }
        check(MeetingChangeInput.self, data) { m in
            _ = try MeetingPlace.resolve(kind: m.placeKind ?? .room, text: m.place, roomName: "第2会議室", visitCaseCode: nil, household: household)
        }
        // Any text as a label, a summary and a place: a finding or none, never a crash.
        let text = String(decoding: data, as: UTF8.self)
        _ = IdentifyingText.finding(in: text, against: household, checksPlace: true)
        check(AgendaItemInput.self, data) { i in
            for kind in MeetingKind.allCases {
                try? AgendaItem.validate(purpose: i.purpose, caseId: i.caseId, minutes: i.minutes ?? 15, in: kind)
            }
        }
        check(AttendeeInput.self, data) { _ in }
        check(CancellationInput.self, data) { _ in }
        check(MinutesCorrectionInput.self, data) { _ = try Validate.text($0.reason, field: "reason", label: "訂正の理由", max: 500) }
        check(MinutesReturnInput.self, data) { _ = try Validate.text($0.comment, field: "comment", label: "差し戻しの理由", max: 2000) }
        check(PlanInput.self, data) { plan in
            _ = try plan.validated(consents: [], on: today, agencyNames: [1: "社協"])
        }
        check(ReopenInput.self, data) { _ = try Validate.text($0.reason, field: "reason", label: "理由", max: 500) }
        check(GapUpdate.self, data) { _ in }
        check(MinutesEdit.self, data) { edit in
            for item in edit.items {
                for d in item.decisions ?? [] {
                    for purpose in AgendaPurpose.allCases {
                        try? d.validate(purpose: purpose, hasCase: true, agencies: [1, 2, 3], at: "items")
                    }
                }
            }
        }
        check(MunicipalitySettings.self, data) { _ = try $0.validated() }
        check(District.self, data) { _ = try $0.validated() }
        check(Agency.self, data) { _ = try $0.validated(knownFields: fields, knownDistricts: ["N", "S"]) }
        check(Staff.self, data) { _ = try $0.validated() }
        let calendar = WorkingCalendar(settings: MunicipalitySettings())
        check(SeriesInput.self, data) { _ = try $0.occurrences(calendar) }
        check(PollInput.self, data) { _ = try $0.validated(now: today.instant()) }
        check(PollAnswersInput.self, data) { _ in }
        check(SlotSearchRequest.self, data) { _ = try $0.validated(today: today) }
        check(BookingRequest.self, data) { b in
            try MeetingInput.validateTime(startsAt: b.startsAt, endsAt: b.endsAt)
            _ = try MeetingPlace.resolve(kind: .room, text: b.place, roomName: "部屋", visitCaseCode: nil, household: household)
            _ = calendar.notices(startsAt: b.startsAt, endsAt: b.endsAt, now: today.instant())
        }
        check(Room.self, data) { _ = try $0.validated() }
    }

    static func check<T: Decodable>(_ type: T.Type, _ data: Data, _ validate: (T) throws -> Void) {
        let value: T
        do {
            value = try KasaneJSON.decoder().decode(T.self, from: data)
        } catch is DecodingError {
            return
        } catch {
            fatalError("json \(T.self): decoding threw \(error)")
        }
        do {
            try validate(value)
        } catch is KasaneError {
        } catch {
            fatalError("json \(T.self): an error that is not a KasaneError: \(error)")
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func kasaneFuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    FuzzTarget.current.run(data)
    return 0
}
