import Foundation
import KasaneCore

/// An iMIP e-mail (RFC 6047) for one message to one attendee:
///
///     multipart/mixed
///       multipart/alternative
///         text/plain (a Japanese summary)
///         text/calendar; method=REQUEST|CANCEL; charset=UTF-8
///       application/ics attachment (the same .ics, invite.ics)
///
/// Its subject and file name carry the meeting's generated title and codes only.
public enum IMIPMail {
    public struct Mail: Sendable, Equatable {
        public var fileName: String
        public var text: String
    }

    public static func compose(_ message: OutgoingMessage, ics: String, from: String, now: Date = Date()) -> Mail {
        let inv = message.invitation
        let when = japaneseDateTime(inv.startsAt, inv.endsAt)
        let verb = message.method == .cancel ? "中止" : message.sequence > 0 ? "変更" : "招集"
        let subject = "【Kasane】会議の\(verb): \(inv.title)（\(when.short)）"
        let messageID = "<kasane-\(message.meetingId)-\(message.sequence)-\(message.staffId)-\(message.id ?? 0)@kasane>"
        let mixed = "kasane-mixed-\(message.id ?? 0)-\(message.sequence)"
        let alternative = "kasane-alt-\(message.id ?? 0)-\(message.sequence)"
        let summary = [
            message.method == .cancel ? "次の会議は中止（または出席の取り消し）となりました。" : "次の会議のご案内です。",
            "",
            "会議: \(inv.title)",
            "日時: \(when.long)",
            "場所: \(inv.place)",
            "",
            inv.description,
            "",
            "このメールにはカレンダー招待（.ics）が添付されています。",
            "Outlook・Google カレンダー・Thunderbird で開くと予定に登録され、出欠を返信できます。",
        ].joined(separator: "\n")

        var lines = [
            "From: \(from)",
            "To: \(message.email)",
            "Subject: \(encodedWords(subject, header: "Subject"))",
            "Date: \(rfc5322Date(now))",
            "Message-ID: \(messageID)",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"\(mixed)\"",
            "",
            "--\(mixed)",
            "Content-Type: multipart/alternative; boundary=\"\(alternative)\"",
            "",
            "--\(alternative)",
        ]
        lines += part("text/plain; charset=UTF-8", summary)
        lines.append("--\(alternative)")
        lines += part("text/calendar; method=\(message.method.rawValue); charset=UTF-8", ics)
        lines.append("--\(alternative)--")
        lines.append("--\(mixed)")
        lines += part(
            "application/ics; name=\"invite.ics\"", ics, disposition: "attachment; filename=\"invite.ics\"")
        lines.append("--\(mixed)--")
        lines.append("")

        // Named by the message, not the attempt: a retry after a failed hand-off rewrites the same file.
        let stamp = ISO8601DateFormatter().string(from: message.createdAt).replacingOccurrences(of: ":", with: "")
        let file = "\(stamp)-meeting\(message.meetingId)-seq\(message.sequence)-\(message.method.rawValue)-staff\(message.staffId)-\(message.id ?? 0).eml"
        return Mail(fileName: file, text: lines.joined(separator: "\r\n"))
    }

    /// A plain notice (no calendar part): the hand-back of a case to its lead agency.
    /// Subject, body and file name carry case codes only.
    public static func notice(to email: String, subject: String, body: String, id: Int64, from: String, now: Date = Date()) -> Mail {
        var lines = [
            "From: \(from)",
            "To: \(email)",
            "Subject: \(encodedWords(subject, header: "Subject"))",
            "Date: \(rfc5322Date(now))",
            "Message-ID: <kasane-notice-\(id)@kasane>",
            "MIME-Version: 1.0",
        ]
        lines += part("text/plain; charset=UTF-8", body)
        lines.append("")
        return Mail(fileName: "notice-\(id).eml", text: lines.joined(separator: "\r\n"))
    }

    /// A body part in base64, lines of 76 characters.
    static func part(_ contentType: String, _ body: String, disposition: String? = nil) -> [String] {
        var lines = ["Content-Type: \(contentType)", "Content-Transfer-Encoding: base64"]
        if let disposition { lines.append("Content-Disposition: \(disposition)") }
        lines.append("")
        let encoded = Data(body.utf8).base64EncodedString()
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let next = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(String(encoded[index..<next]))
            index = next
        }
        return lines
    }

    /// RFC 2047 encoded words for the value of `header`, folded so that every line of the
    /// header (the first with its name, the others after one space) is at most 76 characters,
    /// never splitting a character. An ASCII text that fits stays as it is.
    static func encodedWords(_ text: String, header: String) -> String {
        let wrapper = "=?UTF-8?B??=".count
        if text.allSatisfy({ $0.isASCII && !$0.isNewline }), header.count + 2 + text.count <= 76 { return text }
        /// The most bytes whose base64 fits in `room` characters.
        func bytes(fitting room: Int) -> Int { max(1, (room - wrapper) / 4 * 3) }
        var limit = bytes(fitting: 76 - header.count - 2)
        var words: [String] = []
        var chunk = Data()
        for ch in text {
            let encoded = Data(String(ch).utf8)
            if !chunk.isEmpty, chunk.count + encoded.count > limit {
                words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=")
                chunk = Data()
                limit = bytes(fitting: 76 - 1)
            }
            chunk += encoded
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=") }
        return words.joined(separator: "\r\n ")
    }

    static func rfc5322Date(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = .tokyo
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return f.string(from: date)
    }

    /// `12月3日（木）10:00` and `2026年12月3日（木）10:00〜11:30`, in Japan.
    static func japaneseDateTime(_ start: Date, _ end: Date) -> (short: String, long: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .tokyo
        let s = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: start)
        let e = calendar.dateComponents([.hour, .minute], from: end)
        // Every field asked for is filled; weekday runs 1 (Sunday) to 7.
        let weekday = ["日", "月", "火", "水", "木", "金", "土"][((s.weekday ?? 1) - 1 + 7) % 7]
        let time = String(format: "%02d:%02d", s.hour ?? 0, s.minute ?? 0)
        let endTime = String(format: "%02d:%02d", e.hour ?? 0, e.minute ?? 0)
        let (year, month, day) = (s.year ?? 0, s.month ?? 0, s.day ?? 0)
        return ("\(month)月\(day)日（\(weekday)）\(time)", "\(year)年\(month)月\(day)日（\(weekday)）\(time)〜\(endTime)")
    }
}
