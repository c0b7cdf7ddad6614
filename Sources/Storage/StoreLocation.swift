import Foundation

/// Where a Syndic database lives, as given by `--db` or `SYNDIC_DB`: a file path (SQLite) or a
/// `postgres://user[:password]@host[:port]/name[?sslmode=disable|prefer|require]` URL (PostgreSQL).
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    /// Reads a `--db` value: `postgres://` or `postgresql://` URLs select PostgreSQL, anything else is a path.
    public static func parse(_ text: String) throws(StorageError) -> StoreLocation {
        let lower = text.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            return .postgres(try PostgresLocation(url: text))
        }
        guard !text.isEmpty else { throw .invalidLocation(text, reason: "it is empty") }
        return .sqlite(path: text)
    }

    /// The location a command uses: `explicit` (`--db`), else `$SYNDIC_DB`, else
    /// `$XDG_DATA_HOME/syndic/syndic.sqlite`, else `~/.local/share/syndic/syndic.sqlite`.
    public static func resolve(_ explicit: String?,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws(StorageError) -> StoreLocation {
        if let explicit { return try parse(explicit) }
        if let fromEnvironment = environment["SYNDIC_DB"], !fromEnvironment.isEmpty { return try parse(fromEnvironment) }
        return .sqlite(path: defaultPath(environment: environment))
    }

    /// The SQLite file used when neither `--db` nor `SYNDIC_DB` names one.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            dataHome = xdg
        } else {
            dataHome = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        }
        return dataHome + "/syndic/syndic.sqlite"
    }

    /// The path, or the URL without its password (safe to print).
    public var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(let location): return location.description
        }
    }
}

/// A PostgreSQL server database, from a `postgres://` URL.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    /// How the connection uses TLS (libpq's `sslmode` names).
    public enum TLSMode: String, Sendable, Equatable {
        case disable, prefer, require
    }

    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var tls: TLSMode

    public init(user: String, password: String? = nil, host: String = "127.0.0.1", port: Int = 5432,
                database: String, tls: TLSMode = .prefer) {
        self.user = user; self.password = password; self.host = host; self.port = port
        self.database = database; self.tls = tls
    }

    /// Parses `postgres://user[:password]@host[:port]/name[?sslmode=…]`. The user defaults to `$USER`,
    /// the host to 127.0.0.1, the port to 5432, the password to `$PGPASSWORD`; the name is required.
    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(StorageError) {
        guard let components = URLComponents(string: text) else {
            throw .invalidLocation(Self.redacted(text), reason: "it is not a valid URL")
        }
        let name = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !name.isEmpty, !name.contains("/") else {
            throw .invalidLocation(Self.redacted(text), reason: "the URL names no database (postgres://user@host:port/NAME)")
        }
        guard let user = components.user.map({ $0.removingPercentEncoding ?? $0 }) ?? environment["USER"], !user.isEmpty else {
            throw .invalidLocation(Self.redacted(text), reason: "the URL names no user (postgres://USER@host:port/name)")
        }
        var tls = TLSMode.prefer
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                    throw .invalidLocation(Self.redacted(text), reason: "sslmode must be disable, prefer or require")
                }
                tls = mode
            default:
                throw .invalidLocation(Self.redacted(text), reason: "unknown URL parameter '\(item.name)' (only sslmode is read)")
            }
        }
        let password = components.password.map { $0.removingPercentEncoding ?? $0 } ?? environment["PGPASSWORD"]
        self.init(user: user, password: password, host: components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1",
                  port: components.port ?? 5432, database: name.removingPercentEncoding ?? name, tls: tls)
    }

    /// `postgres://user@host:port/name`, never with the password.
    public var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(user)@\(shownHost):\(port)/\(database)"
    }

    /// A URL with any password replaced, for error messages about a URL that did not parse.
    static func redacted(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let scheme = text.range(of: "://"), scheme.upperBound < at else { return text }
        let credentials = text[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }
}
