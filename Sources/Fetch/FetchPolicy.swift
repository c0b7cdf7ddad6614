import SyndicCore

/// How politely and how defensively the ``Fetcher`` behaves. Every knob has a default suited to polling feeds.
///
/// ```swift
/// var policy = FetchPolicy.default
/// policy.perHostLimit = 1
/// policy.minDelayPerHost = 0.5
/// let fetcher = Fetcher(policy: policy)
/// ```
public struct FetchPolicy: Sendable, Hashable {
    /// Sent as `User-Agent` so site owners can see who fetches their feed.
    public var userAgent: String = SyndicVersion.userAgent
    /// Transfers in flight at once, all hosts together.
    public var concurrency: Int = 16
    /// Transfers in flight at once to one host name (politeness).
    public var perHostLimit: Int = 2
    /// Minimum seconds between the starts of two requests to the same host; 0 disables.
    public var minDelayPerHost: Double = 0
    /// Seconds allowed to establish a connection (TCP + TLS).
    public var connectTimeout: Double = 10
    /// Seconds allowed for the whole transfer, redirects included. ``FetchRequest/timeout`` overrides it.
    public var totalTimeout: Double = 30
    /// A transfer slower than this many bytes per second…
    public var lowSpeedBytesPerSecond: Int = 1024
    /// …for this many whole seconds is aborted as ``FetchError/stalled(url:bytesPerSecond:seconds:)``.
    public var lowSpeedSeconds: Int = 15
    /// Largest decoded body accepted; counted while streaming, so a compression bomb stops here.
    public var maxBodyBytes: Int = 16 * 1024 * 1024
    /// Redirects followed before ``FetchError/tooManyRedirects(url:limit:)``.
    public var maxRedirects: Int = 5
    /// Which addresses fetches may reach and how names resolve (``NetworkPolicy``); by default what the
    /// environment says (`SYNDIC_DENY_PRIVATE_NETWORKS`, `SYNDIC_ALLOW_ADDRESSES`, `SYNDIC_RESOLVE`,
    /// `SYNDIC_RESOLVE_ONLY`), so an instance sets it once for every command.
    public var network: NetworkPolicy = .fromEnvironment
    /// Refuse loopback, private (RFC 1918), link-local, CGNAT and unique-local addresses, checked on every
    /// connection after DNS resolution (so redirects and DNS tricks are covered), and refuse `file:` URLs.
    /// For instances where untrusted users may submit URLs. (``NetworkPolicy/denyPrivateNetworks``.)
    public var denyPrivateNetworks: Bool {
        get { network.denyPrivateNetworks }
        set { network.denyPrivateNetworks = newValue }
    }
    /// After this many consecutive connection failures (DNS, refused, connect timeout) to one host, the
    /// fetcher's waiting and later requests to that host fail at once with
    /// ``FetchError/hostSkipped(url:host:failures:)`` instead of being tried: one dead host with 700 article
    /// pages costs 3 attempts, not 700. The count lives as long as the ``Fetcher`` (one poll). 0 disables.
    public var hostFailureLimit: Int = 0
    /// Idle connections kept open for reuse, all hosts together.
    public var connectionCacheSize: Int = 64
    /// Results of batch fetches (``Fetcher/fetch(_:)-([FetchRequest])``) delivered but not yet read, plus
    /// transfers running, at most: the fetcher waits for its reader rather than holding every body of
    /// a poll in memory (a loopback poll of 1,000 feeds fetched them all before a tenth was parsed:
    /// 217 MB peak, 183 MB with this bound). 0: no bound.
    public var maxUnreadResults: Int = 96

    /// The defaults described on each property.
    public static let `default` = FetchPolicy()

    public init() {}
}
