import Foundation
import Storage

/// Statements on `story`: placing entries, keeping stories true, and the listing page queries.
package enum StorySQL {
    package static func create(id: Int64, now: Date) -> SQLStatement {
        SQLStatement("""
            INSERT INTO story (id, first_seen_at, last_seen_at, published_at, size, updated_at) VALUES (?, ?, ?, ?, 0, ?)
            ON CONFLICT (id) DO NOTHING
            """, [.int(id), .of(now), .of(now), .of(now), .of(now)])
    }

    /// An entry's published time as stories use it (`e` is the entry): the date its feed gives, but
    /// never later than when Syndic first saw it (a date in the future is a wrong clock), and the
    /// first-seen time when the feed gives none.
    package static let entryPublished = """
        CASE WHEN e.published_at IS NOT NULL AND e.published_at < e.first_seen_at THEN e.published_at ELSE e.first_seen_at END
        """

    /// A story's published time: the earliest ``entryPublished`` of its copies. It never moves later
    /// (pruning its first copy keeps it), so a story never comes back into a `--since` window.
    static let publishedAt = """
        COALESCE(CASE WHEN published_at <= (SELECT MIN(\(entryPublished)) FROM entry e WHERE e.story_id = story.id) THEN published_at
                      ELSE (SELECT MIN(\(entryPublished)) FROM entry e WHERE e.story_id = story.id) END,
                 published_at, first_seen_at)
        """

    /// `story_id` of an entry.
    /// ``create(id:now:)`` for many stories, one statement per 200.
    package static func create(ids: [Int64], now: Date) -> [SQLStatement] {
        SQLStatement.chunks(ids, size: 200).map { chunk in
            SQLStatement("INSERT INTO story (id, first_seen_at, last_seen_at, published_at, size, updated_at) VALUES "
                         + Array(repeating: "(?, ?, ?, ?, 0, ?)", count: chunk.count).joined(separator: ", ")
                         + " ON CONFLICT (id) DO NOTHING",
                         chunk.flatMap { [.int($0), .of(now), .of(now), .of(now), .of(now)] }, reusable: false)
        }
    }

    /// The story of each entry among `ids` (one chunk): `id`, `story_id`.
    package static func storiesOf(entryIDs ids: [Int64]) -> SQLStatement {
        SQLStatement("SELECT id, story_id FROM entry WHERE id IN \(SQLStatement.placeholders(ids.count))", ids.map(SQLValue.int), reusable: false)
    }

    /// ``touch(id:now:)`` for many stories (one chunk).
    package static func touch(ids: [Int64], now: Date) -> SQLStatement {
        SQLStatement("UPDATE story SET updated_at = ? WHERE id IN \(SQLStatement.placeholders(ids.count))",
                     [.of(now)] + ids.map(SQLValue.int), reusable: false)
    }

    /// ``place(_:)`` for many assignments (one chunk of at most 300, one per entry), in PostgreSQL's
    /// `UPDATE … FROM (VALUES …)` form.
    package static func placeAll(_ assignments: [StoryAssignment]) -> SQLStatement {
        let rows = Array(repeating: "(CAST(? AS bigint), CAST(? AS bigint), CAST(? AS double precision))", count: assignments.count)
            .joined(separator: ", ")
        return SQLStatement("""
            UPDATE entry SET story_id = v.story_id, similarity = v.similarity
            FROM (VALUES \(rows)) AS v(id, story_id, similarity) WHERE entry.id = v.id
            """, assignments.flatMap { [.int($0.entryID), .int($0.storyID), .double($0.similarity)] }, reusable: false)
    }

    package static func storyOf(entryID: Int64) -> SQLStatement {
        SQLStatement("SELECT story_id FROM entry WHERE id = ?", [.int(entryID)])
    }

    package static func touch(id: Int64, now: Date) -> SQLStatement {
        SQLStatement("UPDATE story SET updated_at = ? WHERE id = ?", [.of(now), .int(id)])
    }

    /// Touches the story of an entry whose feed changed it in place (a new title, link or text), so
    /// the listings that show it get a new validator even when the entry stays in its story.
    package static func touch(ofEntry entryID: Int64, now: Date) -> SQLStatement {
        SQLStatement("UPDATE story SET updated_at = ? WHERE id = (SELECT story_id FROM entry WHERE id = ?)", [.of(now), .int(entryID)])
    }

    package static func place(_ a: StoryAssignment) -> SQLStatement {
        SQLStatement("UPDATE entry SET story_id = ?, similarity = ? WHERE id = ?", [.int(a.storyID), .double(a.similarity), .int(a.entryID)])
    }

    /// The statements that make stories `ids` true to their entries: stories left without entries are
    /// deleted; the others get their size, distinct sites, first/last seen and representative (the
    /// earliest entry whose signed text is the full story, else the earliest entry) and its title as
    /// headline. Set-based, a chunk of stories per statement.
    package static func refresh(_ ids: [Int64]) -> [SQLStatement] {
        SQLStatement.chunks(ids).flatMap { chunk -> [SQLStatement] in
            let list = SQLStatement.placeholders(chunk.count)
            let values = chunk.map(SQLValue.int)
            let representative = """
                FROM entry e LEFT JOIN signature s ON s.entry_id = e.id WHERE e.story_id = story.id
                ORDER BY COALESCE(s.full_text, FALSE) DESC, COALESCE(e.published_at, e.first_seen_at), e.id LIMIT 1
                """
            return [
                SQLStatement("DELETE FROM story WHERE id IN \(list) AND NOT EXISTS (SELECT 1 FROM entry e WHERE e.story_id = story.id)",
                             values, reusable: chunk.count == 1),
                SQLStatement("""
                    UPDATE story SET
                      size = (SELECT COUNT(*) FROM entry e WHERE e.story_id = story.id),
                      source_count = (SELECT COUNT(DISTINCT e.site) FROM entry e WHERE e.story_id = story.id),
                      first_seen_at = (SELECT MIN(e.first_seen_at) FROM entry e WHERE e.story_id = story.id),
                      last_seen_at = (SELECT MAX(e.first_seen_at) FROM entry e WHERE e.story_id = story.id),
                      published_at = \(publishedAt),
                      representative_entry_id = (SELECT e.id \(representative)),
                      headline = COALESCE((SELECT e.title \(representative)), headline)
                    WHERE id IN \(list)
                    """, values, reusable: chunk.count == 1),
            ]
        }
    }

    /// PostgreSQL's form of ``refresh(_:)``, with the same results: the stories' entries read once,
    /// grouped for the counts and times and `DISTINCT ON` for the representative, then one joined
    /// update. The correlated form costs a probe per story and column, and on a young table
    /// PostgreSQL plans those probes as scans (6.6 of 7.6 CPU seconds of a cold poll of 1,000 feeds).
    package static func refreshGrouped(_ ids: [Int64]) -> [SQLStatement] {
        SQLStatement.chunks(ids).flatMap { chunk -> [SQLStatement] in
            let list = SQLStatement.placeholders(chunk.count)
            let values = chunk.map(SQLValue.int)
            return [
                SQLStatement("DELETE FROM story WHERE id IN \(list) AND NOT EXISTS (SELECT 1 FROM entry e WHERE e.story_id = story.id)", values),
                SQLStatement("""
                    WITH m AS (
                      SELECT e.id, e.story_id, e.site, e.title, e.first_seen_at, e.published_at, \(entryPublished) AS item_published,
                             COALESCE(s.full_text, FALSE) AS full_text
                      FROM entry e LEFT JOIN signature s ON s.entry_id = e.id WHERE e.story_id IN \(list)),
                    agg AS (
                      SELECT story_id, COUNT(*) AS n, COUNT(DISTINCT site) AS sites, MIN(first_seen_at) AS first_seen,
                             MAX(first_seen_at) AS last_seen, MIN(item_published) AS published
                      FROM m GROUP BY story_id),
                    rep AS (
                      SELECT DISTINCT ON (story_id) story_id, id, title FROM m
                      ORDER BY story_id, full_text DESC, COALESCE(published_at, first_seen_at), id)
                    UPDATE story SET size = agg.n, source_count = agg.sites, first_seen_at = agg.first_seen, last_seen_at = agg.last_seen,
                      published_at = COALESCE(CASE WHEN story.published_at <= agg.published THEN story.published_at ELSE agg.published END,
                                              story.published_at, story.first_seen_at),
                      representative_entry_id = rep.id, headline = COALESCE(rep.title, story.headline)
                    FROM agg JOIN rep ON rep.story_id = agg.story_id
                    WHERE story.id = agg.story_id
                    """, values),
            ]
        }
    }

    package static let count = SQLStatement("SELECT COUNT(*) AS n FROM story")

    private static let pageColumns = "id, representative_entry_id, headline, first_seen_at, last_seen_at, published_at, updated_at, source_count"

    /// One page of stories matching `query` with all their copies, in one statement: the stories are
    /// filtered (on their published time), ordered (most sources, latest published, id) and limited first, then joined with their
    /// entries and feeds; rows come in listing order, each story's copies representative first, then by
    /// first seen. With `details`, the representative's row carries its texts. Decode with
    /// ``RowDecoding/storyPageRow(_:)`` and group with `StoryPage.details`.
    ///
    /// With a ``StoryQuery/reader``, each story also carries `is_read` and `is_starred` for that user
    /// (``ReadStateSQL``), and unread stories may come first.
    package static func page(_ query: StoryQuery, details: Bool) -> SQLStatement {
        let filter = self.filter(query)
        let reading = readingColumns(query.reader)
        var values = reading.values + filter.values
        let unreadFirst = query.reader?.unreadFirst == true
        var selection = "SELECT \(pageColumns), \(reading.sql) FROM story WHERE \(filter.sql) ORDER BY "
            + (unreadFirst ? "is_read, " : "") + "source_count DESC, published_at DESC, id"
        if let limit = query.limit { selection += " LIMIT ?"; values.append(.of(limit)) }
        return pageStatement(selection: selection, values: values, details: details, reusable: query.feedIDs == nil,
                             unreadFirst: unreadFirst)
    }

    /// `is_read` and `is_starred` (1 or 0) for the reader, NULL without one.
    private static func readingColumns(_ reader: ReaderView?) -> (sql: String, values: [SQLValue]) {
        guard let reader else { return ("NULL AS is_read, NULL AS is_starred", []) }
        let read = ReadStateSQL.isRead(reader)
        let starred = ReadStateSQL.isStarred(reader)
        return ("CASE WHEN \(read.sql) THEN 1 ELSE 0 END AS is_read, CASE WHEN \(starred.sql) THEN 1 ELSE 0 END AS is_starred",
                read.values + starred.values)
    }

    /// How many stories match `query`'s filters (its limit aside).
    package static func count(_ query: StoryQuery) -> SQLStatement {
        let filter = self.filter(query)
        return SQLStatement("SELECT COUNT(*) AS n FROM story WHERE \(filter.sql)", filter.values, reusable: query.feedIDs == nil)
    }

    /// A prime under 2^32 and an odd multiplier: each row's share of a stamp's fingerprint is below
    /// 2^32, so the sum of 100,000 of them fits a bigint, and it differs for different ids and times.
    package static let fingerprintModulus: Int64 = 4_294_967_291
    package static let fingerprintMultiplier: Int64 = 2_654_435_761

    /// The ``StoryStamp`` of the page of stories `query` selects: the stories within its limit, in
    /// listing order (columns `stories`, `latest_update`, `copies`, `sources`, `fingerprint`, `feeds`,
    /// `feed_revisions`; decode with ``RowDecoding/storyStamp(_:)``). The fingerprint sums a hash of
    /// each story's id and `updated_at`, so a story entering, leaving or touched moves it.
    ///
    /// With a ``StoryQuery/reader``, the page is ordered as the listing orders it (unread first when
    /// asked) and the latest change of that user's read state is part of the stamp.
    package static func stamp(_ query: StoryQuery) -> SQLStatement {
        let filter = self.filter(query)
        let unreadFirst = query.reader?.unreadFirst == true
        var values: [SQLValue] = []
        var readColumn = ""
        if unreadFirst, let reader = query.reader {
            let read = ReadStateSQL.isRead(reader)
            readColumn = ", CASE WHEN \(read.sql) THEN 1 ELSE 0 END AS is_read"
            values += read.values
        }
        values += filter.values
        var selection = "SELECT id, updated_at, size, source_count\(readColumn) FROM story WHERE \(filter.sql) ORDER BY "
            + (unreadFirst ? "is_read, " : "") + "source_count DESC, published_at DESC, id"
        if let limit = query.limit { selection += " LIMIT ?"; values.append(.of(limit)) }
        let readChange = query.reader == nil
            ? "CAST(0.0 AS double precision)"
            : "(SELECT COALESCE(MAX(changed_at), 0.0) FROM story_state WHERE account_id = ?)"
        return SQLStatement("""
            WITH p AS (\(selection))
            SELECT COUNT(*) AS stories, COALESCE(MAX(updated_at), 0.0) AS latest_update,
                   CAST(COALESCE(SUM(size), 0) AS bigint) AS copies,
                   CAST(COALESCE(SUM(source_count), 0) AS bigint) AS sources,
                   CAST(COALESCE(SUM((id * \(fingerprintMultiplier)) % \(fingerprintModulus)
                                     + CAST(updated_at * 1000 AS bigint) % \(fingerprintModulus)), 0) AS bigint) AS fingerprint,
                   (SELECT COUNT(*) FROM feed) AS feeds,
                   (SELECT CAST(COALESCE(SUM(revision), 0) AS bigint) FROM feed) AS feed_revisions,
                   \(readChange) AS latest_read_change
            FROM p
            """, values + (query.reader.map { [SQLValue.int($0.userID)] } ?? []), reusable: query.feedIDs == nil)
    }

    /// The `WHERE` condition on `story` of a listing query, and its values.
    private static func filter(_ query: StoryQuery) -> (sql: String, values: [SQLValue]) {
        var conditions = ["size > 0"]
        var values: [SQLValue] = []
        if let since = query.since { conditions.append("published_at >= ?"); values.append(.of(since)) }
        if let until = query.until { conditions.append("published_at <= ?"); values.append(.of(until)) }
        if query.minSources > 1 { conditions.append("source_count >= ?"); values.append(.of(query.minSources)) }
        if let feedIDs = query.feedIDs {
            if feedIDs.isEmpty {
                conditions.append("1 = 0")
            } else {
                conditions.append("EXISTS (SELECT 1 FROM entry t WHERE t.story_id = story.id AND t.feed_id IN \(SQLStatement.placeholders(feedIDs.count)))")
                values += feedIDs.map(SQLValue.int)
            }
        }
        if let reader = query.reader {
            if reader.subscribedOnly {
                let c = ReadStateSQL.isSubscribed(reader); conditions.append(c.sql); values += c.values
            }
            switch reader.filter {
            case .unread?: let c = ReadStateSQL.isRead(reader); conditions.append("NOT " + c.sql); values += c.values
            case .read?: let c = ReadStateSQL.isRead(reader); conditions.append(c.sql); values += c.values
            case nil: break
            }
            if reader.starredOnly { let c = ReadStateSQL.isStarred(reader); conditions.append(c.sql); values += c.values }
        }
        return (conditions.joined(separator: " AND "), values)
    }

    /// The page of one story (with details).
    package static func page(storyID: Int64) -> SQLStatement {
        page(storyID: storyID, reader: nil)
    }

    /// The page of one story (with details), with its read state for `reader` when given.
    package static func page(storyID: Int64, reader: ReaderView?) -> SQLStatement {
        let reading = readingColumns(reader)
        return pageStatement(selection: "SELECT \(pageColumns), \(reading.sql) FROM story WHERE id = ?",
                             values: reading.values + [.int(storyID)], details: true)
    }

    private static func pageStatement(selection: String, values: [SQLValue], details: Bool, reusable: Bool = true,
                                      unreadFirst: Bool = false) -> SQLStatement {
        let texts = details
            ? """
              CASE WHEN e.id = p.representative_entry_id THEN e.content_html END AS content_html,
              CASE WHEN e.id = p.representative_entry_id THEN e.summary_html END AS summary_html,
              a.text AS article_text
              """
            : "NULL AS content_html, NULL AS summary_html, NULL AS article_text"
        let articleJoin = details
            ? "LEFT JOIN article a ON a.entry_id = e.id AND e.id = p.representative_entry_id AND a.status = 'ok'"
            : ""
        return SQLStatement("""
            WITH p AS (\(selection))
            SELECT p.id AS story_id, p.representative_entry_id, p.headline, p.first_seen_at AS story_first_seen_at,
                   p.last_seen_at AS story_last_seen_at, p.published_at AS story_published_at, p.updated_at AS story_updated_at,
                   e.id AS entry_id, e.feed_id, e.title, e.url, e.site, e.published_at, e.first_seen_at, e.similarity,
                   f.title AS feed_title, p.is_read, p.is_starred, \(texts)
            FROM p JOIN entry e ON e.story_id = p.id JOIN feed f ON f.id = e.feed_id \(articleJoin)
            ORDER BY \(unreadFirst ? "p.is_read, " : "")p.source_count DESC, p.published_at DESC, p.id,
                     CASE WHEN e.id = p.representative_entry_id THEN 0 ELSE 1 END, e.first_seen_at, e.id
            """, values, reusable: reusable)
    }
}
