import ArgumentParser
import Foundation
import KasaneApp
import KasaneCore
import KasaneSQLite

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "機関・職員をCSV（UTF-8、BOM可）から取り込みます。誤りのある行があれば何も取り込みません。")

    @OptionGroup var database: DatabaseOption
    @Option(help: "機関のCSV（機関コード,機関名,種別,分野,地区,運営,所管課,既定の連絡先）") var agencies: String?
    @Option(help: "職員のCSV（機関コード,氏名,メール,役割,守秘義務確認日,有効）") var staff: String?

    func run() async throws {
        try await reportingErrors {
            func read(_ path: String?) throws -> Data? {
                guard let path else { return nil }
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw KasaneError.invalid(field: "file", message: "ファイル \(path) を読めません。")
                }
                return data
            }
            let report = try await database.open().importDirectory(
                agenciesCSV: try read(agencies), staffCSV: try read(staff), by: .localOperator)
            print("取り込みました。\(report.summary)")
        }
    }
}
