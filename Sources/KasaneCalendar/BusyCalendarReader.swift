import CLibical
import Foundation
import KasaneCore

/// Reads a member's own calendar (an .ics exported from Outlook, Google or Thunderbird)
/// into busy intervals over a bounded window, through libical. Only the intervals leave
/// this function: never a title, place, attendee or description.
///
/// - Events: single and recurring (RRULE, RDATE, EXDATE, RECURRENCE-ID overrides),
///   all-day (a whole day in Japan), in any time zone the file defines with a VTIMEZONE,
///   libical knows by name, or Windows names (`Tokyo Standard Time`); floating times are
///   Japan's. `TRANSP:TRANSPARENT` and `STATUS:CANCELLED` are not busy.
/// - VFREEBUSY: each FREEBUSY period, honouring FBTYPE (FREE is not busy).
/// - Recurrences are expanded only inside the window, and a rule is followed for at most
///   `maxSteps` occurrences: a rule with no end is cut at the window, and one that would
///   run for ever (FREQ=SECONDLY since 1970) is cut and reported.
public enum BusyCalendarReader {
    public struct Result: Sendable, Equatable {
        /// Sorted, clipped to the window; not merged.
        public var intervals: [BusyInterval]
        public var events: Int
        public var recurringEvents: Int
        public var freeBusyPeriods: Int
        /// Events left out as free: transparent or cancelled.
        public var freeEvents: Int
        /// Rules whose expansion was cut at `maxSteps`.
        public var truncatedRules: Int
    }

    public static let maxSteps = 50_000
    public static let maxIntervals = 200_000

    public static func read(_ text: String, from: Date, to: Date, limits: InputLimits = .standard) throws -> Result {
        guard from < to else { throw KasaneError.invalid(field: "calendar", message: "取り込む期間が正しくありません。") }
        return try ICalendarText.withCalendar(text, limits: limits) { root in
            var reader = Reader(root: root, window: (from, to))
            try reader.readAll()
            return reader.result()
        }
    }

    /// One parse: the root stays alive (and is freed by the caller) while the reader runs.
    private struct Reader {
        let root: OpaquePointer
        let window: (start: Date, end: Date)
        var intervals: [BusyInterval] = []
        var events = 0
        var recurring = 0
        var freeBusy = 0
        var free = 0
        var truncated = 0

        init(root: OpaquePointer, window: (Date, Date)) {
            self.root = root
            self.window = window
        }

        func result() -> Result {
            Result(
                intervals: intervals.sorted(), events: events, recurringEvents: recurring, freeBusyPeriods: freeBusy,
                freeEvents: free, truncatedRules: truncated)
        }

        mutating func readAll() throws {
            // Overridden occurrences (RECURRENCE-ID), by UID: their masters skip them.
            var overridden: [String: Set<Date>] = [:]
            var masters: [OpaquePointer] = []
            var overrides: [OpaquePointer] = []
            var event = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT)
            while let e = event {
                events += 1
                if icalcomponent_get_first_property(e, ICAL_RECURRENCEID_PROPERTY) != nil {
                    let uid = Libical.string(icalcomponent_get_uid(e)) ?? ""
                    let id = try instant(of: e, ICAL_RECURRENCEID_PROPERTY, what: "RECURRENCE-ID")
                    overridden[uid, default: []].insert(id)
                    overrides.append(e)
                } else {
                    masters.append(e)
                }
                event = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT)
            }
            for e in masters {
                let uid = Libical.string(icalcomponent_get_uid(e)) ?? ""
                try readEvent(e, skipping: overridden[uid] ?? [])
            }
            for e in overrides { try readEvent(e, skipping: [], single: true) }

