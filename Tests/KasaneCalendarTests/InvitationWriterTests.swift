import Foundation
import KasaneCalendar
import KasaneCore
import Testing

@Suite("Invitations written through libical")
struct InvitationWriterTests {
    let now = Date(timeIntervalSince1970: 1_795_400_000)

    func lines(_ text: String) -> [Substring] { text.split(separator: "\r\n", omittingEmptySubsequences: false) }

    /// Unfolds content lines (RFC 5545 3.1).
    func unfolded(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
    }

    @Test("A REQUEST has METHOD, UID, SEQUENCE, DTSTAMP in UTC, ORGANIZER, attendees with CN, ROLE, PARTSTAT and RSVP")
    func request() throws {
        let text = ICalendarWriter.message(Sample.invitation(sequence: 2), method: .request, now: now)
        let u = unfolded(text)
        #expect(u.contains("METHOD:REQUEST"))
        #expect(u.contains("UID:0f6c6a4e-1111-4c3e-9d7a-3e2b1c0d9e8f@kasane"))
        #expect(u.contains("SEQUENCE:2"))
        #expect(u.contains { $0.hasPrefix("DTSTAMP:") && $0.hasSuffix("Z") })
        #expect(u.contains("DTSTART;TZID=Asia/Tokyo:20261203T100000"))
        #expect(u.contains("DTEND;TZID=Asia/Tokyo:20261203T113000"))
        #expect(u.contains("ORGANIZER;CN=相沢 美咲:mailto:aizawa.misaki@minamino.example.jp"))
        #expect(u.contains("ATTENDEE;CN=北村 直子;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:kitamura.naoko@minamino.example.jp"))
        #expect(u.contains { $0.contains("ROLE=CHAIR") })
        #expect(u.contains { $0.contains("ROLE=OPT-PARTICIPANT") })
        #expect(u.contains { $0.contains("ROLE=NON-PARTICIPANT") })
        #expect(u.contains("CLASS:CONFIDENTIAL"))
        #expect(u.contains("STATUS:CONFIRMED"))
        #expect(u.contains("SUMMARY:まるごと支援会議（重層的支援会議） 第3回"))
        #expect(u.contains { $0.hasPrefix("DESCRIPTION:") && $0.contains("K-2026-001") && $0.contains("https://kasane.example.jp/meetings/12") })
    }

    @Test("The VTIMEZONE is exactly Asia/Tokyo at +09:00, with no vendor prefix and no daylight saving")
    func timezone() {
        let text = ICalendarWriter.message(Sample.invitation(), method: .request, now: now)
        #expect(text.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo\r\n"))
        #expect(!text.contains("freeassociation"))
        #expect(!text.contains("DAYLIGHT"))
        #expect(text.contains("TZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900"))
    }

    @Test("CRLF line ends, lines of at most 75 octets, no UTF-8 character split, text escaped")
    func lineForm() throws {
        let long = String(repeating: "社会福祉協議会, 地域包括支援センター; ", count: 6)
        let text = ICalendarWriter.message(Sample.invitation(place: long), method: .request, now: now)
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        for line in lines(text) {
            #expect(line.utf8.count <= 75, "\(line)")
            #expect(String(bytes: Array(line.utf8), encoding: .utf8) != nil)
        }
        // Folding at 75 octets must not have cut a character in two.
        for line in text.data(using: .utf8)!.split(separator: 0x0A) {
            #expect(String(data: Data(line), encoding: .utf8) != nil)
        }
        #expect(unfolded(text).contains { $0.hasPrefix("LOCATION:") && $0.contains("社会福祉協議会\\, ") && $0.contains("センター\\; ") })
        #expect(unfolded(text).contains { $0.hasPrefix("DESCRIPTION:【議題】\\n1. 10:00") })
    }

    @Test("A CANCEL keeps the UID, says STATUS:CANCELLED and carries the higher SEQUENCE")
    func cancel() {
        let text = ICalendarWriter.message(Sample.invitation(sequence: 4), method: .cancel, now: now)
        let u = unfolded(text)
        #expect(u.contains("METHOD:CANCEL"))
        #expect(u.contains("STATUS:CANCELLED"))
        #expect(u.contains("SEQUENCE:4"))
        #expect(u.contains("UID:0f6c6a4e-1111-4c3e-9d7a-3e2b1c0d9e8f@kasane"))
    }

