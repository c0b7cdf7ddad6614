import Foundation
import GRDB
import Storage

/// Story clusters: assignment of entries, and the page queries behind `stories`, `story`, digests and the web view.
extension SQLiteStore {
    public func applyStoryAssignments(_ assignments: [StoryAssignment], now: Date) async throws {
        try await write { db in try Self.applyStoryAssignments(db, assignments, now: now) }
    }

    static func applyStoryAssignments(_ db: Database, _ assignments: [StoryAssignment], now: Date) throws {
        guard !assignments.isEmpty else { return }
        let t = now.timeIntervalSince1970
        let createStory = try db.cachedStatement(sql: """
            INSERT INTO story (id, first_seen_at, last_seen_at, size, updated_at) VALUES (?, ?, ?, 0, ?) ON CONFLICT (id) DO NOTHING
            """)
        let currentStory = try db.cachedStatement(sql: "SELECT story_id FROM entry WHERE id = ?")
        let touchStory = try db.cachedStatement(sql: "UPDATE story SET updated_at = ? WHERE id = ?")
        let placeEntry = try db.cachedStatement(sql: "UPDATE entry SET story_id = ?, similarity = ? WHERE id = ?")
        var touched = Set<Int64>()
        for a in assignments {
            try createStory.execute(arguments: [a.storyID, t, t, t])
            let previous = try Int64.fetchOne(currentStory, arguments: [a.entryID])
            if let previous, previous != a.storyID { touched.insert(previous) }
            if previous != a.storyID { try touchStory.execute(arguments: [t, a.storyID]) }
            try placeEntry.execute(arguments: [a.storyID, a.similarity, a.entryID])
            touched.insert(a.storyID)
        }
        try SQLiteStoryMaintenance.refresh(db, storyIDs: touched.sorted())
    }

    public func stories(_ query: StoryQuery) async throws -> [StorySummary] {
        try await read { db in try Self.page(db, query, details: false).map(\.summary) }
    }

    public func storyDetails(_ query: StoryQuery) async throws -> [StoryDetail] {
        try await read { db in try Self.page(db, query, details: true) }
    }

    public func story(id: Int64) async throws -> StoryDetail {
        try await read { db in
            guard let detail = try Self.page(db, storyID: id).first else { throw StorageError.storyNotFound(id) }
            return detail
        }
    }

    public func storyCount() async throws -> Int {
        try await read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM story") ?? 0 }
    }

    /// One page of stories with their copies, in one query: the stories are filtered, ordered and
    /// limited in SQL, then joined with their entries and feeds.
    static func page(_ db: Database, _ query: StoryQuery, details: Bool) throws -> [StoryDetail] {
        var conditions = ["size > 0"]
        var arguments: [any DatabaseValueConvertible] = []
        if let since = query.since { conditions.append("last_seen_at >= ?"); arguments.append(since.timeIntervalSince1970) }
        if let until = query.until { conditions.append("first_seen_at <= ?"); arguments.append(until.timeIntervalSince1970) }
        if query.minSources > 1 { conditions.append("source_count >= ?"); arguments.append(query.minSources) }
        arguments.append(query.limit ?? -1)
        let selection = """
            SELECT id, representative_entry_id, headline, first_seen_at, last_seen_at, updated_at, source_count FROM story
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY source_count DESC, last_seen_at DESC, id LIMIT ?
            """
        return try pageRows(db, selection: selection, arguments: StatementArguments(arguments), details: details)
    }

    static func page(_ db: Database, storyID: Int64) throws -> [StoryDetail] {
        let selection = """
            SELECT id, representative_entry_id, headline, first_seen_at, last_seen_at, updated_at, source_count FROM story WHERE id = ?
            """
        return try pageRows(db, selection: selection, arguments: [storyID], details: true)
    }

    private static func pageRows(_ db: Database, selection: String, arguments: StatementArguments, details: Bool) throws -> [StoryDetail] {
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
        let rows = try Row.fetchAll(db, sql: """
            WITH p AS (\(selection))
            SELECT p.id AS story_id, p.representative_entry_id, p.headline, p.first_seen_at AS story_first_seen_at,
                   p.last_seen_at AS story_last_seen_at, p.updated_at AS story_updated_at,
                   e.id AS entry_id, e.feed_id, e.title, e.url, e.site, e.published_at, e.first_seen_at, e.similarity,
                   f.title AS feed_title, \(texts)
            FROM p JOIN entry e ON e.story_id = p.id JOIN feed f ON f.id = e.feed_id \(articleJoin)
            ORDER BY p.source_count DESC, p.last_seen_at DESC, p.id,
                     e.id = COALESCE(p.representative_entry_id, -1) DESC, e.first_seen_at, e.id
            """, arguments: arguments)
        return StoryPage.details(rows.map { r in
            let copy = StoryCopy(entryID: r["entry_id"], feedID: r["feed_id"], feedTitle: r["feed_title"], site: r["site"],
                                 title: r["title"], url: r["url"], publishedAt: SQLiteRows.optionalDate(r, "published_at"),
                                 firstSeenAt: SQLiteRows.date(r, "first_seen_at"), similarity: r["similarity"])
            return StoryPageRow(storyID: r["story_id"], headline: r["headline"], representativeEntryID: r["representative_entry_id"],
                                firstSeenAt: SQLiteRows.date(r, "story_first_seen_at"),
                                lastSeenAt: SQLiteRows.date(r, "story_last_seen_at"),
                                updatedAt: SQLiteRows.date(r, "story_updated_at"), copy: copy,
                                articleText: r["article_text"], contentHTML: r["content_html"], summaryHTML: r["summary_html"])
        })
    }
}
