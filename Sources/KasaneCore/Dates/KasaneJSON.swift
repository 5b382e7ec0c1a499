import Foundation

/// The one JSON form of Kasane's output, for the API and the command line alike:
/// sorted keys, and instants as Japan reads them (2026-12-03T10:00:00+09:00).
public enum KasaneJSON {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = .tokyo
            var container = encoder.singleValueContainer()
            try container.encode(formatter.string(from: date))
        }
        return encoder
    }

    /// Reads instants with an offset (2026-12-03T10:00:00+09:00 or ...Z).
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = ISO8601DateFormatter().date(from: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "日時は 2026-12-03T10:00:00+09:00 の形で指定してください（\(text)）")
            }
            return date
        }
        return decoder
    }
}