    @Test("An uninvitation (one attendee taken off) carries no STATUS (RFC 5546 3.2.5); a whole cancellation keeps STATUS:CANCELLED")
    func uninvitation() throws {
        var one = Sample.invitation(sequence: 5)
        one.attendees = [InvitedParty(name: "北村 直子", email: "kitamura.naoko@minamino.example.jp", role: .required, response: .needsAction)]
        one.uninvited = true
        let u = unfolded(ICalendarWriter.message(one, method: .cancel, now: now))
        #expect(u.contains("METHOD:CANCEL") && u.contains("SEQUENCE:5"))
        #expect(!u.contains { $0.hasPrefix("STATUS") })
        #expect(u.filter { $0.hasPrefix("ATTENDEE") }.count == 1)
        #expect(try ICalendarText.restrictionProblems(ICalendarWriter.message(one, method: .cancel)) == [])
        let all = unfolded(ICalendarWriter.message(Sample.invitation(sequence: 6, cancelled: true), method: .cancel, now: now))
        #expect(all.contains("STATUS:CANCELLED"))
    }

    @Test("ORGANIZER says who sends on the chair's behalf (SENT-BY) when the e-mail comes from Kasane's address")
    func sentBy() {
        let u = unfolded(ICalendarWriter.message(Sample.invitation(), method: .request, sentBy: "kasane@minamino.example.jp", now: now))
        #expect(u.contains("ORGANIZER;CN=相沢 美咲;SENT-BY=\"mailto:kasane@minamino.example.jp\":mailto:aizawa.misaki@minamino.example.jp"))
        let own = unfolded(ICalendarWriter.message(Sample.invitation(), method: .request, sentBy: "Aizawa.Misaki@minamino.example.jp", now: now))
        #expect(own.contains("ORGANIZER;CN=相沢 美咲:mailto:aizawa.misaki@minamino.example.jp"))
    }

    @Test("A feed tells calendars how often to fetch it: REFRESH-INTERVAL;VALUE=DURATION (RFC 7986) and X-PUBLISHED-TTL")
    func feedRefresh() throws {
        let hourly = unfolded(ICalendarWriter.feed([Sample.invitation()], name: "Kasane", now: now))
        #expect(hourly.contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H"))
        #expect(hourly.contains("X-PUBLISHED-TTL:PT1H"))
        #expect(!hourly.contains { $0.hasPrefix("METHOD") })
        let often = unfolded(ICalendarWriter.feed([Sample.invitation()], name: "Kasane", refreshMinutes: 90, now: now))
        #expect(often.contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H30M") && often.contains("X-PUBLISHED-TTL:PT1H30M"))
        let quarter = unfolded(ICalendarWriter.feed([], name: "Kasane", refreshMinutes: 15, now: now))
        #expect(quarter.contains("REFRESH-INTERVAL;VALUE=DURATION:PT15M") && quarter.contains("X-PUBLISHED-TTL:PT15M"))
        #expect(try ICalendarText.restrictionProblems(ICalendarWriter.feed([Sample.invitation()], name: "Kasane")) == [])
    }

