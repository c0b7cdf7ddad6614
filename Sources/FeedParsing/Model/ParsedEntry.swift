import Foundation
import SyndicCore

/// One item of a feed (RSS `<item>`, Atom `<entry>`, JSON Feed item). Immutable and `Sendable`.
///
/// HTML bodies are kept as HTML (`summaryHTML`, `contentHTML`); their plain-text forms are computed on
/// demand (`summaryText`, `contentText`) so that parsing stays fast when nobody needs the text.
public struct ParsedEntry: Sendable {
    /// RSS `guid` / Atom `id` / JSON `id` as written (whitespace-collapsed), nil when absent.
    public let id: String?
    /// An identifier that is never nil and is the same on every run for the same entry:
    /// `id`, else `link`, else `"hash:"` + a 64-bit FNV-1a hash of title, date (`published`, else
    /// `updated`) and body. Stored as the entry's key, so its formula is frozen (pinned by `StableIDTests`).
    public let stableID: String
    /// Entry web page: RSS `link` (or permalink `guid`), Atom alternate link, JSON `url`.
    public let link: String?
    /// Title as plain text (HTML removed when the title is HTML).
    public let title: String?
    /// Display name of the first author.
    public let author: String?
    /// RSS `pubDate` / Atom `published` (`issued`) / `dcterms:issued` / JSON `date_published`, as the
    /// feed gives it (nil when absent; see ``date`` for the entry's date).
    public let published: Date?
    /// Atom `updated` (`modified`) / `dc:date` / `dcterms:modified` / JSON `date_modified`.
    public let updated: Date?
    /// RSS `description` / Atom `summary` / JSON `summary`, in its declared type (see `summaryIsHTML`).
    public let summary: String?
    /// Whether `summary` is HTML (otherwise plain text).
    public let summaryIsHTML: Bool
    /// RSS `content:encoded` / Atom `content` / JSON `content_html` or `content_text`.
    public let content: String?
    /// Whether `content` is HTML (otherwise plain text).
    public let contentIsHTML: Bool
    /// Category / tag labels (RSS `category`, Atom `category@term`, `dc:subject`, JSON `tags`).
    public let categories: [String]
    /// Attached files (podcast audio, video, images).
    public let enclosures: [FeedEnclosure]
    /// A representative image: `media:thumbnail`, `itunes:image`, image-typed `media:content`,
    /// JSON `image`/`banner_image`.
    public let imageURL: String?

    public init(
        id: String?, link: String?, title: String?, author: String?, published: Date?, updated: Date?,
        summary: String?, summaryIsHTML: Bool, content: String?, contentIsHTML: Bool,
        categories: [String], enclosures: [FeedEnclosure], imageURL: String?
    ) {
        self.id = id
        self.link = link
        self.title = title
        self.author = author
        self.published = published
        self.updated = updated
        self.summary = summary
        self.summaryIsHTML = summaryIsHTML
        self.content = content
        self.contentIsHTML = contentIsHTML
        self.categories = categories
        self.enclosures = enclosures
        self.imageURL = imageURL
        self.stableID = ParsedEntry.makeStableID(
            id: id, link: link, title: title, date: published ?? updated, body: content ?? summary)
    }

    /// The entry's date: ``published``, else ``updated`` (Atom `updated`, `dc:date`, JSON
    /// `date_modified`), nil when the feed gives neither.
    ///
    /// Many feeds date their items only with Atom `<updated>` or `dc:date` (RSS 1.0 has no other date
    /// element); this is the date Syndic stores, shows and sorts by. feedparser, whose parse the corpus
    /// reproduces, keeps `published` empty for them, so ``published`` stays the parse as written.
    public var date: Date? { published ?? updated }

    /// The summary as HTML (plain-text summaries are escaped), nil when absent.
    public var summaryHTML: String? {
        summary.map { summaryIsHTML ? $0 : HTMLText.escape($0) }
    }

    /// The content as HTML (plain-text content is escaped), nil when absent.
    public var contentHTML: String? {
        content.map { contentIsHTML ? $0 : HTMLText.escape($0) }
    }

    /// The summary as collapsed plain text (corpus text rules); nil when absent or empty.
    public var summaryText: String? {
        summary.flatMap { summaryIsHTML ? HTMLText.toText($0) : HTMLText.collapse($0) }
    }

    /// The content as collapsed plain text (corpus text rules); nil when absent or empty.
    public var contentText: String? {
        content.flatMap { contentIsHTML ? HTMLText.toText($0) : HTMLText.collapse($0) }
    }

    static func makeStableID(id: String?, link: String?, title: String?, date: Date?, body: String?) -> String {
        if let id, !id.isEmpty { return id }
        if let link, !link.isEmpty { return link }
        var hasher = FNV1a64()
        hasher.combine(field: title ?? "", terminator: 0xFF)
        hasher.combine(field: date.map { String(Int64($0.timeIntervalSince1970)) } ?? "", terminator: 0xFF)
        hasher.combine(field: body ?? "", terminator: 0xFF)
        return "hash:" + hasher.hex
    }
}
