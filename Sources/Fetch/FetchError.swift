import SyndicCore

/// Why a fetch produced no usable HTTP response, phrased for the person running Syndic.
///
/// HTTP error statuses (404, 410, 429, 503…) are not errors here: they arrive as a ``FetchResponse``
/// so the caller can read `Retry-After` and decide. Each case carries the URL it concerns.
public enum FetchError: UserFacingError, Hashable {
    /// The host name could not be resolved.
    case dns(url: String, host: String)
    /// Nothing accepted the TCP connection (port closed, host down).
    case refused(url: String)
    /// The TCP/TLS connection was not established within the connect timeout.
    case connectTimeout(url: String, seconds: Double)
    /// The whole transfer took longer than the total timeout.
    case totalTimeout(url: String, seconds: Double)
    /// The transfer went on, but slower than the minimum speed for too long.
    case stalled(url: String, bytesPerSecond: Int, seconds: Int)
    /// The TLS handshake or certificate verification failed.
    case tls(url: String, detail: String)
    /// More redirects than the policy allows (or a redirect loop).
    case tooManyRedirects(url: String, limit: Int)
    /// The decoded body grew past the limit; the transfer was stopped there.
    case bodyTooLarge(url: String, limit: Int)
    /// The URL, or a redirect target, uses a scheme other than http, https or file.
    case unsupportedScheme(url: String)
    /// The URL could not be parsed.
    case invalidURL(url: String)
    /// The address resolved to a loopback, private or link-local network and the policy refuses those.
    case privateNetworkDenied(url: String, address: String)
    /// Test mode (`SYNDIC_RESOLVE_ONLY=1`): the host name is not mapped by `SYNDIC_RESOLVE`, so it was not
    /// looked up at all. Treated like a DNS failure (transient).
    case nameNotMapped(url: String, host: String)
    /// Not tried: connecting to its host failed ``FetchPolicy/hostFailureLimit`` times in a row with this
    /// fetcher (this poll); the next poll tries again.
    case hostSkipped(url: String, host: String, failures: Int)
    /// The server closed or reset the connection before the response was complete.
    case connectionLost(url: String, detail: String)
    /// The server's answer was not valid HTTP, or could not be decoded.
    case protocolError(url: String, detail: String)
    /// A `file:` URL that does not exist or cannot be read.
    case fileUnreadable(url: String)
    /// The caller cancelled the request (its task was cancelled or its batch abandoned).
    case cancelled(url: String)
    /// Anything else libcurl reported.
    case other(url: String, code: Int, detail: String)

    /// True for failures to reach the host at all (no name, no connection), which count towards
    /// ``FetchPolicy/hostFailureLimit``; a host that answers, even badly, is reachable. A name refused by
    /// test mode (``nameNotMapped``) is a setting, not an outage, and costs no attempt: it does not count.
    public var isConnectionFailure: Bool {
        switch self {
        case .dns, .refused, .connectTimeout: return true
        default: return false
        }
    }

    /// The URL the error concerns.
    public var url: String {
        switch self {
        case .dns(let url, _), .refused(let url), .connectTimeout(let url, _), .totalTimeout(let url, _),
             .stalled(let url, _, _), .tls(let url, _), .tooManyRedirects(let url, _), .bodyTooLarge(let url, _),
             .unsupportedScheme(let url), .invalidURL(let url), .privateNetworkDenied(let url, _), .nameNotMapped(let url, _),
             .hostSkipped(let url, _, _),
             .connectionLost(let url, _), .protocolError(let url, _), .fileUnreadable(let url),
             .cancelled(let url), .other(let url, _, _):
            return url
        }
    }

    /// True when trying again later may succeed (network trouble rather than a wrong URL or a policy refusal).
    public var isTransient: Bool {
        switch self {
        case .dns, .nameNotMapped, .hostSkipped, .refused, .connectTimeout, .totalTimeout, .stalled, .connectionLost, .protocolError, .other:
            return true
        case .tls, .tooManyRedirects, .bodyTooLarge, .unsupportedScheme, .invalidURL, .privateNetworkDenied,
             .fileUnreadable, .cancelled:
            return false
        }
    }

    public var exitCode: SyndicExitCode {
        switch self {
        case .invalidURL, .unsupportedScheme: return .usage
        case .fileUnreadable: return .noInput
        case .bodyTooLarge, .tooManyRedirects, .protocolError: return .dataError
        default: return isTransient ? .temporaryFailure : .failure
        }
    }

    public var description: String {
        switch self {
        case .dns(let url, let host):
            return "Could not find the server \(host) for \(url) (DNS lookup failed). "
                + "Check the spelling of the address and your network connection."
        case .refused(let url):
            return "The server for \(url) refused the connection. It may be down or the port may be wrong; try again later."
        case .connectTimeout(let url, let seconds):
            return "Could not connect to the server for \(url) within \(Self.format(seconds)) s. "
                + "The server or your network may be down; try again later."
        case .totalTimeout(let url, let seconds):
            return "Fetching \(url) took longer than \(Self.format(seconds)) s and was stopped. "
                + "The server is very slow; try again later or raise the timeout."
        case .stalled(let url, let rate, let seconds):
            return "Fetching \(url) stalled (less than \(rate) bytes/s for \(seconds) s) and was stopped. Try again later."
        case .tls(let url, let detail):
            return "The secure connection to \(url) failed: \(detail). "
                + "The site's certificate may be invalid or expired; Syndic does not skip certificate checks."
        case .tooManyRedirects(let url, let limit):
            return "\(url) redirected more than \(limit) times (probably a redirect loop). "
                + "Open it in a browser to find the real feed address."
        case .bodyTooLarge(let url, let limit):
            return "\(url) sent more than \(limit) bytes (after decompression), the size limit, and was stopped. "
                + "This is not a normal feed or page."
        case .unsupportedScheme(let url):
            return "\(url) uses, or redirects to, a scheme Syndic does not fetch. Only http, https and file URLs are supported."
        case .invalidURL(let url):
            return "\"\(url)\" is not a valid URL. Give a full address such as https://example.org/feed.xml."
        case .privateNetworkDenied(let url, let address):
            return "\(url) leads to the private or local address \(address), which this Syndic instance refuses to fetch."
        case .nameNotMapped(let url, let host):
            return "\(url) was not fetched: \(host) is not mapped in SYNDIC_RESOLVE and SYNDIC_RESOLVE_ONLY=1 (test mode) "
                + "forbids asking the system resolver. Map it (SYNDIC_RESOLVE=\(host):PORT:127.0.0.1) or unset SYNDIC_RESOLVE_ONLY."
        case .hostSkipped(let url, let host, let failures):
            return "\(url) was not tried: connecting to \(host) failed \(failures) times in a row in this run; "
                + "it is tried again next time."
        case .connectionLost(let url, let detail):
            return "The connection to \(url) was cut before the response was complete (\(detail)). Try again later."
        case .protocolError(let url, let detail):
            return "The server for \(url) sent an invalid response (\(detail)). Try again later or report it to the site."
        case .fileUnreadable(let url):
            return "Could not read \(url): the file does not exist or is not readable."
        case .cancelled(let url):
            return "Fetching \(url) was cancelled before it finished."
        case .other(let url, let code, let detail):
            return "Fetching \(url) failed: \(detail) (libcurl error \(code))."
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format2: seconds)
    }
}

private extension String {
    /// Two decimals without Foundation's format machinery.
    init(format2 value: Double) {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        self = "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
