import Foundation
import Storage

/// One source of a digest item: a copy of the story on one site.
public struct DigestSource: Sendable, Equatable {
    public var entryID: Int64
    public var feedID: Int64
    public var site: String
    /// The copy's own title (clean, one line); may differ from the story headline.
    public var title: String
    /// The copy's link, only when it is a safe http(s) URL.
    public var url: String?
    /// When the copy was published, else when Syndic first saw it.
    public var time: Date
    public var similarity: Double?
}

/// One story of a digest: everything every format shows, already cleaned of markup and controls.
public struct DigestItem: Sendable, Equatable {
    /// The story id (stable: the founding entry's id).
    public var storyID: Int64
    public var headline: String
    /// One to three sentences from the representative's text; empty when it has none.
    public var lead: String
    /// The representative's link (else the first safe link of any copy).
    public var link: String?
    public var sourceCount: Int
    public var sites: [String]
    public var sources: [DigestSource]
    public var firstSeenAt: Date
    public var lastSeenAt: Date
    /// When the story was published (``StorySummary/publishedAt``): the item's published date.
    public var publishedAt: Date
    /// Moves when the story gains a source; feed readers use it to show the item as updated.
    public var updatedAt: Date

    /// Builds the item of one story: headline and titles stripped of markup, lead from the
    /// representative's best text, links kept only when safe.
    public init(_ detail: StoryDetail) {
        let summary = detail.summary
        storyID = summary.id
        let headline = PlainText.singleLine(PlainText.fromHTML(summary.headline))
        self.headline = headline.isEmpty ? "(untitled)" : headline
        lead = Lead.make(articleText: detail.articleText, contentHTML: detail.contentHTML,
                         summaryHTML: detail.summaryHTML, headline: self.headline)
        let fallbackTitle = self.headline
        sources = summary.copies.map { copy in
            let title = PlainText.singleLine(PlainText.fromHTML(copy.title ?? ""))
            return DigestSource(entryID: copy.entryID, feedID: copy.feedID, site: PlainText.singleLine(copy.site),
                                title: title.isEmpty ? fallbackTitle : title, url: SafeURL.check(copy.url),
                                time: copy.publishedAt ?? copy.firstSeenAt, similarity: copy.similarity)
        }
        link = sources.lazy.compactMap(\.url).first
        sites = summary.sites.map(PlainText.singleLine)
        sourceCount = summary.sourceCount
        firstSeenAt = summary.firstSeenAt
        lastSeenAt = summary.lastSeenAt
        publishedAt = summary.publishedAt
        updatedAt = summary.updatedAt
    }
}

/// A digest ready to render: a title, optional links to itself, and its items in order.
public struct DigestDocument: Sendable, Equatable {
    /// Stories in a digest when no limit is given (`syndic digest --limit`, `?limit=` on the web
    /// view): a digest is read by people and polled by feed readers, and 10,000 stories made a
    /// 9.6 MB Atom feed. With the field caps (`FieldLimits`) this bounds a default digest.
    public static let defaultStoryLimit = 200

    public var title: String
    /// Where this digest is published (an http(s) URL; anything else is dropped).
    public var selfURL: String?
    /// A page for people (the web view's home), when there is one.
    public var homeURL: String?
    public var items: [DigestItem]
    /// Whose digest it is: the source of its item ids and feed id.
    public var identity: DigestIdentity

    /// The feed-level `updated`: the newest item's `updatedAt`, or the Unix epoch for an empty
    /// digest, so the same database state always renders the same bytes.
    public var updated: Date {
        items.map(\.updatedAt).max() ?? Date(timeIntervalSince1970: 0)
    }

    /// The feed's stable id: its self URL when given, else the instance's tag URI.
    public var feedID: String { selfURL ?? identity.feedTag }

    /// The stable, globally unique id of an item for feed readers (``DigestIdentity/itemID(storyID:)``).
    public func itemID(_ item: DigestItem) -> String { identity.itemID(storyID: item.storyID) }

    public init(title: String = "Syndic digest", selfURL: String? = nil, homeURL: String? = nil, identity: DigestIdentity,
                items: [DigestItem]) {
        let clean = PlainText.singleLine(PlainText.fromHTML(title))
        self.title = clean.isEmpty ? "Syndic digest" : clean
        self.selfURL = SafeURL.check(selfURL)
        self.homeURL = SafeURL.check(homeURL)
        self.items = items
        self.identity = identity
    }

    /// A digest of the given stories of the database `identity` names, in the given order.
    public init(title: String = "Syndic digest", selfURL: String? = nil, homeURL: String? = nil, identity: DigestIdentity,
                stories: [StoryDetail]) {
        self.init(title: title, selfURL: selfURL, homeURL: homeURL, identity: identity, items: stories.map(DigestItem.init))
    }
}
