import Crypto
import Foundation
import KasaneCore
import ZIPFoundation

/// The fiscal year's archive: one zip with every approved minutes version (Markdown,
/// HTML, JSON), the distributed agendas, attendance, and a manifest of each file's
/// SHA-256 and each meeting's chain head. Paths carry kind, number and version only.
public enum YearArchive {
    public struct Manifest: Codable, Sendable, Equatable {
        public struct File: Codable, Sendable, Equatable {
            public var path: String
            public var sha256: String
            public var bytes: Int
        }

        public struct Chain: Codable, Sendable, Equatable {
            public var folder: String
            public var meetingId: Int64
            public var versions: Int
            public var head: String?
        }

        public var format: String
        public var municipality: String
        public var fiscalYear: Int
        public var fiscalYearName: String
        public var createdAt: Date
        public var notice: String
        public var files: [File]
        public var chains: [Chain]
        /// The audit log's last row when the archive was made (its `archive.create` line):
        /// published here, outside the database, for `kasane audit verify --published`.
        public var auditHead: ChainHead?
    }

    public struct Written: Codable, Sendable {
        public var path: String
        public var meetings: Int
        public var files: Int
        /// The SHA-256 of manifest.json: keep it apart (the audit log keeps it too), and
        /// `archive verify --manifest-sha256` proves the manifest itself unchanged.
        public var manifestSHA256: String
    }

    /// What `verify` found: files changed, added or removed, by path.
    public struct Report: Encodable, Sendable {
        public var files: Int
        public var manifestSHA256: String?
        public var problems: [String]
        public let ok: Bool
        /// Reading stopped at a limit: the zip is not what an archive of Kasane's can be.
        public var tooLarge = false

        init(files: Int, manifestSHA256: String?, problems: [String]) {
            self.files = files
            self.manifestSHA256 = manifestSHA256
            self.problems = problems
            ok = problems.isEmpty
        }
    }

    static let manifestName = "manifest.json"
    /// Bounds on what `verify` reads from a file it is handed: files, each file, all of them
    /// expanded, and the manifest (the one file held in memory).
    public static let maxEntries = 100_000
    static let maxEntryBytes: Int64 = 256 * 1024 * 1024
    public static let maxTotalBytes = Int64(InputLimits.standard.archiveExpandedBytes)
    static let maxManifestBytes = 64 * 1024 * 1024

    /// The file name of a year's archive: `kasane-archive-FY2026.zip`.
    public static func fileName(fiscalYear: Int) -> String { "kasane-archive-FY\(fiscalYear).zip" }

