import Foundation
import Storage

/// The statements behind the reader APIs' streams (``ReaderItemStore``): one statement per page,
/// filtered, ordered and limited in the database, with each item's read state for the reader.
package enum ReaderItemSQL {
    /// The `FROM` clause, the item's entry, time and key expressions and the scope's conditions.
    private struct Source {
        var from: String
        /// The item's entry id (the representative's, or the chosen copy's, in a stories stream).
        var entry: String
        var entryValues: [SQLValue]
        var time: String
        var key: String
        var conditions: [String]
        var values: [SQLValue]
    }

    /// `alias`'s feed is allowed for the reader and the feed list (nil when every feed is).
    private static func allowed(_ alias: String, feedIDs: [Int64]?, reader: ReaderView) -> (sql: String, values: [SQLValue])? {
        var parts: [String] = []
        var values: [SQLValue] = []
        if let feedIDs {
            parts.append(feedIDs.isEmpty ? "1 = 0" : "\(alias).feed_id IN \(SQLStatement.placeholders(feedIDs.count))")
            values += feedIDs.map(SQLValue.int)
        }
        if reader.subscribedOnly {
            parts.append("EXISTS (SELECT 1 FROM subscription u WHERE u.account_id = ? AND u.feed_id = \(alias).feed_id)")
            values.append(.int(reader.userID))
        }
        return parts.isEmpty ? nil : (parts.joined(separator: " AND "), values)
    }

    /// A stories stream reads `story` alone, in the order of its `story_published` index, and picks
    /// each story's item in the select list (so only the page's rows pay for it); an entries stream
    /// reads `entry` with its story.
    private static func source(_ query: ReaderItemQuery) -> Source {
        switch query.scope {
        case .stories(let feedIDs) where query.storyLabel != nil:
            // The label's feeds (their usual item) or the stories labelled so (their representative).
            let labelled = StoryLabelSQL.isLabelled(query.reader, query.storyLabel!)
            let allowed = allowed("c", feedIDs: feedIDs, reader: query.reader) ?? ("1 = 1", [])
            return Source(from: "story", entry: """
                CASE WHEN \(labelled.sql) OR EXISTS (SELECT 1 FROM entry c WHERE c.id = story.representative_entry_id AND \(allowed.sql))
                  THEN story.representative_entry_id
                  ELSE (SELECT MIN(c.id) FROM entry c WHERE c.story_id = story.id AND \(allowed.sql)) END
                """, entryValues: labelled.values + allowed.values + allowed.values, time: "story.published_at", key: "story.id",
                          conditions: ["story.size > 0", "story.representative_entry_id IS NOT NULL",
                                       "(\(labelled.sql) OR EXISTS (SELECT 1 FROM entry c WHERE c.story_id = story.id AND \(allowed.sql)))"],
                          values: labelled.values + allowed.values)
        case .stories(let feedIDs):
            guard let allowed = allowed("c", feedIDs: feedIDs, reader: query.reader) else {
                return Source(from: "story", entry: "story.representative_entry_id", entryValues: [], time: "story.published_at",
                              key: "story.id", conditions: ["story.size > 0", "story.representative_entry_id IS NOT NULL"], values: [])
            }
            // (SQLite cannot name an outer column in a subquery's ORDER BY, hence the CASE.)
            return Source(from: "story", entry: """
                CASE WHEN EXISTS (SELECT 1 FROM entry c WHERE c.id = story.representative_entry_id AND \(allowed.sql))
                  THEN story.representative_entry_id
                  ELSE (SELECT MIN(c.id) FROM entry c WHERE c.story_id = story.id AND \(allowed.sql)) END
                """, entryValues: allowed.values + allowed.values, time: "story.published_at", key: "story.id",
                          conditions: ["story.size > 0", "EXISTS (SELECT 1 FROM entry c WHERE c.story_id = story.id AND \(allowed.sql))"],
                          values: allowed.values)
        case .entries(let feedIDs):
            let allowed = allowed("e", feedIDs: feedIDs, reader: query.reader)
            return Source(from: "entry e JOIN story ON story.id = e.story_id", entry: "e.id", entryValues: [],
                          time: "(\(StorySQL.entryPublished))", key: "e.id",
                          conditions: allowed.map { [$0.sql] } ?? [], values: allowed?.values ?? [])
        }
    }

    /// The `WHERE` clause (with the source's conditions) and its values, the cursor included when asked.
    private static func filter(_ query: ReaderItemQuery, _ source: Source, cursor: Bool) -> (sql: String, values: [SQLValue]) {
        var conditions = source.conditions
        var values = source.values
        let reader = query.reader
        switch reader.filter {
        case .unread?: let c = ReadStateSQL.isRead(reader); conditions.append("NOT " + c.sql); values += c.values
        case .read?: let c = ReadStateSQL.isRead(reader); conditions.append(c.sql); values += c.values
        case nil: break
        }
        if reader.starredOnly { let c = ReadStateSQL.isStarred(reader); conditions.append(c.sql); values += c.values }
        if let newer = query.newerThan { conditions.append("\(source.time) > ?"); values.append(.of(newer)) }
        if let older = query.olderThan { conditions.append("\(source.time) < ?"); values.append(.of(older)) }
        if let above = query.idAbove { conditions.append("(\(source.entry)) > ?"); values += source.entryValues + [.int(above)] }
        if let below = query.idBelow { conditions.append("(\(source.entry)) < ?"); values += source.entryValues + [.int(below)] }
        if cursor, let after = query.after {
            switch query.order {
            case .newestFirst:
                conditions.append("(\(source.time) < ? OR (\(source.time) = ? AND \(source.key) < ?))")
                values += [.double(after.time), .double(after.time), .int(after.key)]
            case .oldestFirst:
                conditions.append("(\(source.time) > ? OR (\(source.time) = ? AND \(source.key) > ?))")
                values += [.double(after.time), .double(after.time), .int(after.key)]
            case .idAscending:
                conditions.append("(\(source.entry)) > ?"); values += source.entryValues + [.int(after.key)]
            case .idDescending:
                conditions.append("(\(source.entry)) < ?"); values += source.entryValues + [.int(after.key)]
            }
        }
        return (conditions.isEmpty ? "1 = 1" : conditions.joined(separator: " AND "), values)
    }

    /// `entry_id, story_id, feed_id, item_time, is_read, is_starred` of a page of the stream: the page
    /// is chosen (filtered, ordered, limited) first, then joined with its entries for their feeds.
    package static func refs(_ query: ReaderItemQuery) -> SQLStatement {
        let source = source(query)
        let read = ReadStateSQL.isRead(query.reader), starred = ReadStateSQL.isStarred(query.reader)
        let filter = filter(query, source, cursor: true)
        let (inner, outer): (String, String)
        switch query.order {
        case .newestFirst: (inner, outer) = ("\(source.time) DESC, \(source.key) DESC", "q.item_time DESC, q.item_key DESC")
        case .oldestFirst: (inner, outer) = ("\(source.time), \(source.key)", "q.item_time, q.item_key")
        case .idAscending: (inner, outer) = ("1", "q.entry_id")
        case .idDescending: (inner, outer) = ("1 DESC", "q.entry_id DESC")
        }
        var selection = """
            SELECT \(source.entry) AS entry_id, story.id AS story_id, \(source.time) AS item_time, \(source.key) AS item_key,
                   CASE WHEN \(read.sql) THEN 1 ELSE 0 END AS is_read, CASE WHEN \(starred.sql) THEN 1 ELSE 0 END AS is_starred
            FROM \(source.from) WHERE \(filter.sql) ORDER BY \(inner)
            """
        var values = source.entryValues + read.values + starred.values + filter.values
        if let limit = query.limit { selection += " LIMIT ?"; values.append(.of(limit)) }
        return SQLStatement("""
            SELECT q.entry_id, q.story_id, e.feed_id, q.item_time, q.is_read, q.is_starred
            FROM (\(selection)) q JOIN entry e ON e.id = q.entry_id ORDER BY \(outer)
            """, values, reusable: hasFewShapes(query))
    }

    /// Whether the statement's text is one of a few (no feed list longer than one): those are kept
    /// prepared; a label's list of feeds makes a text of its own, not worth keeping.
    private static func hasFewShapes(_ query: ReaderItemQuery) -> Bool {
        switch query.scope {
        case .stories(let ids), .entries(let ids): return (ids?.count ?? 0) <= 1
        }
    }

    /// `n`: the items of the stream, its limit and cursor aside.
    package static func count(_ query: ReaderItemQuery) -> SQLStatement {
        let source = source(query)
        let filter = filter(query, source, cursor: false)
        return SQLStatement("SELECT COUNT(*) AS n FROM \(source.from) WHERE \(filter.sql)", filter.values, reusable: false)
    }

    package static func ref(_ row: some SQLRow) throws -> ReaderItemRef {
        ReaderItemRef(entryID: try row.int("entry_id"), storyID: try row.int("story_id"), feedID: try row.int("feed_id"),
                      time: try row.optionalDouble("item_time") ?? 0, isRead: try row.int("is_read") != 0,
                      isStarred: try row.int("is_starred") != 0)
    }

    /// Entries (columns of `entry`) with `item_published`, their feed (`feed_url`, `feed_title` as the
    /// reader titles it, `feed_site_url`) and `is_read`, `is_starred`; an id asked twice is one row.
    package static func items(_ ids: [Int64], reader: ReaderView) -> [SQLStatement] {
        let read = ReadStateSQL.isRead(reader), starred = ReadStateSQL.isStarred(reader)
        var seen = Set<Int64>()
        return SQLStatement.paddedChunks(ids.filter { seen.insert($0).inserted }).map {
            SQLStatement("""
                SELECT e.*, \(StorySQL.entryPublished) AS item_published, f.url AS feed_url, f.site_url AS feed_site_url,
                       COALESCE((SELECT u.title FROM subscription u WHERE u.account_id = ? AND u.feed_id = f.id), f.title) AS feed_title,
                       CASE WHEN \(read.sql) THEN 1 ELSE 0 END AS is_read, CASE WHEN \(starred.sql) THEN 1 ELSE 0 END AS is_starred
                FROM entry e JOIN story ON story.id = e.story_id JOIN feed f ON f.id = e.feed_id
                WHERE e.id IN \(SQLStatement.placeholders($0.count))
                """, [.int(reader.userID)] + read.values + starred.values + $0.map(SQLValue.int), reusable: true)
        }
    }

    /// Every copy of these stories (``RowDecoding/storyPageRow(_:)``'s copy columns and `story_id`),
    /// each story's representative first, then by first seen.
    /// Feed titles are the reader's own where they follow the feed.
    package static func copies(storyIDs: [Int64], reader: ReaderView) -> [SQLStatement] {
        SQLStatement.paddedChunks(storyIDs).map {
            SQLStatement("""
                SELECT e.id AS entry_id, e.story_id, e.feed_id, e.site, e.title, e.url, e.published_at,
                       COALESCE((SELECT u.title FROM subscription u WHERE u.account_id = ? AND u.feed_id = f.id), f.title) AS feed_title,
                       e.first_seen_at, e.similarity
                FROM entry e JOIN feed f ON f.id = e.feed_id JOIN story ON story.id = e.story_id
                WHERE e.story_id IN \(SQLStatement.placeholders($0.count))
                ORDER BY e.story_id, CASE WHEN e.id = story.representative_entry_id THEN 0 ELSE 1 END, e.first_seen_at, e.id
                """, [.int(reader.userID)] + $0.map(SQLValue.int), reusable: true)
        }
    }

    package static func copy(_ r: some SQLRow) throws -> (storyID: Int64, copy: StoryCopy) {
        (try r.int("story_id"),
         StoryCopy(entryID: try r.int("entry_id"), feedID: try r.int("feed_id"), feedTitle: try r.optionalText("feed_title"),
                   site: try r.text("site"), title: try r.optionalText("title"), url: try r.optionalText("url"),
                   publishedAt: try r.optionalDate("published_at"), firstSeenAt: try r.date("first_seen_at"),
                   similarity: try r.optionalDouble("similarity")))
    }

    /// Builds the items from the rows of ``items(_:reader:)``, the copies of their stories and the
    /// reader's labels on them.
    package static func item(_ r: some SQLRow, copies: [Int64: [StoryCopy]], labels: [Int64: [String]]) throws -> ReaderItem {
        let entry = try RowDecoding.entry(r)
        return ReaderItem(entry: entry, feedURL: try r.text("feed_url"), feedTitle: try r.optionalText("feed_title"),
                          feedSiteURL: try r.optionalText("feed_site_url"),
                          published: try r.optionalDate("item_published") ?? entry.firstSeenAt,
                          isRead: try r.int("is_read") != 0, isStarred: try r.int("is_starred") != 0,
                          otherCopies: (copies[entry.storyID ?? -1] ?? []).filter { $0.entryID != entry.id },
                          labels: labels[entry.storyID ?? -1] ?? [])
    }

    /// `feed_id, n, newest`: unread entries per feed for the reader.
    package static func unreadCounts(_ reader: ReaderView) -> SQLStatement {
        let read = ReadStateSQL.isRead(reader)
        var sql = """
            SELECT e.feed_id, COUNT(*) AS n, MAX(\(StorySQL.entryPublished)) AS newest
            FROM entry e JOIN story ON story.id = e.story_id WHERE NOT \(read.sql)
            """
        var values = read.values
        if reader.subscribedOnly {
            sql += " AND EXISTS (SELECT 1 FROM subscription u WHERE u.account_id = ? AND u.feed_id = e.feed_id)"
            values.append(.int(reader.userID))
        }
        return SQLStatement(sql + " GROUP BY e.feed_id", values, reusable: !reader.subscribedOnly)
    }

    package static func unreadCount(_ r: some SQLRow) throws -> ReaderUnreadCount {
        ReaderUnreadCount(feedID: try r.int("feed_id"), count: try r.count("n"), newest: try r.optionalDate("newest") ?? Date(timeIntervalSince1970: 0))
    }
}
