import Dedup
import Fetch
import Foundation
import Storage

/// When to fetch an entry's article page for its full text.
public enum FullTextMode: String, Sendable, CaseIterable {
    /// Only when the feed's own text is short (a summary, a teaser): fewer than ``PollOptions/fullTextWords`` words.
    case auto
    /// For every new entry.
    case always
    /// Never: stories are built from feed text alone.
    case never
}

/// Everything one poll may be told.
public struct PollOptions: Sendable {
    /// Poll every active feed, due or not.
    public var force = false
    /// Poll only these feeds (ids); empty means all due feeds.
    public var feedIDs: [Int64] = []
    public var fullText: FullTextMode = .auto
    /// In `auto` mode, feed text shorter than this many words sends Syndic to the article page.
    public var fullTextWords = 150
    /// How far back new entries are compared with earlier ones (stories older than this age out of the index).
    public var window: TimeInterval = 7 * 86_400
    public var fetchPolicy = FetchPolicy.default
    /// Consecutive connection failures (DNS, refused, connect timeout) to one host after which the poll
    /// skips that host's remaining article pages (``FetchPolicy/hostFailureLimit`` of the page fetcher).
    public var pageHostFailureLimit = 3
    /// An entry whose page was skipped stays unplaced, so the next poll tries its page again, while it is
    /// younger than this; older, it is placed with its feed text (a host that stays down cannot hold it forever).
    public var pageRetryWindow: TimeInterval = 86_400
    public var dedup = DedupConfiguration()
    /// Signatures in the window up to which the placer loads the whole window into its clusterer; above,
    /// it loads only the stories each new entry can join, one candidate-index query per entry
    /// (``Storage/PollStore/candidateSignatures(keys:entryID:since:)``). `SYNDIC_WINDOW_SEED_LIMIT`.
    public var wholeWindowLimit = 100_000
    public var schedule = SchedulePolicy()
    /// On a shared database (PostgreSQL), how long a claimed feed stays leased to this poller without a
    /// renewal (renewed every third of it while the poll runs): after a crash, its feeds wait this long.
    public var leaseSeconds: TimeInterval = 120
    /// Feeds claimed per lease batch.
    public var leaseBatch = 200

    public init() {}

    /// These options for one feed: the feed's own `--full-text` choice (``Feed/fullText``), when it
    /// has one, takes precedence over the poll's.
    func forFeed(_ feed: Feed) -> PollOptions {
        guard let own = feed.fullText else { return self }
        var options = self
        options.fullText = FullTextMode(rawValue: own.rawValue) ?? fullText
        return options
    }
}
