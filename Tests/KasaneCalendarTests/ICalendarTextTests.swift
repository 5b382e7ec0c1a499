import Foundation
import KasaneCalendar
import KasaneCore
import Testing

@Suite("iCalendar through libical")
struct ICalendarTextTests {
    let sample = """
        BEGIN:VCALENDAR\r
        VERSION:2.0\r
        PRODID:-//Kasane//Test//JA\r
        METHOD:REPLY\r
        BEGIN:VEVENT\r
        UID:meeting-1@kasane\r
        DTSTAMP:20261123T010000Z\r
        DTSTART:20261130T010000Z\r
        ATTENDEE;PARTSTAT=ACCEPTED:mailto:a@example.jp\r
        END:VEVENT\r
        END:VCALENDAR\r

        """

    @Test("Reads a VCALENDAR: its method, components and UIDs")
    func parse() throws {
        let s = try ICalendarText.parse(sample)
        #expect(s.method == "REPLY")
        #expect(s.componentKinds == ["VEVENT"])
        #expect(s.eventUIDs == ["meeting-1@kasane"])
        #expect(try ICalendarText.normalized(sample).contains("UID:meeting-1@kasane"))
        #expect(ICalendarText.libicalVersion.hasPrefix("3."))
    }

    @Test("Refuses text that is not iCalendar, and a property libical cannot read")
    func refuses() {
        #expect(throws: KasaneError.self) { try ICalendarText.parse("こんにちは") }
        #expect(throws: KasaneError.self) {
            try ICalendarText.parse(sample.replacingOccurrences(of: "DTSTART:20261130T010000Z", with: "DTSTART:ある日"))
        }
    }
}
