import CLibical
import Foundation
import KasaneCore

/// Writes Kasane's iCalendar through libical: invitations (iTIP REQUEST and CANCEL),
/// feeds, and the holiday calendar. Components are built, serialized with the `_r`
/// functions and freed inside each call.
public enum ICalendarWriter {
    static let productID = "-//Kasane//Kasane 1.0//JA"
    static let tzid = "Asia/Tokyo"

    /// One iTIP message (REQUEST or CANCEL) for one recipient. `sentBy`: the address the
    /// e-mail comes from, when it is not the chair's own (ORGANIZER;SENT-BY=, RFC 5545 3.2.18),
    /// so that the client shows the chair as the one who invites and Kasane as who sent it.
    public static func message(_ invitation: Invitation, method: InvitationMethod, sentBy: String? = nil, now: Date = Date()) -> String {
        calendar(method: method == .request ? ICAL_METHOD_REQUEST : ICAL_METHOD_CANCEL, name: nil) { root in
            let status: icalproperty_status? = method == .cancel && invitation.uninvited == true ? nil
                : method == .cancel || invitation.cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED
            icalcomponent_add_component(root, event(invitation, status: status, sentBy: sentBy, now: now))
        }
    }

    /// A subscription feed: the recipient's meetings, no METHOD. Calendar clients are told
    /// how often to poll it: REFRESH-INTERVAL (RFC 7986) and X-PUBLISHED-TTL (Outlook).
    public static func feed(_ invitations: [Invitation], name: String, refreshMinutes: Int = 60, now: Date = Date()) -> String {
        calendar(method: nil, name: name, refreshMinutes: refreshMinutes) { root in
            for invitation in invitations {
                let status = invitation.cancelled || invitation.uninvited == true ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED
                icalcomponent_add_component(root, event(invitation, status: status, sentBy: nil, now: now))
            }
        }
    }

