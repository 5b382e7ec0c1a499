import KasaneCore
import KasaneSQLite

/// About twenty fictional cases of みなみ野市: the 8050 household, ダブルケア,
/// ひきこもり, debt and illness, isolation; with consent, without, withdrawn, expired.
enum DemoCases {
    struct Person {
        let relation: String
        let name: String
        let kana: String
        let born: String
        let sex: String
        let address: String
        let notes: String?
    }

    enum ConsentSpec {
        case none
        case agencies([String], given: String, expires: String?)
        case all(given: String, expires: String?)
        case withdrawn([String], given: String, withdrawn: String, reason: String)
    }

    struct Spec {
        let received: String
        let district: String
        let fields: [Field]
        let referring: String?
        let lead: String?
        let involved: [String]
        let status: CaseStatus
        let summary: String
        let household: [Person]
        let consent: ConsentSpec
        /// Agency code → staff e-mail assigned to the case.
        let assignments: [(String, String)]
    }

    static let mail = "@minamino.example.jp"
    /// The day the dates below were written for; the demo shifts them to the day it is made.
    static let writtenOn = LocalDate(year: 2026, month: 11, day: 24) ?? LocalDate.today()

    /// The first case is the demo's 8050 household.
    static let specs: [Spec] = [
        Spec(
            received: "2026-05-12", district: "N", fields: [.care, .withdrawal, .mentalHealth, .poverty],
            referring: "HK-N", lead: "CSW", involved: ["HK-N", "HIKI"], status: .planning,
            summary: "8050世帯：要介護の父と長期ひきこもりの子、年金のみで生計",
            household: [
                Person(relation: "父", name: "南野 一郎", kana: "みなみの いちろう", born: "1942-03-05", sex: "男性",
                       address: "みなみ野市北町一丁目2番3号", notes: "要介護2。通所介護を週2回利用。"),
                Person(relation: "本人", name: "南野 浩二", kana: "みなみの こうじ", born: "1972-08-20", sex: "男性",
                       address: "みなみ野市北町一丁目2番3号", notes: "20年以上ほぼ外出なし。精神科受診歴あり（中断）。"),
            ],
            consent: .agencies(["CSW", "KYS", "HK-N", "HIKI", "JIRITSU"], given: "2026-07-01", expires: "2027-06-30"),
            assignments: [("HIKI", "arai.shota"), ("HK-N", "kitamura.naoko"), ("CSW", "aizawa.misaki")]),
        Spec(
            received: "2026-06-03", district: "C", fields: [.care, .childcare],
            referring: "RIYOSHA", lead: "CSW", involved: ["HK-C"], status: .supporting,
            summary: "ダブルケア：母の介護と乳幼児の子育てを一人で担う",
            household: [
                Person(relation: "本人", name: "東條 彩", kana: "とうじょう あや", born: "1990-11-02", sex: "女性",
                       address: "みなみ野市中央三丁目4番5号", notes: "育休明けで復職予定。"),
                Person(relation: "母", name: "東條 恵子", kana: "とうじょう けいこ", born: "1955-01-17", sex: "女性",
                       address: "みなみ野市中央三丁目4番5号", notes: "脳梗塞後遺症。"),
                Person(relation: "長男", name: "東條 蓮", kana: "とうじょう れん", born: "2023-09-09", sex: "男性",
                       address: "みなみ野市中央三丁目4番5号", notes: nil),
            ],
            consent: .all(given: "2026-06-20", expires: nil), assignments: []),
        Spec(
            received: "2026-04-18", district: "S", fields: [.debtLegal, .mentalHealth, .poverty],
            referring: "JIRITSU", lead: "JIRITSU", involved: [], status: .supporting,
            summary: "多重債務と精神疾患、就労困難",
            household: [
                Person(relation: "本人", name: "西田 修", kana: "にしだ おさむ", born: "1981-06-30", sex: "男性",
                       address: "みなみ野市南台二丁目8番1号", notes: "うつ病で通院中。消費者金融3社。"),
            ],
            consent: .agencies(["CSW", "KYS", "JIRITSU", "HOTERASU", "HOKEN"], given: "2026-05-01", expires: "2027-04-30"),
            assignments: []),
        Spec(
            received: "2026-07-22", district: "E", fields: [.care, .community],
            referring: "HK-E", lead: "HK-E", involved: [], status: .assessment,
            summary: "社会的孤立：独居高齢者、支援を拒否",
            household: [
                Person(relation: "本人", name: "東山 ハナ", kana: "ひがしやま はな", born: "1944-04-04", sex: "女性",
                       address: "みなみ野市東原五丁目6番7号", notes: "訪問を拒否。近隣から安否の心配。"),
            ],
            consent: .none, assignments: []),
        Spec(
            received: "2026-08-05", district: "W", fields: [.domesticViolence, .childcare],
            referring: "KODOMO", lead: "KODOMO", involved: ["DV"], status: .supporting,
            summary: "DV被害と子育て、同意を撤回",
            household: [
                Person(relation: "本人", name: "北原 真理", kana: "きたはら まり", born: "1994-02-14", sex: "女性",
                       address: "みなみ野市西浜一丁目1番1号", notes: "住所は非開示扱い。"),
                Person(relation: "長女", name: "北原 陽菜", kana: "きたはら ひな", born: "2019-07-01", sex: "女性",
                       address: "みなみ野市西浜一丁目1番1号", notes: nil),
            ],
            consent: .withdrawn(["CSW", "KYS", "KODOMO", "DV"], given: "2026-08-10", withdrawn: "2026-10-02",
                                reason: "本人の申し出（情報共有の範囲に不安）"),
            assignments: []),
        Spec(
            received: "2026-09-14", district: "N", fields: [.withdrawal, .employment],
            referring: "HIKI", lead: "HIKI", involved: ["SAPOSTE"], status: .planning,
            summary: "若年のひきこもり、就労への関心あり",
            household: [
                Person(relation: "本人", name: "中島 悠斗", kana: "なかじま ゆうと", born: "2004-05-21", sex: "男性",
                       address: "みなみ野市北町三丁目9番2号", notes: nil),
                Person(relation: "母", name: "中島 京子", kana: "なかじま きょうこ", born: "1970-10-10", sex: "女性",
                       address: "みなみ野市北町三丁目9番2号", notes: nil),
            ],
            consent: .all(given: "2026-09-30", expires: nil), assignments: [("HIKI", "hikita.jun")]),
        Spec(
            received: "2026-10-01", district: "C", fields: [.disability, .poverty, .housing],
            referring: "SS-1", lead: "KIKAN", involved: ["SS-1"], status: .assessment,
            summary: "知的障害のある子と高齢の母、住まいの確保が課題",
            household: [
                Person(relation: "本人", name: "中川 大輔", kana: "なかがわ だいすけ", born: "1983-12-12", sex: "男性",
                       address: "みなみ野市中央一丁目2番2号", notes: "療育手帳B。"),
                Person(relation: "母", name: "中川 節子", kana: "なかがわ せつこ", born: "1950-03-03", sex: "女性",
                       address: "みなみ野市中央一丁目2番2号", notes: nil),
            ],
            consent: .agencies(["CSW", "KYS", "KIKAN", "SS-1", "JIRITSU", "KYOJU"], given: "2026-10-15", expires: "2026-12-15"),
            assignments: []),
        Spec(
            received: "2026-10-20", district: "S", fields: [.care, .mentalHealth],
            referring: "MINSEI-S", lead: "HK-S", involved: [], status: .intake,
            summary: "認知症の母と精神疾患のある子、同意はまだ",
            household: [
                Person(relation: "母", name: "南雲 トミ", kana: "なぐも とみ", born: "1941-08-08", sex: "女性",
                       address: "みなみ野市南台四丁目3番3号", notes: nil),
                Person(relation: "本人", name: "南雲 優子", kana: "なぐも ゆうこ", born: "1975-01-25", sex: "女性",
                       address: "みなみ野市南台四丁目3番3号", notes: nil),
            ],
            consent: .none, assignments: []),
        Spec(
            received: "2025-11-05", district: "E", fields: [.poverty, .housing, .debtLegal],
            referring: "JIRITSU", lead: "JIRITSU", involved: [], status: .supporting,
            summary: "家賃滞納と債務、同意の期限切れ",
            household: [
                Person(relation: "本人", name: "東野 勝", kana: "ひがしの まさる", born: "1963-09-19", sex: "男性",
                       address: "みなみ野市東原一丁目4番4号", notes: nil),
            ],
            consent: .agencies(["CSW", "KYS", "JIRITSU", "KYOJU", "HOTERASU"], given: "2025-11-10", expires: "2026-11-09"),
            assignments: []),
        Spec(
            received: "2025-12-10", district: "W", fields: [.childcare, .education, .disability],
            referring: "KYOIKU", lead: "KODOMO", involved: ["KYOIKU"], status: .supporting,
            summary: "ヤングケアラー：障害のある母を中学生の子が支える",
            household: [
                Person(relation: "本人", name: "西村 葵", kana: "にしむら あおい", born: "2012-06-06", sex: "女性",
                       address: "みなみ野市西浜三丁目7番7号", notes: nil),
                Person(relation: "母", name: "西村 由美", kana: "にしむら ゆみ", born: "1980-02-02", sex: "女性",
                       address: "みなみ野市西浜三丁目7番7号", notes: nil),
            ],
            consent: .all(given: "2025-12-20", expires: nil), assignments: []),
        Spec(
            received: "2026-04-25", district: "N", fields: [.care, .disability],
            referring: "HK-N", lead: "HK-N", involved: ["SS-1"], status: .supporting,
            summary: "高齢夫婦と障害のある子の世帯",
            household: [
                Person(relation: "本人", name: "北沢 和夫", kana: "きたざわ かずお", born: "1948-07-07", sex: "男性",
                       address: "みなみ野市北町五丁目5番5号", notes: nil),
            ],
            consent: .all(given: "2026-05-10", expires: nil), assignments: []),
        Spec(
            received: "2026-05-30", district: "C", fields: [.mentalHealth, .childcare],
            referring: "HOKEN", lead: "KODOMO", involved: ["HOKEN"], status: .supporting,
            summary: "精神疾患のある親の子育て支援",
            household: [
                Person(relation: "本人", name: "中村 早苗", kana: "なかむら さなえ", born: "1988-04-16", sex: "女性",
                       address: "みなみ野市中央六丁目1番9号", notes: nil),
            ],
            consent: .agencies(["CSW", "KYS", "HOKEN", "KODOMO"], given: "2026-06-10", expires: nil), assignments: []),
        Spec(
            received: "2026-06-15", district: "S", fields: [.community, .care, .mentalHealth],
            referring: "MINSEI-S", lead: "HK-S", involved: [], status: .assessment,
            summary: "いわゆるごみ屋敷と近隣との摩擦、孤立",
            household: [
                Person(relation: "本人", name: "南原 清", kana: "みなみはら きよし", born: "1951-10-30", sex: "男性",
                       address: "みなみ野市南台六丁目2番8号", notes: nil),
            ],
            consent: .none, assignments: []),
        Spec(
            received: "2026-07-08", district: "E", fields: [.poverty, .employment, .childcare],
            referring: "HOGO", lead: "JIRITSU", involved: ["HW"], status: .supporting,
            summary: "外国籍のひとり親世帯、就労と子育て",
            household: [
                Person(relation: "本人", name: "サントス マリア", kana: "さんとす まりあ", born: "1992-12-01", sex: "女性",
                       address: "みなみ野市東原三丁目3番1号", notes: "通訳が必要（ポルトガル語）。"),
            ],
            consent: .all(given: "2026-07-20", expires: nil), assignments: []),
        Spec(
            received: "2026-08-19", district: "W", fields: [.debtLegal, .withdrawal],
            referring: "JIRITSU", lead: "CSW", involved: ["JIRITSU"], status: .planning,
            summary: "債務を抱えたひきこもり状態の単身者",
            household: [
                Person(relation: "本人", name: "西岡 拓也", kana: "にしおか たくや", born: "1986-03-27", sex: "男性",
                       address: "みなみ野市西浜二丁目2番2号", notes: nil),
            ],
            consent: .agencies(["CSW", "KYS", "JIRITSU", "HIKI", "HOTERASU"], given: "2026-09-01", expires: nil),
            assignments: []),
        Spec(
            received: "2026-09-02", district: "N", fields: [.disability, .employment],
            referring: "SS-1", lead: "SS-1", involved: ["HW"], status: .evaluation,
            summary: "障害のある若者の就労定着",
            household: [
                Person(relation: "本人", name: "北野 翼", kana: "きたの つばさ", born: "2001-01-11", sex: "男性",
                       address: "みなみ野市北町二丁目6番6号", notes: nil),
            ],
            consent: .all(given: "2026-09-10", expires: nil), assignments: []),
        Spec(
            received: "2026-09-28", district: "C", fields: [.domesticViolence, .housing],
            referring: "DV", lead: "DV", involved: [], status: .intake,
            summary: "DVからの避難、住まいの確保が急務",
            household: [
                Person(relation: "本人", name: "中園 里美", kana: "なかぞの さとみ", born: "1985-05-05", sex: "女性",
                       address: "（非開示）", notes: "緊急性あり。"),
            ],
            consent: .none, assignments: []),
        Spec(
            received: "2026-10-12", district: "S", fields: [.education, .poverty, .childcare],
            referring: "KYOIKU", lead: "JIRITSU", involved: ["KYOIKU"], status: .assessment,
            summary: "不登校と世帯の経済的困窮",
            household: [
                Person(relation: "本人", name: "南条 健太", kana: "なんじょう けんた", born: "2011-08-15", sex: "男性",
                       address: "みなみ野市南台一丁目1番5号", notes: nil),
                Person(relation: "父", name: "南条 浩", kana: "なんじょう ひろし", born: "1979-11-11", sex: "男性",
                       address: "みなみ野市南台一丁目1番5号", notes: nil),
            ],
            consent: .all(given: "2026-10-25", expires: nil), assignments: []),
        Spec(
            received: "2026-11-05", district: "E", fields: [.care, .disability, .withdrawal],
            referring: "HK-E", lead: "CSW", involved: ["HK-E"], status: .intake,
            summary: "高齢の親と障害・ひきこもりの子の世帯",
            household: [
                Person(relation: "母", name: "東 静江", kana: "あずま しずえ", born: "1946-02-28", sex: "女性",
                       address: "みなみ野市東原七丁目7番7号", notes: nil),
                Person(relation: "本人", name: "東 正樹", kana: "あずま まさき", born: "1976-06-18", sex: "男性",
                       address: "みなみ野市東原七丁目7番7号", notes: nil),
            ],
            consent: .agencies(["CSW", "KYS", "HK-E", "SS-2"], given: "2026-11-10", expires: nil), assignments: []),
        Spec(
            received: "2025-06-01", district: "W", fields: [.poverty, .employment],
            referring: "HOGO", lead: "JIRITSU", involved: ["HW"], status: .terminated,
            summary: "就労による自立で終結（つなぎ戻し）",
            household: [
                Person(relation: "本人", name: "西川 学", kana: "にしかわ まなぶ", born: "1990-09-09", sex: "男性",
                       address: "みなみ野市西浜四丁目4番4号", notes: nil),
            ],
            consent: .all(given: "2025-06-15", expires: "2026-06-14"), assignments: []),
    ]
}
