import Foundation

/// What a city's template may carry besides its tags. A template is data: the fields,
/// escaped, set in a page of plain elements. It may not carry a channel out of the page
/// (a link, an image, a form, a refresh, a frame, a script, a style sheet from elsewhere)
/// nor code, so no value of a case can travel anywhere by opening the document.
///
/// HTML: the elements and attributes of the allow-lists below, no URL-carrying attribute
/// at all, no event handler, `<meta>` only as `<meta charset="utf-8">`, `<style>` only in
/// the `style` partial and with no value, url(), @import or escape in it.
/// Markdown: no raw HTML, no links or images, no URLs.
enum TemplateMarkup {
    static let elements: Set<String> = [
        "html", "head", "body", "title", "meta", "style", "div", "span", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
        "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col", "section", "article",
        "header", "footer", "main", "nav", "aside", "strong", "em", "b", "i", "u", "s", "small", "br", "hr", "blockquote", "pre",
        "code", "sup", "sub", "time", "abbr", "figure", "figcaption", "mark", "ruby", "rt", "rp",
    ]
    static let globalAttributes: Set<String> = ["class", "id", "lang", "dir", "title", "role"]
    static let elementAttributes: [String: Set<String>] = [
        "th": ["colspan", "rowspan", "scope", "headers"], "td": ["colspan", "rowspan", "headers"], "col": ["span"], "colgroup": ["span"],
        "time": ["datetime"], "ol": ["start", "reversed", "type"], "meta": ["charset"],
    ]
    /// What CSS in the style partial may not contain: ways to load or build a reference to
    /// something outside the page.
    static let forbiddenCSS = ["url(", "@import", "image(", "image-set(", "expression(", "\\", "@font-face", "src:", "-moz-binding", "behavior:"]

    /// A template value in the masked text, and a section, comment or partial tag.
    static let value: Character = "\u{E000}"
    static let structure: Character = "\u{E001}"

    static func problems(_ text: String, name: String, format: String, file: String) -> [TemplateProblem] {
        let masked = mask(text)
        return format == "html" ? html(masked, name: name, file: file) : markdown(masked, file: file)
    }

