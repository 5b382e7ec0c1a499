import CLibical
import KasaneCore

/// iCalendar text read through libical. Handles are opened, read and freed inside
/// each function; only Swift values leave it. Every value libical returns is checked
/// (`Libical`), and the text is bounded before libical parses it.
public enum ICalendarText {
    /// What a parsed VCALENDAR holds, enough to check a file before acting on it.
    public struct Summary: Sendable, Equatable {
        public var method: String?
        public var componentKinds: [String]
        public var eventUIDs: [String]
    }

    /// The version of libical linked in.
    public static var libicalVersion: String { Libical.string(ICAL_VERSION) ?? "?" }

    /// Parses `text`; refuses anything that is not a single well-formed VCALENDAR.
    public static func parse(_ text: String, limits: InputLimits = .standard) throws -> Summary {
        try withCalendar(text, limits: limits) { root in
            var kinds: [String] = []
            var uids: [String] = []
            var child = icalcomponent_get_first_component(root, ICAL_ANY_COMPONENT)
            while let c = child {
                kinds.append(Libical.kindName(c))
                if icalcomponent_isa(c) == ICAL_VEVENT_COMPONENT, let uid = Libical.string(icalcomponent_get_uid(c)) {
                    uids.append(uid)
                }
                child = icalcomponent_get_next_component(root, ICAL_ANY_COMPONENT)
            }
            let method = icalcomponent_get_method(root)
            return Summary(
                method: method == ICAL_METHOD_NONE ? nil : Libical.methodName(method), componentKinds: kinds, eventUIDs: uids)
        }
    }

    /// Parses and writes back through libical's own serializer (`_r`: the caller frees).
    public static func normalized(_ text: String, limits: InputLimits = .standard) throws -> String {
        try withCalendar(text, limits: limits) { root in
            guard let buffer = icalcomponent_as_ical_string_r(root) else {
                throw KasaneError.invalid(field: "calendar", message: "iCalendarを書き出せません。")
            }
            defer { icalmemory_free_buffer(buffer) }
            return String(cString: buffer)
        }
    }

    /// Parses `text` as one well-formed VCALENDAR (bounded, no X-LIC-ERROR), hands the
    /// root to `body`, and frees it: the one way Kasane opens outside iCalendar.
    static func withCalendar<T>(_ text: String, limits: InputLimits, _ body: (OpaquePointer) throws -> T) throws -> T {
        let root = try Libical.parse(text, limits: limits)
        defer { icalcomponent_free(root) }
        guard icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT else {
            throw KasaneError.invalid(field: "calendar", message: "iCalendarの最上位が VCALENDAR ではありません。")
        }
        if let problem = firstProblem(in: root) {
            throw KasaneError.invalid(field: "calendar", message: "iCalendarに誤りがあります: \(problem)")
        }
        return try body(root)
    }

    /// libical marks what it could not parse with X-LIC-ERROR properties; an unknown
    /// component kind (a misspelt BEGIN:) is an error too. Depth is bounded by the
    /// pre-scan, so the recursion is too.
    private static func firstProblem(in component: OpaquePointer) -> String? {
        if let p = icalcomponent_get_first_property(component, ICAL_XLICERROR_PROPERTY) {
            return Libical.string(icalproperty_get_xlicerror(p)) ?? "読めない行があります。"
        }
        var child = icalcomponent_get_first_component(component, ICAL_ANY_COMPONENT)
        while let c = child {
            if icalcomponent_isa(c) == ICAL_NO_COMPONENT {
                return "知らない種類の要素があります（BEGIN: の名前を確認してください）。"
            }
            if let problem = firstProblem(in: c) { return problem }
            child = icalcomponent_get_next_component(component, ICAL_ANY_COMPONENT)
        }
        return nil
    }
}