    @Test("Header lines of a long Japanese subject are at most 76 characters, folded into several encoded words that decode back")
    func subjectFolding() throws {
        var message = OutgoingMessage(
            id: 7, meetingId: 12, staffId: 3, email: "kitamura.naoko@minamino.example.jp", method: .request, sequence: 2,
            invitation: Sample.invitation(sequence: 2), createdAt: now)
        message.invitation.title = String(repeating: "まるごと支援会議（重層的支援会議）", count: 4) + " 第3回"
        let mail = IMIPMail.compose(message, ics: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", from: "kasane@minamino.example.jp", now: now)
        let head = mail.text.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
        for line in head { #expect(line.count <= 76, "\(line)") }
        let subject = head.drop { !$0.hasPrefix("Subject:") }.prefix { $0.hasPrefix("Subject:") || $0.hasPrefix(" ") }
        #expect(subject.count > 2)
        let decoded = subject.map { line in
            line.matches(of: /=\?UTF-8\?B\?([A-Za-z0-9+\/=]+)\?=/).map { String(decoding: Data(base64Encoded: String($0.1)) ?? Data(), as: UTF8.self) }.joined()
        }.joined()
        #expect(decoded == "【Kasane】会議の変更: \(message.invitation.title)（12月3日（木）10:00）")
    }

    @Test("icalrestriction_check (RFC 5546) finds nothing to add to a REQUEST, a CANCEL, a feed or the holidays")
    func restrictions() throws {
        #expect(try ICalendarText.restrictionProblems(ICalendarWriter.message(Sample.invitation(), method: .request)) == [])
        #expect(try ICalendarText.restrictionProblems(ICalendarWriter.message(Sample.invitation(sequence: 3), method: .cancel)) == [])
        #expect(try ICalendarText.restrictionProblems(ICalendarWriter.feed([Sample.invitation(), Sample.invitation(cancelled: true)], name: "Kasane")) == [])
        #expect(try ICalendarText.restrictionProblems(ICalendarWriter.holidays(JapaneseHolidays.holidays(in: 2026))) == [])
        // The checker does find things: a REQUEST without ORGANIZER is reported.
        let broken = ICalendarWriter.message(Sample.invitation(), method: .request)
            .replacingOccurrences(of: "ORGANIZER;CN=相沢 美咲:mailto:aizawa.misaki@minamino.example.jp\r\n", with: "")
        #expect(try !ICalendarText.restrictionProblems(broken).isEmpty)
    }
}

@Suite("Replies read through libical")
struct ITIPReaderTests {
    func reply(method: String = "REPLY", partstat: String = "ACCEPTED", sequence: Int = 1, extra: String = "") -> String {
        """
        BEGIN:VCALENDAR\r
        VERSION:2.0\r
        PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r
        METHOD:\(method)\r
        BEGIN:VEVENT\r
        UID:0f6c6a4e-1111-4c3e-9d7a-3e2b1c0d9e8f@kasane\r
        DTSTAMP:20261124T031500Z\r
        SEQUENCE:\(sequence)\r
        ATTENDEE;PARTSTAT=\(partstat):MAILTO:Kitamura.Naoko@minamino.example.jp\r
        \(extra)END:VEVENT\r
        END:VCALENDAR\r

        """
    }

    @Test("A REPLY gives UID, SEQUENCE, DTSTAMP, the attendee and their answer")
    func readsReply() throws {
        let parsed = try ITIPReader.read(reply())
        #expect(parsed.reply.method == .reply)
        #expect(parsed.reply.uid == "0f6c6a4e-1111-4c3e-9d7a-3e2b1c0d9e8f@kasane")
        #expect(parsed.reply.sequence == 1)
        #expect(parsed.reply.attendeeEmail == "kitamura.naoko@minamino.example.jp")
        #expect(parsed.reply.response == .accepted)
        #expect(parsed.reply.dtstamp == ISO8601DateFormatter().date(from: "2026-11-24T03:15:00Z"))
        #expect(try ITIPReader.read(reply(partstat: "DECLINED")).reply.response == .declined)
        #expect(try ITIPReader.read(reply(partstat: "TENTATIVE")).reply.response == .tentative)
    }

    @Test("A COUNTER gives the proposed time, in Japan or UTC")
    func readsCounter() throws {
        let local = try ITIPReader.read(reply(
            method: "COUNTER", partstat: "TENTATIVE",
            extra: "DTSTART;TZID=Asia/Tokyo:20261204T140000\r\nDTEND;TZID=Asia/Tokyo:20261204T150000\r\nCOMMENT:午後なら出席できます\r\n"))
        #expect(local.reply.method == .counter)
        #expect(local.reply.proposedStart == ISO8601DateFormatter().date(from: "2026-12-04T05:00:00Z"))
        #expect(local.reply.comment == "午後なら出席できます")
        let utc = try ITIPReader.read(reply(method: "COUNTER", extra: "DTSTART:20261204T050000Z\r\nDTEND:20261204T060000Z\r\n"))
        #expect(utc.reply.proposedEnd == ISO8601DateFormatter().date(from: "2026-12-04T06:00:00Z"))
    }

    @Test("Malformed or unexpected messages are refused with the reason")
    func refusals() {
        func refused(_ text: String, _ words: String) {
            #expect { try ITIPReader.read(text) } throws: { ($0 as? KasaneError)?.message.contains(words) == true }
        }
        refused("not a calendar", "iCalendar")
        refused(reply(method: "REQUEST"), "REQUEST")
        refused(reply().replacingOccurrences(of: "METHOD:REPLY\r\n", with: ""), "METHOD")
        refused(reply().replacingOccurrences(of: "UID:0f6c6a4e-1111-4c3e-9d7a-3e2b1c0d9e8f@kasane\r\n", with: ""), "UID")
        refused(reply().replacingOccurrences(of: "DTSTAMP:20261124T031500Z\r\n", with: ""), "DTSTAMP")
        refused(reply(partstat: "NEEDS-ACTION"), "PARTSTAT")
        refused(reply(method: "COUNTER"), "DTSTART")
        refused(reply().replacingOccurrences(of: "DTSTAMP:20261124T031500Z", with: "DTSTAMP:いつか"), "iCalendar")
    }
}

@Suite("Japanese national holidays")
struct HolidayTests {
    func day(_ s: String) -> LocalDate { LocalDate(s)! }

    @Test("Fixed days, Happy Monday days and the equinoxes of 2026")
    func ordinaryYear() {
        let names = Dictionary(uniqueKeysWithValues: JapaneseHolidays.holidays(in: 2026).map { ($0.date, $0.name) })
        #expect(names[day("2026-01-12")] == "成人の日")
        #expect(names[day("2026-03-20")] == "春分の日")
        #expect(names[day("2026-07-20")] == "海の日")
        #expect(names[day("2026-09-21")] == "敬老の日")
        #expect(names[day("2026-09-22")] == "国民の休日")
        #expect(names[day("2026-09-23")] == "秋分の日")
        #expect(names[day("2026-10-12")] == "スポーツの日")
        #expect(names[day("2026-05-06")] == "休日（振替休日）")  // 5/3 is a Sunday
        #expect(names.count == 18)
    }

    @Test("Substitute holidays, and the moved holidays of 2019, 2020 and 2021")
    func specialYears() {
        #expect(JapaneseHolidays.name(of: day("2019-04-30")) == "国民の休日")
        #expect(JapaneseHolidays.name(of: day("2019-05-01")) == "天皇の即位の日")
        #expect(JapaneseHolidays.name(of: day("2019-05-02")) == "国民の休日")
        #expect(JapaneseHolidays.name(of: day("2019-10-22")) == "即位礼正殿の儀の行われる日")
        #expect(JapaneseHolidays.name(of: day("2019-12-23")) == nil)
        #expect(JapaneseHolidays.name(of: day("2020-07-23")) == "海の日")
        #expect(JapaneseHolidays.name(of: day("2020-07-24")) == "スポーツの日")
        #expect(JapaneseHolidays.name(of: day("2020-08-10")) == "山の日")
        #expect(JapaneseHolidays.name(of: day("2020-10-12")) == nil)
        #expect(JapaneseHolidays.name(of: day("2021-07-22")) == "海の日")
        #expect(JapaneseHolidays.name(of: day("2021-07-23")) == "スポーツの日")
        #expect(JapaneseHolidays.name(of: day("2021-08-08")) == "山の日")
        #expect(JapaneseHolidays.name(of: day("2021-08-09")) == "休日（振替休日）")
        #expect(JapaneseHolidays.name(of: day("2025-11-24")) == "休日（振替休日）")
        #expect(JapaneseHolidays.name(of: day("2032-09-21")) == "国民の休日")
    }

    @Test("The shipped Calendars file reads back, through libical, as the computed holidays")
    func shippedFile() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("Calendars/japan-holidays-2020-2035.ics"), encoding: .utf8)
        let summary = try ICalendarText.parse(text)
        let computed = JapaneseHolidays.holidays(from: 2020, to: 2035)
        #expect(summary.eventUIDs == computed.map { "holiday-\($0.date)@kasane" })
        #expect(text == ICalendarWriter.holidays(computed, now: Date(timeIntervalSince1970: 1_767_225_600)))
    }

