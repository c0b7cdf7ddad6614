import Foundation
import Storage
import SyndicCore

/// The JSON shapes of `syndic stories` and `syndic story` (also served by the web view).
/// Keys in a fixed order; times RFC 3339 UTC; links only when safe http(s) URLs, else null.
public enum StoryJSON {
    /// `{id, headline, sources, published, first_seen, last_seen, sites, entries: [{id, feed_id, site, title, url, published}]}`.
    public static func summary(_ story: StorySummary) -> JSONValue {
        .object([
            ("id", .int(story.id)),
            ("headline", .string(PlainText.singleLine(story.headline))),
            ("sources", .int(story.sourceCount)),
            ("published", .string(Timestamp.rfc3339(story.publishedAt))),
            ("first_seen", .string(Timestamp.rfc3339(story.firstSeenAt))),
            ("last_seen", .string(Timestamp.rfc3339(story.lastSeenAt))),
            ("sites", .array(story.sites.map { .string(PlainText.singleLine($0)) })),
            ("entries", .array(story.copies.map(copy))),
        ] + reading(story.reading))
    }

    /// `read` and `starred` when the listing was made for a reader.
    static func reading(_ reading: StoryReading?) -> [(String, JSONValue)] {
        guard let reading else { return [] }
        return [("read", .bool(reading.isRead)), ("starred", .bool(reading.isStarred))]
    }

    static func copy(_ copy: StoryCopy) -> JSONValue {
        .object([
            ("id", .int(copy.entryID)),
            ("feed_id", .int(copy.feedID)),
            ("site", .string(PlainText.singleLine(copy.site))),
            ("title", .string(copy.title.map(PlainText.singleLine))),
            ("url", .string(SafeURL.check(copy.url))),
            ("published", .string(copy.publishedAt.map(Timestamp.rfc3339))),
        ])
    }

    /// The story with each copy's similarity and the representative's text and lead.
    public static func detail(_ detail: StoryDetail) -> JSONValue {
        let story = detail.summary
        let item = DigestItem(detail)
        return .object([
            ("id", .int(story.id)),
            ("headline", .string(PlainText.singleLine(story.headline))),
            ("sources", .int(story.sourceCount)),
            ("first_seen", .string(Timestamp.rfc3339(story.firstSeenAt))),
            ("last_seen", .string(Timestamp.rfc3339(story.lastSeenAt))),
            ("updated", .string(Timestamp.rfc3339(story.updatedAt))),
            ("sites", .array(story.sites.map { .string(PlainText.singleLine($0)) })),
            ("representative_entry_id", .int(story.representativeEntryID)),
            ("lead", .string(item.lead)),
            ("text", .string(RepresentativeText.paragraphs(detail).joined(separator: "\n\n"))),
            ("entries", .array(story.copies.map { c in
                guard case .object(var fields) = copy(c) else { return .null }
                fields.append(("first_seen", .string(Timestamp.rfc3339(c.firstSeenAt))))
                fields.append(("similarity", c.similarity.map { .double(($0 * 1000).rounded() / 1000) } ?? .null))
                return .object(fields)
            })),
        ])
    }
}

/// The representative's best text as plain paragraphs: article text, else feed content, else summary.
public enum RepresentativeText {
    public static func paragraphs(_ detail: StoryDetail) -> [String] {
        if let text = detail.articleText {
            let p = PlainText.paragraphs(fromText: text)
            if !p.isEmpty { return p }
        }
        for html in [detail.contentHTML, detail.summaryHTML].compactMap({ $0 }) {
            let p = PlainText.paragraphs(fromHTML: html)
            if !p.isEmpty { return p }
        }
        return []
    }
}
