import Dedup
import Extraction
import FeedParsing
import Fetch
import Foundation
import Logging
import Storage
import SyndicCore

/// Fetches the article pages of entries whose feed text is too short, extracts their story text,
/// signs it and hands each entry to the ``StoryPlacer`` as soon as its page is done.
///
/// Pages download concurrently under the fetcher's per-host limits while finished pages are
/// extracted and signed on both cores. Each host's learned template (blocks seen on ≥ 3 of its pages)
/// is applied, and every newly seen page teaches the template its blocks.
///
/// Entries are placed in the order they were selected (the order their rows were created), so story
/// keys follow arrival whatever order the pages come back in: a finished page waits only for the
/// pages selected before it, and at most a chunk of them. The placer commits every
/// ``StoryPlacer/articleBatchSize`` articles, so a poll that is killed keeps the pages it finished.
///
/// A page the fetcher skipped (its host failed to connect ``PollOptions/pageHostFailureLimit`` times in a
/// row in this poll) has no article row: its entry waits, unsigned, for the next poll to try the page
/// again, unless it was first seen longer than ``PollOptions/pageRetryWindow`` ago, when it is placed
/// with its feed text so a host that stays down cannot hold it forever.
struct ArticleStage {
    let db: any SiteTemplateStore
    let fetcher: Fetcher
    let options: PollOptions
    let log: Logger
    let progress: (@Sendable (PollProgress) -> Void)?
    /// The poll's clock reading (for the retry window of skipped pages).
    let now: Date
    /// Pages requested at once (the fetcher's own limits still apply within a chunk).
    static let chunkSize = 64

    /// Fetches, extracts and signs the pages of entries that need them (decided when their feed text
    /// was prepared) and places every entry with its article row (ok or failed); returns the number placed.
    @discardableResult
    func run(_ selected: [EntryWork], placer: StoryPlacer, summary: inout PollSummary) async throws -> Int {
        guard !selected.isEmpty else { return 0 }
        var templates: [String: SiteTemplate] = [:]
        let requests = selected.map { FetchRequest(url: $0.link!) }
        let maxParallel = max(2, ProcessInfo.processInfo.activeProcessorCount)
        let options = self.options
        var done = 0
        // Finished pages waiting for an earlier one, by their index in `selected`.
        var finished: [Int: Extracted?] = [:]
        var nextToPlace = 0
        var placed = 0

        try await withThrowingTaskGroup(of: (Int, Extracted).self) { group in
            var inFlight = 0
            func finish(_ index: Int, _ item: Extracted) async throws {
                inFlight -= 1
                done += 1
                if item.article?.status == .ok { summary.pagesFetched += 1 } else { summary.pagesFailed += 1 }
                if let page = item.page, let site = page.site, let pageHash = page.pageHash, !page.blockHashes.isEmpty {
                    let isNew = try await db.recordPageBlocks(host: site, pageHash: pageHash,
                                                        blocks: page.blockHashes.map { ($0, "") })
                    if isNew { templates[site] = SiteTemplate(blockHashes: try await db.templateBlocks(host: site)) }
                }
                try await complete(index, item)
            }
            // Records entry `index` as done (nil: left for the next poll) and places the finished
            // entries that no earlier entry is still waiting for, in order.
            func complete(_ index: Int, _ item: Extracted?) async throws {
                finished[index] = .some(item)
                while let ready = finished.removeValue(forKey: nextToPlace) {
                    if let ready {
                        try await placer.place(selected[nextToPlace], ready.signed, article: ready.article)
                        placed += 1
                    }
                    nextToPlace += 1
                }
                progress?(PollProgress(phase: .pages, done: done, total: selected.count))
            }
            func skip(_ index: Int) async throws {
                done += 1
                summary.pagesSkipped += 1
                let entry = selected[index]
                guard now.timeIntervalSince(entry.firstSeenAt) >= options.pageRetryWindow else { return try await complete(index, nil) }
                var builder = SignatureBuilder(configuration: options.dedup)
                try await complete(index, Extracted(page: nil, signed: PageSigning.sign(entry, article: nil, options: options, builder: &builder)))
            }
            // Pages are requested a chunk at a time: downloads run ahead of extraction, and a chunk
            // bounds how many fetched bodies (and finished pages waiting for their turn) stay in memory.
            for start in stride(from: 0, to: requests.count, by: Self.chunkSize) {
              let chunk = Array(requests[start..<min(start + Self.chunkSize, requests.count)])
              for await (offset, result) in fetcher.fetch(chunk) {
                let index = start + offset
                let entry = selected[index]
                if case .failure(.hostSkipped) = result {
                    try await skip(index)
                    continue
                }
                var template: SiteTemplate?
                var site: String?
                if case .success(let response) = result, let key = SiteKey.of(response.finalURL) {
                    site = key
                    if templates[key] == nil { templates[key] = SiteTemplate(blockHashes: try await db.templateBlocks(host: key)) }
                    template = templates[key]
                }
                let snapshot = template
                let siteKey = site
                group.addTask {
                    (index, Extracted.make(entry: entry, result: result, site: siteKey, template: snapshot, options: options))
                }
                inFlight += 1
                while inFlight >= maxParallel, let (index, item) = try await group.next() { try await finish(index, item) }
              }
            }
            while let (index, item) = try await group.next() { try await finish(index, item) }
        }
        return placed
    }
}
