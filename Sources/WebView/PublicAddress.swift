import Foundation
import Digest

/// The root every absolute URL of the web view is built from (the digest feeds' self link, `<id>` and
/// home link), never a request header, which a client chooses.
///
/// The root is the configured public URL (`syndic serve --self-url`, for a server behind a reverse proxy
/// or reached by a name), else the address the server listens on, known once it is bound (the port may
/// be 0 until then): `http://127.0.0.1:8080/`; when it listens on every address, the loopback address
/// with the same port.
public final class PublicAddress: @unchecked Sendable {
    private let configured: String?
    private var listening: String?
    private let lock = NSLock()

    /// `configured` must be an http(s) URL (see ``normalizedRoot(_:)``); nil to use the listening address.
    public init(configured: String? = nil) {
        self.configured = configured
    }

    /// Records the listening address once the server is bound.
    func serverListening(host: String, port: Int) {
        let shown: String
        switch host {
        case "0.0.0.0", "": shown = "127.0.0.1"
        case "::", "[::]": shown = "[::1]"
        default: shown = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        }
        lock.lock(); defer { lock.unlock() }
        listening = "http://\(shown):\(port)/"
    }

    /// The site root, ending in `/`; nil before the server is bound and with no configured URL.
    public var root: String? {
        if let configured { return configured }
        lock.lock(); defer { lock.unlock() }
        return listening
    }

    /// The absolute URL of `path` (site-relative, starting with `/`) with `query` in the given order.
    func url(path: String, query: [(name: String, value: String)] = []) -> String? {
        guard let root else { return nil }
        var out = root + path.drop { $0 == "/" }
        if !query.isEmpty {
            out += "?" + query.map { Self.percentEncoded($0.name) + "=" + Self.percentEncoded($0.value) }.joined(separator: "&")
        }
        return SafeURL.check(out)
    }

    /// A `--self-url` value as a root (http or https, no query or fragment, ending in `/`); nil when unusable.
    public static func normalizedRoot(_ raw: String) -> String? {
        guard let parts = URLComponents(string: raw), let scheme = parts.scheme?.lowercased(), ["http", "https"].contains(scheme),
              parts.host?.isEmpty == false, parts.query == nil, parts.fragment == nil, parts.user == nil, parts.password == nil,
              SafeURL.check(raw) != nil
        else { return nil }
        return raw.hasSuffix("/") ? raw : raw + "/"
    }

    /// RFC 3986 unreserved characters kept, every other byte of the UTF-8 percent-encoded.
    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }
}
