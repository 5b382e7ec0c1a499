import Foundation

/// Who a text that travels must not point to: one household member's personal data.
public struct PersonIdentity: Sendable, Equatable {
    public var name: String
    public var kana: String?
    public var birthDate: LocalDate?
    public var address: String?

    public init(name: String, kana: String? = nil, birthDate: LocalDate? = nil, address: String? = nil) {
        self.name = name
        self.kana = kana
        self.birthDate = birthDate
        self.address = address
    }

    public init(_ personal: HouseholdMemberPersonal) {
        self.init(name: personal.name, kana: personal.kana, birthDate: personal.birthDate, address: personal.address)
    }
}

/// The one check that a text which travels (a household label, a case summary, a
/// meeting's place) names no household member, however it is written: in katakana
/// or hiragana, in half-width forms, with spaces of any width or invisible characters
/// inside, by family or given name, by birth date in the usual written forms, or by
/// address. Both sides are normalised the same way before they are compared.
public enum IdentifyingText {
    /// What was found in a text.
    public enum Finding: Equatable, Sendable {
        case name
        case birthDate
        case address
        /// A phrase that says the place is someone's home (様宅, 自宅...).
        case home
    }

    /// Refuses `text` when it points to one of `people`, naming `field` and saying what
    /// to write instead. `checksPlace` adds the checks for a place: a home, an address.
    public static func check(
        _ text: String, field: String, label: String, against people: [PersonIdentity], checksPlace: Bool = false
    ) throws {
        guard let finding = finding(in: text, against: people, checksPlace: checksPlace) else { return }
        let what: String
        switch finding {
        case .name: what = "世帯員の氏名（読み・名前だけの場合を含む）"
        case .birthDate: what = "世帯員の生年月日"
        case .address: what = "世帯員の住所"
        case .home: what = "個人の自宅を示す言葉"
        }
        let instead = checksPlace
            ? "家庭訪問は、場所の種類を「訪問」にして事例を選んでください（招待には「訪問（事例番号）」とだけ載り、住所は閲覧できる方にだけ表示されます）。"
            : "続柄・年代・性別など、個人を特定しない表現にしてください（例: 本人 50代男性、父 80代）。"
        throw KasaneError.invalid(field: field, message: "\(label)に\(what)が含まれています。\(label)は外に出る情報のため、\(instead)")
    }

    /// The first thing in `text` that points to one of `people`, or nil.
    public static func finding(in text: String, against people: [PersonIdentity], checksPlace: Bool = false) -> Finding? {
        let folded = normalised(text)
        // Names carry no date separators: 試-験 is 試験.
        let foldedForNames = folded.filter { $0 != "-" && $0 != "/" && $0 != "." }
        let katakanaRuns = Set(runs(of: compact(text), where: isKatakana))
        // Format characters gone, spaces and brackets kept: where a one-kanji name stands alone.
        let words = String(String.UnicodeScalarView(
            text.precomposedStringWithCompatibilityMapping.unicodeScalars.filter { $0.properties.generalCategory != .format }))
        for person in people {
            for fragment in nameFragments(person) where matches(fragment, in: foldedForNames, katakanaRuns: katakanaRuns, words: words) {
                return .name
            }
            if let birthDate = person.birthDate, dateForms(birthDate).contains(where: { containsNumber($0, in: folded) }) {
                return .birthDate
            }
            if checksPlace, let address = person.address {
                for part in addressParts(address) where folded.contains(part) { return .address }
            }
        }
        guard checksPlace else { return nil }
        if homeWords.contains(where: folded.contains) { return .home }
        if looksLikeAddress(folded) { return .address }
        return nil
    }

    // MARK: normalising

