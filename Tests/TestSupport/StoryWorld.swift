import Foundation
import SQLiteStore
import Storage

/// A real database (SQLite unless a store is given) seeded through Storage's public API with stories and their copies.
/// Used by one test at a time (the web tests hand it to the test client's closure, which runs serially).
public final class StoryWorld: @unchecked Sendable {
    public struct Copy {
        public var site: String
        public var title: String
        public var url: String?
        public var published: Date?
        public var contentHTML: String?
        public var summaryHTML: String?
        public init(site: String, title: String, url: String? = nil, published: Date? = nil, contentHTML: String? = nil,
             summaryHTML: String? = nil) {
            self.site = site; self.title = title; self.url = url ?? "https://\(site)/\(UUID().uuidString.prefix(8))"
            self.published = published; self.contentHTML = contentHTML; self.summaryHTML = summaryHTML
        }
    }

    public let db: any SyndicStore
    private var feeds: [String: Int64] = [:]
    private var counter = 0

    /// A world in a new SQLite file.
    public convenience init() throws {
        self.init(store: try TestStores.sqlite("world"))
    }

    /// A world in `store` (empty, opened for writing).
    public init(store: any SyndicStore) {
        db = store
    }

    /// Adds a story whose first copy founds it (and may carry extracted article text); returns the story id.
    @discardableResult
    public func addStory(_ copies: [Copy], articleText: String? = nil, at time: Date) async throws -> Int64 {
        let first = try await insert(copies[0], at: time)
        if let articleText {
            try await db.saveArticle(StoredArticle(entryID: first, text: articleText, status: .ok, fetchedAt: time))
        }
        try await db.applyStoryAssignments([StoryAssignment(entryID: first, storyID: first, similarity: 1)], now: time)
        for copy in copies.dropFirst() { try await addCopy(copy, to: first, at: time) }
        return first
    }

    /// Adds one more copy to an existing story, as a later poll would.
    public func addCopy(_ copy: Copy, to storyID: Int64, at time: Date, similarity: Double = 0.82) async throws {
        let id = try await insert(copy, at: time)
        try await db.applyStoryAssignments([StoryAssignment(entryID: id, storyID: storyID, similarity: similarity)], now: time)
    }

    private func insert(_ copy: Copy, at time: Date) async throws -> Int64 {
        let feedID: Int64
        if let known = feeds[copy.site] {
            feedID = known
        } else {
            feedID = try await db.addFeed(url: "https://\(copy.site)/feed.xml", title: copy.site.uppercased(), now: time).id
            feeds[copy.site] = feedID
        }
        counter += 1
        let draft = EntryDraft(guid: "guid-\(counter)", url: copy.url, title: copy.title, author: nil,
                               publishedAt: copy.published, updatedAt: nil, summaryHTML: copy.summaryHTML,
                               contentHTML: copy.contentHTML, contentHash: "hash-\(counter)")
        return try await db.upsertEntries(feedID: feedID, [draft], now: time)[0].entryID
    }
}

/// Fixed times so outputs are comparable across runs.
public enum Clock {
    public static let base = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18
    public static func at(hours: Double) -> Date { base.addingTimeInterval(hours * 3600) }
}
