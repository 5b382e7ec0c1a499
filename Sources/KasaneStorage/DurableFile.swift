import Foundation
import KasaneCore

/// Files that must be on disk, not only in the page cache, before Kasane says so.
public enum DurableFile {
    /// Writes `data` to `url` so that a crash or power loss leaves either the old file
    /// or the whole new one, never a part: a temporary file in the same folder, synced,
    /// renamed over the target, and the folder synced.
    public static func write(_ data: Data, to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
        try data.write(to: temporary)
        try sync(path: temporary.path)
        // rename(2) replaces an existing file atomically.
        guard rename(temporary.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw KasaneError.conflict("\(url.lastPathComponent) を書き出せませんでした（errno \(errno)）。")
        }
        try syncDirectory(of: url.path)
    }

    public static func sync(path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw KasaneError.unusableDatabase("\(path) を開けません。") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw KasaneError.unusableDatabase("\(path) をディスクに書き込めません。") }
    }

    public static func syncDirectory(of path: String) throws {
        try sync(path: (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent)
    }
}