            var fb = icalcomponent_get_first_component(root, ICAL_VFREEBUSY_COMPONENT)
            while let c = fb {
                try readFreeBusy(c)
                fb = icalcomponent_get_next_component(root, ICAL_VFREEBUSY_COMPONENT)
            }
        }

        static func isFree(_ e: OpaquePointer) -> Bool {
            if icalcomponent_get_status(e) == ICAL_STATUS_CANCELLED { return true }
            if let p = icalcomponent_get_first_property(e, ICAL_TRANSP_PROPERTY) {
                let transp = icalproperty_get_transp(p)
                return transp == ICAL_TRANSP_TRANSPARENT || transp == ICAL_TRANSP_TRANSPARENTNOCONFLICT
            }
            return false
        }

        mutating func readEvent(_ e: OpaquePointer, skipping: Set<Date>, single: Bool = false) throws {
            guard !Self.isFree(e) else {
                free += 1
                return
            }
            guard let startProperty = icalcomponent_get_first_property(e, ICAL_DTSTART_PROPERTY) else {
                throw KasaneError.invalid(field: "calendar", message: "DTSTART のない予定があります（UID: \(Libical.string(icalcomponent_get_uid(e)) ?? "なし")）。")
            }
            let start = icalproperty_get_dtstart(startProperty)
            let zone = try Self.zone(of: startProperty, time: start, root: root, what: "DTSTART")
            let first = try Self.instant(start, zone: zone, what: "DTSTART")
            let duration = try Self.duration(of: e, start: start, first: first, root: root)

            var starts: Set<Date> = [first]
            var exdates: Set<Date> = []
            if !single {
                var p = icalcomponent_get_first_property(e, ICAL_EXDATE_PROPERTY)
                while let property = p {
                    let t = icalproperty_get_exdate(property)
                    exdates.insert(try Self.instant(t, zone: try Self.zone(of: property, time: t, root: root, what: "EXDATE"), what: "EXDATE"))
                    p = icalcomponent_get_next_property(e, ICAL_EXDATE_PROPERTY)
                }
                var r = icalcomponent_get_first_property(e, ICAL_RDATE_PROPERTY)
                while let property = r {
                    let value = icalproperty_get_rdate(property)
                    if icaltime_is_null_time(value.time) == 0 {
                        starts.insert(try Self.instant(value.time, zone: try Self.zone(of: property, time: value.time, root: root, what: "RDATE"), what: "RDATE"))
                    } else if icaltime_is_null_time(value.period.start) == 0 {
                        let z = try Self.zone(of: property, time: value.period.start, root: root, what: "RDATE")
                        let s = try Self.instant(value.period.start, zone: z, what: "RDATE")
                        let end = icaltime_is_null_time(value.period.end) == 0
                            ? try Self.instant(value.period.end, zone: z, what: "RDATE")
                            : s.addingTimeInterval(TimeInterval(icaldurationtype_as_int(value.period.duration)))
                        add(s, end, excluding: exdates.union(skipping))
                    }
                    r = icalcomponent_get_next_property(e, ICAL_RDATE_PROPERTY)
                }
                var rule = icalcomponent_get_first_property(e, ICAL_RRULE_PROPERTY)
                if rule != nil { recurring += 1 }
                while let property = rule {
                    try expand(icalproperty_get_rrule(property), from: start, zone: zone, duration: duration, into: &starts)
                    rule = icalcomponent_get_next_property(e, ICAL_RRULE_PROPERTY)
                }
            }
            let excluded = exdates.union(skipping)
            for s in starts { add(s, s.addingTimeInterval(duration), excluding: excluded) }
        }

        /// Follows one RRULE from DTSTART (wall times in the event's zone, so a weekly
        /// 9:00 stays 9:00 across a DST change) until the window ends.
        mutating func expand(
            _ rule: icalrecurrencetype, from start: icaltimetype, zone: OpaquePointer?, duration: TimeInterval,
            into starts: inout Set<Date>
        ) throws {
            guard rule.freq != ICAL_NO_RECURRENCE else {
                throw KasaneError.invalid(field: "calendar", message: "RRULE が読めません（FREQ がありません）。")
            }
            // libical 3.0 compares UNTIL with the wall times it generates: a UTC UNTIL on
            // a rule in Tokyo (UTC+9) would end the series nine hours early and drop its
            // last occurrence, which RFC 5545 includes. Give it UNTIL as a wall time in
            // the rule's own zone.
            var rule = rule
            if icaltime_is_null_time(rule.until) == 0, icaltime_is_utc(rule.until) != 0, start.is_date == 0 {
                let until = Date(timeIntervalSince1970: TimeInterval(icaltime_as_timet_with_zone(rule.until, icaltimezone_get_utc_timezone())))
                rule.until = Self.wallTime(until, zone: zone)
            }
            guard let iterator = icalrecur_iterator_new(rule, start) else {
                throw KasaneError.invalid(field: "calendar", message: "RRULE を展開できません。")
            }
            defer { icalrecur_iterator_free(iterator) }
            var steps = 0
            while true {
                let next = icalrecur_iterator_next(iterator)
                if icaltime_is_null_time(next) != 0 { break }
                steps += 1
                if steps > BusyCalendarReader.maxSteps {
                    truncated += 1
                    break
                }
                let s = try Self.instant(next, zone: zone, what: "RRULE")
                if s >= window.end { break }
                if s.addingTimeInterval(duration) > window.start { starts.insert(s) }
            }
        }

        mutating func add(_ start: Date, _ end: Date, excluding: Set<Date>) {
            guard !excluding.contains(start), intervals.count < BusyCalendarReader.maxIntervals else { return }
            let s = max(start, window.start)
            let e = min(end, window.end)
            if s < e { intervals.append(BusyInterval(start: s, end: e)) }
        }

        mutating func readFreeBusy(_ c: OpaquePointer) throws {
            var p = icalcomponent_get_first_property(c, ICAL_FREEBUSY_PROPERTY)
            while let property = p {
                let type = icalproperty_get_first_parameter(property, ICAL_FBTYPE_PARAMETER).map { icalparameter_get_fbtype($0) }
                if type != ICAL_FBTYPE_FREE {
                    let period = icalproperty_get_freebusy(property)
                    let start = try Self.instant(period.start, zone: try Self.zone(of: property, time: period.start, root: root, what: "FREEBUSY"), what: "FREEBUSY")
                    let end = icaltime_is_null_time(period.end) == 0
                        ? try Self.instant(period.end, zone: try Self.zone(of: property, time: period.end, root: root, what: "FREEBUSY"), what: "FREEBUSY")
                        : start.addingTimeInterval(TimeInterval(icaldurationtype_as_int(period.duration)))
                    freeBusy += 1
                    add(start, end, excluding: [])
                }
                p = icalcomponent_get_next_property(c, ICAL_FREEBUSY_PROPERTY)
            }
        }

        func instant(of e: OpaquePointer, _ kind: icalproperty_kind, what: String) throws -> Date {
            guard let p = icalcomponent_get_first_property(e, kind) else {
                throw KasaneError.invalid(field: "calendar", message: "\(what) がありません。")
            }
            let t = kind == ICAL_RECURRENCEID_PROPERTY ? icalproperty_get_recurrenceid(p) : icalproperty_get_dtstart(p)
            return try Self.instant(t, zone: try Self.zone(of: p, time: t, root: root, what: what), what: what)
        }

        /// How long each occurrence lasts: DTEND, else DURATION, else a day for an
        /// all-day event and nothing for a point in time.
        static func duration(of e: OpaquePointer, start: icaltimetype, first: Date, root: OpaquePointer) throws -> TimeInterval {
            if let p = icalcomponent_get_first_property(e, ICAL_DTEND_PROPERTY) {
                let t = icalproperty_get_dtend(p)
                let end = try instant(t, zone: try zone(of: p, time: t, root: root, what: "DTEND"), what: "DTEND")
                guard end >= first else {
                    throw KasaneError.invalid(field: "calendar", message: "終了（DTEND）が開始より前の予定があります。")
                }
                return end.timeIntervalSince(first)
            }
            if let p = icalcomponent_get_first_property(e, ICAL_DURATION_PROPERTY) {
                let seconds = icaldurationtype_as_int(icalproperty_get_duration(p))
                guard seconds >= 0 else {
                    throw KasaneError.invalid(field: "calendar", message: "DURATION が負の予定があります。")
                }
                return TimeInterval(seconds)
            }
            return start.is_date != 0 ? 86400 : 0
        }

        /// The zone of a DATE-TIME property: UTC, the file's own VTIMEZONE, a zone libical
        /// knows, or a Windows name; nil for floating times and dates (Japan's).
        static func zone(of property: OpaquePointer, time: icaltimetype, root: OpaquePointer, what: String) throws -> OpaquePointer? {
            if icaltime_is_utc(time) != 0 { return icaltimezone_get_utc_timezone() }
            guard let tzid = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER)
                .flatMap({ Libical.string(icalparameter_get_tzid($0)) })
            else { return nil }
            if let own = icalcomponent_get_timezone(root, tzid) { return own }
            if tzid.contains("Tokyo") || WindowsZones.japan.contains(tzid) { return nil }
            if let builtin = icaltimezone_get_builtin_timezone(tzid) ?? icaltimezone_get_builtin_timezone_from_tzid(tzid) {
                return builtin
            }
            if let iana = WindowsZones.iana[tzid], let builtin = icaltimezone_get_builtin_timezone(iana) { return builtin }
            throw KasaneError.invalid(field: "calendar", message: "\(what) のタイムゾーン「\(tzid)」が分かりません（VTIMEZONE を含めて書き出してください）。")
        }

        /// `date` as a floating wall time in `zone` (nil: Japan).
        static func wallTime(_ date: Date, zone: OpaquePointer?) -> icaltimetype {
            var t: icaltimetype
            if let zone {
                t = icaltime_from_timet_with_zone(time_t(date.timeIntervalSince1970), 0, zone)
            } else {
                t = icaltime_from_timet_with_zone(time_t(date.timeIntervalSince1970 + 9 * 3600), 0, icaltimezone_get_utc_timezone())
            }
            t.zone = nil
            return t
        }

        /// The instant of a time in `zone`; nil zone means Japan (floating times and
        /// all-day dates: a Japanese office's day).
        static func instant(_ t: icaltimetype, zone: OpaquePointer?, what: String) throws -> Date {
            guard icaltime_is_null_time(t) == 0, icaltime_is_valid_time(t) != 0, (1900...2200).contains(t.year) else {
                throw KasaneError.invalid(field: "calendar", message: "\(what) の日時が読めません。")
            }
            if let zone {
                return Date(timeIntervalSince1970: TimeInterval(icaltime_as_timet_with_zone(t, zone)))
            }
            var components = DateComponents(
                year: Int(t.year), month: Int(t.month), day: Int(t.day),
                hour: t.is_date != 0 ? 0 : Int(t.hour), minute: t.is_date != 0 ? 0 : Int(t.minute),
                second: t.is_date != 0 ? 0 : Int(t.second))
            components.timeZone = .tokyo
            guard let date = Calendar(identifier: .gregorian).date(from: components) else {
                throw KasaneError.invalid(field: "calendar", message: "\(what) の日時が読めません。")
            }
            return date
        }
    }
}

/// Windows time-zone names as Outlook writes them in TZID, for files without VTIMEZONE.
enum WindowsZones {
    static let japan: Set<String> = ["Tokyo Standard Time", "(UTC+09:00) Osaka, Sapporo, Tokyo"]
    static let iana: [String: String] = [
        "UTC": "UTC", "GMT Standard Time": "Europe/London", "W. Europe Standard Time": "Europe/Berlin",
        "Eastern Standard Time": "America/New_York", "Central Standard Time": "America/Chicago",
        "Mountain Standard Time": "America/Denver", "Pacific Standard Time": "America/Los_Angeles",
        "China Standard Time": "Asia/Shanghai", "Korea Standard Time": "Asia/Seoul",
        "Singapore Standard Time": "Asia/Singapore", "AUS Eastern Standard Time": "Australia/Sydney",
    ]
}
