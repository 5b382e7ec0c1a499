import Foundation
import KasaneCalendar
import KasaneCore
import Testing

/// The folder of inputs that once crashed a parser (Fuzz/regressions/<target>).
func regressionInputs(_ target: String) throws -> [(name: String, text: String)] {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Fuzz/regressions/\(target)").standardized
    return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { name in
        (name, String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self))
    }
}

@Suite("Hostile calendar input is refused, never crashes")
struct HostileInputTests {
    /// The body that stopped the service (issue 7): a component libical cannot name.
    let unknownComponent = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//x//\nMETHOD:REPLY\nBEGIN:VExample.jVEVENTp\nEND:VEVENT\nEND:VCALENDAR\n"

    @Test("A component libical cannot name is a clear refusal, not a crash")
    func unknownComponentKind() {
        #expect { try ITIPReader.read(unknownComponent) } throws: { error in
            (error as? KasaneError)?.message.contains("知らない種類の要素") == true
        }
        #expect(throws: KasaneError.self) { try ICalendarText.parse(unknownComponent) }
    }

    @Test("Every input that once crashed a calendar parser is refused with a KasaneError")
    func regressions() throws {
        let inputs = try regressionInputs("itip") + regressionInputs("ical")
        #expect(!inputs.isEmpty)
        for input in inputs {
            #expect(throws: KasaneError.self, "\(input.name)") { try ITIPReader.read(input.text) }
            #expect(throws: KasaneError.self, "\(input.name)") { try ICalendarText.normalized(input.text) }
        }
    }

    @Test("An attendee with no address, a non-date DTSTART and a negative SEQUENCE are refused")
    func nullValues() {
        let head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//\r\nMETHOD:COUNTER\r\nBEGIN:VEVENT\r\nUID:u@kasane\r\nDTSTAMP:20261124T010000Z\r\n"
        let tail = "END:VEVENT\r\nEND:VCALENDAR\r\n"
        #expect(throws: KasaneError.self) { try ITIPReader.read(head + "ATTENDEE;PARTSTAT=ACCEPTED:\r\n" + tail) }
        #expect(throws: KasaneError.self) {
            try ITIPReader.read(head + "ATTENDEE:mailto:a@x.jp\r\nDTSTART;VALUE=DATE:20261204\r\nDTEND;VALUE=DATE:20261205\r\n" + tail)
        }
        #expect(throws: KasaneError.self) {
            try ITIPReader.read(head.replacingOccurrences(of: "COUNTER", with: "REPLY") + "SEQUENCE:-3\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:a@x.jp\r\n" + tail)
        }
    }

    @Test("A calendar beyond the limits is refused before libical reads it, naming the limit")
    func bounds() {
        let limits = InputLimits(calendarLines: 50, calendarComponents: 10, calendarProperties: 30, calendarDepth: 4)
        func refused(_ text: String, _ words: String, limits: InputLimits = limits) {
            #expect { try ICalendarText.parse(text, limits: limits) } throws: { ($0 as? KasaneError)?.message.contains(words) == true }
        }
        let deep = String(repeating: "BEGIN:VEVENT\r\n", count: 5000) + String(repeating: "END:VEVENT\r\n", count: 5000)
        refused("BEGIN:VCALENDAR\r\n" + deep + "END:VCALENDAR\r\n", "入れ子")
        let many = (0..<20).map { "BEGIN:VEVENT\r\nUID:\($0)\r\nEND:VEVENT\r\n" }.joined()
        refused("BEGIN:VCALENDAR\r\n" + many + "END:VCALENDAR\r\n", "要素")
        let props = (0..<40).map { "X-A:\($0)\r\n" }.joined()
        refused("BEGIN:VCALENDAR\r\n" + props + "END:VCALENDAR\r\n", "プロパティ")
        var fewProperties = limits
        fewProperties.calendarProperties = 1000
        refused(String(repeating: "X:1\r\n", count: 60), "行が多すぎます", limits: fewProperties)
        var small = InputLimits.standard
        small.uploadBytes = 1024
        refused(String(repeating: "X", count: 2000), "大きすぎます", limits: small)
        // Folded continuation lines are one line.
        let folded = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//\r\nX-NOTE:a\r\n" + String(repeating: " b\r\n", count: 100) + "END:VCALENDAR\r\n"
        #expect(throws: Never.self) { try ICalendarText.parse(folded, limits: limits) }
        // The standard limits let a real calendar through: the shipped holidays file.
        let holidays = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Calendars/japan-holidays-2020-2035.ics").standardized
        #expect(throws: Never.self) { try ICalendarText.parse(String(decoding: try Data(contentsOf: holidays), as: UTF8.self)) }
    }
}