    @Test("Working days: weekends, holidays and the city's closures are closed")
    func workingDays() {
        let calendar = WorkingCalendar(settings: MunicipalitySettings(closureDates: [day("2026-08-14")]))
        #expect(calendar.isWorkingDay(day("2026-11-24")))
        #expect(calendar.closure(on: day("2026-11-23")) == "勤労感謝の日")
        #expect(calendar.closure(on: day("2026-11-22")) == "日曜日")
        #expect(calendar.closure(on: day("2026-12-29")) == "年末年始")
        #expect(calendar.closure(on: day("2027-01-04")) == nil)
        #expect(calendar.closure(on: day("2026-08-14")) == "閉庁日")
    }
}

@Suite("iMIP e-mail")
struct IMIPMailTests {
    @Test("multipart/mixed holding multipart/alternative (text/plain, text/calendar with method) and the .ics attachment")
    func structure() {
        let message = OutgoingMessage(
            id: 7, meetingId: 12, staffId: 5, email: "kitamura.naoko@minamino.example.jp", method: .request, sequence: 0,
            invitation: Sample.invitation(), createdAt: Date())
        let ics = ICalendarWriter.message(message.invitation, method: .request)
        let mail = IMIPMail.compose(message, ics: ics, from: "kasane@minamino.example.jp")
        #expect(mail.text.contains("Content-Type: multipart/mixed; boundary="))
        #expect(mail.text.contains("Content-Type: multipart/alternative; boundary="))
        #expect(mail.text.contains("Content-Type: text/plain; charset=UTF-8"))
        #expect(mail.text.contains("Content-Type: text/calendar; method=REQUEST; charset=UTF-8"))
        #expect(mail.text.contains("Content-Disposition: attachment; filename=\"invite.ics\""))
        #expect(mail.text.contains("Subject: =?UTF-8?B?"))
        #expect(mail.fileName.hasSuffix("-meeting12-seq0-REQUEST-staff5-7.eml"))
        #expect(mail.fileName.allSatisfy { $0.isASCII })
        #expect(mail.text.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 998 })
    }
}
