import Foundation
import KasaneCore
import KasaneStorage

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

extension TransactionalStorage {
    /// Imports agencies and staff from CSV files (either may be absent). Agencies are
    /// matched by code and staff by e-mail: known ones are updated, new ones created.
    /// A file with any bad row is refused as a whole, with every row's problem, and
    /// nothing is stored.
    public func importDirectory(agenciesCSV: Data?, staffCSV: Data?, by actor: Actor) async throws -> ImportReport {
        try await audited(actor, "directory.import", target: "directory") { work, note in
            try Access.require(.manageDirectory, actor)
            guard agenciesCSV != nil || staffCSV != nil else {
                throw KasaneError.invalid(field: "file", message: "取り込むファイル（機関または職員のCSV）を指定してください。")
            }
            // Read both files before touching the database. A file whose header is wrong cannot
            // be read at all; otherwise the rows that read well go on to the checks against the
            // directory, so that one answer lists every bad row of both files.
            let agencyTable = try agenciesCSV.map { try DirectoryCSV.table($0, file: DirectoryImport.agencyFile) }
            let staffTable = try staffCSV.map { try DirectoryCSV.table($0, file: DirectoryImport.staffFile) }
            let knownFields = Set(try work.directory.fields())
            let knownDistricts = Set(try work.directory.districts().map(\.code))
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
                if let existing = try work.directory.agency(code: agency.code) {
                    agency.id = existing.id
                    agency.defaultContactId = existing.defaultContactId
                    try work.directory.update(agency)
                    report.agenciesUpdated += 1
                } else {
                    _ = try work.directory.insert(agency)
                    report.agenciesCreated += 1
                }
            }

            for row in staffRows {
                guard let agency = try work.directory.agency(code: row.agencyCode), let agencyId = agency.id else {
                    // An agency whose own row is wrong: that row's problem says why.
                    if unreadCodes.contains(row.agencyCode) { continue }
                    problems.append(RowProblem(
                        file: DirectoryImport.staffFile, row: row.rowNumber, column: "機関コード", message: "機関コード「\(row.agencyCode)」は登録されていません。"))
                    continue
                }
                var staff = row.staff
                staff.agencyId = agencyId
                let existing = try work.staff.staff(email: staff.email)
                // Roles that read cases, new to this person, wait for a second person's approval.
                let held = StaffRules.holdReadingRoles(&staff, previous: existing, by: actor)
                if let existing {
                    staff.id = existing.id
                    try StaffRules.releaseDefaultContact(work, from: existing, to: staff)
                    try work.staff.update(staff)
                    report.staffUpdated += 1
                } else {
                    staff = try work.staff.insert(staff)
                    report.staffCreated += 1
                }
                guard let staffId = staff.id else { continue }
                try StaffRules.requestRoles(work, held, staffId: staffId, by: actor, at: note.at)
                report.rolesRequested += held.count
                if let day = row.pledgedOn {
                    guard day <= LocalDate.today(now: note.at) else {
                        problems.append(RowProblem(
                            file: DirectoryImport.staffFile, row: row.rowNumber, column: "守秘義務確認日", message: "守秘義務確認日に未来の日付は指定できません。"))
                        continue
                    }
                    if try !work.staff.pledges(staffId: staffId).contains(where: { $0.pledgedOn == day }) {
                        _ = try work.staff.insert(Pledge(staffId: staffId, pledgedOn: day, recordedBy: actor.staffId, note: "CSV取込"))
                        report.pledgesRecorded += 1
                    }
                }
            }

            // Default contacts last: they may name staff of the same file.
            for row in agencyRows {
                guard let email = row.defaultContactEmail else { continue }
                guard let agency = try work.directory.agency(code: row.agency.code), let agencyId = agency.id,
                      let staff = try work.staff.staff(email: email), staff.agencyId == agencyId, staff.active
                else {
                    problems.append(RowProblem(
                        file: DirectoryImport.agencyFile, row: row.rowNumber, column: "既定の連絡先",
                        message: "既定の連絡先 \(email) は、この機関の有効な職員として登録されていません。"))
                    continue
                }
                try work.directory.setDefaultContact(agencyId: agencyId, staffId: staff.id)
            }

            // Throwing rolls the whole transaction back: nothing is half-imported.
            guard problems.isEmpty else {
                throw KasaneError.rejectedRows(problems.sorted { ($0.file ?? "", $0.row) < ($1.file ?? "", $1.row) })
            }
            return report
        }
    }
}

enum DirectoryCSV {
    /// Parses one CSV file, naming the file in what it reports.
    static func table(_ data: Data, file: String) throws -> CSV.Table {
        do {
            return try CSV.parse(data)
        } catch let error as KasaneError {
            throw KasaneError.rejectedRows([RowProblem(file: file, row: 1, message: error.message)])
        }
    }
}
