import ArgumentParser
import Foundation
import KasaneApp
import KasaneCore
import KasaneSQLite

/// Parses `1,5,19` into staff ids for an option.
func staffIds(_ text: String?, option: String) throws -> [Int64]? {
    try text.map { list in
        try list.split(separator: ",").map { part in
            guard let id = Int64(part.trimmingCharacters(in: .whitespaces)) else {
                throw KasaneError.invalid(field: option, message: "--\(option) は職員IDをカンマで区切って指定してください（\(list)）。")
            }
            return id
        }
    }
}

/// Who a search or a poll is about: the kind of meeting, a stored proposal and/or listed staff.
struct PeopleOptions: ParsableArguments {
    @Option(help: "support（支援会議）または multiLayered（重層的支援会議）") var kind: String
    @Option(help: "構成員の提案のID（その構成員を必須とする）") var proposal: Int64?
    @Option(help: "必須の出席者の職員ID（カンマ区切り）") var required: String?
    @Option(help: "任意の出席者の職員ID（カンマ区切り）") var optional: String?

    func meetingKind() throws -> MeetingKind { try KasaneCLI.meetingKind(kind) }
    func requiredIds() throws -> [Int64]? { try staffIds(required, option: "required") }
    func optionalIds() throws -> [Int64]? { try staffIds(optional, option: "optional") }
}

enum KasaneCLI {
    static func meetingKind(_ text: String) throws -> MeetingKind {
        guard let kind = MeetingKind(rawValue: text) else {
            throw KasaneError.invalid(field: "kind", message: "--kind は support または multiLayered です（\(text)）。")
        }
        return kind
    }
}

struct PollCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poll", abstract: "日程調整（○△×）を行います。",
        subcommands: [Create.self, List.self, Show.self, Answer.self, Close.self, Book.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "候補の日時を出席者に示して、日程調整を始めます（多機関協働）。",
            discussion: "例: kasane poll create --as aizawa.misaki@minamino.example.jp --kind support --required 1,5 --slot 2026-12-03T10:00/11:30 --slot 2026-12-04T14:00/15:30")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @OptionGroup var people: PeopleOptions
        @Option(help: "候補: 2026-12-03T10:00/11:30（繰り返し指定）") var slot: [String]
        @Option(help: "回答の締切日（YYYY-MM-DD）") var closes: String?
        @Option(help: "連絡事項") var note: String?

        func run() async throws {
            try await acting.run(database) { db, actor in
                let slots = try slot.map { text -> PollSlotInput in
                    let parts = text.split(separator: "/")
                    guard parts.count == 2 else {
                        throw KasaneError.invalid(field: "slot", message: "--slot は 2026-12-03T10:00/11:30 の形で指定してください（\(text)）。")
                    }
                    let start = try parseInstant(String(parts[0]), option: "slot")
                    let day = String(parts[0].prefix(10))
                    return PollSlotInput(startsAt: start, endsAt: try parseInstant("\(day)T\(parts[1])", option: "slot"))
                }
                return try await db.createPoll(
                    PollInput(
                        kind: try people.meetingKind(), proposalId: people.proposal, required: try people.requiredIds(),
                        optional: try people.optionalIds(), slots: slots,
                        closesOn: try LocalDate.parse(closes, field: "closes", label: "--closes"), note: note),
                    by: actor)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "日程調整の一覧（多機関協働はすべて、構成員は自分が回答するもの）。")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        func run() async throws { try await acting.run(database) { db, actor in try await db.polls(for: actor) } }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "日程調整を表示します（構成員には件数と自分の回答だけ）。")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @Option(help: "日程調整のID") var id: Int64
        func run() async throws { try await acting.run(database) { db, actor in try await db.poll(id: id, for: actor) } }
    }

    struct Answer: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "自分の回答を出します（例: --answer 3=○ --answer 4=×）。")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @Option(help: "日程調整のID") var id: Int64
        @Option(help: "候補ID=○ / △ / ×（繰り返し指定）") var answer: [String]
        func run() async throws {
            try await acting.run(database) { db, actor in
                let answers = try answer.map { text -> PollAnswersInput.Answer in
                    let parts = text.split(separator: "=")
                    let decoded = parts.count == 2 ? try? KasaneJSON.decoder().decode(PollAnswer.self, from: Data("\"\(parts[1])\"".utf8)) : nil
                    guard let slotId = parts.first.flatMap({ Int64($0) }), let decoded else {
                        throw KasaneError.invalid(field: "answer", message: "--answer は 候補ID=○ の形で指定してください（\(text)）。")
                    }
                    return PollAnswersInput.Answer(slotId: slotId, answer: decoded)
                }
                return try await db.answerPoll(id: id, PollAnswersInput(answers: answers), by: actor)
            }
        }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "回答を締め切ります（多機関協働）。")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @Option(help: "日程調整のID") var id: Int64
        func run() async throws { try await acting.run(database) { db, actor in try await db.closePoll(id: id, by: actor) } }
    }

    struct Book: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "候補を選んで会議を作ります（多機関協働）。")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @Option(help: "日程調整のID") var id: Int64
        @Option(help: "選ぶ候補のID") var slot: Int64
        @Option(help: "予約する部屋のID") var room: Int64?
        @Option(help: "場所") var place: String?
        func run() async throws {
            try await acting.run(database) { db, actor in try await db.bookPoll(id: id, slotId: slot, roomId: room, place: place, by: actor) }
        }
    }
}

struct RoomsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rooms", abstract: "会議室を一覧・登録します。", subcommands: [List.self, Add.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "部屋の一覧。")
        @OptionGroup var database: DatabaseOption
        func run() async throws { try await reportingErrors { try printJSON(try await database.open().rooms()) } }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "部屋を登録します（サーバーの操作者として）。")
        @OptionGroup var database: DatabaseOption
        @Option(help: "部屋の名前") var name: String
        @Option(help: "定員（オンラインの部屋は省略）") var capacity: Int?
        @Flag(help: "オンラインの部屋（同時に何件でも）") var online = false
        @Option(help: "設備（繰り返し指定）") var equipment: [String] = []
        func run() async throws {
            try await reportingErrors {
                try printJSON(try await database.open().createRoom(
                    Room(name: name, capacity: capacity, online: online, equipment: equipment), by: .localOperator))
            }
        }
    }
}