    /// The text with every Mustache tag replaced by one placeholder character (keeping its
    /// line breaks), so that markup is read as the browser will meet it.
    static func mask(_ text: String) -> [Character] {
        var out: [Character] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            guard chars[i] == "{", i + 1 < chars.count, chars[i + 1] == "{" else {
                out.append(chars[i])
                i += 1
                continue
            }
            let triple = i + 2 < chars.count && chars[i + 2] == "{"
            var j = i + (triple ? 3 : 2)
            let sigil = j < chars.count ? chars[j] : " "
            var newlines = 0
            while j < chars.count, !(chars[j] == "}" && j + 1 < chars.count && chars[j + 1] == "}") {
                if chars[j] == "\n" { newlines += 1 }
                j += 1
            }
            out.append("#^/!>=%$<".contains(sigil) && !triple ? structure : value)
            out.append(contentsOf: Array(repeating: "\n", count: newlines))
            i = min(chars.count, j + (triple ? 3 : 2))
        }
        return out
    }

    private static func html(_ c: [Character], name: String, file: String) -> [TemplateProblem] {
        var problems: [TemplateProblem] = []
        var line = 1
        var i = 0
        func problem(_ message: String) { problems.append(TemplateProblem(file: file, line: line, message: message)) }
        func lines(_ from: Int, _ to: Int) { line += c[from..<min(to, c.count)].filter { $0 == "\n" }.count }
        while i < c.count {
            guard c[i] == "<" else {
                if c[i] == "\n" { line += 1 }
                i += 1
                continue
            }
            let rest = String(c[i..<min(c.count, i + 12)]).lowercased()
            if rest.hasPrefix("<!--") {
                let end = find(c, "-->", from: i + 4) ?? c.count
                lines(i, end)
                i = end + 3
                continue
            }
            if rest.hasPrefix("<!doctype") {
                let end = find(c, ">", from: i) ?? c.count
                if String(c[i..<min(end + 1, c.count)]).lowercased() != "<!doctype html>" { problem("<!DOCTYPE html> のほかの宣言は使えません。") }
                lines(i, end)
                i = end + 1
                continue
            }
            var j = i + 1
            let closing = j < c.count && c[j] == "/"
            if closing { j += 1 }
            guard j < c.count else { break }
            if c[j] == value || c[j] == structure {
                problem("タグの名前に項目を入れることはできません。")
                i = j
                continue
            }
            guard c[j].isASCII, c[j].isLetter || c[j] == "!" || c[j] == "?" else {
                i += 1  // a lone < in text, as the browser reads it
                continue
            }
            var tag = ""
            while j < c.count, c[j].isASCII, c[j].isLetter || c[j].isNumber || c[j] == "-" || c[j] == ":" { tag.append(c[j]); j += 1 }
            tag = tag.lowercased()
            guard let end = find(c, ">", from: j) else {
                problem("<\(tag) が閉じられていません（> がありません）。")
                break
            }
            let attributes = String(c[j..<end])
            if !elements.contains(tag) || (tag == "style" && name != "style") {
                problem(tag == "style"
                    ? "<style> は部分テンプレート style の中だけで使えます。"
                    : "要素 <\(tag)> は使えません（外へ情報を送る・読み込む・動かす要素のため、または許可された要素ではないため）。使える要素: \(elements.sorted().joined(separator: ", "))")
            } else if !closing {
                for p in checkAttributes(attributes, tag: tag) { problem(p) }
            }
            lines(i, end)
            i = end + 1
            if tag == "style", !closing, name == "style" {
                let close = findCaseless(c, "</style", from: i) ?? c.count
                let css = String(c[i..<close])
                if css.contains(value) { problem("<style> の中に項目の値を入れることはできません。") }
                let lower = css.lowercased().replacingOccurrences(of: " ", with: "")
                for bad in forbiddenCSS where lower.contains(bad.replacingOccurrences(of: " ", with: "")) {
                    problem("スタイルに「\(bad)」は使えません（外から読み込む・組み立てるため）。")
                }
                lines(i, close)
                i = close
            }
        }
        return problems
    }

    /// Each attribute must be allowed for the element; none may carry a URL or run code.
    private static func checkAttributes(_ text: String, tag: String) -> [String] {
        var found: [String] = []
        let chars = Array(text)
        var k = 0
        while k < chars.count {
            while k < chars.count, chars[k].isWhitespace || chars[k] == "/" { k += 1 }
            guard k < chars.count else { break }
            var name = ""
            while k < chars.count, !chars[k].isWhitespace, chars[k] != "=", chars[k] != "/" { name.append(chars[k]); k += 1 }
            var value = ""
            while k < chars.count, chars[k].isWhitespace { k += 1 }
            if k < chars.count, chars[k] == "=" {
                k += 1
                while k < chars.count, chars[k].isWhitespace { k += 1 }
                if k < chars.count, chars[k] == "\"" || chars[k] == "'" {
                    let quote = chars[k]
                    k += 1
                    while k < chars.count, chars[k] != quote { value.append(chars[k]); k += 1 }
                    k += 1
                } else {
                    while k < chars.count, !chars[k].isWhitespace { value.append(chars[k]); k += 1 }
                }
            }
            let lower = name.lowercased()
            if name.contains(Self.value) || name.contains(Self.structure) {
                found.append("属性の名前に項目を入れることはできません（<\(tag)>）。")
            } else if lower.hasPrefix("on") {
                found.append("イベント属性 \(lower) は使えません（<\(tag)>）。")
            } else if !(globalAttributes.contains(lower) || lower.hasPrefix("aria-") || elementAttributes[tag]?.contains(lower) == true) {
                found.append("属性 \(lower) は使えません（<\(tag)>。リンク・画像・読み込み・スタイルの属性は、情報が外へ出る道になるため使えません）。")
            } else if tag == "meta", value.lowercased() != "utf-8" {
                found.append("<meta> は <meta charset=\"utf-8\"> だけが使えます。")
            }
        }
        if tag == "meta", !text.lowercased().contains("charset") { found.append("<meta> は <meta charset=\"utf-8\"> だけが使えます。") }
        return found
    }

    private static func markdown(_ c: [Character], file: String) -> [TemplateProblem] {
        var problems: [TemplateProblem] = []
        let text = String(c)
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            func problem(_ message: String) { problems.append(TemplateProblem(file: file, line: n + 1, message: message)) }
            let chars = Array(line)
            for (k, ch) in chars.enumerated() where ch == "<" && k + 1 < chars.count {
                let next = chars[k + 1]
                if next.isLetter || next == "/" || next == "!" || next == "?" || next == value {
                    problem("Markdown のテンプレートに HTML のタグ・自動リンク（<...>）は使えません。")
                    break
                }
            }
            if line.contains("](") || line.contains("]:") || line.contains("][") {
                problem("Markdown のテンプレートにリンク・画像（[...](...)）は使えません。表示した人の端末から外へ情報が出る道になります。")
            }
            if line.contains("://") || line.lowercased().contains("www.") || line.lowercased().contains("mailto:") {
                problem("Markdown のテンプレートに URL は書けません。")
            }
        }
        return problems
    }

    private static func find(_ c: [Character], _ needle: String, from: Int) -> Int? {
        let n = Array(needle)
        guard !n.isEmpty, from <= c.count - n.count else { return nil }
        var i = max(0, from)
        while i <= c.count - n.count {
            if c[i] == n[0], Array(c[i..<(i + n.count)]) == n { return i }
            i += 1
        }
        return nil
    }

    private static func findCaseless(_ c: [Character], _ needle: String, from: Int) -> Int? {
        find(c.map { $0.isASCII ? Character($0.lowercased()) : $0 }, needle.lowercased(), from: from)
    }
}
