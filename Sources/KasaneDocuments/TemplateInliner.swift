import Foundation

/// Writes partials into the template that includes them, as Mustache would render them: a
/// partial tag alone on its line (a standalone tag) gives the partial's lines, each with the
/// tag's indentation, in place of that line; a partial tag among other text gives the
/// partial's text there. A partial missing, one that includes itself, or a chain deeper than
/// `TemplateCheck.maxDepth`, fails.
enum TemplateInliner {
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    static func inline(_ text: String, partials: [String: String], chain: [String]) throws -> String {
        var out = ""
        var rest = Substring(text)
        while !rest.isEmpty {
            // One line with its line end, if it has one.
            let end = rest.firstIndex(of: "\n").map { rest.index(after: $0) } ?? rest.endIndex
            let line = rest[..<end]
            rest = rest[end...]
            let content = line.hasSuffix("\n") ? line.dropLast() : line
            if let name = standaloneName(content.trimmingCharacters(in: .whitespaces)) {
                // The standalone line goes whole, its line end too: the partial brings its own.
                let indent = String(content.prefix { $0 == " " || $0 == "\t" })
                let body = try expand(name, partials: partials, chain: chain)
                var atLineStart = true
                for ch in body {
                    if atLineStart && ch != "\n" { out += indent }
                    out.append(ch)
                    atLineStart = ch == "\n"
                }
            } else {
                out += try inlineWithin(String(content), partials: partials, chain: chain) + (line.hasSuffix("\n") ? "\n" : "")
            }
        }
        return out
    }

    /// `{{>name}}` or `{{> name }}` as the whole of a trimmed line.
    static func standaloneName(_ trimmed: String) -> String? {
        guard trimmed.hasPrefix("{{>"), trimmed.hasSuffix("}}"), trimmed.count > 5 else { return nil }
        let name = trimmed.dropFirst(3).dropLast(2).trimmingCharacters(in: .whitespaces)
        return name.isEmpty || name.contains("}") || name.contains("{") ? nil : name
    }

    static func expand(_ name: String, partials: [String: String], chain: [String]) throws -> String {
        guard let partial = partials[name] else { throw Failure(message: "部分テンプレート「\(name)」がありません。") }
        guard !chain.contains(name) else { throw Failure(message: "部分テンプレートが自分自身を読み込んでいます（\((chain + [name]).joined(separator: " → "))）。") }
        guard chain.count <= TemplateCheck.maxDepth else { throw Failure(message: "部分テンプレートの入れ子が深すぎます。") }
        return try inline(partial, partials: partials, chain: chain + [name])
    }

    /// Partial tags among other text on a line.
    static func inlineWithin(_ line: String, partials: [String: String], chain: [String]) throws -> String {
        var out = ""
        var rest = Substring(line)
        while let open = rest.range(of: "{{>") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                out += rest[open.lowerBound...]
                return out
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            out += try expand(name, partials: partials, chain: chain)
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}
