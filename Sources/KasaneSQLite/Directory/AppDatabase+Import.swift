import Foundation
import GRDB
import KasaneCore

/// What an import did.
public struct ImportReport: Codable, Sendable, Equatable {
    public var agenciesCreated = 0
    public var agenciesUpdated = 0
    public var staffCreated = 0
    public var staffUpdated = 0
    public var pledgesRecorded = 0
    /// Case-reading roles asked for, waiting for a second person's approval.
    public var rolesRequested = 0

    public init() {}

    public var summary: String {
        "機関: 新規\(agenciesCreated)件・更新\(agenciesUpdated)件、職員: 新規\(staffCreated)件・更新\(staffUpdated)件、守秘義務の確認: \(pledgesRecorded)件"
            + (rolesRequested > 0 ? "、承認待ちの役割: \(rolesRequested)件（多機関協働の担当者か別の管理者が承認します）" : "")
    }
}

extension AppDatabase {
    /// Imports agencies and staff from CSV files (either may be absent). Agencies are
    /// matched by code and staff by e-mail: known ones are updated, new ones created.
    /// A file with any bad row is refused as a whole, with every row's problem, and
    /// nothing is stored.
    public func importDirectory(agenciesCSV: Data?, staffCSV: Data?, by actor: Actor) async throws -> ImportReport {
        try await audited(actor, "directory.import", target: "directory") { db, note in
            try Access.require(.manageDirectory, actor)
            guard agenciesCSV != nil || staffCSV != nil else {
                throw KasaneError.invalid(field: "file", message: "取り込むファイル（機関または職員のCSV）を指定してください。")
            }
            // Read both files before touching the database. A file whose header is wrong cannot
            // be read at all; otherwise the rows that read well go on to the checks against the
            // directory, so that one answer lists every bad row of both files.
            let agencyTable = try agenciesCSV.map { try Self.table($0, file: DirectoryImport.agencyFile) }
            let staffTable = try staffCSV.map { try Self.table($0, file: DirectoryImport.staffFile) }
            let knownFields = Set(try Self.fields(db))
            let knownDistricts = Set(try String.fetchAll(db, sql: "SELECT code FROM district"))
            let agencyRead = Result {
                try agencyTable.map { try DirectoryImport.readAgencies($0, knownFields: knownFields, knownDistricts: knownDistricts) }
            }
            let staffRead = Result { try staffTable.map(DirectoryImport.readStaff) }
            var unreadable: [RowProblem] = []
            for read in [agencyRead.map { _ in () }, staffRead.map { _ in () }] {
                if case .failure(KasaneError.rejectedRows(let found)) = read { unreadable += found }
            }
            guard unreadable.isEmpty else { throw KasaneError.rejectedRows(unreadable) }
            let agencies = try agencyRead.get(), staffFile = try staffRead.get()

            var report = ImportReport()
            var problems = (agencies?.problems ?? []) + (staffFile?.problems ?? [])
            let agencyRows = agencies?.rows ?? []
            let staffRows = staffFile?.rows ?? []
            let unreadCodes = agencies?.unreadKeys ?? []

            for row in agencyRows {
                var agency = row.agency
                if let existing = try Agency.filter(Column("code") == agency.code).fetchOne(db) {
                    agency.id = existing.id
                    agency.defaultContactId = existing.defaultContactId
                    try agency.update(db)
                    report.agenciesUpdated += 1
                } else {
                    try agency.insert(db)
                    report.agenciesCreated += 1
                }
            }

            for row in staffRows {
                guard let agency = try Agency.filter(Column("code") == row.agencyCode).fetchOne(db) else {
                    // An agency whose own row is wrong: that row's problem says why.
                    if unreadCodes.contains(row.agencyCode) { continue }
                    problems.append(RowProblem(
                        file: DirectoryImport.staffFile, row: row.rowNumber, column: "機関コード", message: "機関コード「\(row.agencyCode)」は登録されていません。"))
                    continue
                }
                var staff = row.staff
                staff.agencyId = agency.id!
                let existing = try Staff.filter(sql: "email = ? COLLATE NOCASE", arguments: [staff.email]).fetchOne(db)
                // Roles that read cases, new to this person, wait for a second person's approval.
                let held = Self.holdReadingRoles(&staff, previous: existing, by: actor)
                if let existing {
                    staff.id = existing.id
                    try Self.releaseDefaultContact(db, from: existing, to: staff)
                    try staff.update(db)
                    report.staffUpdated += 1
                } else {
                    try staff.insert(db)
                    report.staffCreated += 1
                }
                try Self.requestRoles(db, held, staffId: staff.id!, by: actor, now: note.at)
                report.rolesRequested += held.count
                if let day = row.pledgedOn {
                    guard day <= LocalDate.today(now: note.at) else {
                        problems.append(RowProblem(
                            file: DirectoryImport.staffFile, row: row.rowNumber, column: "守秘義務確認日", message: "守秘義務確認日に未来の日付は指定できません。"))
                        continue
                    }
                    let known = try Pledge
                        .filter(Column("staffId") == staff.id! && Column("pledgedOn") == day.description).fetchCount(db)
                    if known == 0 {
                        var pledge = Pledge(staffId: staff.id!, pledgedOn: day, recordedBy: actor.staffId, note: "CSV取込")
                        try pledge.insert(db)
                        report.pledgesRecorded += 1
                    }
                }
            }

            // Default contacts last: they may name staff of the same file.
            for row in agencyRows {
                guard let email = row.defaultContactEmail else { continue }
                let agency = try Agency.filter(Column("code") == row.agency.code).fetchOne(db)!
                guard let staff = try Staff.filter(sql: "email = ? COLLATE NOCASE", arguments: [email]).fetchOne(db),
                      staff.agencyId == agency.id, staff.active
                else {
                    problems.append(RowProblem(
                        file: DirectoryImport.agencyFile, row: row.rowNumber, column: "既定の連絡先",
                        message: "既定の連絡先 \(email) は、この機関の有効な職員として登録されていません。"))
                    continue
                }
                try db.execute(
                    sql: "UPDATE agency SET defaultContactId = ? WHERE id = ?", arguments: [staff.id, agency.id])
            }

            // Throwing rolls the whole transaction back: nothing is half-imported.
            guard problems.isEmpty else {
                throw KasaneError.rejectedRows(problems.sorted { ($0.file ?? "", $0.row) < ($1.file ?? "", $1.row) })
            }
            return report
        }
    }

    /// Parses one CSV file, naming the file in what it reports.
    private static func table(_ data: Data, file: String) throws -> CSV.Table {
        do {
            return try CSV.parse(data)
        } catch let error as KasaneError {
            throw KasaneError.rejectedRows([RowProblem(file: file, row: 1, message: error.message)])
        }
    }
}