    /// NFKC (half-width katakana and full-width digits and letters to their usual forms),
    /// without format characters (zero-width spaces, joiners, soft hyphens), variation
    /// selectors, spaces of every width and punctuation; katakana folded to hiragana,
    /// common variant kanji to their usual form, Latin letters lower-cased.
    public static func normalised(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in compact(text).unicodeScalars {
            if isKatakana(scalar), let hiragana = Unicode.Scalar(scalar.value - 0x60) {
                scalars.append(hiragana)
            } else if let usual = variantKanji[scalar] {
                scalars.append(usual)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars).lowercased()
    }

    /// NFKC without format characters, variation selectors, spaces and punctuation.
    static func compact(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.precomposedStringWithCompatibilityMapping.unicodeScalars where !isIgnorable(scalar) {
            scalars.append(scalar)
        }
        // Dakuten left apart by the removal of something between them combine again.
        return String(scalars).precomposedStringWithCompatibilityMapping
    }

    static func isIgnorable(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .control,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            // Keep what dates are written with: 1972-01-01, 1972/1/1, S47.1.1.
            return !(s == "-" || s == "/" || s == ".")
        case .nonspacingMark, .enclosingMark:
            // Variation selectors and the combining grapheme joiner; not the dakuten.
            return (0xFE00...0xFE0F).contains(s.value) || (0xE0100...0xE01EF).contains(s.value) || s.value == 0x034F
        default:
            return s.properties.isDefaultIgnorableCodePoint && s.value != 0x3164
        }
    }

    /// Katakana letters that have a hiragana twin 0x60 below (ァ to ヶ).
    static func isKatakana(_ s: Unicode.Scalar) -> Bool { (0x30A1...0x30F6).contains(s.value) }
    static func isKana(_ s: Unicode.Scalar) -> Bool {
        (0x3041...0x3096).contains(s.value) || isKatakana(s) || s.value == 0x30FC
    }

    /// Common variant forms of kanji in family names, folded to the usual form.
    static let variantKanji: [Unicode.Scalar: Unicode.Scalar] = [
        "髙": "高", "﨑": "崎", "嵜": "崎", "邊": "辺", "邉": "辺", "澤": "沢", "齋": "斎", "齊": "斎", "斉": "斎",
        "濱": "浜", "廣": "広", "國": "国", "櫻": "桜", "眞": "真", "德": "徳", "惠": "恵", "冨": "富", "籠": "篭",
        "嶋": "島", "嶌": "島", "峯": "峰", "藪": "薮", "瀨": "瀬", "淵": "渕", "曾": "曽", "條": "条",
    ]

    // MARK: names

    /// The forms a person's name can be matched in: the whole name and each of its
    /// parts (family and given name), in kanji and in kana, normalised.
    static func nameFragments(_ person: PersonIdentity) -> [String] {
        var fragments: Set<String> = []
        for written in [person.name, person.kana].compactMap({ $0 }) {
            fragments.insert(normalised(written))
            for part in written.split(whereSeparator: { $0.isWhitespace || $0 == "・" || $0 == "," || $0 == "、" }) {
                fragments.insert(normalised(String(part)))
            }
        }
        return fragments.filter { !$0.isEmpty }.sorted()
    }

    /// A name of two or more characters is found anywhere; one written in two kana only
    /// (ゆい) when it stands as a whole word in katakana, as a name in a summary would,
    /// since two hiragana occur in every Japanese sentence. A one-kanji name (清) only
    /// where it stands alone (between brackets, spaces or the text's ends) or before an
    /// honorific (清さん): inside a word (清掃) or before kana (実は) it is no name.
    static func matches(_ fragment: String, in folded: String, katakanaRuns: Set<String>, words: String) -> Bool {
        let count = fragment.unicodeScalars.count
        if count == 1 { return standsAlone(fragment, in: words) }
        if fragment.unicodeScalars.allSatisfy(isKana), count == 2 {
            return katakanaRuns.contains { normalised($0) == fragment }
        }
        return folded.contains(fragment)
    }

    static let honorifics = ["さん", "様", "さま", "くん", "君", "ちゃん", "氏", "殿"]

    static func standsAlone(_ fragment: String, in words: String) -> Bool {
        guard let scalar = fragment.unicodeScalars.first, scalar.properties.isIdeographic else { return false }
        let chars = Array(words.unicodeScalars)
        for (i, c) in chars.enumerated() where normalised(String(c)) == fragment {
            let before = i > 0 ? chars[i - 1] : nil
            let afterText = String(String.UnicodeScalarView(chars[(i + 1)...]))
            if before.map({ $0.properties.isIdeographic || isKana($0) }) == true { continue }
            if honorifics.contains(where: afterText.hasPrefix) { return true }
            let after = chars.indices.contains(i + 1) ? chars[i + 1] : nil
            let afterIsWord = after.map { $0.properties.isIdeographic || isKana($0) } ?? false
            if !afterIsWord { return true }
        }
        return false
    }

