import Foundation
import KasaneCore
import Testing

@Suite("A posted file form (multipart/form-data) is read, or refused with the reason, never a crash")
struct FormDataTests {
    static let form = "--XB\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc\r\n"
        + "--XB\r\nContent-Disposition: form-data; name=\"agencies\"; filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n\r\n"
        + "--XB\r\ncontent-disposition: form-data; name=\"staff\"; filename=\"職員.csv\"\r\nContent-Type: text/csv\r\n\r\n機関コード,氏名\r\nCSW,試験\r\n--XB--\r\n"

    @Test("A browser's form: each part by name, an empty file empty, a CSV with its own line ends intact")
    func reads() throws {
        #expect(FormData.boundary(contentType: "multipart/form-data; boundary=XB") == "XB")
        #expect(FormData.boundary(contentType: "Multipart/Form-Data; boundary=\"----WebKitFormBoundary7MA4\"") == "----WebKitFormBoundary7MA4")
        let fields = try FormData.parse(Data(Self.form.utf8), boundary: "XB")
        #expect(fields["csrf"] == Data("abc".utf8))
        #expect(fields["agencies"] == Data())
        #expect(fields["staff"] == Data("機関コード,氏名\r\nCSW,試験".utf8))
    }

    @Test("Not a form, no boundary, a bad boundary, truncated, unnamed, too many parts, and the byte that stopped multipart-kit: each refused")
    func refuses() throws {
        for type in ["text/plain", "multipart/form-data", "multipart/form-data; boundary=", "multipart/mixed; boundary=XB",
                     "multipart/form-data; boundary=" + String(repeating: "x", count: 71), "multipart/form-data; boundary=a\u{7F}b"] {
            #expect(FormData.boundary(contentType: type) == nil, "\(type)")
        }
        let body = Data(Self.form.utf8)
        var refusals = [
            Data(), Data("no delimiter at all".utf8), body.prefix(body.count - 8), body.prefix(30),
            Data("--XB\r\nContent-Type: text/plain\r\n\r\nx\r\n--XB--".utf8),
            Data(("--XB\r\n" + "Content-Disposition: form-data; name=\"" + String(repeating: "n", count: 101) + "\"\r\n\r\nx\r\n--XB--").utf8),
            Data((String(repeating: "--XB\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n", count: 21) + "--XB--").utf8),
        ]
        // multipart-kit 4.7.1 crashed the service on this (Fuzz/regressions/multipart).
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Fuzz/regressions/multipart").standardized
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            refusals.append(try Data(contentsOf: folder.appendingPathComponent(name)))
        }
        for input in refusals {
            #expect(throws: KasaneError.self, "\(String(decoding: input.prefix(60), as: UTF8.self))") { try FormData.parse(input, boundary: "XB") }
        }
        // The crashing byte in a header is not a crash here: the part has no readable name.
        #expect { try FormData.parse(refusals.last ?? Data(), boundary: "XB") } throws: {
            ($0 as? KasaneError)?.message.contains("名前がありません") == true
        }
    }
}
