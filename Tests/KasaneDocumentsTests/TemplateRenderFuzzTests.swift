import Foundation
import KasaneCore
import Testing

@testable import KasaneDocuments

/// The template checker tried against the renderer: random templates from the pieces a city
/// could write (fields, sections, partials, markup, pragmas, delimiters, raw output), a
/// thousand of them with a fixed seed. Any the checker accepts must render every kind and
/// reading of a meeting whose values are hostile markup, without a crash, with every value
/// escaped, and within a time and size bound.
@Suite("Templates the checker accepts render only escaped fields, within bounds")
struct TemplateRenderFuzzTests {
    /// A small deterministic generator (xorshift), so a failure can be replayed.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        mutating func pick<T>(_ choices: [T]) -> T { choices[Int(next() % UInt64(choices.count))] }
        mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }
    }

    static let hostile = "<img src=x onerror=alert(1)>\"'&</style><script>"

    /// A meeting whose every text is hostile markup.
    static func hostileDocument(_ reading: DocumentReading, minutes: Bool, kind: MeetingKind) -> MeetingDocument {
        var doc = sampleDocument(reading: reading, minutes: minutes)
        doc.kind = kind
        doc.place = hostile
        doc.municipalityName = hostile
        doc.readerName = reading == .attendee ? hostile : nil
        doc.items[0].caseSummary = reading == .attendee ? hostile : nil
        doc.items[0].summary = minutes && reading == .attendee ? hostile : nil
        doc.items[0].household = [hostile]
        return doc
    }

    static let fields = ["title", "place", "municipality", "date", "reader", "legalName", "documentName", "readingName", "time", "generatedOn"]
    static let itemFields = ["number", "time", "caseCode", "caseSummary", "summary", "purpose", "consentNote", "withheldText"]

    func piece(_ r: inout Random, depth: Int) -> String {
        switch r.next() % 20 {
        case 0, 1, 2: return "{{\(r.pick(Self.fields))}}"
        case 3: return "<p class=\"x\">{{\(r.pick(Self.fields))}}</p>\n"
        case 4: return depth < 3 ? "{{#items}}\(body(&r, depth: depth + 1, item: true)){{/items}}" : "x"
        case 5: return depth < 3 ? "{{#handleWithCare}}\(body(&r, depth: depth + 1)){{/handleWithCare}}" : "y"
        case 6: return "{{^distributed}}" + r.pick(["a", "{{title}}", "<b>"]) + "{{/distributed}}"
        case 7: return r.pick(["{{>confidentiality}}", "{{>header}}", "{{>item}}", "{{>nosuch}}", "{{>agenda-supportMeeting}}"])
        case 8: return r.pick(["{{{title}}}", "{{&place}}", "{{% CONTENT_TYPE: TEXT}}", "{{=<% %>=}}", "{{$x}}{{/x}}", "{{<x}}{{/x}}"])
        case 9: return r.pick(["<a href=\"https://e.example/?{{title}}\">", "<img src=\"{{place}}\">", "<meta http-equiv=\"refresh\" content=\"0\">",
                              "<script>{{title}}</script>", "<style>p{}</style>", "<form action=\"/\">", "<p onclick=\"x\">", "<iframe>"])
        case 10: return r.pick(["<div>", "</div>", "<span title=\"{{title}}\">", "</span>", "<ul><li>", "</li></ul>", "<br>", "<!-- c -->"])
        case 11: return r.pick(["{{#items}}", "{{/items}}", "{{/chair}}", "{{#chair}}{{name}}{{/chair}}", "{{title", "}}", "{{}}"])
        case 12: return r.pick(["{{nosuch}}", "{{items}}", "{{chair.name}}", "{{.}}", "{{lower(title)}}", "{{!comment}}"])
        default: return r.pick(["議事録", "\n", " ", "<h2>議題</h2>\n", "1 < 2", "&amp;", "**太字**"])
        }
    }

    func body(_ r: inout Random, depth: Int, item: Bool = false) -> String {
        (0..<Int(1 + r.next() % 6)).map { _ in
            item && r.chance(40) ? "{{\(r.pick(Self.itemFields))}}" : piece(&r, depth: depth)
        }.joined()
    }

    @Test("A thousand random templates: each accepted one renders every document escaped, in bounds")
    func fuzz() throws {
        var r = Random(state: 0x4B53_4E45_2026)
        var accepted = 0
        let documents = DocumentReading.allCases.flatMap { reading in
            [true, false].flatMap { minutes in MeetingKind.allCases.map { Self.hostileDocument(reading, minutes: minutes, kind: $0) } }
        }
        for _ in 0..<1000 {
            let format = r.pick(["html", "markdown"])
            let key = format + "/" + r.pick(["agenda-supportMeeting", "minutes-multiLayeredSupportMeeting", "item", "header"])
            var texts = BuiltInAgendas.templates
            texts[key] = body(&r, depth: 0)
            guard DocumentTemplates.check(texts, label: { $0 }).isEmpty else { continue }
            accepted += 1
            let templates = try DocumentTemplates.compile(texts, source: "fuzz")
            for doc in documents {
                for output in [DocumentFormat.html, .markdown] {
                    let started = Date()
                    let text = templates.render(doc, as: output)
                    #expect(Date().timeIntervalSince(started) < 2, "\(key): slow")
                    #expect(text.utf8.count < 2_000_000, "\(key): \(text.utf8.count) bytes")
                    // Markdown escapes with a backslash (\<img is text there); HTML with entities.
                    let bare = output == .markdown ? text.replacingOccurrences(of: "\\<", with: "") : text
                    #expect(!bare.contains("<img src=x") && !bare.contains("<script>") && !bare.contains("</style><"),
                            "\(key) as \(output): unescaped: \(texts[key] ?? "")")
                }
            }
        }
        // The generator does reach what the checker lets through, not only what it refuses.
        #expect(accepted > 30, "only \(accepted) accepted")
    }
}
