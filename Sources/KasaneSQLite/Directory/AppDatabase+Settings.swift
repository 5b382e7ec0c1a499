import Foundation
import GRDB
import KasaneCore

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

    @discardableResult
    public func updateSettings(_ settings: MunicipalitySettings, by actor: Actor) async throws -> MunicipalitySettings {
        try await audited(actor, "settings.update", target: "settings") { db, _ in
            try Access.require(.manageSettings, actor)
            let valid = try settings.validated()
            try db.execute(
                sql: "INSERT INTO settings (id, data) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data",
                arguments: [try Self.json(valid)])
            return valid
        }
    }

    /// Writes the audit line of an agendas or minutes template saved into the city's folder
    /// (the file itself is checked and written by the documents module).
    public func recordTemplateSaved(_ key: String, by actor: Actor) async throws {
        try await audited(actor, "templates.save", target: "template:\(key)") { _, note in
            try Access.require(.manageSettings, actor)
            note.detail = "\(key).mustache を保存し、使い始めました"
        }
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
