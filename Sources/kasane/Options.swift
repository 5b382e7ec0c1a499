import ArgumentParser
import Foundation
import KasaneCore
import KasaneStore

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
