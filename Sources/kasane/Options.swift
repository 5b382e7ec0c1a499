import ArgumentParser
import Foundation
import KasaneCore
import KasaneApp
import KasaneSQLite

struct DatabaseOption: ParsableArguments {
    @Option(name: .customLong("db"), help: "SQLiteデータベースのファイル（なければ作成）")
    var path: String = "kasane.sqlite"

    func open() throws -> AppDatabase { try AppDatabase.open(path: path) }
}

/// Runs a command body; a `KasaneError` is printed in words and exits non-zero,
/// with nothing half-done.
func reportingErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as KasaneError {
        FileHandle.standardError.write(Data("エラー: \(error.description)\n".utf8))
        throw ExitCode(1)
    }
}

/// The staff member a command acts as, so that rules and the audit log know who.
struct ActingStaffOption: ParsableArguments {
    @Option(name: .customLong("as"), help: "操作する職員のメールアドレス（監査ログに記録されます）")
    var email: String
    @Option(help: "招待メール（iMIP）を書き出すフォルダ") var outbox = "outbox"

    /// The staff member named; an address that is none is refused, and the refusal audited
    /// as an unknown actor, as a bad token is.
    func actor(_ db: AppDatabase) async throws -> Actor {
        do {
            return .staff(try await db.staff(email: email), from: "cli")
        } catch let error as KasaneError {
            try await db.logUnauthenticated(origin: "cli", path: "--as")
            throw error
        }
    }
}

extension ActingStaffOption {
    /// Opens the database, acts as this staff member, and prints the answer as the API would.
    func run(_ database: DatabaseOption, _ body: (AppDatabase, Actor) async throws -> some Encodable) async throws {
        try await reportingErrors {
            let db = try database.open()
            try printJSON(try await body(db, try await actor(db)))
            for file in try await Postman(database: db, outbox: URL(fileURLWithPath: outbox)).flush() {
                FileHandle.standardError.write(Data("招待メールを書き出しました: \(file.path)\n".utf8))
            }
        }
    }
}

/// Prints a value as the API would answer it.
func printJSON(_ value: some Encodable) throws {
    print(String(decoding: try KasaneJSON.encoder().encode(value), as: UTF8.self))
}

/// Parses `2026-12-03T10:00` (Japan) or a full ISO 8601 instant.
func parseInstant(_ text: String, option: String) throws -> Date {
    let formatter = ISO8601DateFormatter()
    if let date = formatter.date(from: text) { return date }
    formatter.timeZone = .tokyo
    formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate]
    if let date = formatter.date(from: text + ":00") ?? formatter.date(from: text) { return date }
    throw KasaneError.invalid(field: option, message: "--\(option) は 2026-12-03T10:00 の形で指定してください（\(text)）。")
}
