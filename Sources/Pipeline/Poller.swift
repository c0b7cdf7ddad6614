import Dedup
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
/// entries, and one per batch of placed entries (articles, signatures and story assignments,
/// committed as pages complete). A crash at any point leaves committed work intact; entries stored
/// but not yet signed are picked up by the next poll, so repeated kills still make progress.
public final class Poller {
    /// What a poll reads and writes: due feeds and their commits, feeds by id, site templates.
    public typealias Store = PollStore & FeedStore & SiteTemplateStore

    public let db: any Store
    public let options: PollOptions
    private let fetcher: Fetcher
    private let log = Logger(label: "syndic.poll")
    private let progress: (@Sendable (PollProgress) -> Void)?

    public init(db: any Store, options: PollOptions, progress: (@Sendable (PollProgress) -> Void)? = nil) {
        self.db = db
        self.options = options
        self.fetcher = Fetcher(policy: options.fetchPolicy)
        self.progress = progress
    }

    /// Runs the poll. Feed failures are recorded and summarized, never thrown; only problems that
    /// stop the whole poll (the database cannot be written, the disk is full) are thrown.
    public func run(now: Date = Date()) async throws -> PollSummary {
        if let shared = db as? any SharedPollStore {
            return try await runShared(shared, now: now)
        }
        let placer = StoryPlacer(db: db, options: options, now: now)
        return try await run(now: now, placer: placer) { summary in
            try await self.refreshFeeds(try await self.selectFeeds(now: now), leases: [:], now: now, placer: placer, summary: &summary)
        } finish: {
            try await placer.placeUnplaced()
            return PlacedStories()
        }
    }

