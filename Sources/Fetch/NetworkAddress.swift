#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Classifies resolved IP addresses for ``FetchPolicy/denyPrivateNetworks``.
///
/// The check runs on the address libcurl is about to connect to (after DNS), so a public host name that
/// resolves to 127.0.0.1, or a redirect to http://10.0.0.1/, is caught the same way as a literal address.
enum NetworkAddress {
    /// True for addresses that do not belong to the public Internet: unspecified, loopback, RFC 1918 private,
    /// CGNAT (100.64/10), link-local, IETF protocol assignments, benchmarking, multicast, reserved,
    /// IPv6 unique-local and link-local, and IPv4-mapped/NAT64 forms of those.
    ///
    /// - Parameter bytes: 4 bytes (IPv4) or 16 bytes (IPv6) in network order.
    static func isNonPublic(_ bytes: [UInt8]) -> Bool {
        switch bytes.count {
        case 4:
            return isNonPublicIPv4(bytes[0], bytes[1], bytes[2], bytes[3])
        case 16:
            let firstTen = bytes[0..<10].allSatisfy { $0 == 0 }
            if firstTen && bytes[10] == 0xFF && bytes[11] == 0xFF {  // ::ffff:a.b.c.d
                return isNonPublicIPv4(bytes[12], bytes[13], bytes[14], bytes[15])
            }
            if bytes[0..<12] == [0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0] {  // 64:ff9b::/96 NAT64
                return isNonPublicIPv4(bytes[12], bytes[13], bytes[14], bytes[15])
            }
            if bytes[0..<15].allSatisfy({ $0 == 0 }) && (bytes[15] == 0 || bytes[15] == 1) {  // :: and ::1
                return true
            }
            if bytes[0] & 0xFE == 0xFC { return true }  // fc00::/7 unique local
            if bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80 { return true }  // fe80::/10 link-local
            if bytes[0] == 0xFE && bytes[1] & 0xC0 == 0xC0 { return true }  // fec0::/10 site-local (deprecated)
            if bytes[0] == 0xFF { return true }  // multicast
            return false
        default:
            return true
        }
    }

    private static func isNonPublicIPv4(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> Bool {
        switch a {
        case 0, 10, 127: return true
        case 100: return b & 0xC0 == 64  // 100.64.0.0/10
        case 169: return b == 254
        case 172: return b & 0xF0 == 16  // 172.16.0.0/12
        case 192: return (b == 168) || (b == 0 && c == 0)  // 192.168/16, 192.0.0/24
        case 198: return b == 18 || b == 19  // 198.18.0.0/15
        case 224...255: return true  // multicast, reserved, broadcast
        default: return false
        }
    }

    /// The IP bytes, printable form and port of a socket address, or nil for families other than IPv4/IPv6.
    static func decode(_ address: UnsafePointer<sockaddr>) -> (bytes: [UInt8], text: String, port: Int)? {
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { v4 in
                var addr = v4.pointee.sin_addr
                let bytes = withUnsafeBytes(of: &addr) { Array($0) }
                return (bytes, bytes.map(String.init).joined(separator: "."), Int(UInt16(bigEndian: v4.pointee.sin_port)))
            }
        case AF_INET6:
            return address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { v6 in
                var addr = v6.pointee.sin6_addr
                let bytes = withUnsafeBytes(of: &addr) { Array($0) }
                var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
                inet_ntop(AF_INET6, &addr, &text, socklen_t(text.count))
                let printable = text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
                return (bytes, String(decoding: printable, as: UTF8.self), Int(UInt16(bigEndian: v6.pointee.sin6_port)))
            }
        default:
            return nil
        }
    }
}
