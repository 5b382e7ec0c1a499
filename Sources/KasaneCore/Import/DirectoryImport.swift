import Foundation

/// Reads the directory's CSV files into rows, checking every row and collecting
/// every problem; the caller stores nothing unless there are none.
public enum DirectoryImport {
    /// A column: its key, the header names accepted (Japanese as the template has
    /// them, and English), and whether it must be present.
    struct Column {
        let key: String
        let names: [String]
        let required: Bool
    }

    public struct AgencyRow: Sendable, Equatable {
        public var rowNumber: Int
        public var agency: Agency
        /// E-mail of the default contact, resolved after staff are read.
        public var defaultContactEmail: String?
    }

    public struct StaffRow: Sendable, Equatable {
        public var rowNumber: Int
        public var agencyCode: String
        public var staff: Staff
        public var pledgedOn: LocalDate?
    }

    public static let agencyFile = "機関ファイル"
    public static let staffFile = "職員ファイル"

    static let agencyColumns = [
        Column(key: "code", names: ["機関コード", "コード", "code"], required: true),
        Column(key: "name", names: ["機関名", "名称", "name"], required: true),
        Column(key: "kind", names: ["種別", "kind"], required: true),
        Column(key: "fields", names: ["分野", "fields"], required: true),
        Column(key: "districts", names: ["地区", "圏域", "districts"], required: false),
        Column(key: "operation", names: ["運営", "直営・委託", "operation"], required: true),
        Column(key: "department", names: ["所管課", "department"], required: true),
        Column(key: "defaultContact", names: ["既定の連絡先", "既定連絡先", "defaultContactEmail"], required: false),
    ]

    static let staffColumns = [
        Column(key: "agency", names: ["機関コード", "agencyCode"], required: true),
        Column(key: "name", names: ["氏名", "name"], required: true),
        Column(key: "email", names: ["メール", "メールアドレス", "email"], required: true),
        Column(key: "roles", names: ["役割", "roles"], required: true),
        Column(key: "pledge", names: ["守秘義務確認日", "守秘義務の確認日", "pledgedOn"], required: false),
        Column(key: "active", names: ["有効", "active"], required: false),
    ]

    /// Maps header names to column indexes, or throws naming what is missing or unknown.
    static func columns(_ header: [String], _ spec: [Column], file: String) throws -> [String: Int] {
        var index: [String: Int] = [:]
        var problems: [RowProblem] = []
        for (i, name) in header.enumerated() {
            guard let column = spec.first(where: { $0.names.contains(name) }) else {
                problems.append(RowProblem(file: file, row: 1, column: name, message: "見出し「\(name)」は\(file)の列ではありません。"))
                continue
            }
            if index[column.key] != nil {
                problems.append(RowProblem(file: file, row: 1, column: name, message: "列「\(name)」が2回あります。"))
            }
            index[column.key] = i
        }
        for column in spec where column.required && index[column.key] == nil {
            problems.append(RowProblem(file: file, row: 1, column: column.names[0], message: "必須の列「\(column.names[0])」がありません。"))
        }
        guard problems.isEmpty else { throw KasaneError.rejectedRows(problems) }
        return index
    }

    /// The rows of a file that read well, and every problem of those that did not.
    public struct Read<Row: Sendable>: Sendable {
        public var rows: [Row]
        public var problems: [RowProblem]
        /// The key column's values (an agency's code) of the rows that did not read, so that
        /// a later check does not also call them unknown: their own problem says why.
        public var unreadKeys: Set<String>

        /// The rows, only when every row read well.
        public func all() throws -> [Row] {
            guard problems.isEmpty else { throw KasaneError.rejectedRows(problems) }
            return rows
        }
    }

    /// Reads every data row of `table` with `read`, which gets the row number and a
    /// cell accessor by column key, collecting every row's problem. A header that is
    /// wrong makes the whole file unreadable and throws.
    static func readRows<Row>(
        _ table: CSV.Table, _ spec: [Column], file: String, key: String? = nil,
        _ read: (_ rowNumber: Int, _ cell: (String) -> String) throws -> Row
    ) throws -> Read<Row> {
        let index = try columns(table.header, spec, file: file)
        var result = Read<Row>(rows: [], problems: [], unreadKeys: [])
        for (rowNumber, fields) in table.rows {
            func cell(_ name: String) -> String {
                guard let i = index[name], i < fields.count else { return "" }
                return fields[i].trimmingCharacters(in: .whitespaces)
            }
            do {
                guard fields.count <= table.header.count else {
                    throw KasaneError.invalid(field: nil, message: "見出しより列が多くあります（\(fields.count)列）。")
                }
                result.rows.append(try read(rowNumber, cell))
            } catch let error as KasaneError {
                result.problems.append(RowProblem(
                    file: file, row: rowNumber, column: columnName(error.field, spec), message: error.message))
                if let key, !cell(key).isEmpty { result.unreadKeys.insert(cell(key)) }
            }
        }
        return result
    }

