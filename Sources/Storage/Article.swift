import Foundation
import GRDB

/// The outcome of fetching and extracting an entry's page.
public struct StoredArticle: Sendable, Equatable {
    public enum Status: String, Sendable {
        /// The page was fetched and its story text extracted.
        case ok
        /// Fetching or extraction failed; `error` says why.
        case failed
        /// Not attempted (the feed text was long enough, or full text is off).
        case skipped
    }

    public var entryID: Int64
    public var finalURL: String?
    public var canonicalURL: String?
    public var title: String?
    public var byline: String?
    public var publishedAt: Date?
    public var language: String?
    public var text: String?
    public var status: Status
    public var error: String?
    public var fetchedAt: Date

    public init(entryID: Int64, finalURL: String? = nil, canonicalURL: String? = nil, title: String? = nil,
                byline: String? = nil, publishedAt: Date? = nil, language: String? = nil, text: String? = nil,
                status: Status, error: String? = nil, fetchedAt: Date = Date()) {
        self.entryID = entryID; self.finalURL = finalURL; self.canonicalURL = canonicalURL; self.title = title
        self.byline = byline; self.publishedAt = publishedAt; self.language = language; self.text = text
        self.status = status; self.error = error; self.fetchedAt = fetchedAt
    }

    init(row: Row) {
        entryID = row["entry_id"]; finalURL = row["final_url"]; canonicalURL = row["canonical_url"]
        title = row["title"]; byline = row["byline"]
        publishedAt = (row["published_at"] as Double?).map(Date.init(timeIntervalSince1970:))
        language = row["language"]; text = row["text"]
        status = Status(rawValue: row["status"]) ?? .failed
        error = row["error"]
        fetchedAt = Date(timeIntervalSince1970: row["fetched_at"])
    }
}

/// A MinHash signature of an entry's best text, as opaque bytes owned by the Dedup module.
public struct StoredSignature: Sendable, Equatable {
    public enum Source: String, Sendable {
        case article, content, summary, title
    }
    public var entryID: Int64
    /// The Dedup module's serialized signature (MinHash lanes, and the shingle set when kept).
    public var minhash: [UInt8]
    public var shingleCount: Int
    public var source: Source
    /// Whether the signed text is the full story (an extracted page, or feed text long enough).
    public var fullText: Bool

    public init(entryID: Int64, minhash: [UInt8], shingleCount: Int, source: Source, fullText: Bool) {
        self.entryID = entryID; self.minhash = minhash
        self.shingleCount = shingleCount; self.source = source; self.fullText = fullText
    }
}

/// A stored signature with what the clusterer needs to re-seed its index.
public struct IndexedSignature: Sendable {
    public var signature: StoredSignature
    public var storyID: Int64?
    /// When the entry was first seen (its place in the time window).
    public var seenAt: Date
    public var hasFullText: Bool
}

extension SyndicDatabase {
    /// Saves (or replaces) the article row of an entry.
    public func saveArticle(_ article: StoredArticle) throws {
        try write { db in try Self.saveArticle(db, article) }
    }

    static func saveArticle(_ db: Database, _ a: StoredArticle) throws {
        try db.execute(sql: """
            INSERT OR REPLACE INTO article (entry_id, final_url, canonical_url, title, byline, published_at, language, text,
                                            status, error, fetched_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [a.entryID, a.finalURL, a.canonicalURL, a.title, a.byline, a.publishedAt?.timeIntervalSince1970,
                             a.language, a.text, a.status.rawValue, a.error, a.fetchedAt.timeIntervalSince1970])
        if let canonical = a.canonicalURL {
            try db.execute(sql: "UPDATE entry SET canonical_url = ? WHERE id = ?", arguments: [canonical, a.entryID])
        }
    }

    /// The article row of an entry, or nil.
    public func article(entryID: Int64) throws -> StoredArticle? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM article WHERE entry_id = ?", arguments: [entryID]).map(StoredArticle.init(row:))
        }
    }

    /// Saves (or replaces) an entry's signature.
    public func saveSignature(_ s: StoredSignature, now: Date = Date()) throws {
        try write { db in try Self.saveSignature(db, s, now: now) }
    }

    static func saveSignature(_ db: Database, _ s: StoredSignature, now: Date) throws {
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO signature (entry_id, minhash, shingle_count, source, full_text, created_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [s.entryID, Data(s.minhash), s.shingleCount, s.source.rawValue,
                             s.fullText, now.timeIntervalSince1970])
    }

    /// Signatures of entries first seen at or after `since`, oldest first: the clusterer's window.
    public func signatures(since: Date) throws -> [IndexedSignature] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.*, e.story_id, e.first_seen_at
                FROM signature s JOIN entry e ON e.id = s.entry_id
                WHERE e.first_seen_at >= ? ORDER BY e.first_seen_at, e.id
                """, arguments: [since.timeIntervalSince1970]).map { row in
                let minhash: Data = row["minhash"]
                let signature = StoredSignature(entryID: row["entry_id"], minhash: Array(minhash),
                                                shingleCount: row["shingle_count"],
                                                source: StoredSignature.Source(rawValue: row["source"]) ?? .content,
                                                fullText: row["full_text"])
                return IndexedSignature(signature: signature, storyID: row["story_id"],
                                        seenAt: Date(timeIntervalSince1970: row["first_seen_at"]),
                                        hasFullText: row["full_text"])
            }
        }
    }

    /// The signature of one entry, or nil.
    public func signature(entryID: Int64) throws -> StoredSignature? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM signature WHERE entry_id = ?", arguments: [entryID]) else { return nil }
            let minhash: Data = row["minhash"]
            return StoredSignature(entryID: entryID, minhash: Array(minhash),
                                   shingleCount: row["shingle_count"], source: StoredSignature.Source(rawValue: row["source"]) ?? .content,
                                   fullText: row["full_text"])
        }
    }
}
