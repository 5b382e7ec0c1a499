import Foundation
import KasaneCore

/// Reads a file's SQLite header, without opening it through SQLite, to tell whether
/// it is a Kasane database this build can use. Nothing is written.
enum DatabaseFileCheck {
    static func check(path: String, knownSchemaVersion: Int) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard !isDirectory.boolValue else {
            throw KasaneError.unusableDatabase("\(path) はフォルダです。データベースのファイル名を指定してください。")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw KasaneError.unusableDatabase("\(path) を読めません（権限を確認してください）。")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        if header.isEmpty { return }  // an empty file becomes a new database
        let magic = Data("SQLite format 3\u{0}".utf8)
        guard header.count == 100, header.prefix(16) == magic else {
            throw KasaneError.unusableDatabase(
                "\(path) はKasaneのデータベースではありません（SQLiteのファイルではありません）。ファイルは変更していません。")
        }
        let userVersion = bigEndian(header, at: 60)
        let applicationID = bigEndian(header, at: 68)
        guard applicationID == UInt32(bitPattern: AppDatabase.applicationID) else {
            throw KasaneError.unusableDatabase(
                "\(path) はSQLiteのファイルですが、Kasaneのデータベースではありません。ファイルは変更していません。")
        }
        guard userVersion <= knownSchemaVersion else {
            throw KasaneError.unusableDatabase(
                "\(path) は新しい版のKasaneで作られています（スキーマ版 \(userVersion)、この版は \(knownSchemaVersion) まで）。Kasaneを更新してから開いてください。ファイルは変更していません。")
        }
    }

    private static func bigEndian(_ data: Data, at offset: Int) -> UInt32 {
        data[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }
}
