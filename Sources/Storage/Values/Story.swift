import Foundation

/// One copy of a story: an entry with the feed and site it came from.
public struct StoryCopy: Sendable, Equatable {
    public var entryID: Int64
    public var feedID: Int64
    public var feedTitle: String?
    /// The host the copy was published on (from the entry's URL, else the feed's).
    public var site: String
    public var title: String?
    public var url: String?
    public var publishedAt: Date?
    public var firstSeenAt: Date
    /// Similarity to the representative when the copy joined (1 for the representative).
    public var similarity: Double?

    public init(entryID: Int64, feedID: Int64, feedTitle: String? = nil, site: String, title: String?, url: String?,
                publishedAt: Date?, firstSeenAt: Date, similarity: Double?) {
        self.entryID = entryID; self.feedID = feedID; self.feedTitle = feedTitle; self.site = site
        self.title = title; self.url = url; self.publishedAt = publishedAt; self.firstSeenAt = firstSeenAt
        self.similarity = similarity
    }
}

/// A story cluster with its copies, for listings, digests and the web view.
public struct StorySummary: Sendable, Equatable {
    /// Stable id: the id of the entry that founded the story; it never changes as copies join.
    public var id: Int64
    public var headline: String
    public var representativeEntryID: Int64?
    public var firstSeenAt: Date
    public var lastSeenAt: Date
    /// When the story was published: the earliest date its copies' feeds give (a copy without a date,
    /// or dated after Syndic first saw it, counts from when it was first seen). It never moves later.
    /// `--since`, `--until` and the listing order use it; digests write it as the item's published date.
    public var publishedAt: Date
    /// Moves forward whenever the story gains a copy (digest feeds use it as `updated`).
    public var updatedAt: Date
    /// Copies, representative first, then by first seen.
    public var copies: [StoryCopy]
    /// Read and starred for the query's ``StoryQuery/reader``; nil when the query had none.
    public var reading: StoryReading?

    /// `publishedAt` defaults to `firstSeenAt`.
    public init(id: Int64, headline: String, representativeEntryID: Int64?, firstSeenAt: Date, lastSeenAt: Date,
                publishedAt: Date? = nil, updatedAt: Date, copies: [StoryCopy], reading: StoryReading? = nil) {
        self.id = id; self.headline = headline; self.representativeEntryID = representativeEntryID
        self.firstSeenAt = firstSeenAt; self.lastSeenAt = lastSeenAt; self.publishedAt = publishedAt ?? firstSeenAt
        self.updatedAt = updatedAt; self.copies = copies; self.reading = reading
    }

    /// Distinct sites among the copies, in order of appearance.
    public var sites: [String] {
        var seen = Set<String>()
        return copies.compactMap { seen.insert($0.site).inserted ? $0.site : nil }
    }

    /// Number of distinct sites that carried the story.
    public var sourceCount: Int { sites.count }
}

/// A story with its representative's text, for `syndic story` and the digest lead.
public struct StoryDetail: Sendable, Equatable {
    public var summary: StorySummary
    /// The representative's extracted article text, if its page was extracted.
    public var articleText: String?
    /// The representative's feed content and summary (HTML as the feed gave it).
    public var contentHTML: String?
    public var summaryHTML: String?

    public init(summary: StorySummary, articleText: String?, contentHTML: String?, summaryHTML: String?) {
        self.summary = summary; self.articleText = articleText; self.contentHTML = contentHTML; self.summaryHTML = summaryHTML
    }
}

/// Filters for story listings and digests.
public struct StoryQuery: Sendable, Equatable {
    /// Stories published at or after this time (``StorySummary/publishedAt``).
    public var since: Date?
    /// Stories published at or before this time.
    public var until: Date?
    public var minSources: Int
    public var limit: Int?
    /// Only stories with a copy from one of these feeds (nil: any feed; empty: no story). `--tag`
    /// filters pass the feeds that carry the tag (``FeedStore/feedIDs(tagged:)``).
    public var feedIDs: [Int64]?
    /// The user whose read state the listing shows, filters on and (optionally) orders by; nil: none.
    public var reader: ReaderView?

    public init(since: Date? = nil, until: Date? = nil, minSources: Int = 1, limit: Int? = nil, feedIDs: [Int64]? = nil,
                reader: ReaderView? = nil) {
        self.since = since; self.until = until; self.minSources = minSources; self.limit = limit; self.feedIDs = feedIDs
        self.reader = reader
    }
}

/// Where the clusterer put an entry.
public struct StoryAssignment: Sendable, Equatable {
    public var entryID: Int64
    /// The story's id; a story that does not exist yet is created with this id (the founding entry's id).
    public var storyID: Int64
    public var similarity: Double

    public init(entryID: Int64, storyID: Int64, similarity: Double) {
        self.entryID = entryID; self.storyID = storyID; self.similarity = similarity
    }
}
