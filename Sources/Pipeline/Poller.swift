import Fetch
import Foundation
import Logging
import Storage

/// One `syndic poll`: due feeds → fetch conditionally → parse → store entries → full text →
/// extract → sign → stories → commit.
///
/// This is the only place that knows the whole order; each step is delegated to a small type.
/// Network waits overlap CPU work (feeds and pages are parsed and extracted on all cores while
/// others download), and writes are batched in transactions: one per feed for its state and
/// entries, one for all articles, signatures and story assignments. A crash at any point leaves
/// committed work intact; entries stored but not yet signed are picked up by the next poll.
public final class Poller {
    public let db: SyndicDatabase
    public let options: PollOptions
    private let fetcher: Fetcher
    private let log = Logger(label: "syndic.poll")
    private let progress: (@Sendable (PollProgress) -> Void)?

    public init(db: SyndicDatabase, options: PollOptions, progress: (@Sendable (PollProgress) -> Void)? = nil) {
        self.db = db
        self.options = options
        self.fetcher = Fetcher(policy: options.fetchPolicy)
        self.progress = progress
    }

    /// Runs the poll. Feed failures are recorded and summarized, never thrown; only problems that
    /// stop the whole poll (the database cannot be written, the disk is full) are thrown.
    public func run(now: Date = Date()) async throws -> PollSummary {
        let started = Date()
        var summary = PollSummary()

        let feeds = try selectFeeds(now: now)
        var work = try await refreshFeeds(feeds, now: now, summary: &summary)
        work += try unfinishedWork(excluding: Set(work.map(\.entryID)))
        log.debug("feeds: \(feeds.count) fetched and stored in \(Self.since(started))")

        let pagesStarted = Date()
        let articleStage = ArticleStage(db: db, fetcher: fetcher, options: options, log: log, progress: progress)
        let articles = try await articleStage.run(articleStage.selectEntries(work), summary: &summary)
        log.debug("pages: \(articles.count) fetched and extracted in \(Self.since(pagesStarted))")

        let storiesStarted = Date()
        progress?(PollProgress(phase: .stories, done: 0, total: work.count))
        try await StoryStage(db: db, options: options, log: log).run(work, articles: articles, now: now, summary: &summary)
        progress?(PollProgress(phase: .stories, done: work.count, total: work.count))
        log.debug("stories: \(work.count) entries signed and placed in \(Self.since(storiesStarted))")

        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    private static func since(_ start: Date) -> String {
        String(format: "%.2f s", Date().timeIntervalSince(start))
    }

    /// Due feeds, or all active ones with `force`, limited to `feedIDs` when given.
    private func selectFeeds(now: Date) throws -> [Feed] {
        var feeds = try db.dueFeeds(now: now, force: options.force || !options.feedIDs.isEmpty)
        if !options.feedIDs.isEmpty {
            let wanted = Set(options.feedIDs)
            feeds = feeds.filter { wanted.contains($0.id) }
        }
        return feeds
    }

    /// Fetches every feed (conditional GET), parses bodies as they arrive, and stores each feed's
    /// state and entries in its own transaction. Returns the entries that are new or changed.
    private func refreshFeeds(_ feeds: [Feed], now: Date, summary: inout PollSummary) async throws -> [EntryWork] {
        guard !feeds.isEmpty else { return [] }
        let requests = feeds.map { FetchRequest(url: $0.url, etag: $0.etag, lastModified: $0.lastModified) }
        let updater = FeedStateUpdater(policy: options.schedule)
        let maxParallel = max(2, ProcessInfo.processInfo.activeProcessorCount)
        var work: [EntryWork] = []
        var done = 0

        try await withThrowingTaskGroup(of: FeedRefresh.self) { group in
            var inFlight = 0
            func recordFailure(_ feed: Feed, _ message: String) {
                summary.failed += 1
                summary.failures.append(.init(feedID: feed.id, url: feed.url, message: message))
                log.warning("feed \(feed.id) \(feed.url): \(message)")
            }
            func store(_ refresh: FeedRefresh) throws {
                inFlight -= 1
                done += 1
                summary.feedsPolled += 1
                switch refresh.kind {
                case .fetched: break
                case .notModified: summary.notModified += 1
                case .failed(let message): recordFailure(refresh.feed, message)
                case .gone: recordFailure(refresh.feed, refresh.feed.disabledReason ?? "410 Gone")
                }
                let outcomes = try db.commitFeedFetch(feed: refresh.feed, drafts: refresh.drafts, now: now)
                for (draft, outcome) in zip(refresh.drafts, outcomes) {
                    switch outcome {
                    case .unchanged: continue
                    case .new: summary.entriesNew += 1
                    case .updated: summary.entriesUpdated += 1
                    }
                    work.append(EntryWork(entryID: outcome.entryID, feedID: refresh.feed.id, feedURL: refresh.feed.url,
                                          link: draft.url, title: draft.title, contentHTML: draft.contentHTML,
                                          summaryHTML: draft.summaryHTML, firstSeenAt: now))
                }
                progress?(PollProgress(phase: .feeds, done: done, total: feeds.count))
            }
            for await (index, result) in fetcher.fetch(requests) {
                let feed = feeds[index]
                let random = Double.random(in: 0..<1)
                group.addTask { FeedRefresh.make(feed: feed, result: result, updater: updater, now: now, random: random) }
                inFlight += 1
                while inFlight >= maxParallel, let refresh = try await group.next() { try store(refresh) }
            }
            while let refresh = try await group.next() { try store(refresh) }
        }
        return work
    }

    /// Entries an interrupted poll stored but never signed.
    private func unfinishedWork(excluding ids: Set<Int64>) throws -> [EntryWork] {
        let leftovers = try db.unsignedEntries().filter { !ids.contains($0.id) }
        guard !leftovers.isEmpty else { return [] }
        log.info("resuming \(leftovers.count) entries left unsigned by an interrupted poll")
        var feedURLs: [Int64: String] = [:]
        for entry in leftovers where feedURLs[entry.feedID] == nil {
            feedURLs[entry.feedID] = try db.feed(id: entry.feedID)?.url ?? ""
        }
        return leftovers.map { EntryWork(stored: $0, feedURL: feedURLs[$0.feedID] ?? "") }
    }
}
