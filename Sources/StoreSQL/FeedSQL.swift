import Foundation
import Storage

/// Statements on `feed`: subscriptions and their fetch state.
package enum FeedSQL {
    /// The columns of `feed` but `id`, in the order of ``values(_:)``.
    static let columns = ["url", "title", "site_url", "tags", "added_at", "last_fetched_at", "last_success_at",
                          "last_status", "last_error", "consecutive_failures", "failing_since", "next_fetch_at",
                          "interval_seconds", "etag", "last_modified", "body_hash", "disabled_reason", "full_text_mode"]

    static func values(_ f: Feed) -> [SQLValue] {
        [.text(f.url), .of(f.title), .of(f.siteURL), .text(f.tags.joined(separator: "\t")), .of(f.addedAt),
         .of(f.lastFetchedAt), .of(f.lastSuccessAt), .of(f.lastStatus), .of(f.lastError), .of(f.consecutiveFailures),
         .of(f.failingSince), .of(f.nextFetchAt), .of(f.intervalSeconds), .of(f.etag), .of(f.lastModified),
         .of(f.bodyHash), .of(f.disabledReason), .of(f.fullText?.rawValue)]
    }

    /// Inserts a new feed; returns its `id`.
    package static func insert(_ feed: Feed) -> SQLStatement {
        SQLStatement("INSERT INTO feed (\(columns.joined(separator: ", "))) VALUES \(SQLStatement.placeholders(columns.count)) RETURNING id",
                     values(feed))
    }

    /// A subscriber's change (`feeds edit`, tags merged by `feeds import`): every column, and the
    /// feed's `revision` counted up, so listings that show the feed's title or tags get a new validator.
    package static func update(_ feed: Feed) -> SQLStatement {
        SQLStatement("UPDATE feed SET \(columns.map { "\($0) = ?" }.joined(separator: ", ")), revision = revision + 1 WHERE id = ?",
                     values(feed) + [.int(feed.id)])
    }

    /// The write of a poll: what fetching learned, leaving what the subscriber chose as it is now, so a
    /// `feeds edit` made while the poll ran is kept. The title only fills an empty one (the feed's own),
    /// and a reason to stop polling (410 Gone) is only ever added, never cleared.
    package static func updateFetchState(_ f: Feed) -> SQLStatement {
        SQLStatement("""
            UPDATE feed SET url = ?, title = COALESCE(title, ?), site_url = ?, last_fetched_at = ?, last_success_at = ?,
              last_status = ?, last_error = ?, consecutive_failures = ?, failing_since = ?, next_fetch_at = ?,
              interval_seconds = ?, etag = ?, last_modified = ?, body_hash = ?, disabled_reason = COALESCE(?, disabled_reason),
              revision = revision + CASE WHEN url <> ? OR (title IS NULL AND CAST(? AS text) IS NOT NULL) THEN 1 ELSE 0 END
            WHERE id = ?
            """, [.text(f.url), .of(f.title), .of(f.siteURL), .of(f.lastFetchedAt), .of(f.lastSuccessAt), .of(f.lastStatus),
                  .of(f.lastError), .of(f.consecutiveFailures), .of(f.failingSince), .of(f.nextFetchAt), .of(f.intervalSeconds),
                  .of(f.etag), .of(f.lastModified), .of(f.bodyHash), .of(f.disabledReason), .text(f.url), .of(f.title), .int(f.id)])
    }

    /// ``updateFetchState(_:)`` only while `lease` is still held, ending it; returns the feed's id (no
    /// row: the lease was lost). One statement, so a fetch that changed nothing else (a 304) is one
    /// round trip on a shared database.
    package static func updateFetchState(_ f: Feed, fencedBy lease: FeedLease) -> SQLStatement {
        var statement = updateFetchState(f)
        statement.sql = statement.sql.replacingOccurrences(of: "UPDATE feed SET ", with: "UPDATE feed SET lease_owner = NULL, lease_until = NULL, ")
            + " AND lease_owner = ? AND lease_token = ? RETURNING id"
        statement.values += [.text(lease.owner), .int(lease.token)]
        return statement
    }

    package static func byID(_ id: Int64) -> SQLStatement { SQLStatement("SELECT * FROM feed WHERE id = ?", [.int(id)]) }
    package static func byURL(_ url: String) -> SQLStatement { SQLStatement("SELECT * FROM feed WHERE url = ?", [.text(url)]) }

    /// Feeds stored under a URL with dot segments (`/./`, `/../`), which normalization now removes:
    /// the candidates for a URL that has no exact match (read through the partial index `feed_dot_segments`).
    package static let withDotSegments = SQLStatement("SELECT * FROM feed WHERE url LIKE '%/.%' ORDER BY id")

    /// Every feed, oldest first, with its entry count.
    package static let listing = SQLStatement("""
        SELECT f.*, (SELECT COUNT(*) FROM entry e WHERE e.feed_id = f.id) AS entry_count FROM feed f ORDER BY f.id
        """)

    /// What `/feeds` shows, in a few numbers (columns of ``RowDecoding/feedsStamp(_:)``): every fetch moves
    /// it (its time, status, next fetch), a subscriber's edit moves `revision`, an entry added or pruned
    /// moves the entry count, and a feed passing a week of failures at `now` moves `failing_week`.
    package static func stamp(now: Date) -> SQLStatement {
        let fingerprint = """
            CAST(COALESCE(last_fetched_at, 0) * 1000 AS bigint) % \(StorySQL.fingerprintModulus)
            + CAST(COALESCE(next_fetch_at, 0) * 1000 AS bigint) % \(StorySQL.fingerprintModulus)
            + (id * \(StorySQL.fingerprintMultiplier)) % \(StorySQL.fingerprintModulus) * (consecutive_failures + 1)
            + COALESCE(last_status, 0)
            """
        return SQLStatement("""
            SELECT COUNT(*) AS feeds, CAST(COALESCE(SUM(revision), 0) AS bigint) AS revisions,
                   CAST(COALESCE(SUM(\(fingerprint)), 0) AS bigint) AS fingerprint,
                   CAST(COALESCE(SUM(CASE WHEN failing_since IS NOT NULL AND failing_since <= ? THEN 1 ELSE 0 END), 0) AS bigint) AS failing_week,
                   (SELECT COUNT(*) FROM entry) AS entries
            FROM feed
            """, [.of(now.addingTimeInterval(-7 * 86_400))])
    }

    package static func storiesOf(feedID: Int64) -> SQLStatement {
        SQLStatement("SELECT DISTINCT story_id FROM entry WHERE feed_id = ? AND story_id IS NOT NULL ORDER BY story_id", [.int(feedID)])
    }

    package static func delete(_ id: Int64) -> SQLStatement { SQLStatement("DELETE FROM feed WHERE id = ?", [.int(id)]) }

    /// Active feeds due at `now`, soonest first.
    package static func due(now: Date) -> SQLStatement {
        SQLStatement("""
            SELECT * FROM feed WHERE disabled_reason IS NULL AND (next_fetch_at IS NULL OR next_fetch_at <= ?)
            ORDER BY next_fetch_at, id
            """, [.of(now)])
    }

    /// Every active feed, by id.
    package static let active = SQLStatement("SELECT * FROM feed WHERE disabled_reason IS NULL ORDER BY id")
}
