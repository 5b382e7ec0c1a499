import ArgumentParser
import Foundation
import KasaneApp
import KasaneCore
import KasaneDocuments
import KasaneSQLite

/// `--agendas DIR`: a city's own templates, checked before use.
struct AgendasOption: ParsableArguments {
    @Option(name: .customLong("agendas"), help: "自治体の次第・議事録テンプレートのフォルダ（markdown/ と html/）。省略時は組み込み")
    var folder: String?

    /// The templates in use; a folder with problems is refused, each problem printed
    /// with its file and line, and the built-in templates are used.
    func load() -> DocumentTemplates {
        let templates = DocumentTemplates.load(folder: folder.map { URL(fileURLWithPath: $0) })
        for problem in templates.problems {
            FileHandle.standardError.write(Data("テンプレートの誤り: \(problem)\n".utf8))
        }
        if !templates.problems.isEmpty {
            FileHandle.standardError.write(Data("テンプレートのフォルダを使わず、組み込みのテンプレートを使います（直すまで）。\n".utf8))
        }
        return templates
    }
}

extension DocumentReading: ExpressibleByArgument {}
extension DocumentFormat: ExpressibleByArgument {}

/// Writes a rendered document to a file or stdout.
func output(_ doc: MeetingDocument, format: DocumentFormat, templates: DocumentTemplates, to path: String?) async throws {
    let data: Data
    switch format {
    case .markdown, .html: data = Data(templates.render(doc, as: format).utf8)
    case .pdf: data = try await PDFPrinter.print(html: templates.render(doc, as: .html))
    }
    if let path {
        try data.write(to: URL(fileURLWithPath: path))
        FileHandle.standardError.write(Data("書き出しました: \(path)\n".utf8))
    } else {
        guard format != .pdf else { throw KasaneError.invalid(field: "out", message: "PDFは --out でファイルに書き出してください。") }
        FileHandle.standardOutput.write(data)
    }
}

struct AgendaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "agenda", abstract: "会議の次第", subcommands: [Render.self])

    struct Render: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "次第を出力します（配布用は事例番号のみ、出席者用は見られる議題だけ。出席者用の出力は監査ログに残ります）。")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @OptionGroup var agendas: AgendasOption
        @Option(help: "会議 ID") var id: Int64
        @Option(help: "distributed（配布用）または attendee（出席者用）") var reading: DocumentReading = .distributed
        @Option(help: "markdown, html, pdf") var format: DocumentFormat = .markdown
        @Option(help: "書き出すファイル（省略時は標準出力）") var out: String?

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let doc = try await db.agendaDocument(meetingId: id, reading: reading, for: try await acting.actor(db))
                try await output(doc, format: format, templates: agendas.load(), to: out)
            }
        }
    }
}

struct MinutesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minutes", abstract: "議事録: 事務局が作成・訂正し、議長が承認し、出席者が読みます。",
        subcommands: [Draft.self, Edit.self, Approve.self, Return.self, Correct.self, Show.self, Verify.self])

    struct Draft: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "開催済みの会議の議事録案を次第から作ります（事務局）。")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @Option(help: "会議 ID") var id: Int64

        func run() async throws { try await acting.run(database) { db, actor in try await db.draftMinutes(meetingId: id, by: actor) } }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "議事録案を直します（事務局）。JSON: {\"items\":[{\"itemId\":1,\"summary\":\"…\",\"decisions\":[{\"kind\":\"planApproved\"}]}]}")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @Option(help: "会議 ID") var id: Int64
        @Option(help: "変更を書いたJSONファイル（- で標準入力）") var file: String

        func run() async throws {
            try await acting.run(database) { db, actor in
                try await db.editMinutes(meetingId: id, try readJSON(MinutesEdit.self, from: file, label: "議事録の変更"), by: actor)
            }
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "議事録案を承認します（その会議の議長）。承認した版は変更できません。")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @Option(help: "会議 ID") var id: Int64

        func run() async throws { try await acting.run(database) { db, actor in try await db.approveMinutes(meetingId: id, by: actor) } }
    }

    struct Return: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "議事録案を事務局に差し戻します（議長）。")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @Option(help: "会議 ID") var id: Int64
        @Option(help: "直してほしいこと") var comment: String

        func run() async throws {
            try await acting.run(database) { db, actor in try await db.returnMinutes(meetingId: id, MinutesReturnInput(comment: comment), by: actor) }
        }
    }

    struct Correct: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "承認済みの議事録の訂正を新しい版として始めます（事務局）。議長の承認が再び必要です。")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @Option(help: "会議 ID") var id: Int64
        @Option(help: "訂正の理由") var reason: String

        func run() async throws {
            try await acting.run(database) { db, actor in try await db.correctMinutes(meetingId: id, MinutesCorrectionInput(reason: reason), by: actor) }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "議事録を表示します（出席した議題だけ。読んだことは監査ログに残ります）。")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @OptionGroup var agendas: AgendasOption
        @Option(help: "会議 ID") var id: Int64
        @Option(help: "版（省略時は最新）") var version: Int?
        @Option(help: "distributed（配布用）または attendee（出席者用）") var reading: DocumentReading = .attendee
        @Option(help: "json, markdown, html, pdf") var format = "json"
        @Option(help: "書き出すファイル（省略時は標準出力）") var out: String?

        func run() async throws {
            if format == "json" {
                try await acting.run(database) { db, actor in try await db.minutes(meetingId: id, version: version, reading: reading, for: actor) }
                return
            }
            try await reportingErrors {
                guard let documentFormat = DocumentFormat(rawValue: format) else {
                    throw KasaneError.invalid(field: "format", message: "--format は json, markdown, html, pdf のどれかです。")
                }
                let db = try database.open()
                let doc = try await db.minutesDocument(meetingId: id, version: version, reading: reading, for: try await acting.actor(db))
                try await output(doc, format: documentFormat, templates: agendas.load(), to: out)
            }
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "すべての会議の議事録の版の連なり（ハッシュチェーン）を確かめます。")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @Option(help: "会議 ID（省略時はすべて）") var id: Int64?
        @Option(help: "公開された先頭を含むファイル（サーバーのログの「chain heads ... minutes=会議:版:ハッシュ」、年度アーカイブの manifest.json）。繰り返し指定可")
        var published: [String] = []

        func run() async throws {
            try await reportingErrors {
                var heads: [MinutesHead] = []
                for file in published {
                    guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                        throw KasaneError.invalid(field: "published", message: "ファイル \(file) を読めません。")
                    }
                    heads += PublishedHeads.minutes(in: text)
                }
                let db = try database.open()
                let reports = try await db.verifyMinutes(meetingId: id, published: heads, by: try await acting.actor(db))
                for r in reports {
                    print(r.ok ? "OK  会議\(r.meetingId): \(r.versions)版、先頭 \(r.head ?? "（承認済みの版なし）")" : "NG  会議\(r.meetingId):")
                    for p in r.problems { print("    \(p)") }
                }
                let bad = reports.filter { !$0.ok }.count
                print("minutes verify: \(reports.count)件の会議\(heads.isEmpty ? "" : "（公開された先頭 \(heads.count)件と照合）")、うち不一致 \(bad)件")
                if bad > 0 { throw ExitCode(1) }
            }
        }
    }
}

