import Foundation
import KasaneCore

/// Prints HTML to an A4 PDF with headless Chromium, where it is installed. Where it
/// is not, says so plainly: Markdown and HTML work everywhere.
public enum PDFPrinter {
    /// The Chromium found on PATH (`chromium`, `chromium-browser`, `google-chrome`), if any.
    public static func chromium(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
        for dir in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            for name in names {
                let url = URL(fileURLWithPath: String(dir)).appending(path: name)
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
        }
        return nil
    }

    public static let unavailable = KasaneError.unavailable(
        "PDFの出力にはChromiumが必要ですが、このサーバーにはインストールされていません（Debian: apt-get install chromium）。Markdown または HTML で出力し、ブラウザから印刷してください。")

    /// The page as Chromium opens it from a file: with the same policy the server sends with
    /// it, written in by Kasane before anything of the template, so it loads, posts and runs
    /// nothing whatever the template says.
    static func lockedDown(_ html: String) -> String {
        let policy = #"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'">"#
        if let head = html.range(of: "<head>", options: .caseInsensitive) {
            return html.replacingCharacters(in: head, with: "<head>\n" + policy)
        }
        return policy + "\n" + html
    }

    /// Prints `html` to PDF. Bounded in time; the files live in a private temporary folder
    /// named by a random id, never by anything in the document.
    public static func print(html: String, timeout: TimeInterval = 60) async throws -> Data {
        guard let chromium = chromium() else { throw unavailable }
        let dir = FileManager.default.temporaryDirectory.appending(path: "kasane-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appending(path: "document.html"), output = dir.appending(path: "document.pdf")
        try Data(Self.lockedDown(html).utf8).write(to: input)
        let process = Process()
        process.executableURL = chromium
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions", "--no-first-run", "--no-pdf-header-footer",
            "--disable-background-networking", "--user-data-dir=\(dir.appending(path: "profile").path)",
            // No network at all while the document is open: every name fails to resolve and every
            // connection goes to a proxy that is not there (loopback included).
            "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
            "--disable-sync", "--disable-component-update", "--disable-domain-reliability",
            "--print-to-pdf=\(output.path)", input.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                throw KasaneError.unavailable("ChromiumによるPDFの出力が\(Int(timeout))秒以内に終わりませんでした。")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        guard let pdf = try? Data(contentsOf: output), pdf.starts(with: Data("%PDF".utf8)) else {
            throw KasaneError.unavailable("ChromiumがPDFを出力できませんでした（終了コード \(process.terminationStatus)）。")
        }
        return pdf
    }
}
