import FeedParsing
import Fetch
import Foundation
import SyndicCore

/// What `feeds add` learned by fetching a URL: the feed to subscribe to and its title.
struct ResolvedFeed {
    var url: String
    var title: String?
    /// Set when the URL was a web page and the feed was found through its `<link rel="alternate">`.
    var discoveredFrom: String?
    /// Candidates the page advertised before the one taken, each with why it was passed over.
    var passedOver: [(url: String, reason: String)] = []
}

/// Resolves a URL given to `feeds add`: a body that parses as a feed is taken as it is; a web page's
/// advertised feeds (`<link rel="alternate" type="application/rss+xml|atom+xml|feed+json">`) are tried in
/// order (registered feed types first) until one is a feed.
///
/// Every candidate found on the page goes through ``LinkRule`` first: a remote page may only point at
/// http(s) feeds, so `file:///…` (also through `<base href="file:///">`), `javascript:` and `data:` links
/// are refused and reported, and the next candidate is tried.
enum FeedResolver {
    enum Failure: UserFacingError {
        /// The URL itself could not be fetched (missing file, unresolvable host, refused connection…).
        case unreachable(FetchError)
        case noFeedOnPage(String)
        /// The page advertised feeds, but none could be used: each with why.
        case noUsableFeed(String, refused: [(url: String, reason: String)])
        case notAFeed(String, status: Int)

        var exitCode: SyndicExitCode {
            switch self {
            case .unreachable(let error): return error.exitCode
            default: return .dataError
            }
        }

        var description: String {
            switch self {
            case .unreachable(let error):
                return "\(error.description) Nothing was added (add it without checking with --no-check)."
            case .noFeedOnPage(let url):
                return "\(url) is a web page that advertises no feed; look on the site for an RSS or Atom link and add that address"
            case .noUsableFeed(let url, let refused):
                return "\(url) advertises \(refused.count) feed link\(refused.count == 1 ? "" : "s"), none usable: "
                    + refused.map { "\($0.url) (\($0.reason))" }.joined(separator: "; ")
            case .notAFeed(let url, let status):
                return "\(url) answered HTTP \(status); check the address (or add it anyway with --no-check)"
            }
        }
    }

    static func resolve(_ url: String, fetcher: Fetcher) async throws(Failure) -> ResolvedFeed {
        let response: FetchResponse
        switch await fetcher.fetch(FetchRequest(url: url)) {
        case .failure(let error): throw .unreachable(error)
        case .success(let r): response = r
        }
        guard response.isSuccess else { throw .notAFeed(url, status: response.status) }
        if let parsed = FeedSniffer.parsedFeed(response.body, url: response.finalURL, httpCharset: response.charset) {
            let feedURL = (try? URLNormalizer.normalize(response.isPermanentlyRedirected ? response.finalURL : url)) ?? url
            return ResolvedFeed(url: feedURL, title: parsed.title)
        }
        let candidates = FeedDiscovery.feedLinks(html: response.body, baseURL: response.finalURL)
        guard !candidates.isEmpty else { throw .noFeedOnPage(url) }
        var refused: [(url: String, reason: String)] = []
        for candidate in candidates {
            switch await check(candidate, foundOn: response.finalURL, fetcher: fetcher) {
            case .failure(let reason):
                refused.append((candidate.url, reason.text))
            case .success(let found):
                return ResolvedFeed(url: found.url, title: candidate.title ?? found.title, discoveredFrom: url,
                                    passedOver: refused)
            }
        }
        throw .noUsableFeed(url, refused: refused)
    }

    private struct Reason: Error { var text: String }

    /// The candidate's normalized URL and title when it may be followed and is a feed; else why not.
    private static func check(_ candidate: DiscoveredFeed, foundOn page: String, fetcher: Fetcher) async
        -> Result<(url: String, title: String?), Reason>
    {
        if let refusal = LinkRule.refusal(of: candidate.url, origin: .content(of: page)) {
            return .failure(Reason(text: refusal.description))
        }
        guard let normalized = try? URLNormalizer.normalize(candidate.url) else {
            return .failure(Reason(text: LinkRule.Refusal.notAURL.description))
        }
        switch await fetcher.fetch(FetchRequest(url: normalized)) {
        case .failure(let error):
            return .failure(Reason(text: error.description))
        case .success(let response):
            guard response.isSuccess else { return .failure(Reason(text: "HTTP \(response.status)")) }
            guard let parsed = FeedSniffer.parsedFeed(response.body, url: response.finalURL, httpCharset: response.charset)
            else { return .failure(Reason(text: "not a feed (RSS, Atom or JSON Feed)")) }
            let url = (try? URLNormalizer.normalize(response.isPermanentlyRedirected ? response.finalURL : normalized)) ?? normalized
            return .success((url, parsed.title))
        }
    }
}
