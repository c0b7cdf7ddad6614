/// One feed named by a subscription list (OPML outline or a line of a URL list).
public struct SubscriptionItem: Sendable, Equatable {
    /// The feed URL as written in the list (not yet normalized).
    public var url: String
    public var title: String?
    /// OPML categories and enclosing folders, or extra words on a URL-list line.
    public var tags: [String]
    /// The site's web page: OPML `htmlUrl` (as written), nil when absent.
    public var siteURL: String?

    public init(url: String, title: String? = nil, tags: [String] = [], siteURL: String? = nil) {
        self.url = url
        self.title = title
        self.tags = tags
        self.siteURL = siteURL
    }
}

/// A line or outline that could not be read as a subscription, with where it was.
public struct SubscriptionProblem: Sendable, Equatable {
    /// 1-based line number of a URL list, or the outline's position in an OPML document.
    public var location: Int
    public var text: String
    public var reason: String
}

/// What a subscription list yielded: the feeds, and what was skipped and why.
public struct SubscriptionList: Sendable {
    public var items: [SubscriptionItem]
    public var problems: [SubscriptionProblem]
}

/// Why a subscription list could not be read at all.
public enum SubscriptionListError: Error, Sendable, Equatable, CustomStringConvertible {
    case entityDeclarations
    case notOPML(String)
    /// The OPML is not well-formed XML (a truncated download, a broken export): refused whole, so a
    /// list is never half imported.
    case malformed(line: Int, reason: String)

    public var description: String {
        switch self {
        case .entityDeclarations:
            return "the OPML file declares XML entities, which Syndic refuses (they can read local files or blow up memory); remove the <!DOCTYPE> section"
        case .malformed(let line, let reason):
            return "the OPML file is not well-formed at line \(line) (\(reason)); nothing was imported. If it was cut short (an interrupted download or copy), get it again; otherwise repair it (xmllint --noout FILE shows the problem)"
        case .notOPML(let reason):
            return "not a readable OPML document (\(reason)); give an OPML 1.0/2.0 file or a plain list of URLs, one per line"
        }
    }
}
