import Foundation

/// Checks of form shared by every entry point. Each throws `KasaneError.invalid`
/// naming the field and saying what is wrong in Japanese.
public enum Validate {
    /// A required text of at most `max` characters, trimmed.
    public static func text(_ value: String, field: String, label: String, max: Int = 200) throws -> String {
        let t = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else { throw KasaneError.invalid(field: field, message: "\(label)を入力してください。") }
        guard t.count <= max else {
            throw KasaneError.invalid(field: field, message: "\(label)は\(max)文字以内にしてください（\(t.count)文字）。")
        }
        guard !t.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" }) else {
            throw KasaneError.invalid(field: field, message: "\(label)に制御文字が含まれています。")
        }
        return t
    }

    /// An optional text: nil or empty gives nil.
    public static func optionalText(_ value: String?, field: String, label: String, max: Int = 200) throws -> String? {
        guard let value, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return try text(value, field: field, label: label, max: max)
    }

    /// An e-mail address of the plain form `local@domain.tld`, lower-cased.
    public static func email(_ value: String, field: String = "email") throws -> String {
        let t = try text(value, field: field, label: "メールアドレス", max: 254).lowercased()
        let parts = t.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !t.contains(where: { $0.isWhitespace || $0 == "," || $0 == ";" || $0 == "<" || $0 == ">" }),
              t.allSatisfy(\.isASCII)
        else { throw KasaneError.invalid(field: field, message: "メールアドレスの形が正しくありません（\(value)）。") }
        return t
    }

    /// A code of letters, digits and hyphens (機関コード, 地区コード).
    public static func code(_ value: String, field: String, label: String, max: Int = 32) throws -> String {
        let t = try text(value, field: field, label: label, max: max)
        guard t.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw KasaneError.invalid(field: field, message: "\(label)は半角英数字とハイフンで入力してください（\(t)）。")
        }
        return t
    }
}
