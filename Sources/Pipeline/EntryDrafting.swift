import FeedParsing
import Foundation
import Storage
import SyndicCore

/// Turns parsed feed items into the rows Storage keeps.
enum EntryDrafting {
    static func draft(_ entry: ParsedEntry) -> EntryDraft {
        let summaryHTML = entry.summaryHTML
        let contentHTML = entry.contentHTML
        var hasher = FNV1a64()
        for part in [entry.link, entry.title, entry.author, summaryHTML, contentHTML] {
            hasher.combine(field: part ?? "\u{0}")
        }
        // The dates as the feed gives them: the stored hash of every existing entry stays the same.
        hasher.combine(field: entry.published.map { String($0.timeIntervalSince1970) } ?? "")
        hasher.combine(field: entry.updated.map { String($0.timeIntervalSince1970) } ?? "")
        return EntryDraft(guid: entry.stableID, url: entry.link, title: entry.title, author: entry.author,
                          publishedAt: entry.date, updatedAt: entry.updated, summaryHTML: summaryHTML,
                          contentHTML: contentHTML, contentHash: hasher.hex)
    }
}
