import Extraction
import FeedParsing
import Fetch
import Foundation
import Logging
import Storage
import SyndicCore

/// Fetches the article pages of entries whose feed text is too short, and extracts their story text.
///
/// Pages download concurrently under the fetcher's per-host limits while finished pages are
/// extracted on both cores. Each host's learned template (blocks seen on ≥ 3 of its pages) is
/// applied, and every newly seen page teaches the template its blocks.
struct ArticleStage {
    let db: any SiteTemplateStore
    let fetcher: Fetcher
    let options: PollOptions
    let log: Logger
    let progress: (@Sendable (PollProgress) -> Void)?
    /// Pages requested at once (the fetcher's own limits still apply within a chunk).
    static let chunkSize = 64

    /// Fetches and extracts the pages of entries that need them (decided when their feed text was
    /// prepared); returns one article row per entry (ok or failed).
    /// Entries whose page was skipped (its host failed to connect too often) are added to `skipped`, with
    /// no article row: nothing about the page is known.
    func run(_ selected: [EntryWork], summary: inout PollSummary, skipped: inout Set<Int64>) async throws -> [Int64: StoredArticle] {
        guard !selected.isEmpty else { return [:] }
        var articles: [Int64: StoredArticle] = [:]
        var templates: [String: SiteTemplate] = [:]
        let requests = selected.map { FetchRequest(url: $0.link!) }
        let maxParallel = max(2, ProcessInfo.processInfo.activeProcessorCount)
        var done = 0

        try await withThrowingTaskGroup(of: Extracted.self) { group in
            var inFlight = 0
            func finish(_ item: Extracted) async throws {
                inFlight -= 1
                done += 1
                articles[item.article.entryID] = item.article
                if item.article.status == .ok { summary.pagesFetched += 1 } else { summary.pagesFailed += 1 }
                if let site = item.site, let pageHash = item.pageHash, !item.blockHashes.isEmpty {
                    let isNew = try await db.recordPageBlocks(host: site, pageHash: pageHash,
                                                        blocks: item.blockHashes.map { ($0, "") })
                    if isNew { templates[site] = SiteTemplate(blockHashes: try await db.templateBlocks(host: site)) }
                }
                progress?(PollProgress(phase: .pages, done: done, total: selected.count))
            }
            // Pages are requested a chunk at a time: downloads run ahead of extraction, and a chunk
            // bounds how many fetched bodies wait in memory.
            for start in stride(from: 0, to: requests.count, by: Self.chunkSize) {
              let chunk = Array(requests[start..<min(start + Self.chunkSize, requests.count)])
              for await (offset, result) in fetcher.fetch(chunk) {
                let entry = selected[start + offset]
                if case .failure(.hostSkipped) = result {
                    skipped.insert(entry.entryID)
                    summary.pagesSkipped += 1
                    done += 1
                    progress?(PollProgress(phase: .pages, done: done, total: selected.count))
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
                group.addTask { Extracted.make(entry: entry, result: result, site: siteKey, template: snapshot) }
                inFlight += 1
                while inFlight >= maxParallel, let item = try await group.next() { try await finish(item) }
              }
            }
            while let item = try await group.next() { try await finish(item) }
        }
        return articles
    }
}

/// One page's outcome, computed off the consumer's thread.
struct Extracted: Sendable {
    var article: StoredArticle
    var site: String?
    var pageHash: UInt64?
    var blockHashes: [UInt64]

    static func make(entry: EntryWork, result: Result<FetchResponse, FetchError>, site: String?, template: SiteTemplate?) -> Extracted {
        let now = Date()
        switch result {
        case .failure(let error):
            return Extracted(article: StoredArticle(entryID: entry.entryID, finalURL: entry.link, status: .failed,
                                                    error: error.description, fetchedAt: now),
                             site: nil, pageHash: nil, blockHashes: [])
        case .success(let response):
            guard response.isSuccess else {
                return Extracted(article: StoredArticle(entryID: entry.entryID, finalURL: response.finalURL, status: .failed,
                                                        error: "HTTP \(response.status) from \(response.finalURL)", fetchedAt: now),
                                 site: nil, pageHash: nil, blockHashes: [])
            }
            do {
                let result = try ArticleExtractor.extract(html: response.body, url: response.finalURL,
                                                          httpCharset: response.charset, template: template)
                let a = result.article
                let text = a.text
                var pageHasher = FNV1a64()
                pageHasher.combine(field: response.finalURL)
                return Extracted(
                    article: StoredArticle(entryID: entry.entryID, finalURL: response.finalURL,
                                           canonicalURL: a.canonicalURL.flatMap { LinkRule.allows($0, origin: .content(of: response.finalURL)) ? $0 : nil },
                                           title: a.title, byline: a.byline,
                                           publishedAt: a.published.flatMap(FeedDate.parse), language: a.language,
                                           text: text.isEmpty ? nil : text,
                                           status: text.isEmpty ? .failed : .ok,
                                           error: text.isEmpty ? "no story text found on the page" : nil, fetchedAt: now),
                    site: site, pageHash: pageHasher.value, blockHashes: result.blockHashes)
            } catch {
                return Extracted(article: StoredArticle(entryID: entry.entryID, finalURL: response.finalURL, status: .failed,
                                                        error: error.description, fetchedAt: now),
                                 site: nil, pageHash: nil, blockHashes: [])
            }
        }
    }
}
