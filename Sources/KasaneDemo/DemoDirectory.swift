/// The directory of みなみ野市, a fictional mid-size city modelled on the municipal
/// plans in shared/seeds. Every name and address is invented. Kept as CSV so the demo
/// goes through the same importer as a city's own files.
enum DemoDirectory {
    static let districts: [(String, String)] = [
        ("N", "北部圏域"), ("C", "中部圏域"), ("S", "南部圏域"), ("E", "東部圏域"), ("W", "西部圏域"),
    ]

    static let agenciesCSV = """
        機関コード,機関名,種別,分野,地区,運営,所管課,既定の連絡先
        CSW,みなみ野市社会福祉協議会（多機関協働事業）,社会福祉協議会 CSW,地域,,委託,地域共生課,aizawa.misaki@minamino.example.jp
        KYS,地域共生課 重層的支援推進係,市役所（事務局）,地域,,直営,地域共生課,sasaki.yoko@minamino.example.jp
        HK-N,北部地域包括支援センター,地域包括支援センター,介護・高齢,N,委託,高齢者支援課,kitamura.naoko@minamino.example.jp
        HK-C,中部地域包括支援センター,地域包括支援センター,介護・高齢,C,委託,高齢者支援課,nakai.takeshi@minamino.example.jp
        HK-S,南部地域包括支援センター,地域包括支援センター,介護・高齢,S,委託,高齢者支援課,minami.kaori@minamino.example.jp
        HK-E,東部地域包括支援センター,地域包括支援センター,介護・高齢,E,委託,高齢者支援課,higashi.ryo@minamino.example.jp
        HK-W,西部地域包括支援センター,地域包括支援センター,介護・高齢,W,委託,高齢者支援課,nishi.eri@minamino.example.jp
        KIKAN,みなみ野市基幹相談支援センター,基幹相談支援センター,障害,,委託,障害者支援課,kikuchi.yuta@minamino.example.jp
        SS-1,相談支援事業所ひまわり,障害者相談支援事業所,障害,N;C,委託,障害者支援課,himura.aya@minamino.example.jp
        SS-2,相談支援事業所あおぞら,障害者相談支援事業所,障害,S;E;W,委託,障害者支援課,aoki.shun@minamino.example.jp
        KODOMO,こども家庭センター,こども家庭センター,子ども・子育て,,直営,こども家庭課,kodama.mai@minamino.example.jp
        RIYOSHA,子育て世代包括支援センター（利用者支援事業）,利用者支援事業,子ども・子育て,,委託,こども家庭課,tanaka.rie@minamino.example.jp
        JIRITSU,生活サポートセンターみなみ野,自立相談支援機関,生活困窮;就労;住まい,,委託,生活福祉課,jinno.kazuya@minamino.example.jp
        HOGO,生活福祉課 保護係,生活保護担当,生活困窮,,直営,生活福祉課,hoshino.ken@minamino.example.jp
        HOKEN,保健センター（精神保健）,保健センター,精神保健,,直営,健康増進課,hosaka.yuki@minamino.example.jp
        HIKI,ひきこもり地域支援センター,ひきこもり地域支援センター,ひきこもり,,委託,障害者支援課,hikita.jun@minamino.example.jp
        MINSEI-N,北部地区民生委員・児童委員協議会,民生委員・児童委員,地域,N,委託,地域福祉課,kitagawa.shigeru@minamino.example.jp
        MINSEI-S,南部地区民生委員・児童委員協議会,民生委員・児童委員,地域,S,委託,地域福祉課,minamida.fumiko@minamino.example.jp
        KYOIKU,教育委員会 教育相談センター,教育委員会・学校,教育,,直営,教育支援課,kyoda.saori@minamino.example.jp
        DV,女性相談支援センター,DV相談,DV,,直営,男女共同参画課,dobashi.akiko@minamino.example.jp
        HOTERASU,法テラスみなみ野（連携弁護士）,法テラス・弁護士,債務・法律,,委託,地域共生課,horie.satoshi@minamino.example.jp
        HW,ハローワークみなみ野 連携窓口,ハローワーク,就労,,委託,商工労働課,hamada.koji@minamino.example.jp
        SAPOSTE,みなみ野地域若者サポートステーション,地域若者サポートステーション,就労;ひきこもり,,委託,商工労働課,sakai.nanami@minamino.example.jp
        KYOJU,居住支援法人すまいるサポート,居住支援法人,住まい,,委託,住宅政策課,sumida.ken@minamino.example.jp
        """

    static let staffCSV = """
        機関コード,氏名,メール,役割,守秘義務確認日,有効
        CSW,相沢 美咲,aizawa.misaki@minamino.example.jp,多機関協働;構成員,2026-04-01,有効
        CSW,大野 健一,ono.kenichi@minamino.example.jp,多機関協働;構成員,2026-04-01,有効
        KYS,佐々木 陽子,sasaki.yoko@minamino.example.jp,事務局,2026-04-01,有効
        KYS,井上 誠,inoue.makoto@minamino.example.jp,管理者,2026-04-01,有効
        HK-N,北村 直子,kitamura.naoko@minamino.example.jp,構成員,2026-04-01,有効
        HK-C,中井 武,nakai.takeshi@minamino.example.jp,構成員,2026-04-01,有効
        HK-S,南 香織,minami.kaori@minamino.example.jp,構成員,2026-04-01,有効
        HK-E,東 亮,higashi.ryo@minamino.example.jp,構成員,2026-04-01,有効
        HK-W,西 絵里,nishi.eri@minamino.example.jp,構成員,2026-04-01,有効
        KIKAN,菊池 雄太,kikuchi.yuta@minamino.example.jp,構成員,2026-04-01,有効
        SS-1,氷村 彩,himura.aya@minamino.example.jp,構成員,2026-04-01,有効
        SS-2,青木 駿,aoki.shun@minamino.example.jp,構成員,2026-04-01,有効
        KODOMO,児玉 舞,kodama.mai@minamino.example.jp,構成員,2026-04-01,有効
        RIYOSHA,田中 理恵,tanaka.rie@minamino.example.jp,構成員,2026-04-01,有効
        JIRITSU,神野 和也,jinno.kazuya@minamino.example.jp,構成員,2026-04-01,有効
        HOGO,星野 健,hoshino.ken@minamino.example.jp,構成員,2026-04-01,有効
        HOKEN,保坂 由紀,hosaka.yuki@minamino.example.jp,構成員,2026-04-01,有効
        HIKI,疋田 潤,hikita.jun@minamino.example.jp,構成員,2026-04-01,有効
        HIKI,新井 翔太,arai.shota@minamino.example.jp,構成員,,有効
        MINSEI-N,北川 茂,kitagawa.shigeru@minamino.example.jp,構成員,2026-05-10,有効
        MINSEI-S,南田 文子,minamida.fumiko@minamino.example.jp,構成員,,有効
        KYOIKU,京田 沙織,kyoda.saori@minamino.example.jp,構成員,2026-04-01,有効
        DV,土橋 明子,dobashi.akiko@minamino.example.jp,構成員,2026-04-01,有効
        HOTERASU,堀江 聡,horie.satoshi@minamino.example.jp,構成員,2026-04-01,有効
        HW,浜田 浩二,hamada.koji@minamino.example.jp,構成員,2026-04-01,有効
        SAPOSTE,酒井 七海,sakai.nanami@minamino.example.jp,構成員,2026-04-01,有効
        KYOJU,住田 健,sumida.ken@minamino.example.jp,構成員,2026-04-01,有効
        JIRITSU,旧井 退蔵,kyui.taizo@minamino.example.jp,構成員,2025-04-01,無効
        """
}
