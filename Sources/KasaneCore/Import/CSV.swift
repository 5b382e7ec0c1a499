import Foundation

/// RFC 4180 CSV as Excel writes it: UTF-8 with or without a BOM, CRLF or LF line
/// ends, quoted fields with doubled quotes and embedded line breaks.
public enum CSV {
    public struct Table: Sendable, Equatable {
        /// Header names, trimmed.
        public var header: [String]
        /// Data rows; `rowNumber` counts the header as row 1, as a spreadsheet shows it.
        public var rows: [(rowNumber: Int, fields: [String])]

        public static func == (a: Table, b: Table) -> Bool {
            a.header == b.header && a.rows.map(\.rowNumber) == b.rows.map(\.rowNumber) && a.rows.map(\.fields) == b.rows.map(\.fields)
        }
    }

    /// One line of a CSV Kasane writes: each cell quoted as RFC 4180 wants, and a cell that
    /// a spreadsheet would take for a formula (beginning with =, +, -, @, a tab or CR) given
    /// a leading apostrophe, so that Excel shows it as text and never runs it.
    public static func row(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",")
    }

    public static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func parse(_ data: Data) throws -> Table {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw KasaneError.invalid(
                field: "file",
                message: "ファイルがUTF-8ではありません。Excelでは「CSV UTF-8（コンマ区切り）」で保存してください（Shift_JISのCSVは読めません）。")
        }
        return try parse(text)
    }

    public static func parse(_ text: String) throws -> Table {
        var records: [(Int, [String])] = []
        var field = ""
        var record: [String] = []
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var chars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        var fieldWasQuoted = false

        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return chars.next()
        }

        while let ch = next() {
            if inQuotes {
                if ch == "\"" {
                    if let following = next() {
                        if following == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = following }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if ch == "\n" { line += 1 }
                    field.unicodeScalars.append(ch)
                }
                continue
            }
            switch ch {
            case "\"":
                guard field.isEmpty, !fieldWasQuoted else {
                    throw KasaneError.invalid(field: "file", message: "\(line)行目: 引用符（\"）の位置が正しくありません。")
                }
                inQuotes = true
                fieldWasQuoted = true
            case ",":
                record.append(field); field = ""; fieldWasQuoted = false
            case "\r":
                if let following = next(), following != "\n" { pending = following }
                fallthrough
            case "\n":
                record.append(field); field = ""; fieldWasQuoted = false
                records.append((recordLine, record)); record = []
                line += 1
                recordLine = line
            default:
                guard !fieldWasQuoted else {
                    throw KasaneError.invalid(field: "file", message: "\(line)行目: 引用符で囲んだ値の後に文字があります。")
                }
                field.unicodeScalars.append(ch)
            }
        }
        if inQuotes {
            throw KasaneError.invalid(field: "file", message: "\(recordLine)行目: 引用符（\"）が閉じられていません。")
        }
        if !field.isEmpty || !record.isEmpty || fieldWasQuoted {
            record.append(field)
            records.append((recordLine, record))
        }
        // Excel leaves lines of bare commas below the data; they are not rows.
        records.removeAll { $0.1.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        guard let first = records.first else {
            throw KasaneError.invalid(field: "file", message: "ファイルが空です。1行目に見出しが必要です。")
        }
        return Table(
            header: first.1.map { $0.trimmingCharacters(in: .whitespaces) },
            rows: records.dropFirst().map { (rowNumber: $0.0, fields: $0.1) })
    }

    /// Splits a multi-valued cell: `介護・高齢;障害` or `介護・高齢、障害`.
    public static func list(_ cell: String) -> [String] {
        cell.split(whereSeparator: { ";；、|".contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}
