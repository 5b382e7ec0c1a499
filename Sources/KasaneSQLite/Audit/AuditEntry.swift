import Crypto
import Foundation
import GRDB
import KasaneCore

/// One line of the audit log: who did or tried what, when, from where, and whether
/// it was allowed. Rows are never changed or removed (the database refuses).
public struct AuditEntry: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "auditLog"
    public var id: Int64?
    public var at: Date
    public var staffId: Int64?
    public var origin: String
    public var action: String
    /// What it was about: `case:12`, `meeting:3`, `staff:7`...
    public var target: String
    public var caseCode: String?
    public var meetingId: Int64?
    public var allowed: Bool
    /// For a refusal, the reason given.
    public var detail: String?
    /// The chain: the hash of the row before (`AuditChain.genesis` for the first), and of
    /// this row's content with it. Rewriting, replacing or removing a row breaks it.
    public var previousHash: String?
    public var hash: String?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The hash of this row's content and `previousHash`: SHA-256 over a canonical line of
    /// the fields (the time in whole milliseconds), hex.
    public func computedHash() -> String {
        func text(_ s: String?) -> String {
            guard let s else { return "null" }
            return "\"" + s.unicodeScalars.map { c in
                c == "\"" || c == "\\" || c.value < 0x20 ? String(format: "\\u%04x", c.value) : String(c)
            }.joined() + "\""
        }
        func number(_ n: Int64?) -> String { n.map(String.init) ?? "null" }
        let line = [
            number(id), number(Int64((at.timeIntervalSince1970 * 1000).rounded())), number(staffId), text(origin), text(action),
            text(target), text(caseCode), number(meetingId), allowed ? "1" : "0", text(detail), text(previousHash),
        ].joined(separator: ",")
        return SHA256.hash(data: Data(line.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static let csvHeader = "id,日時,職員ID,接続元,操作,対象,事例番号,会議ID,結果,詳細,ハッシュ"

    /// A CSV row, quoted as RFC 4180 wants, no cell taken for a formula.
    var csvRow: String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = .tokyo
        let fields: [String] = [
            id.map(String.init) ?? "", formatter.string(from: at), staffId.map(String.init) ?? "", origin, action, target,
            caseCode ?? "", meetingId.map(String.init) ?? "", allowed ? "許可" : "拒否", detail ?? "", hash ?? "",
        ]
        return CSV.row(fields)
    }
}

/// What the administrator asks of the log.
public struct AuditFilter: Sendable, Equatable {
    public var staffId: Int64?
    public var caseCode: String?
    /// An action or the start of one: `consent` finds consent.record and consent.withdraw.
    public var action: String?
    public var from: LocalDate?
    public var to: LocalDate?
    public var refusalsOnly: Bool
    public var limit: Int

    public init(
        staffId: Int64? = nil, caseCode: String? = nil, action: String? = nil, from: LocalDate? = nil, to: LocalDate? = nil,
        refusalsOnly: Bool = false, limit: Int = 1000
    ) {
        self.staffId = staffId
        self.caseCode = caseCode
        self.action = action
        self.from = from
        self.to = to
        self.refusalsOnly = refusalsOnly
        self.limit = limit
    }
}