struct ArchiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive", abstract: "年度の議事録を1つのzipに保管し、あとで改変がないことを確かめます。",
        subcommands: [Create.self, Verify.self], defaultSubcommand: Create.self)

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "年度の保管用zipを作ります（事務局）。")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @OptionGroup var agendas: AgendasOption
        @Option(name: .customLong("fiscal-year"), help: "年度（2026 = 令和8年度）") var fiscalYear: Int
        @Option(help: "zipを書き出すフォルダ") var out: String
        @Flag(help: "配布用の議事録のPDFも入れる（Chromiumが必要）") var pdf = false

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let meetings = try await db.archiveContents(fiscalYear: fiscalYear, by: try await acting.actor(db))
                let written = try await YearArchive.write(
                    meetings, fiscalYear: fiscalYear, municipality: try await db.settings().municipalityName, templates: agendas.load(),
                    into: URL(fileURLWithPath: out), pdf: pdf, auditHead: try await db.auditHead())
                print("保管用zip: \(written.path)（会議 \(written.meetings)件、ファイル \(written.files)件）")
                print("manifest.json の SHA-256: \(written.manifestSHA256)（別に控えてください）")
            }
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "保管用zipを manifest と照らし、変更・追加・削除されたファイルを挙げます。")
        @Argument(help: "保管用zip") var file: String
        @Option(name: .customLong("manifest-sha256"), help: "作成時に控えた manifest.json の SHA-256") var manifestSHA256: String?

        func run() async throws {
            let report = YearArchive.verify(URL(fileURLWithPath: file), manifestSHA256: manifestSHA256)
            for p in report.problems { print("NG  \(p)") }
            print("archive verify: \(report.files)件のファイル、問題 \(report.problems.count)件\(report.ok ? "（改変なし）" : "")")
            if !report.ok { throw ExitCode(1) }
        }
    }
}

struct RetentionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention", abstract: "保存期間を過ぎた個人情報と議事録の出席者用の記録を挙げ、--apply で消去します（事務局）。")
    @OptionGroup var database: DatabaseOption
    @OptionGroup var acting: ActingStaffOption
    @Flag(help: "挙げたものを消去する（1件ごとに監査ログに残ります）") var apply = false

    func run() async throws {
        try await acting.run(database) { db, actor in try await db.retention(apply: apply, by: actor) }
    }
}

struct TemplatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "templates", abstract: "次第・議事録のテンプレート", subcommands: [Check.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "自治体のテンプレートのフォルダを確かめます（誤りはファイルと行で示します）。")
        @Argument(help: "テンプレートのフォルダ（markdown/ と html/）") var folder: String

        func run() async throws {
            let templates = DocumentTemplates.load(folder: URL(fileURLWithPath: folder))
            for p in templates.problems { print("NG  \(p)") }
            print("templates check: \(templates.problems.isEmpty ? "問題なし（\(templates.source) を使えます）" : "問題 \(templates.problems.count)件")")
            if !templates.problems.isEmpty { throw ExitCode(1) }
        }
    }
}
