import Crypto
import Foundation

/// Random API tokens: 32 random bytes shown once to the user as `syn_` and 64 hex digits; the database
/// keeps only their SHA-256 (a token has 256 bits of entropy, so a fast hash cannot be guessed
/// backwards, and a stolen database yields no usable token). Lookups go by the hash; the found hash is
/// compared again in constant time.
public enum APITokenSecret {
    /// The prefix of every token (so a leaked one is recognisable in logs and scanners).
    public static let prefix = "syn_"

    /// A new token and the hash to store.
    public static func make() -> (token: String, hash: String) {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let token = prefix + hex(bytes)
        return (token, hash(token))
    }

    /// The stored form of `token`: SHA-256, 64 lowercase hex digits.
    public static func hash(_ token: String) -> String {
        hex(Array(SHA256.hash(data: Array(token.utf8))))
    }

    /// Whether `token` has the shape of a Syndic token (cheap check before any lookup).
    public static func isWellFormed(_ token: String) -> Bool {
        token.hasPrefix(prefix) && token.utf8.count == prefix.utf8.count + 64
            && token.utf8.dropFirst(prefix.utf8.count).allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0xF)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
