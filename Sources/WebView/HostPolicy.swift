import Foundation

/// Which host names `syndic serve` answers for: its defence against DNS rebinding.
///
/// A page on another site can point its own name at 127.0.0.1 (DNS rebinding) and have the browser
/// fetch this server as if it were that site, so the page's script can read the stories and feeds. Such
/// requests carry the other site's name in `Host`, so the server answers only:
///
/// - loopback names and addresses: `localhost`, `*.localhost` (browsers keep those on the machine),
///   `127.0.0.0/8`, `::1`;
/// - the address or name it listens on (`--host`); when that is every address (`0.0.0.0`, `::`), any
///   IP address, since a bare address cannot be rebound (the browser's origin is then that address);
/// - the host of the public URL (`--self-url`);
/// - the names the user allows (`--allowed-host`; `.example.org` allows the domain and every name under it).
///
/// The port in `Host` is not compared (a reverse proxy may change it). A request without `Host`
/// (HTTP/1.0 allows that; browsers always send one) is answered.
public struct HostPolicy: Sendable, Equatable {
    /// Names answered exactly (lowercase, no trailing dot).
    public private(set) var names: Set<String> = ["localhost"]
    /// Domains answered with every name under them, each with its leading dot (`.example.org`).
    public private(set) var domains: [String] = [".localhost"]
    /// Whether any IP address is answered (listening on every address).
    public private(set) var anyAddress = false

    /// The policy for a server listening on `listenHost`, published at `publicURL`, with `allowedHosts` added.
    /// Entries that ``normalizedEntry(_:)`` refuses are ignored (the command line checks them first).
    public init(listenHost: String, publicURL: String? = nil, allowedHosts: [String] = []) {
        if Self.isWildcard(listenHost) {
            anyAddress = true
        } else if let listen = Self.normalizedEntry(listenHost) {
            names.insert(listen)
        }
        if let publicURL, let host = URLComponents(string: publicURL)?.host, let entry = Self.normalizedEntry(host) {
            names.insert(entry)
        }
        for raw in allowedHosts {
            guard let entry = Self.normalizedEntry(raw) else { continue }
            if entry.hasPrefix(".") { domains.append(entry) } else { names.insert(entry) }
        }
    }

    /// Whether a request whose `Host` header (its authority) is `authority` is answered.
    public func allows(authority: String?) -> Bool {
        guard let authority, !authority.isEmpty else { return true }
        guard let host = Self.host(ofAuthority: authority) else { return false }
        if let address = IPAddressText(host) {
            return address.isLoopback || anyAddress || names.contains(address.text)
        }
        if names.contains(host) { return true }
        return domains.contains { host.hasSuffix($0) || "." + host == $0 }
    }

    /// An `--allowed-host` entry in its stored form (lowercase, no trailing dot; IPv6 without brackets),
    /// or nil when it is not a host name, an IP address or a `.domain`.
    public static func normalizedEntry(_ raw: String) -> String? {
        var text = raw.trimmingCharacters(in: .whitespaces).lowercased()
        if text.hasPrefix("[") && text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        if let address = IPAddressText(text) { return address.text }
        let domain = text.hasPrefix(".")
        if domain { text.removeFirst() }
        if text.hasSuffix(".") { text.removeLast() }
        guard isHostName(text) else { return nil }
        return domain ? "." + text : text
    }

    /// Whether `host` means every address of the machine.
    public static func isWildcard(_ host: String) -> Bool {
        ["0.0.0.0", "::", "[::]", ""].contains(host)
    }

    /// The host part of an authority (`name`, `name:port`, `[v6]`, `[v6]:port`), lowercase without a
    /// trailing dot; nil when it is not a well-formed host (user info, a path, bad characters, a bad port).
    static func host(ofAuthority authority: String) -> String? {
        guard authority.utf8.count <= 300 else { return nil }
        var host: Substring
        var port: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let rest = authority[authority.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else { return nil }
                port = rest.dropFirst()
            }
            guard IPAddressText(String(host))?.isIPv6 == true else { return nil }
        } else {
            let parts = authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            host = parts[0]
            if parts.count == 2 { port = parts[1] }
        }
        if let port, port.isEmpty || port.count > 5 || !port.allSatisfy({ $0.isASCII && $0.isNumber }) { return nil }
        var name = host.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        if let address = IPAddressText(name) { return address.text }
        return isHostName(name) ? name : nil
    }

    /// Letters, digits, `-` and `_` in dot-separated labels of 1 to 63 characters.
    static func isHostName(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 253 else { return false }
        return text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            (1...63).contains(label.utf8.count)
                && label.utf8.allSatisfy { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) }
        }
    }
}

/// An IPv4 or IPv6 address written as text, in the canonical form `inet_ntop` gives.
struct IPAddressText: Equatable {
    let text: String
    let isIPv6: Bool
    let isLoopback: Bool

    init?(_ raw: String) {
        var v4 = in_addr()
        var v6 = in6_addr()
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        if inet_pton(AF_INET, raw, &v4) == 1 {
            guard inet_ntop(AF_INET, &v4, &buffer, socklen_t(buffer.count)) != nil else { return nil }
            text = String(cString: buffer)
            isIPv6 = false
            isLoopback = UInt32(bigEndian: v4.s_addr) >> 24 == 127
        } else if inet_pton(AF_INET6, raw, &v6) == 1 {
            guard inet_ntop(AF_INET6, &v6, &buffer, socklen_t(buffer.count)) != nil else { return nil }
            text = String(cString: buffer)
            isIPv6 = true
            let bytes = withUnsafeBytes(of: v6) { Array($0) }
            let mappedV4 = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF
            isLoopback = bytes == [UInt8](repeating: 0, count: 15) + [1] || (mappedV4 && bytes[12] == 127)
        } else {
            return nil
        }
    }
}
