import Foundation

/// Which items a reader stream (the Google Reader and Fever APIs) holds.
public enum ReaderItemScope: Sendable, Equatable {
    /// One item per story, deduplicated: the story's representative entry when its feed is among the
    /// allowed feeds, else the story's earliest copy in them. `feedIDs` nil: every feed the reader
    /// follows (the reading list, starred, read); a list: a label's feeds.
    case stories(feedIDs: [Int64]?)
    /// Every entry of these feeds (nil: of every feed the reader follows), each its own item; an
    /// entry's read and starred state is its story's.
    case entries(feedIDs: [Int64]?)
}

/// The order of a stream's items.
public enum ReaderItemOrder: Sendable, Equatable {
    /// Newest first (by ``ReaderItemRef/time``, then id), the Google Reader default.
    case newestFirst
    /// Oldest first (`r=o`).
    case oldestFirst
    /// By entry id, smallest first (Fever's `since_id`).
    case idAscending
    /// By entry id, largest first (Fever's `max_id`).
    case idDescending
}

/// Where a page of a stream continues: the last item of the previous page, in the stream's order.
public struct ReaderCursor: Sendable, Equatable {
    /// The last item's ``ReaderItemRef/time`` (exactly as stored).
    public var time: Double
    /// The last item's key: its story id in a ``ReaderItemScope/stories(feedIDs:)`` stream, its
    /// entry id in an entries stream.
    public var key: Int64

    public init(time: Double, key: Int64) {
        self.time = time; self.key = key
    }
}

/// A page of a reader stream, as the API asks for it; filtering, ordering and limiting happen in the
/// database.
public struct ReaderItemQuery: Sendable, Equatable {
    public var reader: ReaderView
    public var scope: ReaderItemScope
    public var order: ReaderItemOrder
    /// Items newer than this (`ot=`), by ``ReaderItemRef/time``.
    public var newerThan: Date?
    /// Items older than this (`nt=`, `mark-all-as-read`'s `ts=`).
    public var olderThan: Date?
    /// Entry ids above / below these (Fever's `since_id` and `max_id`).
    public var idAbove: Int64?
    public var idBelow: Int64?
    /// Continue after this item (newest/oldest first orders only).
    public var after: ReaderCursor?
    public var limit: Int?
    /// In a stories stream: also the stories the reader labelled so, whatever their feeds (a
    /// `user/-/label/NAME` stream holds the label's feeds and the stories labelled NAME).
    public var storyLabel: String?

    public init(reader: ReaderView, scope: ReaderItemScope, order: ReaderItemOrder = .newestFirst, newerThan: Date? = nil,
                olderThan: Date? = nil, idAbove: Int64? = nil, idBelow: Int64? = nil, after: ReaderCursor? = nil, limit: Int? = nil,
                storyLabel: String? = nil) {
        self.reader = reader; self.scope = scope; self.order = order; self.newerThan = newerThan; self.olderThan = olderThan
        self.idAbove = idAbove; self.idBelow = idBelow; self.after = after; self.limit = limit; self.storyLabel = storyLabel
    }
}

/// One item of a stream, as listed: ids, time and state, without the texts.
public struct ReaderItemRef: Sendable, Equatable {
    /// The item's id: the entry's id (stable: the same entry has the same id in every stream).
    public var entryID: Int64
    public var storyID: Int64
    public var feedID: Int64
    /// What the stream orders by: the story's published time in a stories stream, the entry's
    /// (never later than first seen) in an entries stream.
    public var time: Double
    public var isRead: Bool
    public var isStarred: Bool

    public init(entryID: Int64, storyID: Int64, feedID: Int64, time: Double, isRead: Bool, isStarred: Bool) {
        self.entryID = entryID; self.storyID = storyID; self.feedID = feedID; self.time = time
        self.isRead = isRead; self.isStarred = isStarred
    }

    /// The cursor that continues after this item in a stream of `scope`.
    public func cursor(in scope: ReaderItemScope) -> ReaderCursor {
        switch scope {
        case .stories: return ReaderCursor(time: time, key: storyID)
        case .entries: return ReaderCursor(time: time, key: entryID)
        }
    }
}

/// An item with everything a client shows: the entry, its feed, its story's state for the reader
/// and the story's other copies ("also reported by").
public struct ReaderItem: Sendable, Equatable {
    public var entry: StoredEntry
    public var feedURL: String
    public var feedTitle: String?
    public var feedSiteURL: String?
    /// The entry's published time as stories use it (never later than first seen).
    public var published: Date
    public var isRead: Bool
    public var isStarred: Bool
    /// The story's other copies (this entry left out), representative first, then by first seen.
    public var otherCopies: [StoryCopy]
    /// The reader's own labels on the story, sorted.
    public var labels: [String]

    public init(entry: StoredEntry, feedURL: String, feedTitle: String?, feedSiteURL: String?, published: Date,
                isRead: Bool, isStarred: Bool, otherCopies: [StoryCopy], labels: [String] = []) {
        self.entry = entry; self.feedURL = feedURL; self.feedTitle = feedTitle; self.feedSiteURL = feedSiteURL
        self.published = published; self.isRead = isRead; self.isStarred = isStarred; self.otherCopies = otherCopies
        self.labels = labels
    }
}

/// Unread entries of one feed for a reader (an entry is unread when its story is).
public struct ReaderUnreadCount: Sendable, Equatable {
    public var feedID: Int64
    public var count: Int
    /// The newest unread entry's time.
    public var newest: Date

    public init(feedID: Int64, count: Int, newest: Date) {
        self.feedID = feedID; self.count = count; self.newest = newest
    }
}
