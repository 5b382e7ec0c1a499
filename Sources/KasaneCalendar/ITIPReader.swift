import CLibical
import Foundation
import KasaneCore

/// Reads iTIP messages members' calendars send back (REPLY, COUNTER) through libical.
public enum ITIPReader {
    /// A parsed message, with every attendee it names (a COUNTER may name several).
    public struct Parsed: Sendable, Equatable {
        public var reply: ITIPReply
        public var attendeeEmails: [String]
    }

    public static func read(_ text: String, limits: InputLimits = .standard) throws -> Parsed {
        try ICalendarText.withCalendar(text, limits: limits) { root in try read(root) }
    }

    private static func read(_ root: OpaquePointer) throws -> Parsed {
        let method: ITIPReply.Method
        switch icalcomponent_get_method(root) {
        case ICAL_METHOD_REPLY: method = .reply
        case ICAL_METHOD_COUNTER: method = .counter
        case ICAL_METHOD_NONE:
            throw KasaneError.invalid(field: "calendar", message: "METHOD がありません。出欠の返信（METHOD:REPLY）を送ってください。")
        case let other:
            throw KasaneError.invalid(
                field: "calendar",
                message: "METHOD:\(Libical.methodName(other)) は取り込めません（REPLY または COUNTER だけを受け付けます）。")
        }
        guard icalcomponent_count_components(root, ICAL_VEVENT_COMPONENT) == 1,
              let event = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT)
        else {
            throw KasaneError.invalid(field: "calendar", message: "VEVENT がちょうど1つ必要です。")
        }
        guard let uid = Libical.string(icalcomponent_get_uid(event)), !uid.isEmpty else {
            throw KasaneError.invalid(field: "calendar", message: "UID がありません。")
        }
        guard icalcomponent_get_first_property(event, ICAL_DTSTAMP_PROPERTY) != nil else {
            throw KasaneError.invalid(field: "calendar", message: "DTSTAMP がありません。")
        }
        let dtstamp = try instant(icalcomponent_get_dtstamp(event), tzid: nil, what: "DTSTAMP")
        let sequence = Int(icalcomponent_get_sequence(event))
        guard sequence >= 0 else {
            throw KasaneError.invalid(field: "calendar", message: "SEQUENCE は0以上の整数にしてください。")
        }

