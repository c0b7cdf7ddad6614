import Foundation

/// Which addresses a fetch may reach and how host names are resolved: one object for every command that
/// fetches (`feeds add`, `poll`, `extract URL`, `fetch`), applied by the driver to every connection.
///
/// - ``denyPrivateNetworks``: every connection (the first and each redirect hop, after DNS resolution) to
///   a loopback, private, link-local, CGNAT or unique-local address is refused, and so are `file:` URLs;
///   ``allowedAddresses`` are the operator's exceptions (one LAN feed server, or a test server).
/// - ``resolve``: names mapped to fixed addresses (libcurl `CURLOPT_RESOLVE`, like `curl --resolve`).
/// - ``resolveOnly``: test mode, where a name that is not mapped (nor an IP literal nor `localhost`) is
///   refused before the system resolver is asked, so no test ever resolves a name outside the machine.
///
/// Set once for an instance through the environment (``init(environment:)``):
/// `SYNDIC_DENY_PRIVATE_NETWORKS=1`, `SYNDIC_ALLOW_ADDRESSES=10.0.0.5,127.0.0.1:8080`,
/// `SYNDIC_RESOLVE=news.example:80:127.0.0.1,...`, `SYNDIC_RESOLVE_ONLY=1`.
public struct NetworkPolicy: Sendable, Hashable {
    public var denyPrivateNetworks = false
    /// Addresses reachable even under ``denyPrivateNetworks``.
    public var allowedAddresses: [AddressRule] = []
    /// `HOST:PORT:ADDRESS` entries handed to libcurl as `CURLOPT_RESOLVE`.
    public var resolve: [String] = []
    /// Refuse names that ``resolve`` does not map (IP literals and `localhost` aside).
    public var resolveOnly = false

    /// Nothing denied, nothing mapped.
    public init() {}

    /// The policy the environment sets (unknown or malformed values are ignored here; the command line
    /// validates them with ``parse(environment:)`` and says what is wrong).
    public init(environment: [String: String]) {
        self = Self.lenient(environment)
    }

    /// The policy of this process's environment.
    public static var fromEnvironment: NetworkPolicy { NetworkPolicy(environment: ProcessInfo.processInfo.environment) }

    /// The policy the environment sets, or the first malformed value.
    public static func parse(environment: [String: String]) throws(NetworkPolicyError) -> NetworkPolicy {
        var policy = NetworkPolicy()
        policy.denyPrivateNetworks = isOn(environment["SYNDIC_DENY_PRIVATE_NETWORKS"])
        policy.resolveOnly = isOn(environment["SYNDIC_RESOLVE_ONLY"])
        for item in list(environment["SYNDIC_ALLOW_ADDRESSES"]) {
            guard let rule = AddressRule(item) else { throw .badAddress(item, variable: "SYNDIC_ALLOW_ADDRESSES") }
            policy.allowedAddresses.append(rule)
        }
        for item in list(environment["SYNDIC_RESOLVE"]) {
            guard isResolveEntry(item) else { throw .badResolveEntry(item) }
            policy.resolve.append(item)
        }
        return policy
    }

    private static func lenient(_ environment: [String: String]) -> NetworkPolicy {
        var policy = NetworkPolicy()
        policy.denyPrivateNetworks = isOn(environment["SYNDIC_DENY_PRIVATE_NETWORKS"])
        policy.resolveOnly = isOn(environment["SYNDIC_RESOLVE_ONLY"])
        policy.allowedAddresses = list(environment["SYNDIC_ALLOW_ADDRESSES"]).compactMap(AddressRule.init)
        policy.resolve = list(environment["SYNDIC_RESOLVE"]).filter(isResolveEntry)
        return policy
    }

    /// Whether a connection to `bytes` (4 or 16 bytes, network order) on `port` is allowed.
    public func mayConnect(to bytes: [UInt8], port: Int) -> Bool {
        guard denyPrivateNetworks, NetworkAddress.isNonPublic(bytes) else { return true }
        return allowedAddresses.contains { $0.matches(bytes, port: port) }
    }

    /// The refusal that `url` earns before any connection, from the URL alone: a `file:` URL or a literal
    /// non-public address under ``denyPrivateNetworks``, an unmapped name under ``resolveOnly``. Names that
    /// resolve to private addresses are caught later, on the connection. The driver applies it to every
    /// request; `feeds import` applies it to every imported URL.
    public func refusal(of url: String) -> FetchError? {
        guard let parts = URLParts(url) else { return nil }
        if parts.scheme == "file" {
            return denyPrivateNetworks ? .privateNetworkDenied(url: url, address: "local file") : nil
        }
        if let bytes = AddressRule.ipBytes(parts.host), !mayConnect(to: bytes, port: parts.port) {
            return .privateNetworkDenied(url: url, address: parts.host)
        }
        if !mayResolve(host: parts.host, port: parts.port) { return .nameNotMapped(url: url, host: parts.host) }
        return nil
    }

    /// Whether a transfer to `host` may go ahead under ``resolveOnly``: IP literals, `localhost` and mapped names.
    public func mayResolve(host: String, port: Int) -> Bool {
        guard resolveOnly else { return true }
        let name = host.lowercased()
        if Self.isLocalName(name) { return true }
        return resolve.contains { entry in
            let fields = entry.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            return fields.count == 3 && fields[0].lowercased() == name && (fields[1] == "*" || Int(fields[1]) == port)
        }
    }

    /// `localhost`, `*.localhost` and IP literals: names that never need the system resolver's network.
    static func isLocalName(_ host: String) -> Bool {
        let name = host.lowercased()
        return name == "localhost" || name.hasSuffix(".localhost") || AddressRule.ipBytes(name) != nil
    }

    private static func isOn(_ value: String?) -> Bool {
        guard let value = value?.lowercased() else { return false }
        return ["1", "yes", "true", "on"].contains(value)
    }

    private static func list(_ value: String?) -> [String] {
        (value ?? "").split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
    }

    /// `HOST:PORT:ADDRESS[,ADDRESS]` (libcurl's form; a `+` or `-` prefix is libcurl's too).
    static func isResolveEntry(_ entry: String) -> Bool {
        let fields = entry.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3, !fields[0].isEmpty, Int(fields[1]) != nil, !fields[2].isEmpty else { return false }
        return true
    }
}

/// A malformed network setting, with the fix.
public enum NetworkPolicyError: Error, Equatable, CustomStringConvertible {
    case badAddress(String, variable: String)
    case badResolveEntry(String)

    public var description: String {
        switch self {
        case .badAddress(let value, let variable):
            return "\(variable): '\(value)' is not an address; write 10.0.0.5, 10.0.0.0/8, 127.0.0.1:8080 or [::1]:8080"
        case .badResolveEntry(let value):
            return "SYNDIC_RESOLVE: '\(value)' is not HOST:PORT:ADDRESS, e.g. news.example:443:127.0.0.1"
        }
    }
}
