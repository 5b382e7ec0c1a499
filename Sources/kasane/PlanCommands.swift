import ArgumentParser
import Foundation
import KasaneApp
import KasaneCore
import KasaneSQLite

/// Reads a JSON file (or stdin with `-`) as the API would, bounded.
func readJSON<T: Decodable>(_ type: T.Type, from path: String, label: String) throws -> T {
    let data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: path))
    guard data.count <= 1_000_000 else { throw KasaneError.invalid(field: "file", message: "JSONファイルが大きすぎます（1MBまで）。") }
    do {
        return try KasaneJSON.decoder().decode(T.self, from: data)
    } catch {
        throw KasaneError.invalid(field: "file", message: "\(label)のJSONとして読めません（\(error.localizedDescription)）。")
    }
}

struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "支援プラン: 作成・修正は作成中の版だけ。承認・見直し・終結・中断は重層的支援会議の議事録の決定で行われます。",
        subcommands: [List.self, Create.self, Update.self, Reopen.self, Overdue.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "事例の支援プランの版と履歴")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @Option(name: .customLong("case"), help: "事例 ID") var caseId: Int64

        func run() async throws { try await acting.run(database) { db, actor in try await db.plans(caseId: caseId, for: actor) } }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "支援プランを作ります（多機関協働事業者）。JSON: wishes, goals, nextReviewOn")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @Option(name: .customLong("case"), help: "事例 ID") var caseId: Int64
        @Option(help: "プランのJSONファイル（- で標準入力）") var file: String

        func run() async throws {
            try await acting.run(database) { db, actor in
                try await db.createPlan(caseId: caseId, try readJSON(PlanInput.self, from: file, label: "支援プラン"), by: actor)
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "作成中の支援プランを直します。")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @Option(help: "支援プラン ID") var id: Int64
        @Option(help: "プランのJSONファイル（- で標準入力）") var file: String

        func run() async throws {
            try await acting.run(database) { db, actor in
                try await db.updatePlan(planId: id, try readJSON(PlanInput.self, from: file, label: "支援プラン"), by: actor)
            }
        }
    }

    struct Reopen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "終結・中断した事例を新たな相談として再受付します。")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @Option(name: .customLong("case"), help: "事例 ID") var caseId: Int64
        @Option(help: "理由") var reason: String

        func run() async throws { try await acting.run(database) { db, actor in try await db.reopenCase(caseId: caseId, ReopenInput(reason: reason), by: actor) } }
    }

    struct Overdue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "評価日を過ぎた（または近い）支援プランと、協議できる会議の提案")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @Option(name: .customLong("within-days"), help: "今日から何日先までを含めるか") var withinDays = 14

        func run() async throws { try await acting.run(database) { db, actor in try await db.overdueReviews(withinDays: withinDays, for: actor) } }
    }
}

struct FiguresCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "figures", abstract: "年度の実績と目標（個人情報を含みません）")
    @OptionGroup var database: DatabaseOption
    @OptionGroup var acting: ActingStaffOption
    @Option(name: .customLong("fiscal-year"), help: "年度（2026 = 令和8年度）") var fiscalYear: Int
    @Flag(help: "Excel用のCSV（UTF-8 BOMつき）で出力") var csv = false

    func run() async throws {
        if !csv {
            try await acting.run(database) { db, actor in try await db.figures(fiscalYear: fiscalYear, by: actor) }
            return
        }
        try await reportingErrors {
            let db = try database.open()
            FileHandle.standardOutput.write(Data(try await db.figures(fiscalYear: fiscalYear, by: try await acting.actor(db)).csv.utf8))
        }
    }
}

extension GapStatus: ExpressibleByArgument {}

struct GapsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "gaps", abstract: "社会資源の不足（事例番号のみ）", subcommands: [List.self, Update.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "一覧（状態・分野・地区で絞り込み）")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @Option(help: "open, studying, project, resolved") var status: GapStatus?
        @Option(help: "分野") var field: String?
        @Option(help: "地区コード") var district: String?

        func run() async throws {
            try await acting.run(database) { db, actor in
                try await db.resourceGaps(status: status, field: field.map { Field($0) }, district: district, for: actor)
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "状態を進め、つないだ協議体・部署を記録します。")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @Option(help: "ID") var id: Int64
        @Option(help: "studying, project, resolved") var status: GapStatus
        @Option(name: .customLong("passed-to"), help: "つないだ協議体・部署") var passedTo: String?

        func run() async throws {
            try await acting.run(database) { db, actor in try await db.updateGap(id: id, GapUpdate(status: status, passedTo: passedTo), by: actor) }
        }
    }
}
