import KasaneApp
import ArgumentParser
import Foundation
import KasaneCore
import KasaneSQLite

struct ScheduleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule", abstract: "会議の日程を探し、決めます（多機関協働として）。", subcommands: [Search.self, Book.self])

    struct Book: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "見つけた日時で会議を作ります（出席者と部屋を確認し直してから）。",
            discussion: "例: kasane schedule book --as aizawa.misaki@minamino.example.jp --kind multiLayered --proposal 1 --starts 2026-12-03T13:00 --ends 2026-12-03T14:30 --room 1")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @Option(help: "support または multiLayered") var kind: String
        @Option(help: "構成員の提案のID") var proposal: Int64?
        @Option(help: "必須の出席者の職員ID（カンマ区切り）") var required: String?
        @Option(help: "開始（2026-12-03T13:00）") var starts: String
        @Option(help: "終了（2026-12-03T14:30）") var ends: String
        @Option(help: "予約する部屋のID") var room: Int64?
        @Option(help: "場所（省略時は部屋の名前）") var place: String?
        @Option(help: "移す会議のID（新しく作らずに移す）") var meeting: Int64?

        func run() async throws {
            try await acting.run(database) { db, actor in
                try await db.book(
                    BookingRequest(
                        kind: try KasaneCLI.meetingKind(kind), startsAt: try parseInstant(starts, option: "starts"),
                        endsAt: try parseInstant(ends, option: "ends"), meetingId: meeting, proposalId: proposal,
                        required: try staffIds(required, option: "required"), roomId: room, place: place),
                    by: actor)
            }
        }
    }

    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "必須の出席者がそろう候補を探します（予定表・Kasaneの会議・開庁時間・祝日・最低日数）。",
            discussion: "例: kasane schedule search --as aizawa.misaki@minamino.example.jp --kind multiLayered --proposal 1 --minutes 90")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @OptionGroup var people: PeopleOptions
        @Option(help: "会議の長さ（分）") var minutes = 90
        @Option(help: "この日から（YYYY-MM-DD）") var from: String?
        @Option(help: "この日まで（YYYY-MM-DD）") var to: String?
        @Flag(help: "緊急の支援会議（今日と次の開庁日から、最低日数なし）") var urgent = false
        @Option(help: "候補の数") var count = 5

        func run() async throws {
            try await acting.run(database) { db, actor in
                try await db.searchSlots(
                    SlotSearchRequest(
                        kind: try people.meetingKind(), proposalId: people.proposal, required: try people.requiredIds(),
                        optional: try people.optionalIds(),
                        minutes: minutes, from: try LocalDate.parse(from, field: "from", label: "--from"),
                        to: try LocalDate.parse(to, field: "to", label: "--to"), urgent: urgent, count: count),
                    by: actor)
            }
        }
    }
}
