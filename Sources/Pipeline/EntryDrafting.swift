import FeedParsing
import Foundation
import Storage
import SyndicCore

/// Turns parsed feed items into the rows Storage keeps, with every text field within its
/// ``FieldLimits`` (the cut fields are recorded in the draft, and so in the stored entry).
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
        // The hash is of the fields as the feed gave them, so an entry stored before the caps is not
        // rewritten, and a cut entry is stored again only when its feed changes it.
        var cuts: [EntryField] = []
        let title = FieldLimits.capped(entry.title, maxBytes: FieldLimits.title, field: .title, cuts: &cuts)
        let author = FieldLimits.capped(entry.author, maxBytes: FieldLimits.author, field: .author, cuts: &cuts)
        let summary = FieldLimits.capped(summaryHTML, maxBytes: FieldLimits.summary, isHTML: true, field: .summary, cuts: &cuts)
        let content = FieldLimits.capped(contentHTML, maxBytes: FieldLimits.content, isHTML: true, field: .content, cuts: &cuts)
        let link = FieldLimits.link(entry.link, cuts: &cuts)
        let guid = FieldLimits.stableID(entry.stableID, cuts: &cuts)
        return EntryDraft(guid: guid, url: link, title: title, author: author,
                          publishedAt: entry.date, updatedAt: entry.updated, summaryHTML: summary,
                          contentHTML: content, contentHash: hasher.hex, cutFields: cuts)
    }
}
