import Foundation
import KasaneCalendar
import KasaneApp
import KasaneCore
import KasaneSQLite

enum SchedulingBench {
    struct Output {
        var figures: [Figure]
        var summary: String
    }

    /// A member's year as an .ics: on each working day about five events of 30–90
    /// minutes; a quarter of them weekly masters (RRULE with two EXDATEs and one moved
    /// occurrence) standing for the weeks after.
    static func calendar(seed: Int, events target: Int, from start: LocalDate) -> (ics: String, events: Int) {
        var rng = SplitMix(seed: UInt64(seed))
        let settings = MunicipalitySettings()
        let working = WorkingCalendar(settings: settings)
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Kasane bench//EN"]
        var events = 0
        var day = start
        func stamp(_ d: LocalDate, _ minutes: Int) -> String {
            String(format: "%04d%02d%02dT%02d%02d00", d.year, d.month, d.day, minutes / 60, minutes % 60)
        }
        while events < target {
            if working.isWorkingDay(day) {
                for n in 0..<5 where events < target {
                    let begin = 8 * 60 + 30 + n * 90 + Int(rng.next() % 4) * 15
                    let length = 30 + Int(rng.next() % 5) * 15
                    lines += ["BEGIN:VEVENT", "UID:bench-\(seed)-\(events)@x", "DTSTAMP:20261101T000000Z",
                              "DTSTART;TZID=Asia/Tokyo:\(stamp(day, begin))", "DTEND;TZID=Asia/Tokyo:\(stamp(day, begin + length))"]
                    if rng.next() % 4 == 0 {
                        lines += ["RRULE:FREQ=WEEKLY;COUNT=20", "EXDATE;TZID=Asia/Tokyo:\(stamp(day.adding(days: 14), begin))",
                                  "EXDATE;TZID=Asia/Tokyo:\(stamp(day.adding(days: 35), begin))"]
                        lines += ["END:VEVENT", "BEGIN:VEVENT", "UID:bench-\(seed)-\(events)@x", "DTSTAMP:20261101T000000Z",
                                  "RECURRENCE-ID;TZID=Asia/Tokyo:\(stamp(day.adding(days: 7), begin))",
                                  "DTSTART;TZID=Asia/Tokyo:\(stamp(day.adding(days: 7), begin + 60))",
                                  "DTEND;TZID=Asia/Tokyo:\(stamp(day.adding(days: 7), begin + 60 + length))"]
                    }
                    lines.append("END:VEVENT")
                    events += 1
                }
            }
            day = day.adding(days: 1)
        }
        lines.append("END:VCALENDAR")
        return (lines.joined(separator: "\r\n") + "\r\n", events)
    }

    static func run(db: AppDatabase, coordinator: Actor) async throws -> Output {
        let today = LocalDate.today()
        let window = (today.instant(), today.adding(days: 366).instant())
        var figures: [Figure] = []

        // Import: one member's 10,000-event calendar, parsed and expanded by libical.
        let big = calendar(seed: 99, events: 10_000, from: today)
        var intervals = 0
        figures.append(try await measure("read a 10,000-event calendar (libical, expanded)", count: 1, batches: 3) {
            intervals = try BusyCalendarReader.read(big.ics, from: window.0, to: window.1).intervals.count
        })

        // 30 members with a year each (about 1,250 events), stored through the upload path.
        let staff = try await db.staffList().filter(\.active).prefix(30)
        var stored = 0
        for (i, member) in staff.enumerated() {
            let year = calendar(seed: i, events: 1_250, from: today)
            let read = try BusyCalendarReader.read(year.ics, from: window.0, to: window.1)
            stored += read.intervals.count
            _ = try await db.replaceBusy(
                BusyUpload(intervals: read.intervals, windowStart: window.0, windowEnd: window.1, events: year.events, truncatedRules: 0),
                by: .staff(member))
        }
        let ids = staff.compactMap(\.id)
        let request = SlotSearchRequest(
            kind: .supportMeeting, required: Array(ids.prefix(20)), optional: Array(ids.dropFirst(20)), minutes: 90,
            from: today, to: today.adding(days: 91), count: 5)
        var found = 0
        figures.append(try await measure("search 3 months, 30 members' years (store, audited)", count: 20) {
            found = try await db.searchSlots(request, by: coordinator).candidates.count
        })
        let busy = try await db.uploadedBusy(staffIds: ids, from: today.instant(), to: today.adding(days: 92).instant())
        let input = SlotSearch.Input(
            kind: .supportMeeting, required: Array(ids.prefix(20)), optional: Array(ids.dropFirst(20)), minutes: 90, from: today,
            to: today.adding(days: 91), count: 5, busy: busy, settings: try await db.settings(), now: Date())
        figures.append(try await measure("search 3 months, the sweep alone (pure)", count: 200) {
            _ = SlotSearch.search(input)
        })
        let inWindow = busy.values.reduce(0) { $0 + $1.count }
        return Output(
            figures: figures,
            summary: "scheduling: 10,000-event calendar → \(intervals) busy intervals in a year; 30 members → \(stored) stored intervals, "
                + "\(inWindow) in the 3-month window; \(found) candidates found")
    }
}

/// A small deterministic generator, so every run measures the same calendars.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
