#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An address, or a network, and optionally one port, that ``NetworkPolicy`` lets through although it is
/// private: `10.0.0.5`, `10.1.0.0/16`, `127.0.0.1:8080`, `::1`, `[::1]:8080`, `fd00::/8`.
public struct AddressRule: Sendable, Hashable, CustomStringConvertible {
    /// 4 or 16 bytes, network order.
    public let bytes: [UInt8]
    public let prefixLength: Int
    /// nil: every port.
    public let port: Int?

    public init?(_ text: String) {
        var rest = Substring(text)
        var port: Int?
        if rest.hasPrefix("[") {  // [v6]:port or [v6/len]:port
            guard let close = rest.firstIndex(of: "]") else { return nil }
            let after = rest[rest.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":"), let p = Int(after.dropFirst()), (1...65535).contains(p) else { return nil }
                port = p
            }
            rest = rest[rest.index(after: rest.startIndex)..<close]
        } else if rest.filter({ $0 == ":" }).count == 1 {  // v4:port
            let parts = rest.split(separator: ":")
            guard parts.count == 2, let p = Int(parts[1]), (1...65535).contains(p) else { return nil }
            rest = parts[0]
            port = p
        }
        var length: Int?
        if let slash = rest.firstIndex(of: "/") {
            guard let l = Int(rest[rest.index(after: slash)...]) else { return nil }
            length = l
            rest = rest[..<slash]
        }
        guard let bytes = Self.ipBytes(String(rest)) else { return nil }
        let bits = bytes.count * 8
        guard (0...bits).contains(length ?? bits) else { return nil }
        self.bytes = bytes
        self.prefixLength = length ?? bits
        self.port = port
    }

    /// Whether `address` (same family) on `port` falls under this rule.
    public func matches(_ address: [UInt8], port: Int) -> Bool {
        guard address.count == bytes.count, self.port == nil || self.port == port else { return false }
        var bitsLeft = prefixLength
        for (a, b) in zip(address, bytes) where bitsLeft > 0 {
            let mask: UInt8 = bitsLeft >= 8 ? 0xFF : ~(0xFF >> UInt8(bitsLeft))
            if a & mask != b & mask { return false }
            bitsLeft -= 8
        }
        return true
    }

    public var description: String {
        let family = bytes.count == 4 ? AF_INET : AF_INET6
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        _ = bytes.withUnsafeBytes { inet_ntop(family, $0.baseAddress, &text, socklen_t(text.count)) }
        let address = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let network = prefixLength == bytes.count * 8 ? address : "\(address)/\(prefixLength)"
        guard let port else { return network }
        return bytes.count == 4 ? "\(network):\(port)" : "[\(network)]:\(port)"
    }

    /// The bytes of an IPv4 or IPv6 literal (brackets allowed), nil for anything else.
    static func ipBytes(_ text: String) -> [UInt8]? {
        var literal = text
        if literal.hasPrefix("["), literal.hasSuffix("]") { literal = String(literal.dropFirst().dropLast()) }
        var v4 = in_addr()
        if inet_pton(AF_INET, literal, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, literal, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }
}
