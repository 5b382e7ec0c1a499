import GRDB
import KasaneCore

// Agencies are read and changed by the application (KasaneApp, Directory.swift) through
// `DirectoryRepository`; the store keeps the look-up its own unmoved operations use.
extension AppDatabase {
    static func agency(_ db: Database, id: Int64) throws -> Agency {
        guard let agency = try Agency.fetchOne(db, key: id) else {
            throw KasaneError.notFound("機関（ID \(id)）は登録されていません。")
        }
        return agency
    }
}
