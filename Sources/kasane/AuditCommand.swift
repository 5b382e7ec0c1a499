import ArgumentParser
import Foundation
import KasaneApp
import KasaneCore
import KasaneSQLite

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "監査ログを表示・CSV出力し、ハッシュの連鎖を検証します（サーバーの操作者として）。",
        subcommands: [List.self, Verify.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "監査ログを表示・CSV出力します。")

    @OptionGroup var database: DatabaseOption
    @Option(name: .customLong("staff-id"), help: "この職員の操作だけ") var staffId: Int64?
    @Option(name: .customLong("case-code"), help: "この事例番号だけ（例: K-2026-001）") var caseCode: String?
    @Option(help: "この日から（YYYY-MM-DD）") var from: String?
    @Option(help: "この日まで（YYYY-MM-DD）") var to: String?
    @Flag(name: .customLong("refusals-only"), help: "拒否だけ") var refusalsOnly = false
    @Option(help: "最大件数") var limit = 1000
    @Option(help: "CSVをこのファイルに書き出す") var csv: String?

    func run() async throws {
        try await reportingErrors {
            let filter = AuditFilter(
                staffId: staffId, caseCode: caseCode,
                from: try LocalDate.parse(from, field: "from", label: "--from"),
                to: try LocalDate.parse(to, field: "to", label: "--to"),
                refusalsOnly: refusalsOnly, limit: limit)
            let db = try database.open()
            if let csv {
                try await db.auditLogCSV(filter, for: .localOperator).write(toFile: csv, atomically: true, encoding: .utf8)
                print("監査ログを \(csv) に書き出しました。")
            } else {
                try printJSON(try await db.auditLog(filter, for: .localOperator))
            }
        }
    }
}
}

extension AuditCommand {
    /// Walks the chain and compares it with the heads published in the server log (or given).
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "監査ログのハッシュの連鎖を検証します。書き換え・差し替え・削除された最初の行を示します。",
            discussion: """
                サーバーのログ（毎日と終了時に「chain heads audit=ID:HASH ...」を書きます）を --published に渡すと、
                そこに書かれた先頭がすべて残っているかも確かめます（末尾の削除が分かります）。年度アーカイブの
                manifest.json にも、その時点の先頭（auditHead）が入っています。
                """)
        @OptionGroup var database: DatabaseOption
        @Option(name: .customLong("head"), help: "公開された先頭（ID:HASH）。繰り返し指定可") var heads: [String] = []
        @Option(help: "公開された先頭を含むファイル（サーバーのログ、年度アーカイブの manifest.json など）") var published: [String] = []

        func run() async throws {
            try await reportingErrors {
                var expected: [ChainHead] = []
                for text in heads {
                    guard let head = ChainHead(text) else {
                        throw KasaneError.invalid(field: "head", message: "--head は ID:HASH（64桁の16進）の形で指定してください（\(text)）。")
                    }
                    expected.append(head)
                }
                for file in published {
                    guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                        throw KasaneError.invalid(field: "published", message: "ファイル \(file) を読めません。")
                    }
                    expected += PublishedHeads.audit(in: text)
                }
                let db = try database.open()
                let report = try await db.verifyAuditLog(published: expected, for: .localOperator)
                try printJSON(report)
                print("audit verify: \(report.rows)行\(report.publishedChecked > 0 ? "、公開された先頭 \(report.publishedChecked)件" : "")、"
                    + (report.problem ?? "改変なし"))
                if !report.ok { throw ExitCode(1) }
            }
        }
    }
}
