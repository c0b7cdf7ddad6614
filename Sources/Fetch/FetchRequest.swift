/// One HTTP(S) or file request for the ``Fetcher``.
///
/// A request is a plain value: build it, hand a batch of them to ``Fetcher/fetch(_:)-(FetchRequest)`` or
/// ``Fetcher/fetch(_:)-([FetchRequest])``, and read the outcome from the matching ``FetchResponse`` or
/// ``FetchError``. Conditional validators come from the previous response of the same feed so an unchanged
/// feed costs a `304 Not Modified` instead of a full download (RFC 9110 §13.1).
public struct FetchRequest: Sendable, Hashable {
    /// GET downloads the body; HEAD asks only for the status and headers.
    public enum Method: String, Sendable, Hashable {
        case get = "GET"
        case head = "HEAD"
    }

    /// Absolute `http`, `https` or `file` URL.
    public var url: String
    public var method: Method
    /// The `ETag` of the copy we already have; sent as `If-None-Match`.
    public var etag: String?
    /// The `Last-Modified` value of the copy we already have, verbatim; sent as `If-Modified-Since`.
    public var lastModified: String?
    /// Extra request headers (name, value), sent after the validators. A `User-Agent` here overrides the policy's.
    public var headers: [(name: String, value: String)]
    /// Overrides ``FetchPolicy/totalTimeout`` for this request (seconds).
    public var timeout: Double?
    /// Overrides ``FetchPolicy/maxBodyBytes`` for this request.
    public var maxBodyBytes: Int?

    public init(
        url: String,
        method: Method = .get,
        etag: String? = nil,
        lastModified: String? = nil,
        headers: [(name: String, value: String)] = [],
        timeout: Double? = nil,
        maxBodyBytes: Int? = nil
    ) {
        self.url = url
        self.method = method
        self.etag = etag
        self.lastModified = lastModified
        self.headers = headers
        self.timeout = timeout
        self.maxBodyBytes = maxBodyBytes
    }

    public static func == (lhs: FetchRequest, rhs: FetchRequest) -> Bool {
        lhs.url == rhs.url && lhs.method == rhs.method && lhs.etag == rhs.etag
            && lhs.lastModified == rhs.lastModified && lhs.timeout == rhs.timeout
            && lhs.maxBodyBytes == rhs.maxBodyBytes
            && lhs.headers.map(\.name) == rhs.headers.map(\.name)
            && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(url)
        hasher.combine(method)
        hasher.combine(etag)
        hasher.combine(lastModified)
    }

    /// The header lines this request adds to libcurl's own (validators first, then ``headers``).
    var headerLines: [String] {
        var lines: [String] = []
        if let etag, !etag.isEmpty { lines.append("If-None-Match: \(etag)") }
        if let lastModified, !lastModified.isEmpty { lines.append("If-Modified-Since: \(lastModified)") }
        for header in headers {
            // A header line must not smuggle a second line in.
            let value = Self.removingLineBreaks(header.value)
            let name = Self.removingLineBreaks(header.name).filter { $0 != ":" }
            lines.append("\(name): \(value)")
        }
        return lines
    }

    /// Drops CR and LF (compared as Unicode scalars: "\r\n" is a single Character in Swift).
    private static func removingLineBreaks(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\r" && $0 != "\n" }))
    }
}
