import ArgumentParser
import Foundation
import KasaneCore
import KasaneApp
import KasaneSQLite

struct BusyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "busy", abstract: "職員本人の予定表（.ics）を、日程調整のための予定あり時間として取り込みます。",
        subcommands: [Import.self, Show.self, Clear.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "予定表を取り込みます（前の分はまとめて置き換え。予定の中身は保存しません）。")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @Argument(help: "Outlook・Google・Thunderbird から書き出した .ics") var file: String

        func run() async throws {
            try await acting.run(database) { db, actor in
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw KasaneError.notFound("ファイル \(file) を読めません。")
                }
                return try await BusyImporter.importCalendar(String(decoding: data, as: UTF8.self), into: db, by: actor)
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "取り込んだ予定あり時間の件数と期間を表示します。")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption

        func run() async throws {
            try await acting.run(database) { db, actor in try await db.busySummary(for: actor) }
        }
    }

    struct Clear: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "取り込んだ予定表を消します。")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption

        func run() async throws {
            try await acting.run(database) { db, actor in try await db.clearBusy(by: actor) }
        }
    }
}
