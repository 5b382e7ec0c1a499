import KasaneCore
import Testing

@Suite("Texts that travel name no household member, however written")
struct IdentifyingTextTests {
    let principal = PersonIdentity(
        name: "南野 浩二", kana: "みなみの こうじ", birthDate: LocalDate("1972-08-20"), address: "みなみ野市中央2-3-4")
    let father = PersonIdentity(name: "南野 清", kana: "みなみの きよし", birthDate: LocalDate("1942-03-05"))
    var household: [PersonIdentity] { [principal, father] }

    func refused(_ text: String, checksPlace: Bool = false) -> IdentifyingText.Finding? {
        IdentifyingText.finding(in: text, against: household, checksPlace: checksPlace)
    }

    @Test("A name is caught in kanji, katakana, half-width katakana, with spaces or invisible characters inside")
    func names() {
        #expect(refused("本人（南野）") == .name)
        #expect(refused("本人 ミナミノ") == .name)
        #expect(refused("本人 ﾐﾅﾐﾉ") == .name)
        #expect(refused("本人 み な み の") == .name)
        #expect(refused("本人 南\u{200B}野") == .name)
        #expect(refused("本人 南\u{2060}野") == .name)
        #expect(refused("本人 南\u{00AD}野") == .name)
        #expect(refused("本人 南・野") == .name)
        #expect(refused("本人 南　野") == .name)
        #expect(refused("本人 ＭＩＮＡＭＩＮＯ") == nil, "romaji is not compared")
    }

    @Test("A given name alone, of the principal or of another member, is caught")
    func givenNames() {
        #expect(refused("本人 浩二") == .name)
        #expect(refused("父（清）80代") == .name)
        #expect(refused("父 キヨシ") == .name)
        #expect(refused("父 ｷﾖｼ") == .name)
        #expect(refused("息子のコウジさんは就労経験あり") == .name)
        #expect(refused("清さんと同居") == .name)
        #expect(refused("父 清 80代") == .name)
        #expect(refused("清掃の支援が必要") == nil, "a one-kanji name inside a word is no name")
        #expect(refused("実家に戻った") == nil)
    }

    @Test("A birth date is caught in the common written forms, 西暦 and 和暦")
    func birthDates() {
        for text in ["本人 1972-08-20生", "1972/8/20", "1972年8月20日生まれ", "１９７２年８月２０日", "昭和47年8月20日", "S47.8.20",
                     "昭47.8.20", "19720820", "父 S17.3.5", "父 昭和17年3月5日"]
        {
            #expect(refused(text) == .birthDate, "\(text)")
        }
        #expect(refused("1972/8/201") == nil)
        #expect(refused("2026年8月20日に相談") == nil)
    }

    @Test("Ordinary labels and summaries pass")
    func allowed() {
        for text in ["本人 50代男性", "父 80代", "8050世帯。父の介護と本人のひきこもり。", "母子世帯、家計の相談", "ダブルケア（こども家庭センター紹介）"] {
            #expect(refused(text) == nil, "\(text)")
        }
    }

    @Test("A place that is a household's home or address is caught; a room passes")
    func places() {
        #expect(refused("南野様宅", checksPlace: true) == .name)
        #expect(refused("中央2-3-4", checksPlace: true) == .address)
        #expect(refused("みなみ野市中央２－３－４", checksPlace: true) == .address)
        #expect(refused("田中様宅", checksPlace: true) == .home)
        #expect(refused("本人の自宅", checksPlace: true) == .home)
        #expect(refused("北町3丁目12番地", checksPlace: true) == .address)
        #expect(refused("市役所本庁舎 3階 第2会議室", checksPlace: true) == nil)
        #expect(refused("オンライン（Teams）", checksPlace: true) == nil)
        #expect(refused("居宅介護支援事業所 相談室", checksPlace: true) == nil)
    }

    @Test("The refusal names the field and says what to write instead")
    func message() {
        #expect {
            try IdentifyingText.check("本人 ミナミノ", field: "label", label: "表示ラベル", against: household)
        } throws: { error in
            guard case .invalid(let field, let message) = error as? KasaneError else { return false }
            return field == "label" && message.contains("氏名") && message.contains("本人 50代男性")
        }
        #expect(throws: Never.self) {
            try IdentifyingText.check("本人 50代男性", field: "label", label: "表示ラベル", against: household)
        }
    }
}
