import Foundation
import GRDB
import KasaneCore

// Settings are changed by the application (KasaneApp, Settings.swift) through
// `SettingsRepository`; the store reads them for its own unmoved operations.
extension AppDatabase {
    public func settings() async throws -> MunicipalitySettings {
        try await reader.read { db in try Self.settings(db) }
    }

    static func settings(_ db: Database) throws -> MunicipalitySettings {
        guard let data = try String.fetchOne(db, sql: "SELECT data FROM settings WHERE id = 1") else {
            return MunicipalitySettings()
        }
        return try JSONDecoder().decode(MunicipalitySettings.self, from: Data(data.utf8))
    }

    // MARK: fields (added by the application, KasaneApp)

    static func fields(_ db: Database) throws -> [Field] {
        try String.fetchAll(db, sql: "SELECT name FROM field ORDER BY position, name").map { Field($0) }
    }

    /// Seeds the standard fields into a new directory.
    static func seedStandardFields(_ db: Database) throws {
        for (i, field) in Field.standard.enumerated() {
            try db.execute(sql: "INSERT OR IGNORE INTO field (name, position) VALUES (?, ?)", arguments: [field.rawValue, i + 1])
        }
    }
}
