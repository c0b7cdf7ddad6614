import Foundation
import Storage

/// Rows of the shared statements to contract values, the same for every backend.
package enum RowDecoding {
    package static func feed(_ row: some SQLRow) throws -> Feed {
        let joined = try row.optionalText("tags") ?? ""
        return Feed(id: try row.int("id"), url: try row.text("url"), title: try row.optionalText("title"),
                    siteURL: try row.optionalText("site_url"),
                    tags: joined.isEmpty ? [] : joined.components(separatedBy: "\t"),
                    addedAt: try row.date("added_at"), lastFetchedAt: try row.optionalDate("last_fetched_at"),
                    lastSuccessAt: try row.optionalDate("last_success_at"), lastStatus: try row.optionalCount("last_status"),
                    lastError: try row.optionalText("last_error"), consecutiveFailures: try row.count("consecutive_failures"),
                    failingSince: try row.optionalDate("failing_since"), nextFetchAt: try row.optionalDate("next_fetch_at"),
                    intervalSeconds: try row.optionalDouble("interval_seconds"), etag: try row.optionalText("etag"),
                    lastModified: try row.optionalText("last_modified"), bodyHash: try row.optionalText("body_hash"),
                    disabledReason: try row.optionalText("disabled_reason"),
                    fullText: try row.optionalText("full_text_mode").flatMap(FeedFullText.init(rawValue:)))
    }

    package static func feedListing(_ row: some SQLRow) throws -> FeedListing {
        FeedListing(feed: try feed(row), entryCount: try row.count("entry_count"))
    }

    package static func entry(_ row: some SQLRow) throws -> StoredEntry {
        StoredEntry(id: try row.int("id"), feedID: try row.int("feed_id"), guid: try row.text("guid"),
                    url: try row.optionalText("url"), canonicalURL: try row.optionalText("canonical_url"),
                    title: try row.optionalText("title"), author: try row.optionalText("author"),
                    publishedAt: try row.optionalDate("published_at"), updatedAt: try row.optionalDate("updated_at"),
                    summaryHTML: try row.optionalText("summary_html"), contentHTML: try row.optionalText("content_html"),
                    contentHash: try row.optionalText("content_hash"), firstSeenAt: try row.date("first_seen_at"),
                    lastSeenAt: try row.date("last_seen_at"), storyID: try row.optionalInt("story_id"),
                    similarity: try row.optionalDouble("similarity"), cutFields: EntryField.parse(try row.optionalText("cut_fields")))
    }

    package static func storyStamp(_ row: some SQLRow) throws -> StoryStamp {
        StoryStamp(stories: try row.count("stories"), latestUpdate: try row.optionalDouble("latest_update") ?? 0,
                   copies: try row.count("copies"), sources: try row.count("sources"),
                   fingerprint: try row.int("fingerprint"), feeds: try row.count("feeds"),
                   feedRevisions: try row.int("feed_revisions"),
                   latestReadChange: try row.optionalDouble("latest_read_change") ?? 0)
    }

    package static func feedsStamp(_ row: some SQLRow) throws -> FeedsStamp {
        FeedsStamp(feeds: try row.count("feeds"), revisions: try row.int("revisions"), fingerprint: try row.int("fingerprint"),
                   failingForAWeek: try row.count("failing_week"), entries: try row.count("entries"))
    }

    package static func article(_ row: some SQLRow) throws -> StoredArticle {
        StoredArticle(entryID: try row.int("entry_id"), finalURL: try row.optionalText("final_url"),
                      canonicalURL: try row.optionalText("canonical_url"), title: try row.optionalText("title"),
                      byline: try row.optionalText("byline"), publishedAt: try row.optionalDate("published_at"),
                      language: try row.optionalText("language"), text: try row.optionalText("text"),
                      status: StoredArticle.Status(rawValue: try row.text("status")) ?? .failed,
                      error: try row.optionalText("error"), fetchedAt: try row.date("fetched_at"))
    }

    package static func signature(_ row: some SQLRow) throws -> StoredSignature {
        StoredSignature(entryID: try row.int("entry_id"), minhash: try row.blob("minhash"),
                        shingleCount: try row.count("shingle_count"),
                        source: StoredSignature.Source(rawValue: try row.text("source")) ?? .content,
                        fullText: try row.bool("full_text"), roundup: try row.bool("roundup"))
    }

    package static func indexedSignature(_ row: some SQLRow) throws -> IndexedSignature {
        IndexedSignature(signature: try signature(row), storyID: try row.optionalInt("story_id"),
                         seenAt: try row.date("first_seen_at"), hasFullText: try row.bool("full_text"))
    }

    package static func unplacedEntry(_ row: some SQLRow) throws -> UnplacedEntry {
        UnplacedEntry(signature: try indexedSignature(row), feedID: try row.int("feed_id"), publishedAt: try row.optionalDate("published_at"))
    }

    package static func storyPageRow(_ r: some SQLRow) throws -> StoryPageRow {
        let copy = StoryCopy(entryID: try r.int("entry_id"), feedID: try r.int("feed_id"), feedTitle: try r.optionalText("feed_title"),
                             site: try r.text("site"), title: try r.optionalText("title"), url: try r.optionalText("url"),
                             publishedAt: try r.optionalDate("published_at"), firstSeenAt: try r.date("first_seen_at"),
                             similarity: try r.optionalDouble("similarity"))
        return StoryPageRow(storyID: try r.int("story_id"), headline: try r.optionalText("headline"),
                            representativeEntryID: try r.optionalInt("representative_entry_id"),
                            firstSeenAt: try r.date("story_first_seen_at"), lastSeenAt: try r.date("story_last_seen_at"),
                            publishedAt: try r.optionalDate("story_published_at") ?? r.date("story_first_seen_at"), updatedAt: try r.date("story_updated_at"), copy: copy,
                            articleText: try r.optionalText("article_text"), contentHTML: try r.optionalText("content_html"),
                            summaryHTML: try r.optionalText("summary_html"), reading: try reading(r))
    }

    /// `is_read` and `is_starred` of a page row (NULL without a reader).
    static func reading(_ r: some SQLRow) throws -> StoryReading? {
        guard let read = try r.optionalInt("is_read") else { return nil }
        return StoryReading(isRead: read != 0, isStarred: (try r.optionalInt("is_starred") ?? 0) != 0)
    }

    package static func templateBlock(_ row: some SQLRow) throws -> (hash: UInt64, pages: Int, sample: String) {
        (UInt64(bitPattern: try row.int("block_hash")), try row.count("page_count"), try row.optionalText("sample") ?? "")
    }
}
