import CLibical
import KasaneCore

/// iCalendar text read through libical. Handles are opened, read and freed inside
/// each function; only Swift values leave it.
public enum ICalendarText {
    /// What a parsed VCALENDAR holds, enough to check a file before acting on it.
    public struct Summary: Sendable, Equatable {
        public var method: String?
        public var componentKinds: [String]
        public var eventUIDs: [String]
    }

    /// The version of libical linked in.
    public static var libicalVersion: String { String(cString: ICAL_VERSION) }

    /// Parses `text`; refuses anything that is not a single well-formed VCALENDAR.
    public static func parse(_ text: String) throws -> Summary {
        icalerror_clear_errno()
        guard let root = icalparser_parse_string(text) else {
            throw KasaneError.invalid(field: "calendar", message: "iCalendarとして読めません（BEGIN:VCALENDAR がありません）。")
        }
        defer { icalcomponent_free(root) }
        guard icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT else {
            throw KasaneError.invalid(field: "calendar", message: "iCalendarの最上位が VCALENDAR ではありません。")
        }
        if let problem = firstProblem(in: root) {
            throw KasaneError.invalid(field: "calendar", message: "iCalendarに誤りがあります: \(problem)")
        }
        var kinds: [String] = []
        var uids: [String] = []
        var child = icalcomponent_get_first_component(root, ICAL_ANY_COMPONENT)
        while let c = child {
            kinds.append(String(cString: icalcomponent_kind_to_string(icalcomponent_isa(c))))
            if icalcomponent_isa(c) == ICAL_VEVENT_COMPONENT, let uid = icalcomponent_get_uid(c) {
                uids.append(String(cString: uid))
            }
            child = icalcomponent_get_next_component(root, ICAL_ANY_COMPONENT)
        }
        let method = icalcomponent_get_method(root)
        return Summary(
            method: method == ICAL_METHOD_NONE ? nil : String(cString: icalproperty_method_to_string(method)),
            componentKinds: kinds, eventUIDs: uids)
    }

    /// Parses and writes back through libical's own serializer (`_r`: the caller frees).
    public static func normalized(_ text: String) throws -> String {
        _ = try parse(text)
        guard let root = icalparser_parse_string(text) else {
            throw KasaneError.invalid(field: "calendar", message: "iCalendarとして読めません。")
        }
        defer { icalcomponent_free(root) }
        guard let buffer = icalcomponent_as_ical_string_r(root) else {
            throw KasaneError.invalid(field: "calendar", message: "iCalendarを書き出せません。")
        }
        defer { icalmemory_free_buffer(buffer) }
        return String(cString: buffer)
    }

    /// libical marks what it could not parse with X-LIC-ERROR properties.
    private static func firstProblem(in component: OpaquePointer) -> String? {
        if let p = icalcomponent_get_first_property(component, ICAL_XLICERROR_PROPERTY),
           let text = icalproperty_get_xlicerror(p) {
            return String(cString: text)
        }
        var child = icalcomponent_get_first_component(component, ICAL_ANY_COMPONENT)
        while let c = child {
            if let problem = firstProblem(in: c) { return problem }
            child = icalcomponent_get_next_component(component, ICAL_ANY_COMPONENT)
        }
        return nil
    }
}
