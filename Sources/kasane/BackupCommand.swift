import ArgumentParser
import Foundation
import KasaneSQLite

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "データベースをサービスを止めずにバックアップします（SQLiteのバックアップ機能）。",
        discussion: """
            例: kasane backup --db kasane.sqlite --out backups/kasane-2026-11-24.sqlite
            確認: kasane backup verify backups/kasane-2026-11-24.sqlite
            復元: kasane backup restore --from backups/kasane-2026-11-24.sqlite --db kasane.sqlite
            """,
        subcommands: [Take.self, Verify.self, Restore.self], defaultSubcommand: Take.self)

    struct Take: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "take", abstract: "動いているサービスのデータベースを一貫した状態でコピーします。")
        @OptionGroup var database: DatabaseOption
        @Option(help: "バックアップの書き出し先（既にあるファイルは上書きしません）") var out: String

        func run() async throws {
            try await reportingErrors {
                try printJSON(try AppDatabase.backup(path: database.path, to: out))
                FileHandle.standardError.write(Data("バックアップを \(out) に書き出し、検査しました（integrity_check ok）。\n".utf8))
            }
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "バックアップを読み取り専用で開き、integrity_check とスキーマを検査します。")
        @Argument(help: "検査するバックアップ") var file: String

        func run() async throws {
            try await reportingErrors { try printJSON(try AppDatabase.verifyBackup(path: file)) }
        }
    }

    struct Restore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "検査したバックアップをデータベースに戻します（現在の内容は置き換わります）。")
        @Option(help: "戻すバックアップ") var from: String
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await reportingErrors {
                try printJSON(try AppDatabase.restore(backup: from, into: database.path))
                FileHandle.standardError.write(Data("\(from) を \(database.path) に復元しました。\n".utf8))
            }
        }
    }
}
