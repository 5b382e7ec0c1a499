/// A failure the user can act on, with the reason in Japanese. Every entry point maps
/// these to its own form (HTTP status, CLI exit code) in one place.
public enum KasaneError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input is malformed or breaks a rule of form; `field` names where.
    case invalid(field: String?, message: String)
    /// The thing asked for does not exist, or the caller may not know that it exists.
    case notFound(String)
    /// The request conflicts with the stored state (a duplicate, a withdrawn consent...).
    case conflict(String)
    /// The caller is known but may not do this.
    case forbidden(String)
    /// The caller is not known.
    case unauthenticated(String)
    /// A rule of the domain refuses this (consent, pledge...). Reported as a conflict.
    case ruleViolation(String)
    /// A bulk input was refused as a whole; each problem names its row.
    case rejectedRows([RowProblem])
    /// The database file cannot be used; nothing was changed in it.
    case unusableDatabase(String)
    /// This installation lacks what the request needs (Chromium for PDF, say).
    case unavailable(String)

    public var message: String {
        switch self {
        case .invalid(_, let m), .notFound(let m), .conflict(let m), .forbidden(let m),
             .unauthenticated(let m), .ruleViolation(let m), .unusableDatabase(let m), .unavailable(let m):
            m
        case .rejectedRows(let problems):
            "ファイルに誤りがあるため、全体を取り込みませんでした（\(problems.count)件）。何も登録・変更されていません。"
        }
    }

    public var field: String? {
        if case .invalid(let field, _) = self { return field }
        return nil
    }

    public var description: String {
        switch self {
        case .rejectedRows(let problems):
            ([message] + problems.map(\.description)).joined(separator: "\n")
        default:
            message
        }
    }
}

/// One problem of one row of an imported file. Row 1 is the header.
public struct RowProblem: Equatable, Sendable, Codable, CustomStringConvertible {
    /// Which file, when several are read at once (機関ファイル, 職員ファイル).
    public var file: String?
    public let row: Int
    public let column: String?
    public let message: String

    public init(file: String? = nil, row: Int, column: String? = nil, message: String) {
        self.file = file
        self.row = row
        self.column = column
        self.message = message
    }

    public var description: String {
        (file.map { "\($0) " } ?? "") + "\(row)行目" + (column.map { "（\($0)）" } ?? "") + ": \(message)"
    }
}
