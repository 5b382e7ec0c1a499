import ArgumentParser
import Foundation
import KasaneCore
import KasaneStore

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "監査ログを表示・CSV出力します（サーバーの操作者として）。")

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
