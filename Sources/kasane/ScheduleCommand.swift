import ArgumentParser
import Foundation
import KasaneCore
import KasaneServer
import KasaneStore

struct ScheduleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule", abstract: "会議の日程を探します（多機関協働として）。", subcommands: [Search.self])

    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "必須の出席者がそろう候補を探します（予定表・Kasaneの会議・開庁時間・祝日・最低日数）。",
            discussion: "例: kasane schedule search --as aizawa.misaki@minamino.example.jp --kind multiLayered --proposal 1 --minutes 90")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @Option(help: "support（支援会議）または multiLayered（重層的支援会議）") var kind: String
        @Option(help: "構成員の提案のID（その構成員を必須とする）") var proposal: Int64?
        @Option(help: "必須の出席者の職員ID（カンマ区切り）") var required: String?
        @Option(help: "任意の出席者の職員ID（カンマ区切り）") var optional: String?
        @Option(help: "会議の長さ（分）") var minutes = 90
        @Option(help: "この日から（YYYY-MM-DD）") var from: String?
        @Option(help: "この日まで（YYYY-MM-DD）") var to: String?
        @Flag(help: "緊急の支援会議（今日と次の開庁日から、最低日数なし）") var urgent = false
        @Option(help: "候補の数") var count = 5

        func run() async throws {
            try await acting.run(database) { db, actor in
                guard let kind = MeetingKind(rawValue: kind) else {
                    throw KasaneError.invalid(field: "kind", message: "--kind は support または multiLayered です（\(kind)）。")
                }
                func ids(_ text: String?, _ option: String) throws -> [Int64]? {
                    try text.map { list in
                        try list.split(separator: ",").map { part in
                            guard let id = Int64(part.trimmingCharacters(in: .whitespaces)) else {
                                throw KasaneError.invalid(field: option, message: "--\(option) は職員IDをカンマで区切って指定してください（\(list)）。")
                            }
                            return id
                        }
                    }
                }
                return try await db.searchSlots(
                    SlotSearchRequest(
                        kind: kind, proposalId: proposal, required: try ids(required, "required"), optional: try ids(optional, "optional"),
                        minutes: minutes, from: try LocalDate.parse(from, field: "from", label: "--from"),
                        to: try LocalDate.parse(to, field: "to", label: "--to"), urgent: urgent, count: count),
                    by: actor)
            }
        }
    }
}