        var emails: [String] = []
        var responses: [AttendeeResponse] = []
        var p = icalcomponent_get_first_property(event, ICAL_ATTENDEE_PROPERTY)
        while let property = p {
            guard let value = Libical.string(icalproperty_get_attendee(property)), !value.isEmpty else {
                throw KasaneError.invalid(field: "calendar", message: "ATTENDEE にメールアドレスがありません。")
            }
            emails.append(mailbox(value))
            let stat = icalproperty_get_first_parameter(property, ICAL_PARTSTAT_PARAMETER)
            responses.append(stat.map { response(icalparameter_get_partstat($0)) } ?? .needsAction)
            p = icalcomponent_get_next_property(event, ICAL_ATTENDEE_PROPERTY)
        }
        guard let firstEmail = emails.first, let firstResponse = responses.first else {
            throw KasaneError.invalid(field: "calendar", message: "ATTENDEE がありません。")
        }
        if method == .reply, emails.count != 1 {
            throw KasaneError.invalid(field: "calendar", message: "REPLY には返信する本人の ATTENDEE が1つだけ必要です。")
        }
        let comment = icalcomponent_get_first_property(event, ICAL_COMMENT_PROPERTY)
            .flatMap { Libical.string(icalproperty_get_comment($0)) }
        var reply = ITIPReply(
            method: method, uid: uid, sequence: sequence, dtstamp: dtstamp, attendeeEmail: firstEmail,
            response: firstResponse, comment: comment)
        if method == .reply, firstResponse == .needsAction {
            throw KasaneError.invalid(field: "calendar", message: "PARTSTAT（ACCEPTED / DECLINED / TENTATIVE）がありません。")
        }
        if method == .counter {
            reply.proposedStart = try time(event, ICAL_DTSTART_PROPERTY, what: "DTSTART")
            reply.proposedEnd = try time(event, ICAL_DTEND_PROPERTY, what: "DTEND")
        }
        return Parsed(reply: reply, attendeeEmails: emails)
    }

    static func mailbox(_ value: String) -> String {
        let lower = value.lowercased()
        return (lower.hasPrefix("mailto:") ? String(lower.dropFirst(7)) : lower).trimmingCharacters(in: .whitespaces)
    }

    static func response(_ p: icalparameter_partstat) -> AttendeeResponse {
        switch p {
        case ICAL_PARTSTAT_ACCEPTED: .accepted
        case ICAL_PARTSTAT_DECLINED: .declined
        case ICAL_PARTSTAT_TENTATIVE: .tentative
        default: .needsAction
        }
    }

    static func time(_ event: OpaquePointer, _ kind: icalproperty_kind, what: String) throws -> Date {
        guard let p = icalcomponent_get_first_property(event, kind) else {
            throw KasaneError.invalid(field: "calendar", message: "\(what) がありません（時間の提案には開始と終了が必要です）。")
        }
        let tzid = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER).flatMap { Libical.string(icalparameter_get_tzid($0)) }
        guard let value = icalproperty_get_value(p), icalvalue_isa(value) == ICAL_DATETIME_VALUE else {
            throw KasaneError.invalid(field: "calendar", message: "\(what) は日時（DATE-TIME）で指定してください。")
        }
        return try instant(icalvalue_get_datetime(value), tzid: tzid, what: what)
    }

    /// The instant of a DATE-TIME: UTC, Japan (any TZID naming Tokyo, or a floating
    /// time, which Japanese offices mean as local), or another zone libical knows.
    static func instant(_ t: icaltimetype, tzid: String?, what: String) throws -> Date {
        guard icaltime_is_null_time(t) == 0, icaltime_is_valid_time(t) != 0, t.is_date == 0 else {
            throw KasaneError.invalid(field: "calendar", message: "\(what) の日時が読めません。")
        }
        let zone: OpaquePointer?
        if icaltime_is_utc(t) != 0 {
            zone = icaltimezone_get_utc_timezone()
        } else if let tzid, !tzid.contains("Tokyo") {
            guard let builtin = icaltimezone_get_builtin_timezone(tzid) else {
                throw KasaneError.invalid(field: "calendar", message: "\(what) のタイムゾーン \(tzid) が分かりません。")
            }
            zone = builtin
        } else {
            var components = DateComponents(
                year: Int(t.year), month: Int(t.month), day: Int(t.day), hour: Int(t.hour), minute: Int(t.minute),
                second: Int(t.second))
            components.timeZone = .tokyo
            guard let date = Calendar(identifier: .gregorian).date(from: components) else {
                throw KasaneError.invalid(field: "calendar", message: "\(what) の日時が読めません。")
            }
            return date
        }
        return Date(timeIntervalSince1970: TimeInterval(icaltime_as_timet_with_zone(t, zone)))
    }
}

extension ICalendarText {
    /// What libical's RFC 5546 checker (`icalrestriction_check`) finds wrong with a
    /// message: the X-LIC-ERROR properties it adds. Empty means nothing to add.
    public static func restrictionProblems(_ text: String, limits: InputLimits = .standard) throws -> [String] {
        try withCalendar(text, limits: limits) { root in
            let ok = icalrestriction_check(root)
            var problems: [String] = []
            collect(root, into: &problems)
            if ok == 0 && problems.isEmpty { problems.append("icalrestriction_check failed") }
            return problems
        }
    }

    private static func collect(_ c: OpaquePointer, into problems: inout [String]) {
        var p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY)
        while let property = p {
            problems.append(Libical.string(icalproperty_get_xlicerror(property)) ?? "X-LIC-ERROR")
            p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY)
        }
        var child = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT)
        while let sub = child {
            collect(sub, into: &problems)
            child = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT)
        }
    }
}
