import KasaneApp
import ArgumentParser
import Foundation
import KasaneCalendar
import KasaneCore
import KasaneSQLite

struct ITIPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "itip", abstract: "カレンダーからの返信（iTIP）を扱います。", subcommands: [Import.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "出欠の返信（METHOD:REPLY）や別日時の提案（COUNTER）の .ics を取り込みます。誤りがあれば何も変えません。")
        @OptionGroup var database: DatabaseOption
        @Argument(help: ".ics ファイル") var file: String

        func run() async throws {
            try await reportingErrors {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw KasaneError.invalid(field: "file", message: "ファイル \(file) を読めません。")
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    throw KasaneError.invalid(field: "file", message: "ファイル \(file) は UTF-8 の iCalendar ではありません。")
                }
                let parsed = try ITIPReader.read(text)
                let outcome = try await database.open().importReply(
                    parsed.reply, attendeeEmails: parsed.attendeeEmails, by: .localOperator)
                print(outcome.message)
            }
        }
    }
}

struct HolidaysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holidays", abstract: "日本の祝日（振替休日・国民の休日を含む）を .ics で書き出します。")
    @Option(help: "最初の年") var from = 2020
    @Option(help: "最後の年") var to = 2035
    @Option(help: "書き出すファイル（省略時は標準出力）") var output: String?

    func run() async throws {
        try await reportingErrors {
            let years = JapaneseHolidays.supportedYears
            guard years.contains(from), years.contains(to), from <= to else {
                throw KasaneError.invalid(
                    field: "from", message: "年は \(years.lowerBound)〜\(years.upperBound) の範囲で、--from ≦ --to にしてください。")
            }
            // A fixed DTSTAMP keeps the shipped file the same from one run to the next.
            let stamp = Date(timeIntervalSince1970: 1_767_225_600)
            let ics = ICalendarWriter.holidays(JapaneseHolidays.holidays(from: from, to: to), now: stamp)
            if let output {
                try ics.write(toFile: output, atomically: true, encoding: .utf8)
                print("\(output) に書き出しました。")
            } else {
                print(ics, terminator: "")
            }
        }
    }
}