    /// All-day events, one per holiday.
    public static func holidays(_ holidays: [JapaneseHolidays.Holiday], now: Date = Date()) -> String {
        calendar(method: nil, name: "日本の祝日", withTimezone: false) { root in
            for holiday in holidays {
                let e = Libical.newComponent(ICAL_VEVENT_COMPONENT)
                icalcomponent_add_property(e, icalproperty_new_uid("holiday-\(holiday.date)@kasane"))
                icalcomponent_add_property(e, icalproperty_new_dtstamp(utc(now)))
                icalcomponent_add_property(e, icalproperty_new_dtstart(allDay(holiday.date)))
                icalcomponent_add_property(e, icalproperty_new_dtend(allDay(holiday.date.adding(days: 1))))
                icalcomponent_add_property(e, icalproperty_new_summary(holiday.name))
                icalcomponent_add_property(e, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT))
                icalcomponent_add_property(e, icalproperty_new_class(ICAL_CLASS_PUBLIC))
                icalcomponent_add_component(root, e)
            }
        }
    }

    // MARK: building

    private static func calendar(
        method: icalproperty_method?, name: String?, refreshMinutes: Int? = nil, withTimezone: Bool = true,
        _ fill: (OpaquePointer) -> Void
    ) -> String {
        let root = Libical.newComponent(ICAL_VCALENDAR_COMPONENT)
        defer { icalcomponent_free(root) }
        icalcomponent_add_property(root, icalproperty_new_version("2.0"))
        icalcomponent_add_property(root, icalproperty_new_prodid(productID))
        icalcomponent_add_property(root, icalproperty_new_calscale("GREGORIAN"))
        if let method { icalcomponent_add_property(root, icalproperty_new_method(method)) }
        if let name {
            let p = Libical.made(icalproperty_new_x(name))
            icalproperty_set_x_name(p, "X-WR-CALNAME")
            icalcomponent_add_property(root, p)
        }
        if let refreshMinutes {
            var every = icaldurationtype_null_duration()
            every.hours = UInt32(refreshMinutes / 60)
            every.minutes = UInt32(refreshMinutes % 60)
            let refresh = Libical.made(icalproperty_new_refreshinterval(every))
            icalproperty_add_parameter(refresh, icalparameter_new_value(ICAL_VALUE_DURATION))
            icalcomponent_add_property(root, refresh)
            let (h, m) = (refreshMinutes / 60, refreshMinutes % 60)
            let ttl = Libical.made(icalproperty_new_x("PT" + (h > 0 ? "\(h)H" : "") + (m > 0 || h == 0 ? "\(m)M" : "")))
            icalproperty_set_x_name(ttl, "X-PUBLISHED-TTL")
            icalcomponent_add_property(root, ttl)
        }
        if withTimezone { icalcomponent_add_component(root, tokyo()) }
        fill(root)
        return serialize(root)
    }

    static func serialize(_ root: OpaquePointer) -> String {
        guard let buffer = icalcomponent_as_ical_string_r(root) else { return "" }
        defer { icalmemory_free_buffer(buffer) }
        return String(cString: buffer)
    }

    /// A plain VTIMEZONE for Japan: +09:00 all year, named exactly Asia/Tokyo (libical's
    /// built-in zone carries a vendor prefix and long-gone daylight-saving rules).
    static func tokyo() -> OpaquePointer {
        let zone = Libical.newComponent(ICAL_VTIMEZONE_COMPONENT)
        icalcomponent_add_property(zone, icalproperty_new_tzid(tzid))
        let standard = Libical.newComponent(ICAL_XSTANDARD_COMPONENT)
        var start = icaltime_null_time()
        start.year = 1970; start.month = 1; start.day = 1
        icalcomponent_add_property(standard, icalproperty_new_dtstart(start))
        icalcomponent_add_property(standard, icalproperty_new_tzoffsetfrom(9 * 3600))
        icalcomponent_add_property(standard, icalproperty_new_tzoffsetto(9 * 3600))
        icalcomponent_add_property(standard, icalproperty_new_tzname("JST"))
        icalcomponent_add_component(zone, standard)
        return zone
    }

    static func event(_ inv: Invitation, status: icalproperty_status?, sentBy: String?, now: Date) -> OpaquePointer {
        let e = Libical.newComponent(ICAL_VEVENT_COMPONENT)
        icalcomponent_add_property(e, icalproperty_new_uid(inv.uid))
        icalcomponent_add_property(e, icalproperty_new_dtstamp(utc(now)))
        icalcomponent_add_property(e, icalproperty_new_sequence(Int32(inv.sequence)))
        icalcomponent_add_property(e, tokyoTime(icalproperty_new_dtstart(local(inv.startsAt))))
        icalcomponent_add_property(e, tokyoTime(icalproperty_new_dtend(local(inv.endsAt))))
        icalcomponent_add_property(e, icalproperty_new_summary(inv.title))
        icalcomponent_add_property(e, icalproperty_new_description(inv.description))
        icalcomponent_add_property(e, icalproperty_new_location(inv.place))
        icalcomponent_add_property(e, icalproperty_new_url(inv.url))
        icalcomponent_add_property(e, icalproperty_new_class(ICAL_CLASS_CONFIDENTIAL))
        if let status { icalcomponent_add_property(e, icalproperty_new_status(status)) }
        icalcomponent_add_property(e, icalproperty_new_transp(ICAL_TRANSP_OPAQUE))
        let organizer = Libical.made(icalproperty_new_organizer("mailto:\(inv.organizer.email)"))
        icalproperty_add_parameter(organizer, icalparameter_new_cn(inv.organizer.name))
        if let sentBy, sentBy.lowercased() != inv.organizer.email.lowercased() {
            icalproperty_add_parameter(organizer, icalparameter_new_sentby("mailto:\(sentBy)"))
        }
        icalcomponent_add_property(e, organizer)
        for a in inv.attendees {
            let p = Libical.made(icalproperty_new_attendee("mailto:\(a.email)"))
            icalproperty_add_parameter(p, icalparameter_new_cn(a.name))
            icalproperty_add_parameter(p, icalparameter_new_role(role(a.role)))
            icalproperty_add_parameter(p, icalparameter_new_partstat(partstat(a.response)))
            icalproperty_add_parameter(p, icalparameter_new_rsvp(a.role == .chair ? ICAL_RSVP_FALSE : ICAL_RSVP_TRUE))
            icalcomponent_add_property(e, p)
        }
        return e
    }

    static func tokyoTime(_ property: OpaquePointer?) -> OpaquePointer {
        let p = Libical.made(property)
        icalproperty_add_parameter(p, icalparameter_new_tzid(tzid))
        return p
    }

    static func role(_ role: AttendeeRole) -> icalparameter_role {
        switch role {
        case .chair: ICAL_ROLE_CHAIR
        case .required: ICAL_ROLE_REQPARTICIPANT
        case .optional: ICAL_ROLE_OPTPARTICIPANT
        case .observer: ICAL_ROLE_NONPARTICIPANT
        }
    }

    static func partstat(_ response: AttendeeResponse) -> icalparameter_partstat {
        switch response {
        case .needsAction: ICAL_PARTSTAT_NEEDSACTION
        case .accepted: ICAL_PARTSTAT_ACCEPTED
        case .declined: ICAL_PARTSTAT_DECLINED
        case .tentative: ICAL_PARTSTAT_TENTATIVE
        }
    }

    // MARK: times

    static func components(_ date: Date, in zone: TimeZone) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    }

    /// `c` comes from `components(_:in:)`, which asks for all six fields, so each is set.
    static func time(_ c: DateComponents, utc: Bool) -> icaltimetype {
        var t = icaltime_null_time()
        t.year = Int32(c.year ?? 1970); t.month = Int32(c.month ?? 1); t.day = Int32(c.day ?? 1)
        t.hour = Int32(c.hour ?? 0); t.minute = Int32(c.minute ?? 0); t.second = Int32(c.second ?? 0)
        t.is_date = 0
        if utc { t.zone = icaltimezone_get_utc_timezone() }
        return t
    }

    /// An instant in UTC (DTSTAMP).
    static func utc(_ date: Date) -> icaltimetype { time(components(date, in: .gmt), utc: true) }

    /// Wall-clock time in Japan, written with TZID=Asia/Tokyo.
    static func local(_ date: Date) -> icaltimetype { time(components(date, in: .tokyo), utc: false) }

    static func allDay(_ day: LocalDate) -> icaltimetype {
        var t = icaltime_null_date()
        t.year = Int32(day.year); t.month = Int32(day.month); t.day = Int32(day.day)
        return t
    }
}