    /// A poll of a database other pollers share (PostgreSQL): feeds are claimed in leased batches until
    /// none is due, each committed under its lease; entries are placed here when this poll holds the
    /// placer lock, else stored signed and placed at the end by whichever process holds it then.
    private func runShared(_ shared: any SharedPollStore, now: Date) async throws -> PollSummary {
        let owner = PollerIdentity.make()
        let started = Date()
        let clock: @Sendable () -> Date = { now.addingTimeInterval(Date().timeIntervalSince(started)) }
        let placerLock = try await shared.acquirePlacerLock(wait: false)
        let placer = StoryPlacer(db: db, options: options, now: now, deferred: placerLock == nil)
        let leaseSeconds = options.leaseSeconds
        let renewal = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(leaseSeconds / 3))
                if Task.isCancelled { break }
                _ = try? await shared.renewLeases(owner: owner, until: clock().addingTimeInterval(leaseSeconds), now: clock())
            }
        }
        defer { renewal.cancel() }
        do {
            let summary = try await run(now: now, placer: placer) { summary in
                var waiting: [EntryWork] = []
                while true {
                    let claim = LeaseClaim(owner: owner, limit: self.options.leaseBatch, until: clock().addingTimeInterval(leaseSeconds),
                                           now: clock(), force: self.options.force || !self.options.feedIDs.isEmpty,
                                           fetchedBefore: now, feedIDs: self.options.feedIDs)
                    let batch = try await shared.claimFeeds(claim)
                    if batch.isEmpty { break }
                    let leases = Dictionary(uniqueKeysWithValues: batch.map { ($0.feed.id, $0.lease) })
                    waiting += try await self.refreshFeeds(batch.map(\.feed), leases: leases, now: now, placer: placer, summary: &summary)
                }
                return waiting
            } finish: {
                var placed = PlacedStories()
                if let placerLock {
                    try await placer.placeUnplaced()
                    await placerLock.release()
                } else {
                    // Another process is placing: wake it (a `place --follow` waits for this) and leave it the work.
                    try await shared.notifyUnplaced()
                }
                // A poll that found the lock taken left its entries to the holder; a holder that is a poll has
                // let go by now, so whoever finds work waiting and the lock free places it (the follower
                // never lets go, and is woken instead). While the lock stays taken, the poll watches the
                // waiting entries: as long as their number falls, the holder is placing them; if it stops
                // falling for `placerStallSeconds`, the holder is taken for gone or stuck and the rest is
                // left to the next poll. A holder killed meanwhile frees the lock, and this poll places.
                var waiting = try await self.db.unplacedCount()
                var progressAt = Date()
                while waiting > 0 {
                    guard let lock = try await shared.acquirePlacerLock(wait: false) else {
                        if Date().timeIntervalSince(progressAt) > Self.placerStallSeconds { break }
                        try await Task.sleep(for: .milliseconds(200))
                        let now = try await self.db.unplacedCount()
                        if now < waiting { progressAt = Date() }
                        waiting = now
                        continue
                    }
                    let late = StoryPlacer(db: self.db, options: self.options, now: now)
                    do {
                        try await late.placeUnplaced()
                    } catch {
                        await lock.release()
                        throw error
                    }
                    await lock.release()
                    placed.new.formUnion(late.newStories)
                    placed.grown.formUnion(late.grownStories)
                    waiting = try await self.db.unplacedCount()
                    progressAt = Date()
                }
                return placed
            }
            try? await shared.releaseLeases(owner: owner)
            return summary
        } catch {
            try? await shared.releaseLeases(owner: owner)
            await placerLock?.release()
            throw error
        }
    }

    /// How long a poll waits at its end for a placer that places nothing before it leaves the waiting
    /// entries to the next poll (see `runShared`).
    static let placerStallSeconds: TimeInterval = 5

    /// The steps every poll takes: unfinished work first, then `refresh` (this poll's feeds, which
    /// returns the entries that wait for their page), the pages, and `finish` (placing what waits
    /// unplaced; the stories it made or grew count too).
    private func run(now: Date, placer: StoryPlacer, refresh: (inout PollSummary) async throws -> [EntryWork],
                     finish: () async throws -> PlacedStories) async throws -> PollSummary {
        let started = Date()
        var summary = PollSummary()

        // Entries an interrupted poll stored but never placed come first, then this poll's feeds.
        // Entries whose feed text is final are placed in stories as they arrive (while other feeds
        // still download); those that wait for their article page are returned.
        var waiting = try await resumeUnfinished(placer)
        waiting += try await refresh(&summary)
        log.debug("feeds: \(summary.feedsPolled) fetched, stored and placed in \(Self.since(started))")

        // Pages are signed and placed as they complete, and committed in batches of
        // StoryPlacer.articleBatchSize, so a poll that is killed keeps most of its page work.
        let pagesStarted = Date()
        var pagePolicy = options.fetchPolicy
        pagePolicy.hostFailureLimit = options.pageHostFailureLimit
        let pageFetcher = waiting.isEmpty ? fetcher : Fetcher(policy: pagePolicy)
        let articleStage = ArticleStage(db: db, fetcher: pageFetcher, options: options, log: log, progress: progress, now: now)
        let placed = try await articleStage.run(waiting, placer: placer, summary: &summary)
        if summary.pagesSkipped > 0 {
            log.info("\(summary.pagesSkipped) article pages skipped (host unreachable); entries first seen within the retry window are placed after a later poll fetches them")
        }
        try await placer.flush()
        log.debug("pages: \(placed) entries fetched, extracted and placed in \(Self.since(pagesStarted))")
        let late = try await finish()

        summary.storiesNew = placer.newStories.union(late.new).count
        summary.storiesGrown = placer.grownStories.union(late.grown).count
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    private static func since(_ start: Date) -> String {
        String(format: "%.2f s", Date().timeIntervalSince(start))
    }

    /// Due feeds, or all active ones with `force`, limited to `feedIDs` when given.
    private func selectFeeds(now: Date) async throws -> [Feed] {
        var feeds = try await db.dueFeeds(now: now, force: options.force || !options.feedIDs.isEmpty)
        if !options.feedIDs.isEmpty {
            let wanted = Set(options.feedIDs)
            feeds = feeds.filter { wanted.contains($0.id) }
        }
        return feeds
    }

    /// Fetches every feed (conditional GET), parses bodies as they arrive, stores each feed's state
    /// and entries in its own transaction, and places the new or changed entries whose text is final.
    /// Returns the entries that wait for their article page.
    private func refreshFeeds(_ feeds: [Feed], leases: [Int64: FeedLease], now: Date, placer: StoryPlacer,
                              summary: inout PollSummary) async throws -> [EntryWork] {
        guard !feeds.isEmpty else { return [] }
        let requests = feeds.map { FetchRequest(url: $0.url, etag: $0.etag, lastModified: $0.lastModified) }
        let updater = FeedStateUpdater(policy: options.schedule)
        // Parsed feeds queue up while this task stores and places the previous ones, so parsing
        // keeps the other cores busy.
        let maxParallel = 3 * max(2, ProcessInfo.processInfo.activeProcessorCount)
        var work: [EntryWork] = []
        var done = 0

        try await withThrowingTaskGroup(of: FeedRefresh.self) { group in
            var inFlight = 0
            func recordFailure(_ feed: Feed, _ message: String) {
                summary.failed += 1
                summary.failures.append(.init(feedID: feed.id, url: feed.url, message: message))
                // Reported once, in the summary the command prints; traced here for --verbose.
                log.debug("feed \(feed.id) \(feed.url) failed: \(message)")
            }
            func store(_ refresh: FeedRefresh) async throws {
                inFlight -= 1
                done += 1
                let outcomes: [EntryUpsertOutcome]
                if let lease = leases[refresh.feed.id], let shared = db as? any SharedPollStore {
                    do {
                        outcomes = try await shared.commitFeedFetch(feed: refresh.feed, drafts: refresh.drafts, lease: lease, now: now)
                    } catch StorageError.leaseLost(let feedID) {
                        // Another poller took the feed over after this lease ran out: its fetch counts, not this one.
                        summary.leasesLost += 1
                        log.info("feed \(feedID): lease lost before its fetch was stored; the poller that took it over fetches it")
                        return
                    }
                } else {
                    outcomes = try await db.commitFeedFetch(feed: refresh.feed, drafts: refresh.drafts, now: now)
                }
                summary.feedsPolled += 1
                switch refresh.kind {
                case .fetched: break
                case .notModified: summary.notModified += 1
                case .failed(let message): recordFailure(refresh.feed, message)
                case .gone: recordFailure(refresh.feed, refresh.feed.disabledReason ?? "410 Gone")
                }
                for ((draft, prepared), outcome) in zip(zip(refresh.drafts, refresh.prepared), outcomes) {
                    let backlog = Backlog.contains(published: draft.publishedAt, firstSeenAt: now, window: options.window)
                    switch outcome {
                    case .unchanged, .pruned: continue
                    case .new where backlog: summary.entriesBacklog += 1
                    case .new: summary.entriesNew += 1
                    case .updated: summary.entriesUpdated += 1
                    }
                    let item = EntryWork(entryID: outcome.entryID, feedID: refresh.feed.id, feedURL: refresh.feed.url,
                                         link: draft.url, title: draft.title, firstSeenAt: now, backlog: backlog, prepared: prepared)
                    if let signed = prepared.signed { try await placer.place(item, signed) } else { work.append(item) }
                }
                progress?(PollProgress(phase: .feeds, done: done, total: feeds.count))
            }
            for await (index, result) in fetcher.fetch(requests) {
                let feed = feeds[index]
                let random = Double.random(in: 0..<1)
                let options = self.options.forFeed(feed)
                group.addTask { FeedRefresh.make(feed: feed, result: result, updater: updater, options: options, now: now, random: random) }
                inFlight += 1
                while inFlight >= maxParallel, let refresh = try await group.next() { try await store(refresh) }
            }
            while let refresh = try await group.next() { try await store(refresh) }
        }
        return work
    }

    /// Entries an interrupted poll stored but never signed: those whose text is final are placed now,
    /// those that need their page are returned.
    private func resumeUnfinished(_ placer: StoryPlacer) async throws -> [EntryWork] {
        let leftovers = try await db.unsignedEntries()
        guard !leftovers.isEmpty else { return [] }
        log.info("resuming \(leftovers.count) entries left unsigned by an interrupted poll")
        var feeds: [Int64: Feed] = [:]
        for entry in leftovers where feeds[entry.feedID] == nil {
            feeds[entry.feedID] = try await db.feed(id: entry.feedID)
        }
        var builder = SignatureBuilder(configuration: options.dedup)
        var waiting: [EntryWork] = []
        for entry in leftovers {
            let feed = feeds[entry.feedID]
            let item = EntryWork(stored: entry, feedURL: feed?.url ?? "", options: feed.map(options.forFeed) ?? options, builder: &builder)
            if let signed = item.prepared.signed { try await placer.place(item, signed) } else { waiting.append(item) }
        }
        return waiting
    }
}

/// Stories a poll's last placing rounds made or grew.
struct PlacedStories {
    var new = Set<Int64>()
    var grown = Set<Int64>()
}
