/// What the server answered, after following redirects.
///
/// Any completed HTTP exchange is a response, whatever its status: a 404 or 503 is a `FetchResponse`
/// (callers decide what a status means), while a transfer that never produced a full answer
/// (DNS failure, timeout, reset) is a ``FetchError``.
public struct FetchResponse: Sendable, Hashable {
    /// The URL that was asked for.
    public var requestedURL: String
    /// The URL that produced this response, after redirects.
    public var finalURL: String
    /// Every redirect followed, in order: the URL that answered with a redirect and its status.
    public var redirects: [RedirectHop]
    /// HTTP status of the final response (200 for a successfully read `file:` URL).
    public var status: Int
    /// Headers of the final response.
    public var headers: HTTPHeaders
    /// The body after content decoding (gzip, deflate, br, zstd); empty for HEAD and 304.
    public var body: [UInt8]
    public var timings: FetchTimings
    /// Bytes received from the network: all header blocks plus the final body as transferred (compressed).
    public var bytesOnWire: Int
    /// The HTTP version used for the final response, e.g. "1.1" or "2".
    public var httpVersion: String

    public init(
        requestedURL: String, finalURL: String, redirects: [RedirectHop], status: Int, headers: HTTPHeaders,
        body: [UInt8], timings: FetchTimings, bytesOnWire: Int, httpVersion: String
    ) {
        self.requestedURL = requestedURL
        self.finalURL = finalURL
        self.redirects = redirects
        self.status = status
        self.headers = headers
        self.body = body
        self.timings = timings
        self.bytesOnWire = bytesOnWire
        self.httpVersion = httpVersion
    }

    /// True for 304: the copy named by the request's validators is still current.
    public var isNotModified: Bool { status == 304 }

    /// True for 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// True when every redirect on the way was permanent (301 or 308), so a caller may update the stored URL
    /// to ``finalURL``. False when there were no redirects.
    public var isPermanentlyRedirected: Bool {
        !redirects.isEmpty && redirects.allSatisfy(\.isPermanent)
    }
}

/// One step of a redirect chain: `url` answered `status` and pointed elsewhere.
public struct RedirectHop: Sendable, Hashable, CustomStringConvertible {
    public var url: String
    public var status: Int
    /// Where `url` pointed (the absolute URL of the next request).
    public var location: String

    public init(url: String, status: Int, location: String) {
        self.url = url
        self.status = status
        self.location = location
    }

    /// 301 Moved Permanently and 308 Permanent Redirect; 302, 303 and 307 are temporary (RFC 9110 §15.4).
    public var isPermanent: Bool { status == 301 || status == 308 }

    public var description: String { "\(status) \(url) -> \(location)" }
}

/// Time spent in each phase, in seconds from the start of the transfer (libcurl's cumulative timers).
///
/// A phase that did not happen reports 0 (``tls`` for plain http; libcurl may also report 0 for ``dns`` and
/// ``connect`` of a reused connection).
public struct FetchTimings: Sendable, Hashable {
    /// Name resolution finished.
    public var dns: Double
    /// TCP connection established.
    public var connect: Double
    /// TLS handshake finished (0 for plain http).
    public var tls: Double
    /// First byte of the final response received.
    public var firstByte: Double
    /// Whole transfer, redirects included.
    public var total: Double
    /// Time spent on redirects before the final request.
    public var redirect: Double

    public init(dns: Double = 0, connect: Double = 0, tls: Double = 0, firstByte: Double = 0, total: Double = 0,
                redirect: Double = 0) {
        self.dns = dns
        self.connect = connect
        self.tls = tls
        self.firstByte = firstByte
        self.total = total
        self.redirect = redirect
    }
}
