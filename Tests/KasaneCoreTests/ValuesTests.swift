import KasaneCore
import Testing

@Suite("Dates, codes, consent and labels")
struct ValuesTests {
    @Test("Dates parse strictly and fiscal years start on 1 April")
    func dates() {
        #expect(LocalDate("2026-02-30") == nil)
        #expect(LocalDate("2024-02-29") != nil)
        #expect(LocalDate("2026-13-01") == nil)
        #expect(LocalDate("26-1-1") == nil)
        #expect(LocalDate("2026-03-31")!.fiscalYear() == 2025)
        #expect(LocalDate("2026-04-01")!.fiscalYear() == 2026)
        #expect(JapaneseEra.fiscalYearName(2026) == "令和8年度")
        #expect(JapaneseEra.fiscalYearName(2019) == "令和元年度")
        #expect(CaseCode(fiscalYear: 2026, number: 14).description == "K-2026-014")
        #expect(CaseCode("K-2026-014") == CaseCode(fiscalYear: 2026, number: 14))
        #expect(CaseCode("X-2026-014") == nil)
    }

    @Test("A consent is valid from its date until it expires or is withdrawn")
    func consentStates() {
        let c = SmallCity.consent(.agencies([3]), given: "2026-06-01", expires: "2026-12-31")
        #expect(c.state(on: LocalDate("2026-05-31")!) == .notYetGiven)
        #expect(c.state(on: LocalDate("2026-06-01")!) == .valid)
        #expect(c.state(on: LocalDate("2026-12-31")!) == .valid)
        #expect(c.state(on: LocalDate("2027-01-01")!) == .expired)
        let w = SmallCity.consent(.allMeetingMembers, withdrawn: "2026-10-01")
        #expect(w.state(on: LocalDate("2026-09-30")!) == .valid)
        #expect(w.state(on: LocalDate("2026-10-01")!) == .withdrawn)
        #expect(c.covers(agency: 3) && !c.covers(agency: 4))
        #expect(w.covers(agency: 99))
    }

    @Test("Closures: the New Year across the year end, and one-off days")
    func closures() {
        var s = MunicipalitySettings()
        #expect(s.isClosure(LocalDate("2026-12-29")!))
        #expect(s.isClosure(LocalDate("2027-01-03")!))
        #expect(!s.isClosure(LocalDate("2027-01-04")!))
        #expect(!s.isClosure(LocalDate("2026-12-28")!))
        s.closureDates = [LocalDate("2026-08-14")!]
        #expect(s.isClosure(LocalDate("2026-08-14")!))
        #expect((try? s.validated()) != nil)
        s.officeCloses = TimeOfDay("08:00")!
        #expect(throws: KasaneError.self) { try s.validated() }
    }

    @Test("Labels name no one: built from age and sex, and a label with the name is refused")
    func labels() throws {
        let input = HouseholdMemberInput(
            relation: "本人", name: "南野 浩二", kana: "みなみの こうじ", birthDate: LocalDate("1972-08-20"), sex: "男性")
        let (member, personal) = try input.validated(caseId: 1, memberId: nil, today: LocalDate("2026-11-23")!, others: [])
        #expect(member.label == "本人 50代男性")
        #expect(member.isPrincipal)
        #expect(personal.name == "南野 浩二")
        var named = input
        named.label = "本人（南野）"
        #expect { try named.validated(caseId: 1, memberId: nil, today: LocalDate("2026-11-23")!, others: []) } throws: {
            ($0 as? KasaneError)?.field == "label"
        }
        var future = input
        future.birthDate = LocalDate("2030-01-01")
        #expect(throws: KasaneError.self) { try future.validated(caseId: 1, memberId: nil, today: LocalDate("2026-11-23")!, others: []) }
    }

    @Test("Form checks refuse empty, too long and malformed values")
    func validate() {
        #expect(throws: KasaneError.self) { try Validate.text("  ", field: "name", label: "氏名") }
        #expect(throws: KasaneError.self) { try Validate.text(String(repeating: "あ", count: 201), field: "name", label: "氏名") }
        #expect(throws: KasaneError.self) { try Validate.email("a@b") }
        #expect(throws: KasaneError.self) { try Validate.email("a b@c.jp") }
        #expect(throws: KasaneError.self) { try Validate.code("北部", field: "code", label: "コード") }
        #expect((try? Validate.email(" A@B.jp ")) == "a@b.jp")
    }

    @Test("Access: administrators do not read cases; members only cases of their agency")
    func access() {
        let c = SmallCity.eightyFifty()
        let city = SmallCity()
        let admin = Staff(id: 50, agencyId: 2, name: "管理", email: "ad@x.jp", roles: [.administrator])
        #expect(!Access.mayRead(case: c, .staff(admin)))
        #expect(Access.mayRead(case: c, .staff(city.staff[2])))   // 北部包括, involved
        #expect(!Access.mayRead(case: c, .staff(city.staff[3])))  // 南部包括, not involved
        #expect(Access.mayRead(case: c, .staff(city.staff[1])))   // secretariat
        #expect(!Access.mayReadPersonalData(of: c, .staff(city.staff[1])))
        #expect(Access.mayReadPersonalData(of: c, .staff(city.staff[0])))
        #expect(throws: KasaneError.self) { try Access.require(.registerCases, .staff(admin)) }
        #expect(throws: KasaneError.self) { try Access.require(.manageDirectory, .staff(city.staff[0])) }
        #expect(throws: Never.self) { try Access.require(.manageDirectory, .staff(admin)) }
    }
}
