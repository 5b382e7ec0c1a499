import GRDB
import KasaneCore

// Staff, pledges and role grants are decided by the application (KasaneApp: Staff.swift,
// RoleGrants.swift, DirectoryImport.swift) through `StaffRepository`; the store keeps the
// look-ups its own unmoved operations use.
extension AppDatabase {
    static func staff(_ db: Database, id: Int64) throws -> Staff {
        guard let staff = try Staff.fetchOne(db, key: id) else {
            throw KasaneError.notFound("職員（ID \(id)）は登録されていません。")
        }
        return staff
    }
}
