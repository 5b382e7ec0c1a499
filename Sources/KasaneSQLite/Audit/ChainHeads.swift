import Foundation
import GRDB
import KasaneCore

/// The heads of every chain Kasane keeps (the audit log and each meeting's minutes), as
/// published outside the database: one line in the server log, daily and at shutdown,
/// and in each year's archive manifest. They carry ids and hashes only, no names.
public struct ChainHeads: Codable, Sendable, Equatable {
    public var audit: ChainHead?
    public var minutes: [MinutesHead]

    /// `chain heads audit=ID:HASH minutes=M:V:HASH,…`, what `PublishedHeads` reads back.
    public var logLine: String {
        "chain heads audit=\(audit?.description ?? "none") minutes=\(minutes.isEmpty ? "none" : minutes.map(\.description).joined(separator: ","))"
    }
}

/// Heads read back from where they were published: server log lines (`chain heads ...`)
/// or an archive's manifest.json (`auditHead`, `chains`).
public enum PublishedHeads {
    public static func audit(in text: String) -> [ChainHead] {
        var heads = text.matches(of: /audit=([0-9]+):([0-9a-fA-F]{64})/).compactMap { ChainHead("\($0.1):\($0.2)") }
        if let manifest = manifest(text), let head = manifest.auditHead { heads.append(head) }
        return heads
    }

    public static func minutes(in text: String) -> [MinutesHead] {
        var heads: [MinutesHead] = []
        for line in text.matches(of: /minutes=([0-9a-fA-F:,]+)/) {
            for part in line.1.split(separator: ",") {
                let f = part.split(separator: ":")
                if f.count == 3, let m = Int64(f[0]), let v = Int(f[1]), f[2].count == 64 {
                    heads.append(MinutesHead(meetingId: m, version: v, hash: f[2].lowercased()))
                }
            }
        }
        if let manifest = manifest(text) {
            heads += manifest.chains.compactMap { c in
                c.head.flatMap { h in c.versions.map { MinutesHead(meetingId: c.meetingId, version: $0, hash: h) } }
            }
        }
        return heads
    }

    /// The parts of an archive manifest that carry heads.
    struct Manifest: Decodable {
        struct Chain: Decodable { var meetingId: Int64; var head: String?; var versions: Int? }
        var auditHead: ChainHead?
        var chains: [Chain]
    }

    static func manifest(_ text: String) -> Manifest? {
        guard text.first == "{" else { return nil }
        return try? JSONDecoder().decode(Manifest.self, from: Data(text.utf8))
    }
}

extension AppDatabase {
    /// The heads to publish now.
    public func chainHeads() async throws -> ChainHeads {
        try await reader.read { db in try Self.chainHeads(db) }
    }

    static func chainHeads(_ db: Database) throws -> ChainHeads {
        let rows = try Row.fetchAll(db, sql: """
            SELECT meetingId, version, versionHash FROM minutesVersion v
            WHERE approvedAt IS NOT NULL AND version = (
              SELECT MAX(version) FROM minutesVersion w WHERE w.meetingId = v.meetingId AND w.approvedAt IS NOT NULL)
            ORDER BY meetingId
            """)
        return ChainHeads(
            audit: try auditHead(db),
            minutes: rows.compactMap { row in
                (row["versionHash"] as String?).map { MinutesHead(meetingId: row["meetingId"], version: row["version"], hash: $0) }
            })
    }
}