    static func runs(of text: String, where belongs: (Unicode.Scalar) -> Bool) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if belongs(scalar) || (scalar.value == 0x30FC && !current.isEmpty) {
                current.append(scalar)
            } else if !current.isEmpty {
                result.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { result.append(String(current)) }
        return result
    }

    // MARK: birth dates

    /// A date as people write it: 1972-01-01, 1972/1/1, 1972.1.1, 1972年1月1日, 19720101,
    /// 昭和47年1月1日, 昭47.1.1, S47/1/1 (all lower-cased, as the text is).
    static func dateForms(_ date: LocalDate) -> [String] {
        let months = Set([String(date.month), String(format: "%02d", date.month)])
        let days = Set([String(date.day), String(format: "%02d", date.day)])
        var years = [String(date.year)]
        let (era, letter, initial, eraYear) = japaneseEra(of: date)
        for y in Set([String(eraYear), String(format: "%02d", eraYear)] + (eraYear == 1 ? ["元"] : [])) {
            years += [era + y, initial + y, letter + y]
        }
        var forms: [String] = [String(format: "%04d%02d%02d", date.year, date.month, date.day)]
        for year in years {
            for m in months {
                for d in days {
                    forms += ["\(year)-\(m)-\(d)", "\(year)/\(m)/\(d)", "\(year).\(m).\(d)", "\(year)年\(m)月\(d)日"]
                }
            }
        }
        return forms
    }

    /// The era (name, Latin initial, kanji initial) and year of a date, 明治 to 令和.
    static func japaneseEra(of date: LocalDate) -> (String, String, String, Int) {
        let d = (date.year, date.month, date.day)
        if d >= (2019, 5, 1) { return ("令和", "r", "令", date.year - 2018) }
        if d >= (1989, 1, 8) { return ("平成", "h", "平", date.year - 1988) }
        if d >= (1926, 12, 25) { return ("昭和", "s", "昭", date.year - 1925) }
        if d >= (1912, 7, 30) { return ("大正", "t", "大", date.year - 1911) }
        return ("明治", "m", "明", date.year - 1867)
    }

    /// `pattern` occurs in `text` with no digit right before or after it (1972/1/1 is
    /// not in 1972/1/10).
    static func containsNumber(_ pattern: String, in text: String) -> Bool {
        var search = text.startIndex..<text.endIndex
        while let found = text.range(of: pattern, range: search) {
            let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
            let after = found.upperBound == text.endIndex ? nil : text[found.upperBound]
            if !(before?.isASCII == true && before?.isNumber == true), !(after?.isASCII == true && after?.isNumber == true) {
                return true
            }
            search = text.index(after: found.lowerBound)..<text.endIndex
        }
        return false
    }

    // MARK: places

    /// Words that say a place is someone's home.
    static let homeWords = ["様宅", "さま宅", "さん宅", "氏宅", "くん宅", "ちゃん宅", "お宅", "自宅", "宅訪問", "家庭訪問", "世帯宅", "本人宅"]
        .map { normalised($0) }

    /// The address whole, and from the town on (without the prefecture and city), so
    /// that `中央2-3-4` is found as well as `みなみ野市中央2-3-4`.
    static func addressParts(_ address: String) -> [String] {
        let whole = normalised(address)
        guard whole.count >= 4 else { return [] }
        var parts = [whole]
        for marker in ["市", "区", "町", "村", "郡"] {
            if let range = whole.range(of: marker, options: .backwards) {
                let rest = String(whole[range.upperBound...])
                if rest.count >= 4 { parts.append(rest) }
            }
        }
        return parts
    }

    /// 2丁目, 3番地, 3番4号, 2-3-4: the marks of a street address.
    static func looksLikeAddress(_ folded: String) -> Bool {
        let patterns = [#"[0-9〇一二三四五六七八九十]+丁目"#, #"[0-9]+番地"#, #"[0-9]+番[0-9]+号"#, #"[0-9]+-[0-9]+-[0-9]+"#]
        return patterns.contains { folded.range(of: $0, options: .regularExpression) != nil }
    }
}
