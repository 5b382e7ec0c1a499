import Foundation

/// What is wrong with a template, by file and line, in words a city's staff can fix.
public struct TemplateProblem: Sendable, Equatable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public var description: String { "\(file):\(line): \(message)" }
}

/// The shape of the values a template may name, read off the view model.
indirect enum FieldShape: Equatable {
    case scalar
    case object([String: FieldShape])
    case list(FieldShape)

    static func of(_ value: Any) -> FieldShape {
        if value is String || value is Int || value is Bool || value is Double { return .scalar }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.map { of($0.value) } ?? .scalar
        case .collection:
            return .list(mirror.children.first.map { of($0.value) } ?? .scalar)
        case .struct, .class:
            var fields: [String: FieldShape] = [:]
            for child in mirror.children {
                if let label = child.label { fields[label] = of(child.value) }
            }
            return .object(fields)
        default:
            return .scalar
        }
    }

    var typeName: String {
        switch self {
        case .scalar: "値"
        case .object: "まとまり"
        case .list: "一覧"
        }
    }
}

/// Checks a template against the fields of the view model, without rendering it: an
/// unknown field, an unclosed or mismatched section, a partial that does not exist,
/// or a Mustache feature Kasane does not use, each with its file and line.
struct TemplateCheck {
    let root: FieldShape
    /// Template name → text, for partials.
    let templates: [String: String]
    let label: (String) -> String

    /// How deep partials may include partials.
    static let maxDepth = 8

    func check(_ name: String) -> [TemplateProblem] {
        var problems: [TemplateProblem] = []
        var seen: Set<String> = []
        check(name, stack: [root], problems: &problems, chain: [name], seen: &seen)
        return problems
    }

    private func check(_ name: String, stack: [FieldShape], problems: inout [TemplateProblem], chain: [String], seen: inout Set<String>) {
        guard let text = templates[name] else { return }
        let file = label(name)
        let key = name + "@" + String(stack.count)
        if seen.contains(key) { return }
        seen.insert(key)
        var stack = stack
        var open: [(name: String, line: Int, pushed: Bool)] = []
        for tag in Self.tags(in: text) {
            func problem(_ message: String) { problems.append(TemplateProblem(file: file, line: tag.line, message: message)) }
            var body = tag.body
            if body == "\u{0}" {
                problem("{{ が閉じられていません（}} がありません）。")
                continue
            }
            guard let sigil = body.first else {
                problem("空のタグ {{}} があります。")
                continue
            }
            if "#^/>!&=%$<".contains(sigil) { body = String(body.dropFirst()).trimmingCharacters(in: .whitespaces) }
            switch sigil {
            case "!":
                continue
            case "%":
                // The content type (what escaping the output gets) is Kasane's to set, per format, never a template's.
                problem("設定の指定（{{%\(body)}}）は使えません。出力のエスケープはKasaneが形式ごとに決めます。")
            case "=":
                problem("区切り記号の変更（{{=...=}}）は使えません。")
            case "$", "<":
                problem("ブロックの継承（{{\(sigil)...}}）は使えません。部分テンプレート {{>名前}} を使ってください。")
            case ">":
                if templates[body] == nil {
                    problem("部分テンプレート「\(body)」はありません（\(templates.keys.sorted().joined(separator: "、"))）。")
                } else if chain.contains(body) {
                    problem("部分テンプレートが自分自身を読み込んでいます（\((chain + [body]).joined(separator: " → "))）。")
                } else if chain.count > Self.maxDepth {
                    problem("部分テンプレートの入れ子が深すぎます（\(Self.maxDepth)段まで: \((chain + [body]).joined(separator: " → "))）。")
                } else {
                    check(body, stack: stack, problems: &problems, chain: chain + [body], seen: &seen)
                }
            case "/":
                guard let last = open.popLast() else { problem("{{/\(body)}} に対応する {{#\(body)}} がありません。"); continue }
                if last.name != body { problem("{{#\(last.name)}}（\(last.line)行目）が閉じる前に {{/\(body)}} があります。") }
                if last.pushed { stack.removeLast() }
            case "#", "^":
                let shape = resolve(body, in: stack, problem: problem)
                var pushed = false
                if sigil == "#", let shape {
                    switch shape {
                    case .object: stack.append(shape); pushed = true
                    case .list(let element): stack.append(element); pushed = true
                    case .scalar: break
                    }
                }
                open.append((body, tag.line, pushed))
            default:
                if tag.triple || sigil == "&" {
                    problem("エスケープしない出力（{{{...}}} や {{&...}}）は使えません。{{\(body)}} と書いてください。")
                }
                if let shape = resolve(body, in: stack, problem: problem), shape != .scalar {
                    problem("「\(body)」は\(shape.typeName)です。{{#\(body)}}...{{/\(body)}} の中で項目を書いてください。")
                }
            }
        }
        for unclosed in open {
            problems.append(TemplateProblem(file: file, line: unclosed.line, message: "{{#\(unclosed.name)}} が閉じられていません（{{/\(unclosed.name)}} がありません）。"))
        }
    }

    /// Resolves a (dotted) name as Mustache does: its first part up the context
    /// stack, the rest within it.
    private func resolve(_ name: String, in stack: [FieldShape], problem: (String) -> Void) -> FieldShape? {
        if name == "." { return stack.last ?? .scalar }
        if name.contains("(") {
            problem("変換（\(name)）は使えません。")
            return nil
        }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !parts.contains(where: \.isEmpty) else {
            problem("項目名「\(name)」の書き方が正しくありません。")
            return nil
        }
        for frame in stack.reversed() {
            guard case .object(let fields) = frame, var shape = fields[parts[0]] else { continue }
            for part in parts.dropFirst() {
                guard case .object(let inner) = shape, let next = inner[part] else {
                    problem("項目「\(name)」はありません（「\(part)」が見つかりません）。")
                    return nil
                }
                shape = next
            }
            return shape
        }
        var known: [String] = []
        for frame in stack.reversed() { if case .object(let fields) = frame { known += fields.keys.sorted() } }
        problem("項目「\(name)」はありません。使える項目: \(Array(Set(known)).sorted().joined(separator: ", "))")
        return nil
    }

    struct Tag {
        var body: String
        var line: Int
        var triple: Bool
    }

    /// The tags of a template with the line each starts on. A tag left open is a tag
    /// whose body runs to the end, which the name check then refuses.
    static func tags(in text: String) -> [Tag] {
        var tags: [Tag] = []
        var line = 1
        var i = text.startIndex
        while i < text.endIndex {
            guard text[i...].hasPrefix("{{") else {
                if text[i] == "\n" { line += 1 }
                i = text.index(after: i)
                continue
            }
            let triple = text[i...].hasPrefix("{{{")
            let start = text.index(i, offsetBy: triple ? 3 : 2)
            let close = triple ? "}}}" : "}}"
            let end = text.range(of: close, range: start..<text.endIndex)
            let body = String(text[start..<(end?.lowerBound ?? text.endIndex)])
            tags.append(Tag(body: body.trimmingCharacters(in: .whitespacesAndNewlines), line: line, triple: triple))
            line += body.filter { $0 == "\n" }.count
            i = end?.upperBound ?? text.endIndex
            if end == nil {
                tags[tags.count - 1].body = "\u{0}"
            }
        }
        return tags
    }
}
