import Foundation

/// One parsed feed document: channel-level metadata plus its entries in document order.
///
/// Immutable and `Sendable`, so the pipeline can hand it between tasks. Built by `FeedParser.parse`.
public struct ParsedFeed: Sendable {
    /// RSS, RDF (RSS 0.90/1.0), Atom or JSON Feed; nil when the document is not a recognised feed.
    public let format: FeedFormat?
    /// Finer version as feedparser names it: `rss20`, `rss091u`, `rss10`, `rss090`, `atom10`, `atom03`,
    /// `json10`, `json11`, or just `rss`/`atom` when the minor version is unknown.
    public let version: String?
    /// Feed title as plain text.
    public let title: String?
    /// The feed's web site (RSS `<link>`, Atom `rel="alternate"`, JSON `home_page_url`).
    public let siteLink: String?
    /// The feed's own URL as it declares it (`atom:link rel="self"`, JSON `feed_url`).
    public let selfLink: String?
    /// WebSub hubs (`atom:link rel="hub"`, JSON `hubs`).
    public let hubs: [String]
    /// Channel description / Atom subtitle / JSON description, as plain text.
    public let description: String?
    /// Language tag as written (`en-us`).
    public let language: String?
    /// When the feed says it last changed (`lastBuildDate`, Atom `updated`, `dc:date`).
    public let updated: Date?
    /// RSS `<ttl>` in minutes.
    public let ttlMinutes: Int?
    /// Polling hint from `<ttl>` or `sy:updatePeriod`/`sy:updateFrequency` (the larger of the two).
    public let updateInterval: UpdateInterval?
    /// Entries in document order.
    public let entries: [ParsedEntry]
    /// True when the document was not well-formed (the parser recovered) or is not a feed.
    public let bozo: Bool
    /// What made the document bozo (first problem only), for logs.
    public let bozoReason: String?

    public init(
        format: FeedFormat?, version: String?, title: String?, siteLink: String?, selfLink: String?,
        hubs: [String], description: String?, language: String?, updated: Date?, ttlMinutes: Int?,
        updateInterval: UpdateInterval?, entries: [ParsedEntry], bozo: Bool, bozoReason: String?
    ) {
        self.format = format
        self.version = version
        self.title = title
        self.siteLink = siteLink
        self.selfLink = selfLink
        self.hubs = hubs
        self.description = description
        self.language = language
        self.updated = updated
        self.ttlMinutes = ttlMinutes
        self.updateInterval = updateInterval
        self.entries = entries
        self.bozo = bozo
        self.bozoReason = bozoReason
    }

    /// True when the document was recognised as a feed of some format.
    public var isFeed: Bool { format != nil }
}
