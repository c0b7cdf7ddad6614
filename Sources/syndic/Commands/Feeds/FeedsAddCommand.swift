import ArgumentParser
import Fetch
import Foundation
import Storage
import SyndicCore

/// `syndic feeds add URL...`
struct FeedsAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Subscribe to one or more feeds.",
        discussion: """
        Accepts http, https and file URLs (or absolute paths). Each URL is fetched once: a feed is added
        with its title; a web page's advertised feeds (<link rel="alternate">) are tried in order (RSS, Atom
        and JSON Feed types first) and the first that is a feed is added; links a remote page may not give
        (file:, javascript:, data:) are refused and reported. A URL that cannot be fetched now is not added:
        a missing file exits 66, an unreachable host 75; --no-check adds it without fetching. A URL that
        is already subscribed (after normalizing scheme and host case, default port, dot segments and fragment) is
        reported, not added twice.

        Examples:
          syndic feeds add https://www.theguardian.com/world/rss --tag world
          syndic feeds add https://example.org/            # finds the site's feed
          syndic feeds add --no-check https://example.org/feed.xml
        """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Feed URLs.")
    var urls: [String]

    @Option(help: "Title to show instead of the feed's own (only with one URL).")
    var title: String?

    @Option(name: .customLong("tag"), help: "A tag for the new feeds (repeatable).")
    var tags: [String] = []

    @Flag(help: "Add the URLs as given, without fetching them (no feed discovery, no title; for feeds that are down now).")
    var noCheck = false

    @OptionGroup var network: NetworkOptions

    func validate() throws {
        if title != nil, urls.count > 1 { throw ValidationError("--title applies to one URL; add the feeds one at a time") }
    }

    func run() async throws {
        let db = try await global.openStore(.readWrite)
        let fetcher = noCheck ? nil : Fetcher(policy: try network.fetchPolicy())
        var failure: SyndicExitCode?
        for raw in urls {
            do {
                var resolved = ResolvedFeed(url: try URLNormalizer.normalize(raw))
                if let fetcher { resolved = try await FeedResolver.resolve(resolved.url, fetcher: fetcher) }
                for skipped in resolved.passedOver { Output.error("skipped \(skipped.url): \(skipped.reason)") }
                switch try await db.addFeeds([(resolved.url, title ?? resolved.title, tags)], now: try CommandClock.now())[0] {
                case .added(let feed):
                    if !global.quiet {
                        let found = resolved.discoveredFrom.map { " (found on \($0))" } ?? ""
                        Output.print("added feed \(feed.id): \(feed.url)\(found)")
                    }
                case .alreadyPresent(let feed):
                    if !global.quiet { Output.print("already subscribed as feed \(feed.id): \(feed.url)") }
                }
            } catch let error as any UserFacingError {
                Output.error(error.description)
                failure = error.exitCode
            }
        }
        if let failure { throw ExitCode(failure.rawValue) }
    }
}
