import Foundation
import GRDB
import Storage

/// Rows to contract values and back. Times are stored as seconds since 1970 (REAL).
enum SQLiteRows {
    static func date(_ row: Row, _ column: String) -> Date {
        Date(timeIntervalSince1970: row[column])
    }

    static func optionalDate(_ row: Row, _ column: String) -> Date? {
        (row[column] as Double?).map(Date.init(timeIntervalSince1970:))
    }

    static func feed(_ row: Row) -> Feed {
        let joined: String = row["tags"] ?? ""
        return Feed(id: row["id"], url: row["url"], title: row["title"], siteURL: row["site_url"],
                    tags: joined.isEmpty ? [] : joined.components(separatedBy: "\t"),
                    addedAt: date(row, "added_at"), lastFetchedAt: optionalDate(row, "last_fetched_at"),
                    lastSuccessAt: optionalDate(row, "last_success_at"), lastStatus: row["last_status"],
                    lastError: row["last_error"], consecutiveFailures: row["consecutive_failures"],
                    failingSince: optionalDate(row, "failing_since"), nextFetchAt: optionalDate(row, "next_fetch_at"),
                    intervalSeconds: row["interval_seconds"], etag: row["etag"], lastModified: row["last_modified"],
                    bodyHash: row["body_hash"], disabledReason: row["disabled_reason"])
    }

    /// The columns of `feed` but `id`, in the order of ``feedArguments(_:)``.
    static let feedColumns = ["url", "title", "site_url", "tags", "added_at", "last_fetched_at", "last_success_at",
                              "last_status", "last_error", "consecutive_failures", "failing_since", "next_fetch_at",
                              "interval_seconds", "etag", "last_modified", "body_hash", "disabled_reason"]

    static func feedArguments(_ f: Feed) -> StatementArguments {
        [f.url, f.title, f.siteURL, f.tags.joined(separator: "\t"), f.addedAt.timeIntervalSince1970,
         f.lastFetchedAt?.timeIntervalSince1970, f.lastSuccessAt?.timeIntervalSince1970, f.lastStatus, f.lastError,
         f.consecutiveFailures, f.failingSince?.timeIntervalSince1970, f.nextFetchAt?.timeIntervalSince1970,
         f.intervalSeconds, f.etag, f.lastModified, f.bodyHash, f.disabledReason]
    }

    static func entry(_ row: Row) -> StoredEntry {
        StoredEntry(id: row["id"], feedID: row["feed_id"], guid: row["guid"], url: row["url"],
                    canonicalURL: row["canonical_url"], title: row["title"], author: row["author"],
                    publishedAt: optionalDate(row, "published_at"), updatedAt: optionalDate(row, "updated_at"),
                    summaryHTML: row["summary_html"], contentHTML: row["content_html"], contentHash: row["content_hash"],
                    firstSeenAt: date(row, "first_seen_at"), lastSeenAt: date(row, "last_seen_at"),
                    storyID: row["story_id"], similarity: row["similarity"])
    }

    static func article(_ row: Row) -> StoredArticle {
        StoredArticle(entryID: row["entry_id"], finalURL: row["final_url"], canonicalURL: row["canonical_url"],
                      title: row["title"], byline: row["byline"], publishedAt: optionalDate(row, "published_at"),
                      language: row["language"], text: row["text"],
                      status: StoredArticle.Status(rawValue: row["status"]) ?? .failed, error: row["error"],
                      fetchedAt: date(row, "fetched_at"))
    }

    static func signature(_ row: Row) -> StoredSignature {
        let minhash: Data = row["minhash"]
        return StoredSignature(entryID: row["entry_id"], minhash: Array(minhash), shingleCount: row["shingle_count"],
                               source: StoredSignature.Source(rawValue: row["source"]) ?? .content,
                               fullText: row["full_text"])
    }
}
