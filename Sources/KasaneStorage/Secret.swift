import Crypto
import Foundation

/// A secret handed to a person (an API token, a sign-in link, a session, a feed token) and
/// kept by the storage only as its SHA-256 hash, so that a copy of the database opens nothing.
public enum Secret {
    /// 43 base-62 characters: 256 random bits.
    public static let length = 43

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    /// 256 random bits from the system's generator, as 43 base-62 characters.
    public static func new() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }

    /// Whether `text` has the form of a secret (checked before anything is looked up).
    public static func wellFormed(_ text: String) -> Bool {
        text.utf8.count == length && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }
    }

    /// The SHA-256 of the secret, as lowercase hex (what is stored and looked up).
    public static func hash(_ secret: String) -> String { SHA256Hex.of(Data(secret.utf8)) }
}

/// SHA-256 as 64 lowercase hex characters: the one form every stored hash takes (secrets,
/// audit lines, minutes), built without a formatter per byte.
public enum SHA256Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    public static func of(_ data: Data) -> String {
        var hex = [UInt8]()
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: data) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
