import Foundation
import KasaneCore

/// One line of the audit log: who did or tried what, when, from where, and whether
/// it was allowed. Rows are never changed or removed (the database refuses).
public struct AuditEntry: Codable, Sendable, Equatable {
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

    public init(
        id: Int64?, at: Date, staffId: Int64?, origin: String, action: String, target: String, caseCode: String?,
        meetingId: Int64?, allowed: Bool, detail: String?, previousHash: String?, hash: String? = nil
    ) {
        self.id = id
        self.at = at
        self.staffId = staffId
        self.origin = origin
        self.action = action
        self.target = target
        self.caseCode = caseCode
        self.meetingId = meetingId
        self.allowed = allowed
        self.detail = detail
        self.previousHash = previousHash
        self.hash = hash
    }

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
        return SHA256Hex.of(Data(line.utf8))
    }

    public static let csvHeader = "id,日時,職員ID,接続元,操作,対象,事例番号,会議ID,結果,詳細,ハッシュ"

    /// A CSV row, quoted as RFC 4180 wants, no cell taken for a formula.
    public var csvRow: String {
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

/// The audit log as a hash chain: each row carries the hash of its content and of the row
/// before it, so a rewritten, replaced or removed row is found by walking the chain, and a
/// removed tail by comparing with a head published where the database cannot reach (the
/// server log, daily and at shutdown; each year's archive manifest).
public enum AuditChain {
    /// The previous hash of the first row.
    public static let genesis = String(repeating: "0", count: 64)

    /// Walks the log in the order of its ids (`walk` hands each row to the closure), then
    /// compares the heads published earlier with the hashes stored for their rows (`storedHash`).
    public static func verify(
        walk: ((AuditEntry) throws -> Void) throws -> Void, storedHash: (Int64) throws -> String?, published: [ChainHead]
    ) throws -> AuditVerification {
        var result = AuditVerification(rows: 0, head: nil, problemRowId: nil, problem: nil, publishedChecked: 0, ok: true)
        var previous = (id: Int64(0), hash: AuditChain.genesis)
        try walk { entry in
            result.rows += 1
            let id = entry.id ?? 0
            if result.problem == nil {
                if id != previous.id + 1 {
                    result.problemRowId = previous.id + 1
                    result.problem = id - previous.id == 2
                        ? "監査ログの行 \(previous.id + 1) がありません（削除されています）。"
                        : "監査ログの行 \(previous.id + 1)〜\(id - 1) がありません（削除されています）。"
                } else if entry.previousHash != previous.hash {
                    result.problemRowId = id
                    result.problem = "監査ログの行 \(id) の前の行とのつながりが一致しません（前の行が書き換えられたか、差し替えられています）。"
                } else if entry.hash != entry.computedHash() {
                    result.problemRowId = id
                    result.problem = "監査ログの行 \(id) の内容がハッシュと一致しません（書き換えられています）。"
                }
            }
            previous = (id, entry.hash ?? "")
        }
        result.head = previous.id > 0 ? ChainHead(id: previous.id, hash: previous.hash) : nil
        for head in published.sorted(by: { $0.id < $1.id }) where result.problem == nil {
            let stored = try storedHash(head.id)
            if stored == nil {
                result.problemRowId = head.id
                result.problem = "公開された先頭（行 \(head.id)）が監査ログにありません（行 \(previous.id + 1) 以降が削除されています）。"
            } else if stored != head.hash {
                result.problemRowId = head.id
                result.problem = "監査ログの行 \(head.id) が公開された時のハッシュと違います（書き換えられています）。"
            } else {
                result.publishedChecked += 1
            }
        }
        result.ok = result.problem == nil
        return result
    }
}

/// What walking the audit chain found: the first row that does not match, if any.
public struct AuditVerification: Codable, Sendable, Equatable {
    public var rows: Int
    public var head: ChainHead?
    /// The first row found wrong (rewritten, replaced, the first of those removed).
    public var problemRowId: Int64?
    public var problem: String?
    /// Published heads compared, and found as published.
    public var publishedChecked: Int
    public var ok: Bool

    public init(rows: Int, head: ChainHead?, problemRowId: Int64?, problem: String?, publishedChecked: Int, ok: Bool) {
        self.rows = rows
        self.head = head
        self.problemRowId = problemRowId
        self.problem = problem
        self.publishedChecked = publishedChecked
        self.ok = ok
    }
}