    /// Renders every document and writes the zip into `directory`.
    public static func write(
        _ meetings: [ArchiveMeeting], fiscalYear: Int, municipality: String, templates: DocumentTemplates, into directory: URL,
        pdf: Bool = false, auditHead: ChainHead? = nil
    ) async throws -> Written {
        var files: [(String, Data)] = []
        let root = "FY\(fiscalYear)"
        for m in meetings {
            let base = "\(root)/\(m.folder)"
            for format in [DocumentFormat.markdown, .html] {
                files.append(("\(base)/agenda-distributed.\(format.fileExtension)", Data(templates.render(m.agenda, as: format).utf8)))
            }
            for v in m.minutes {
                for format in [DocumentFormat.markdown, .html] {
                    files.append(("\(base)/minutes-v\(v.number)-distributed.\(format.fileExtension)", Data(templates.render(v.distributed, as: format).utf8)))
                    files.append(("\(base)/minutes-v\(v.number)-attendee.\(format.fileExtension)", Data(templates.render(v.attendee, as: format).utf8)))
                }
                if pdf {
                    files.append(("\(base)/minutes-v\(v.number)-distributed.pdf", try await PDFPrinter.print(html: templates.render(v.distributed, as: .html))))
                }
                files.append(("\(base)/minutes-v\(v.number)-attendee.json", v.json))
            }
            files.append(("\(base)/attendance.csv", Data(m.attendanceCSV.utf8)))
        }
        let manifest = Manifest(
            format: "kasane-archive-1", municipality: municipality, fiscalYear: fiscalYear,
            fiscalYearName: JapaneseEra.fiscalYearName(fiscalYear), createdAt: Date(),
            notice: "取扱注意: 出席者用（-attendee）のファイル（記録そのままのJSONを含む）は個人に関する情報を含みます。配布用（-distributed）は事例番号のみです。",
            files: files.map { Manifest.File(path: $0.0, sha256: sha256($0.1), bytes: $0.1.count) },
            chains: meetings.map { Manifest.Chain(folder: $0.folder, meetingId: $0.meetingId, versions: $0.minutes.count, head: $0.chainHead) },
            auditHead: auditHead)
        let manifestData = try CanonicalJSON.encode(manifest)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appending(path: fileName(fiscalYear: fiscalYear))
        let partial = directory.appending(path: fileName(fiscalYear: fiscalYear) + ".partial")
        try? FileManager.default.removeItem(at: partial)
        let archive = try Archive(url: partial, accessMode: .create)
        for (path, data) in [(manifestName, manifestData)] + files {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        // Only a complete archive takes the name.
        _ = try? FileManager.default.removeItem(at: url)
        try FileManager.default.moveItem(at: partial, to: url)
        return Written(path: url.path, meetings: meetings.count, files: files.count, manifestSHA256: sha256(manifestData))
    }

    /// Checks a zip against its manifest: every listed file present with its SHA-256,
    /// nothing added. With `manifestSHA256`, the manifest itself too. Each file is hashed
    /// as it is read, never held whole (the manifest alone is kept), and reading stops at
    /// `maxEntries` files or `maxTotalBytes` expanded (`Report.tooLarge`): a small zip that
    /// expands to gigabytes costs no more than the limit.
    public static func verify(
        _ url: URL, manifestSHA256 expected: String? = nil, maxTotalBytes: Int64 = maxTotalBytes
    ) -> Report {
        var problems: [String] = []
        guard let archive = try? Archive(url: url, accessMode: .read) else {
            return Report(files: 0, manifestSHA256: nil, problems: ["zipファイルとして読めません: \(url.lastPathComponent)"])
        }
        var hashes: [String: String] = [:]
        var manifestData: Data?
        var count = 0
        var total: Int64 = 0
        func tooLarge(_ reason: String) -> Report {
            var report = Report(files: count, manifestSHA256: nil, problems: problems + [reason])
            report.tooLarge = true
            return report
        }
        for entry in archive {
            count += 1
            guard count <= maxEntries else {
                return tooLarge("ファイルが多すぎます（\(maxEntries)件まで）。検証を途中でやめました。")
            }
            guard entry.type == .file else {
                if entry.type == .symlink { problems.append("追加されたリンク: \(entry.path)") }
                continue
            }
            guard entry.uncompressedSize <= maxEntryBytes else {
                problems.append("大きすぎるファイル: \(entry.path)")
                continue
            }
            let isManifest = entry.path == manifestName
            var hasher = SHA256()
            var kept = Data()
            var read: Int64 = 0
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    read += Int64(chunk.count)
                    total += Int64(chunk.count)
                    guard read <= maxEntryBytes, total <= maxTotalBytes else { throw CocoaError(.fileReadTooLarge) }
                    hasher.update(data: chunk)
                    if isManifest {
                        guard kept.count + chunk.count <= maxManifestBytes else { throw CocoaError(.fileReadTooLarge) }
                        kept.append(chunk)
                    }
                }
            } catch {
                if total > maxTotalBytes {
                    return tooLarge("展開すると\(maxTotalBytes / 1024 / 1024)MBを超えます（保管用zipとして大きすぎます）。検証を途中でやめました。")
                }
                problems.append(read > maxEntryBytes || kept.count > maxManifestBytes ? "大きすぎるファイル: \(entry.path)" : "読めないファイル（壊れています）: \(entry.path)")
                continue
            }
            if hashes[entry.path] != nil { problems.append("同じ名前のファイルが2つあります: \(entry.path)") }
            hashes[entry.path] = hasher.finalize().map { String(format: "%02x", $0) }.joined()
            if isManifest { manifestData = kept }
        }
        guard let manifestData else {
            return Report(files: hashes.count, manifestSHA256: nil, problems: problems + ["manifest.json がありません。"])
        }
        let manifestHash = sha256(manifestData)
        if let expected, expected.lowercased() != manifestHash {
            problems.append("manifest.json が作成時のものと違います（SHA-256 \(manifestHash)）。")
        }
        guard let manifest = try? JSONDecoder.kasaneArchive.decode(Manifest.self, from: manifestData) else {
            return Report(files: hashes.count, manifestSHA256: manifestHash, problems: problems + ["manifest.json が読めません。"])
        }
        var listed: Set<String> = []
        for file in manifest.files {
            listed.insert(file.path)
            guard let hash = hashes[file.path] else {
                problems.append("なくなったファイル: \(file.path)")
                continue
            }
            if hash != file.sha256 { problems.append("変更されたファイル: \(file.path)") }
        }
        for path in hashes.keys.sorted() where path != manifestName && !listed.contains(path) {
            problems.append("追加されたファイル: \(path)")
        }
        return Report(files: manifest.files.count, manifestSHA256: manifestHash, problems: problems)
    }

    static func sha256(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }
}

extension JSONDecoder {
    static var kasaneArchive: JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }
}
