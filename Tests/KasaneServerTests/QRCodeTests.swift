import Foundation
import Testing

@testable import KasaneServer

@Suite("Kasane's own QR codes, checked against another encoder and a decoder")
struct QRCodeTests {
    @Test("For lengths across versions 1 to 15, every mask matches the qrcode package's matrix, and zbarimg reads the chosen code back")
    func againstOthers() throws {
        let texts = [
            "K", "otpauth://totp/Kasane:kitamura?secret=JBSWY3DP", String(repeating: "あ", count: 20),
            "otpauth://totp/Kasane%3Aaizawa.misaki%40minamino.example.jp?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Kasane",
            String(repeating: "0123456789abcdef", count: 9), String(repeating: "x", count: 250), String(repeating: "y", count: 400),
        ]
        var cases: [[String: Any]] = []
        for text in texts {
            let chosen = try QRCode(bytes: Array(text.utf8))
            var forced: [String: [String]] = [:]
            for mask in 0..<8 {
                forced[String(mask)] = try QRCode(bytes: Array(text.utf8), mask: mask).modules.map { row in String(row.map { $0 ? "1" : "0" }) }
            }
            cases.append(["text": text, "version": chosen.version, "forced": forced, "chosen": chosen.modules.map { String($0.map { $0 ? "1" : "0" }) }])
        }
        #expect(Set(cases.compactMap { $0["version"] as? Int }).count >= 5)
        let dir = try IndependentCheck.temporaryDirectory()
        let file = dir.appendingPathComponent("qr.json")
        try JSONSerialization.data(withJSONObject: cases).write(to: file)
        let output = try IndependentCheck.run("check_qr.py", [file.path])
        #expect(output.contains("\(texts.count) codes ok"))
        #expect(throws: (any Error).self) { try QRCode(bytes: [UInt8](repeating: 65, count: 500)) }
    }
}
