import Crypto
import Foundation
import _CryptoExtras

/// Slow, salted password hashes (scrypt, from swift-crypto's `_CryptoExtras`), in one self-describing
/// text form that records its parameters, so stronger parameters can be adopted later without
/// invalidating stored hashes:
///
///     $scrypt$ln=15,r=8,p=1$<salt, base64>$<key, base64>
///
/// `ln` is log2 of scrypt's cost N (2^15 = 32,768: about 32 MiB and a tenth of a second per check
/// on a small server), `r` the block size, `p` the parallelism; the salt is 16 random bytes and the
/// key 32 bytes. Verification recomputes the key with the stored parameters and compares in constant
/// time. Passwords are never stored, logged or printed; only this text is.
///
/// ```swift
/// let stored = try PasswordHash.make("correct horse battery staple")
/// PasswordHash.verify("correct horse battery staple", against: stored)   // true
/// ```
public enum PasswordHash {
    /// The parameters new hashes use.
    public struct Parameters: Sendable, Equatable {
        /// log2 of scrypt's cost N.
        public var logCost: Int
        public var blockSize: Int
        public var parallelism: Int

        public init(logCost: Int, blockSize: Int, parallelism: Int) {
            self.logCost = logCost; self.blockSize = blockSize; self.parallelism = parallelism
        }

        /// N = 2^15, r = 8, p = 1: 32 MiB of memory per hash (within BoringSSL's 65 MB cap).
        public static let standard = Parameters(logCost: 15, blockSize: 8, parallelism: 1)
    }

    static let saltBytes = 16
    static let keyBytes = 32

    /// Hashes `password` with a new random salt.
    public static func make(_ password: String, parameters: Parameters = .standard) throws(CredentialError) -> String {
        guard !password.isEmpty else { throw .emptyPassword }
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<saltBytes).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let key = try derive(password, salt: salt, parameters)
        return "$scrypt$ln=\(parameters.logCost),r=\(parameters.blockSize),p=\(parameters.parallelism)$"
            + Data(salt).base64EncodedString() + "$" + Data(key).base64EncodedString()
    }

    /// Whether `password` matches `stored` (a text made by ``make(_:parameters:)``). A malformed
    /// `stored` text matches nothing.
    public static func verify(_ password: String, against stored: String) -> Bool {
        guard let parsed = parse(stored), let key = try? derive(password, salt: parsed.salt, parsed.parameters) else { return false }
        return ConstantTime.equal(key, parsed.key)
    }

    /// The parameters, salt and key of a stored hash; nil when it is not in the form above.
    static func parse(_ stored: String) -> (parameters: Parameters, salt: [UInt8], key: [UInt8])? {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].isEmpty, parts[1] == "scrypt" else { return nil }
        var values: [String: Int] = [:]
        for pair in parts[2].split(separator: ",") {
            let kv = pair.split(separator: "=")
            guard kv.count == 2, let n = Int(kv[1]) else { return nil }
            values[String(kv[0])] = n
        }
        guard let ln = values["ln"], let r = values["r"], let p = values["p"], (10...20).contains(ln), (1...32).contains(r),
              (1...16).contains(p),
              let salt = Data(base64Encoded: String(parts[3])), let key = Data(base64Encoded: String(parts[4])),
              !salt.isEmpty, key.count == keyBytes else { return nil }
        return (Parameters(logCost: ln, blockSize: r, parallelism: p), Array(salt), Array(key))
    }

    private static func derive(_ password: String, salt: [UInt8], _ p: Parameters) throws(CredentialError) -> [UInt8] {
        do {
            let key = try KDF.Scrypt.deriveKey(from: Array(password.utf8), salt: salt, outputByteCount: keyBytes,
                                               rounds: 1 << p.logCost, blockSize: p.blockSize, parallelism: p.parallelism)
            return key.withUnsafeBytes { Array($0) }
        } catch {
            throw .hashingFailed(String(describing: error))
        }
    }
}
