import Foundation
import KasaneCore
import Testing

@testable import KasaneDocuments

/// A 重層的支援会議 document with one item heard and one withheld.
func sampleDocument(reading: DocumentReading = .attendee, minutes: Bool = true) -> MeetingDocument {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = .tokyo
    let start = calendar.date(from: DateComponents(year: 2026, month: 12, day: 1, hour: 10))!
    var heard = MeetingDocument.Item(
        position: 1, startsAt: "10:00", minutes: 30, purposeName: "プランの適切性の協議", caseCode: "R08-0001", withheld: false,
        caseSummary: reading == .attendee ? "8050世帯・ひきこもり" : nil, household: reading == .attendee ? ["本人 50代男性", "母 80代女性"] : [],
        attendance: minutes ? ["北部包括: 出席"] : [], summary: minutes && reading == .attendee ? "通所の意向を確認した。" : nil,
        decisions: minutes ? [.init(kindName: "プラン承認", details: [])] : [])
    heard.consentNote = "同意: 令和8年6月1日取得（範囲: 重層的支援会議の構成員すべて）／目的: 情報共有"
    let withheld = MeetingDocument.Item(position: 2, startsAt: "10:30", minutes: 30, purposeName: nil, caseCode: nil, withheld: true)
    return MeetingDocument(
        isMinutes: minutes, reading: reading, kind: .multiLayeredSupportMeeting, municipalityName: "架空市", title: "重層的支援会議 第3回",
        fiscalYear: 2026, number: 3, startsAt: start, endsAt: start.addingTimeInterval(5400), place: "市役所 第2会議室",
        chair: .init(name: reading == .attendee ? "調整 太郎" : nil, agencyName: "社協", roleName: "議長"), secretariat: nil,
        readerName: reading == .attendee ? "北部 三郎" : nil, attendees: [], items: [heard, withheld],
        version: minutes ? .init(number: 2, stateName: "承認済み", approvedOn: LocalDate("2026-12-08"), approvedBy: "調整 太郎", reason: "誤記", versionHash: "ab12") : nil)
}

@Suite("Templates in Agendas/")
struct TemplateTests {
    @Test("The built-in templates check clean, cover every kind and format, and render 和暦 dates and JST times")
    func builtIn() {
        #expect(DocumentTemplates.check(BuiltInAgendas.templates, label: { $0 }).isEmpty)
        let t = DocumentTemplates.builtIn
        let md = t.render(sampleDocument(), as: .markdown)
        #expect(md.contains("令和8年12月1日（火）") && md.contains("2026年12月1日（火）") && md.contains("10:00〜11:30（日本時間）"))
        #expect(md.contains("（この議題は出席範囲外です）") && md.contains("【取扱注意】") && md.contains("通所の意向を確認した。"))
        #expect(md.contains("第2版") && md.contains("訂正の理由: 誤記"))
        let html = t.render(sampleDocument(), as: .html)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("size: A4") && html.contains("取扱注意"))
        #expect(!html.contains("http://") && !html.contains("https://"), "no outside assets")
    }

    @Test("The distributed reading carries codes, purposes and the confidentiality reminder, no names")
    func distributed() {
        let t = DocumentTemplates.builtIn
        for format in [DocumentFormat.markdown, .html] {
            let text = t.render(sampleDocument(reading: .distributed), as: format)
            #expect(text.contains("R08-0001") && text.contains("配布用"))
            #expect(!text.contains("調整 太郎") && !text.contains("北部 三郎") && !text.contains("本人 50代男性") && !text.contains("取扱注意"))
            #expect(text.contains("同意を得た範囲"))
        }
        var support = sampleDocument(reading: .distributed, minutes: false)
        support.kind = .supportMeeting
        #expect(t.render(support, as: .markdown).contains("社会福祉法第106条の6"))
        #expect(t.render(support, as: .markdown).contains("100万円以下の罰金"))
    }

    @Test("Markdown output escapes what a value says, so it cannot become markup")
    func escaping() {
        var doc = sampleDocument()
        doc.place = "会議室*A* [link](x)"
        let md = DocumentTemplates.builtIn.render(doc, as: .markdown)
        #expect(md.contains("会議室\\*A\\* \\[link\\](x)"))
        doc.place = "<script>"
        #expect(DocumentTemplates.builtIn.render(doc, as: .html).contains("&lt;script&gt;"))
    }

    @Test("A city's template naming a field that does not exist is refused with its file and line, and the built-ins stand in")
    func unknownField() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "kasane-agendas-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appending(path: "markdown"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "# {{title}}\n\n{{#items}}\n- {{number}} {{caseName}}\n{{/items}}\n".write(
            to: folder.appending(path: "markdown/agenda-supportMeeting.mustache"), atomically: true, encoding: .utf8)
        let t = DocumentTemplates.load(folder: folder)
        #expect(t.source == "組み込み")
        let problem = try #require(t.problems.first)
        #expect(problem.file.hasSuffix("markdown/agenda-supportMeeting.mustache") && problem.line == 4)
        #expect(problem.message.contains("caseName"))
        // A fixed template is taken.
        try "# {{title}}\n\n{{#items}}\n- {{number}} {{caseCode}}\n{{/items}}\n{{>confidentiality}}".write(
            to: folder.appending(path: "markdown/agenda-supportMeeting.mustache"), atomically: true, encoding: .utf8)
        let fixed = DocumentTemplates.load(folder: folder)
        #expect(fixed.problems.isEmpty && fixed.source == folder.path)
        var doc = sampleDocument(minutes: false)
        doc.kind = .supportMeeting
        #expect(fixed.render(doc, as: .markdown).hasPrefix("# 重層的支援会議 第3回\n\n- 1 R08-0001"))
    }

    @Test("Broken templates are refused line by line: unclosed and mismatched sections, unknown partials, raw output, syntax")
    func brokenTemplates() {
        let cases: [(String, Int, String)] = [
            ("a\n{{#items}}\n{{number}}\n", 2, "閉じられていません"),
            ("{{#items}}\n{{/chair}}", 2, "閉じる前に"),
            ("\n\n{{>footer}}", 3, "footer"),
            ("{{{title}}}", 1, "エスケープしない"),
            ("{{items}}", 1, "一覧"),
            ("{{=<% %>=}}", 1, "区切り記号"),
            ("{{#chair}}{{name}}{{nosuch}}{{/chair}}", 1, "nosuch"),
            ("x\n{{title", 2, "閉じられていません"),
        ]
        for (text, line, words) in cases {
            var texts = BuiltInAgendas.templates
            texts["html/agenda-supportMeeting"] = text
            let problems = DocumentTemplates.check(texts, label: { $0 })
            #expect(problems.contains { $0.file == "html/agenda-supportMeeting" && $0.line == line && $0.message.contains(words) },
                    "\(text): \(problems)")
        }
    }
}
