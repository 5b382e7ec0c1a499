import Foundation

/// A `multipart/form-data` body (RFC 7578) as an HTML form sends it: each part's name and
/// its bytes. Written here, small and fuzzed, because the library at hand (vapor/multipart-kit
/// 4.7.1) stops the process on a byte above 127 in a part's header name. Anything it cannot
/// read is a `KasaneError`, never a crash; the body is already bounded by the upload limit.
public enum FormData {
    /// At most this many parts, and names this long: a form of Kasane has a few.
    public static let maxParts = 20
    public static let maxNameBytes = 100

    /// The boundary of a `multipart/form-data` content type, or nil when it is not one.
    public static func boundary(contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for p in parts.dropFirst() where p.lowercased().hasPrefix("boundary=") {
            let value = String(p.dropFirst("boundary=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            // RFC 2046: 1 to 70 characters of a restricted set.
            let allowed = CharacterSet(charactersIn: "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? ")
            guard (1...70).contains(value.utf8.count), value.unicodeScalars.allSatisfy(allowed.contains) else { return nil }
            return value
        }
        return nil
    }

    /// Each part's bytes by its `name`. A part named twice keeps the first.
    public static func parse(_ body: Data, boundary: String) throws -> [String: Data] {
        func refused(_ why: String) -> KasaneError {
            .invalid(field: "body", message: "送られたフォームを読めません（\(why)）。画面を開き直してから、もう一度送ってください。")
        }
        let delimiter = Data("--\(boundary)".utf8)
        let crlf = Data("\r\n".utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        let closing = Data("--".utf8)
        guard var at = body.range(of: delimiter)?.upperBound else { throw refused("区切りがありません") }
        var fields: [String: Data] = [:]
        var parts = 0
        while true {
            if body[at...].starts(with: closing) { return fields }
            guard body[at...].starts(with: crlf) else { throw refused("区切りの後に改行がありません") }
            at += crlf.count
            parts += 1
            guard parts <= maxParts else { throw refused("部分が\(maxParts)を超えています") }
            guard let headers = body.range(of: headerEnd, in: at..<body.endIndex) else { throw refused("見出しが終わっていません") }
            let name = try self.name(String(decoding: body[at..<headers.lowerBound], as: UTF8.self), refused: refused)
            guard let next = body.range(of: crlf + delimiter, in: headers.upperBound..<body.endIndex) else {
                throw refused("最後の区切りがありません")
            }
            if fields[name] == nil { fields[name] = Data(body[headers.upperBound..<next.lowerBound]) }
            at = next.upperBound
        }
    }

    /// The `name` of a part's Content-Disposition header.
    static func name(_ headers: String, refused: (String) -> KasaneError) throws -> String {
        for line in headers.split(separator: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition" else { continue }
            for param in pair[1].split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where param.hasPrefix("name=") {
                let name = String(param.dropFirst("name=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                guard !name.isEmpty, name.utf8.count <= maxNameBytes else { throw refused("部分の名前が不正です") }
                return name
            }
        }
        throw refused("部分に名前がありません")
    }
}
