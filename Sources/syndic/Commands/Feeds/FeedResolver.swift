import FeedParsing
import Fetch
import Foundation
import SyndicCore

/// What `feeds add` learned by fetching a URL once: the feed to subscribe to and its title.
struct ResolvedFeed {
    var url: String
    var title: String?
    /// Set when the URL was a web page and the feed was found through its `<link rel="alternate">`.
    var discoveredFrom: String?
    /// Set when the URL could not be checked (the feed is added anyway: it may be down for now).
    var warning: String?
}

/// Resolves a URL given to `feeds add`: a feed is taken as it is; a web page is searched for the feeds it
/// advertises (`<link rel="alternate" type="application/rss+xml|atom+xml|feed+json">`).
enum FeedResolver {
    enum Failure: UserFacingError {
        case noFeedOnPage(String)
        case notAFeed(String, status: Int)

        var exitCode: SyndicExitCode { .dataError }
        var description: String {
            switch self {
            case .noFeedOnPage(let url):
                return "\(url) is a web page that advertises no feed; look on the site for an RSS or Atom link and add that address"
            case .notAFeed(let url, let status):
                return "\(url) answered HTTP \(status); check the address (or add it anyway with --no-check)"
            }
        }
    }

    static func resolve(_ url: String, fetcher: Fetcher) async throws -> ResolvedFeed {
        switch await fetcher.fetch(FetchRequest(url: url)) {
        case .failure(let error):
            return ResolvedFeed(url: url, title: nil, discoveredFrom: nil, warning: "could not check it now (\(error.description))")
        case .success(let response):
            guard response.isSuccess else { throw Failure.notAFeed(url, status: response.status) }
            let finalURL = (try? URLNormalizer.normalize(response.isPermanentlyRedirected ? response.finalURL : url)) ?? url
            if FeedSniffer.looksLikeFeed(response.body) {
                let parsed = try? FeedParser.parse(bytes: response.body, url: response.finalURL, httpCharset: response.charset)
                return ResolvedFeed(url: finalURL, title: parsed?.title, discoveredFrom: nil, warning: nil)
            }
            let links = FeedDiscovery.feedLinks(html: response.body, baseURL: response.finalURL)
            guard let first = links.first, let feedURL = try? URLNormalizer.normalize(first.url) else {
                throw Failure.noFeedOnPage(url)
            }
            return ResolvedFeed(url: feedURL, title: first.title, discoveredFrom: url, warning: nil)
        }
    }
}
