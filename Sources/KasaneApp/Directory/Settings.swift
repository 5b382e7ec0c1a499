import Foundation
import KasaneCore
import KasaneStorage

// The city's settings: changed by the administrator, validated whole, audited.

extension TransactionalStorage {
    @discardableResult
    public func updateSettings(_ settings: MunicipalitySettings, by actor: Actor) async throws -> MunicipalitySettings {
        try await audited(actor, "settings.update", target: "settings") { work, _ in
            try Access.require(.manageSettings, actor)
            let valid = try settings.validated()
            try work.settings.save(valid)
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
}
