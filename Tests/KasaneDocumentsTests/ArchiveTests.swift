import Foundation
import KasaneCore
import Testing
import ZIPFoundation

@testable import KasaneDocuments

@Suite("The yearly archive")
struct ArchiveTests {
    func written() async throws -> (URL, YearArchive.Written) {
        let dir = FileManager.default.temporaryDirectory.appending(path: "kasane-archive-test-\(UUID().uuidString)")
        let meeting = ArchiveMeeting(
            folder: "multiLayered-03", meetingId: 3, agenda: sampleDocument(reading: .distributed, minutes: false),
            minutes: [.init(number: 1, distributed: sampleDocument(reading: .distributed), attendee: sampleDocument(), json: Data("{}".utf8))],
            attendanceCSV: "\u{FEFF}議題,事例番号,職員ID,機関,出欠\r\n", chainHead: "ab12")
        let w = try await YearArchive.write([meeting], fiscalYear: 2026, municipality: "架空市", templates: .builtIn, into: dir)
        return (dir, w)
    }

    @Test("An archive verifies against its manifest; its paths are codes and numbers only")
    func verifies() async throws {
        let (dir, w) = try await written()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(w.path.hasSuffix("kasane-archive-FY2026.zip") && w.files == 8)
        let report = YearArchive.verify(URL(fileURLWithPath: w.path), manifestSHA256: w.manifestSHA256)
        #expect(report.ok && report.files == 8)
        let archive = try Archive(url: URL(fileURLWithPath: w.path), accessMode: .read)
        let paths = archive.map(\.path)
        #expect(paths.contains("FY2026/multiLayered-03/minutes-v1-attendee.html"))
        #expect(paths.allSatisfy { $0.wholeMatch(of: /[A-Za-z0-9\/.\-]+/) != nil })
        #expect(!YearArchive.verify(URL(fileURLWithPath: w.path), manifestSHA256: String(repeating: "0", count: 64)).ok)
    }

    @Test("A file added to, removed from or changed in the archive is named by verify")
    func tampering() async throws {
        let (dir, w) = try await written()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = URL(fileURLWithPath: w.path)
        let archive = try Archive(url: url, accessMode: .update)
        let extra = Data("後から足したファイル".utf8)
        try archive.addEntry(with: "FY2026/multiLayered-03/extra.md", type: .file, uncompressedSize: Int64(extra.count)) { p, s in
            extra.subdata(in: Int(p)..<Int(p) + s)
        }
        let victim = try #require(archive["FY2026/multiLayered-03/agenda-distributed.md"])
        try archive.remove(victim)
        let changed = Data("# 書き換えた議事録\n".utf8)
        if let entry = archive["FY2026/multiLayered-03/minutes-v1-distributed.md"] { try archive.remove(entry) }
        try archive.addEntry(with: "FY2026/multiLayered-03/minutes-v1-distributed.md", type: .file, uncompressedSize: Int64(changed.count)) { p, s in
            changed.subdata(in: Int(p)..<Int(p) + s)
        }
        let report = YearArchive.verify(url)
        #expect(!report.ok)
        #expect(report.problems.contains("追加されたファイル: FY2026/multiLayered-03/extra.md"))
        #expect(report.problems.contains("なくなったファイル: FY2026/multiLayered-03/agenda-distributed.md"))
        #expect(report.problems.contains("変更されたファイル: FY2026/multiLayered-03/minutes-v1-distributed.md"))
        #expect(!YearArchive.verify(dir.appending(path: "nothing.zip")).ok)
    }

    /// A zip of `count` files of `bytes` zeros each: small on disk, large expanded.
    static func bomb(_ dir: URL, count: Int, bytes: Int) throws -> URL {
        let url = dir.appending(path: "bomb.zip")
        let archive = try Archive(url: url, accessMode: .create)
        let zeros = Data(count: bytes)
        for i in 0..<count {
            try archive.addEntry(with: "FY2026/x-\(i).md", type: .file, uncompressedSize: Int64(bytes), compressionMethod: .deflate) { p, s in
                zeros.subdata(in: Int(p)..<Int(p) + s)
            }
        }
        return url
    }

    @Test("A small zip that expands past the limit is refused at the limit, hashed as it is read, never held whole")
    func expansionBounded() throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "kasane-bomb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // 40 MB of zeros in a zip of well under 1 MB, against a 16 MB limit.
        let url = try Self.bomb(dir, count: 8, bytes: 5 * 1024 * 1024)
        let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
        #expect(size < 1024 * 1024)
        let report = YearArchive.verify(url, maxTotalBytes: 16 * 1024 * 1024)
        #expect(report.tooLarge && !report.ok)
        #expect(report.problems.last?.contains("16MB") == true)
        // Under a limit it fits, it is read to the end (and, lacking a manifest, refused for that).
        let fits = YearArchive.verify(url, maxTotalBytes: 64 * 1024 * 1024)
        #expect(!fits.tooLarge && fits.problems.contains("manifest.json がありません。"))
    }
}
