import Foundation

/// An item of a feed, as stored.
public struct StoredEntry: Sendable, Equatable {
    public var id: Int64
    public var feedID: Int64
    /// The stable id within the feed: the feed's own id, else the link, else a content hash.
    public var guid: String
    public var url: String?
    public var canonicalURL: String?
    public var title: String?
    public var author: String?
    public var publishedAt: Date?
    public var updatedAt: Date?
    public var summaryHTML: String?
    public var contentHTML: String?
    public var contentHash: String?
    public var firstSeenAt: Date
    public var lastSeenAt: Date
    public var storyID: Int64?
    /// Similarity to the story's representative when the entry joined (1 for the representative itself).
    public var similarity: Double?
    /// The fields that were cut to their ``FieldLimits`` when stored (empty when none).
    public var cutFields: [EntryField]

    public init(id: Int64, feedID: Int64, guid: String, url: String?, canonicalURL: String?, title: String?, author: String?,
                publishedAt: Date?, updatedAt: Date?, summaryHTML: String?, contentHTML: String?, contentHash: String?,
                firstSeenAt: Date, lastSeenAt: Date, storyID: Int64?, similarity: Double?, cutFields: [EntryField] = []) {
        self.id = id; self.feedID = feedID; self.guid = guid; self.url = url; self.canonicalURL = canonicalURL
        self.title = title; self.author = author; self.publishedAt = publishedAt; self.updatedAt = updatedAt
        self.summaryHTML = summaryHTML; self.contentHTML = contentHTML; self.contentHash = contentHash
        self.firstSeenAt = firstSeenAt; self.lastSeenAt = lastSeenAt; self.storyID = storyID; self.similarity = similarity
        self.cutFields = cutFields
    }
}

/// An entry as a feed presents it now, to be inserted or to update the stored copy.
public struct EntryDraft: Sendable, Equatable {
    public var guid: String
    public var url: String?
    public var title: String?
    public var author: String?
    public var publishedAt: Date?
    public var updatedAt: Date?
    public var summaryHTML: String?
    public var contentHTML: String?
    /// A hash of the fields above as the feed gave them (before any cut); an unchanged hash means nothing to store.
    public var contentHash: String
    /// The fields cut to their ``FieldLimits`` (stored with the entry, so the cut is visible later).
    public var cutFields: [EntryField]

    public init(guid: String, url: String?, title: String?, author: String?, publishedAt: Date?, updatedAt: Date?,
                summaryHTML: String?, contentHTML: String?, contentHash: String, cutFields: [EntryField] = []) {
        self.guid = guid; self.url = url; self.title = title; self.author = author
        self.publishedAt = publishedAt; self.updatedAt = updatedAt
        self.summaryHTML = summaryHTML; self.contentHTML = contentHTML; self.contentHash = contentHash
        self.cutFields = cutFields
    }
}

/// What an upsert did with one draft.
public enum EntryUpsertOutcome: Sendable, Equatable {
    case new(entryID: Int64)
    case updated(entryID: Int64)
    case unchanged(entryID: Int64)
    /// The entry was pruned and the feed still lists it: nothing is stored (its tombstone remembers it,
    /// see ``TombstonePolicy``); `entryID` is the id it had.
    case pruned(entryID: Int64)

    public var entryID: Int64 {
        switch self {
        case .new(let id), .updated(let id), .unchanged(let id), .pruned(let id): return id
        }
    }
}
