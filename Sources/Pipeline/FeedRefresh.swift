import Dedup
import FeedParsing
import Fetch
import Foundation
import Storage
import SyndicCore

/// The CPU half of refreshing one feed: classify the HTTP outcome, parse the body, draft the entries.
/// Pure (no database, no network), so it runs on any core while other feeds are still downloading.
struct FeedRefresh: Sendable {
    var feed: Feed
    var kind: FeedOutcomeKind
    /// Unique by stable id, in feed order; empty unless the body was parsed.
    var drafts: [EntryDraft]
    /// The text (and, where no page is needed, the signature) of each draft, in the same order.
    var prepared: [PreparedText] = []

    static func make(feed: Feed, result: Result<FetchResponse, FetchError>, updater: FeedStateUpdater,
                     options: PollOptions, now: Date, random: Double) -> FeedRefresh {
        let response: FetchResponse
        switch result {
        case .failure(let error):
            return FeedRefresh(feed: updater.failed(feed, status: nil, message: error.description, retryAfter: nil, now: now, random: random),
                               kind: .failed(error.description), drafts: [])
        case .success(let r):
            response = r
        }
        if response.isNotModified {
            return FeedRefresh(feed: updater.succeeded(feed, response: response, hints: nil, bodyHash: nil, now: now),
                               kind: .notModified, drafts: [])
        }
        if response.status == 410 {
            return FeedRefresh(feed: updater.gone(feed, response: response, now: now), kind: .gone, drafts: [])
        }
        guard response.isSuccess else {
            let message = "HTTP \(response.status) from \(response.finalURL)"
                + (response.status == 429 || response.status == 503 ? "; the server asks us to slow down" : "")
            return FeedRefresh(feed: updater.failed(feed, status: response.status, message: message,
                                                    retryAfter: response.retryAfter(now: now), now: now, random: random),
                               kind: .failed(message), drafts: [])
        }
        var bodyHasher = FNV1a64()
        bodyHasher.combine(bytes: response.body)
        let bodyHash = bodyHasher.hex
        if bodyHash == feed.bodyHash {
            // Byte-identical to the last body: nothing to parse (servers without validators).
            return FeedRefresh(feed: updater.succeeded(feed, response: response, hints: nil, bodyHash: bodyHash, now: now),
                               kind: .notModified, drafts: [])
        }
        let parsed: ParsedFeed
        do {
            parsed = try FeedParser.parse(bytes: response.body, url: response.finalURL, httpCharset: response.charset)
        } catch {
            let message = "cannot read the feed at \(response.finalURL): \(error.description)"
            return FeedRefresh(feed: updater.failed(feed, status: response.status, message: message, retryAfter: nil, now: now, random: random),
                               kind: .failed(message), drafts: [])
        }
        guard parsed.isFeed else {
            let message = "\(response.finalURL) is not a feed (RSS, Atom or JSON Feed)"
                + (parsed.bozoReason.map { ": \($0)" } ?? "") + "; `syndic feeds add` with the site's address finds its feed"
            return FeedRefresh(feed: updater.failed(feed, status: response.status, message: message, retryAfter: nil, now: now, random: random),
                               kind: .failed(message), drafts: [])
        }
        // The feed's title is capped like an entry's (FieldLimits), so `/feeds` and the digests stay small.
        let title = parsed.title.map { FieldLimits.cut($0, maxBytes: FieldLimits.title) ?? $0 }
        // A site link over FieldLimits.url is dropped, as an entry's link is (a cut URL points elsewhere).
        let siteURL = parsed.siteLink.flatMap { $0.utf8.count > FieldLimits.url ? nil : $0 }
        let hints = FeedHints(title: title, siteURL: siteURL,
                              ttl: parsed.ttlMinutes.map { TimeInterval($0) * 60 },
                              updatePeriod: parsed.updateInterval.map { TimeInterval($0.seconds) },
                              itemDates: parsed.entries.compactMap(\.date))
        var seen = Set<String>()
        var drafts: [EntryDraft] = []
        var prepared: [PreparedText] = []
        drafts.reserveCapacity(parsed.entries.count)
        prepared.reserveCapacity(parsed.entries.count)
        var builder = SignatureBuilder(configuration: options.dedup)
        let updated = updater.succeeded(feed, response: response, hints: hints, bodyHash: bodyHash, now: now)
        for entry in parsed.entries where seen.insert(entry.stableID).inserted {
            let draft = EntryDrafting.draft(entry)
            drafts.append(draft)
            prepared.append(PreparedText(contentHTML: draft.contentHTML, summaryHTML: draft.summaryHTML, title: draft.title,
                                         link: draft.url, feedURL: updated.url, options: options, builder: &builder))
        }
        return FeedRefresh(feed: updated, kind: .fetched, drafts: drafts, prepared: prepared)
    }
}
