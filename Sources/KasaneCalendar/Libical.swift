import CLibical
import KasaneCore

/// The one door through which values come back from libical. Anything libical returns
/// for outside input may be null (an unknown component kind, a property with no value,
/// a method it cannot name): each is checked here, and a null becomes nil, never a crash.
enum Libical {
    /// A C string libical returned, or nil where it returned none.
    static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    /// The name of a component's kind (VEVENT, VTODO...), or a plain word for one
    /// libical does not know (it names none: `BEGIN:VExample`).
    static func kindName(_ component: OpaquePointer) -> String {
        string(icalcomponent_kind_to_string(icalcomponent_isa(component))) ?? "不明な要素"
    }

    /// The name of an iTIP METHOD, or a plain word when libical has none for it.
    static func methodName(_ method: icalproperty_method) -> String {
        string(icalproperty_method_to_string(method)) ?? "（不明）"
    }

    /// Parses a VCALENDAR: the text is bounded first (`CalendarBounds`), so libical
    /// never sees more than the limits allow; nil when libical finds no component.
    static func parse(_ text: String, limits: InputLimits) throws -> OpaquePointer {
        try CalendarBounds.check(text, limits: limits)
        icalerror_clear_errno()
        guard let root = icalparser_parse_string(text) else {
            throw KasaneError.invalid(field: "calendar", message: "iCalendarとして読めません（BEGIN:VCALENDAR がありません）。")
        }
        return root
    }

    /// Creates a component for output. libical returns NULL here only when memory
    /// cannot be allocated, which no input can cause; the process could not go on then.
    static func newComponent(_ kind: icalcomponent_kind) -> OpaquePointer {
        icalcomponent_new(kind)!
    }

    /// A property created for output from Kasane's own values; NULL only when memory
    /// cannot be allocated (as above).
    static func made(_ property: OpaquePointer?) -> OpaquePointer {
        property!
    }
}

/// Counts what an iCalendar text holds before libical parses it, so that a hostile
/// file (a million lines, components nested a thousand deep) is refused with the
/// reason instead of using up memory or the stack.
enum CalendarBounds {
    static func check(_ text: String, limits: InputLimits) throws {
        guard text.utf8.count <= limits.uploadBytes else {
            throw KasaneError.invalid(
                field: "calendar", message: "iCalendarが大きすぎます（上限 \(limits.uploadBytes / 1024) KB）。")
        }
        var lines = 0
        var components = 0
        var properties = 0
        var depth = 0
        for raw in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            // A folded line (starting with a space or tab) continues the one before.
            guard let first = raw.first, first != UInt8(ascii: " "), first != UInt8(ascii: "\t") else { continue }
            lines += 1
            guard lines <= limits.calendarLines else {
                throw KasaneError.invalid(
                    field: "calendar", message: "iCalendarの行が多すぎます（上限 \(limits.calendarLines) 行）。")
            }
            if startsWith(raw, "BEGIN:") {
                components += 1
                depth += 1
                guard components <= limits.calendarComponents else {
                    throw KasaneError.invalid(
                        field: "calendar", message: "iCalendarの要素（BEGIN:）が多すぎます（上限 \(limits.calendarComponents)）。（\(lines)行目）")
                }
                guard depth <= limits.calendarDepth else {
                    throw KasaneError.invalid(
                        field: "calendar", message: "iCalendarの入れ子が深すぎます（上限 \(limits.calendarDepth) 段）。（\(lines)行目）")
                }
            } else if startsWith(raw, "END:") {
                depth = max(0, depth - 1)
            } else {
                properties += 1
                guard properties <= limits.calendarProperties else {
                    throw KasaneError.invalid(
                        field: "calendar", message: "iCalendarのプロパティが多すぎます（上限 \(limits.calendarProperties)）。（\(lines)行目）")
                }
            }
        }
    }

    /// Case-insensitive prefix test on bytes (iCalendar names are ASCII).
    private static func startsWith(_ line: Substring.UTF8View, _ prefix: String) -> Bool {
        var i = line.startIndex
        for p in prefix.utf8 {
            guard i < line.endIndex else { return false }
            var c = line[i]
            if c >= 0x61 && c <= 0x7A { c -= 0x20 }
            guard c == p else { return false }
            i = line.index(after: i)
        }
        return true
    }
}