    /// Reads the agencies file, refusing it when any row is wrong. `knownFields` and
    /// `knownDistricts` come from the directory.
    public static func agencies(_ table: CSV.Table, knownFields: Set<Field>, knownDistricts: Set<String>) throws -> [AgencyRow] {
        try readAgencies(table, knownFields: knownFields, knownDistricts: knownDistricts).all()
    }

    /// Reads the agencies file: the good rows and every bad row's problem.
    public static func readAgencies(_ table: CSV.Table, knownFields: Set<Field>, knownDistricts: Set<String>) throws -> Read<AgencyRow> {
        var seenCodes: [String: Int] = [:]
        return try readRows(table, agencyColumns, file: agencyFile, key: "code") { rowNumber, cell in
            guard let operation = AgencyOperation(text: cell("operation")) else {
                throw KasaneError.invalid(field: "運営", message: "運営は「直営」か「委託」で入力してください（「\(cell("operation"))」）。")
            }
            let agency = try Agency(
                code: cell("code"), name: cell("name"), kind: cell("kind"),
                fields: CSV.list(cell("fields")).map { Field($0) }, districts: CSV.list(cell("districts")),
                operation: operation, department: cell("department")
            ).validated(knownFields: knownFields, knownDistricts: knownDistricts)
            if let earlier = seenCodes[agency.code] {
                throw KasaneError.invalid(field: "機関コード", message: "機関コード「\(agency.code)」は\(earlier)行目と重複しています。")
            }
            seenCodes[agency.code] = rowNumber
            let contact = cell("defaultContact")
            return AgencyRow(
                rowNumber: rowNumber, agency: agency,
                defaultContactEmail: contact.isEmpty ? nil : try Validate.email(contact, field: "既定の連絡先"))
        }
    }

    /// Reads the staff file, refusing it when any row is wrong. Agency codes are resolved by the caller.
    public static func staff(_ table: CSV.Table) throws -> [StaffRow] {
        try readStaff(table).all()
    }

    /// Reads the staff file: the good rows and every bad row's problem.
    public static func readStaff(_ table: CSV.Table) throws -> Read<StaffRow> {
        var seenEmails: [String: Int] = [:]
        return try readRows(table, staffColumns, file: staffFile) { rowNumber, cell in
            let agencyCode = try Validate.code(cell("agency"), field: "agency", label: "機関コード")
            var roles: [StaffRole] = []
            for text in CSV.list(cell("roles")) {
                guard let role = StaffRole(text: text) else {
                    throw KasaneError.invalid(
                        field: "roles", message: "役割「\(text)」は使えません（多機関協働・事務局・構成員・管理者）。")
                }
                roles.append(role)
            }
            var pledge: LocalDate? = nil
            if !cell("pledge").isEmpty {
                guard let date = LocalDate(cell("pledge")) else {
                    throw KasaneError.invalid(
                        field: "pledge", message: "守秘義務確認日「\(cell("pledge"))」は日付として読めません（例: 2026-04-01）。")
                }
                pledge = date
            }
            let active: Bool
            switch cell("active").lowercased() {
            case "", "1", "true", "有効", "はい", "○": active = true
            case "0", "false", "無効", "いいえ", "×": active = false
            default:
                throw KasaneError.invalid(field: "active", message: "有効は「有効」か「無効」で入力してください。")
            }
            let staff = try Staff(agencyId: 0, name: cell("name"), email: cell("email"), roles: roles, active: active)
                .validated()
            if let earlier = seenEmails[staff.email] {
                throw KasaneError.invalid(field: "email", message: "メールアドレス「\(staff.email)」は\(earlier)行目と重複しています。")
            }
            seenEmails[staff.email] = rowNumber
            return StaffRow(rowNumber: rowNumber, agencyCode: agencyCode, staff: staff, pledgedOn: pledge)
        }
    }

    /// The Japanese header of a column a validation error names by its key.
    static func columnName(_ field: String?, _ spec: [Column]) -> String? {
        guard let field else { return nil }
        return spec.first { $0.key == field || $0.names.contains(field) }?.names[0] ?? field
    }
}
