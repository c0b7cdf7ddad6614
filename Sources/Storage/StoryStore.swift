import Foundation
import GRDB

/// Story clusters: assignment of entries, and the queries behind `stories`, `story`, digests and the web view.
extension SyndicDatabase {
    /// Records where entries belong, creating stories that do not exist yet, and refreshes the
    /// touched stories' size, representative, first/last seen and `updated_at`.
    public func applyStoryAssignments(_ assignments: [StoryAssignment], now: Date = Date()) throws {
        try write { db in try Self.applyStoryAssignments(db, assignments, now: now) }
    }

    static func applyStoryAssignments(_ db: Database, _ assignments: [StoryAssignment], now: Date) throws {
        guard !assignments.isEmpty else { return }
        let t = now.timeIntervalSince1970
        let createStory = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO story (id, first_seen_at, last_seen_at, size, updated_at) VALUES (?, ?, ?, 0, ?)
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
        try StoryMaintenance.refresh(db, storyIDs: touched.sorted())
    }

    /// Stories matching `query`, most sources first, then most recently active, then id.
    public func stories(_ query: StoryQuery) throws -> [StorySummary] {
        try read { db in
            var sql = "SELECT * FROM story WHERE size > 0"
            var args: [any DatabaseValueConvertible] = []
            if let since = query.since { sql += " AND last_seen_at >= ?"; args.append(since.timeIntervalSince1970) }
            if let until = query.until { sql += " AND first_seen_at <= ?"; args.append(until.timeIntervalSince1970) }
            let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args))
            var summaries = try rows.map { try Self.summary(db, storyRow: $0) }
            summaries = summaries.filter { $0.sourceCount >= query.minSources }
            summaries.sort {
                if $0.sourceCount != $1.sourceCount { return $0.sourceCount > $1.sourceCount }
                if $0.lastSeenAt != $1.lastSeenAt { return $0.lastSeenAt > $1.lastSeenAt }
                return $0.id < $1.id
            }
            if let limit = query.limit { summaries = Array(summaries.prefix(limit)) }
            return summaries
        }
    }

    /// One story with its representative's text; throws ``StorageError/storyNotFound(_:)``.
    public func story(id: Int64) throws -> StoryDetail {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM story WHERE id = ?", arguments: [id]) else {
                throw StorageError.storyNotFound(id)
            }
            let summary = try Self.summary(db, storyRow: row)
            var detail = StoryDetail(summary: summary, articleText: nil, contentHTML: nil, summaryHTML: nil)
            if let rep = summary.representativeEntryID,
               let e = try Row.fetchOne(db, sql: """
                    SELECT e.content_html, e.summary_html, a.text FROM entry e
                    LEFT JOIN article a ON a.entry_id = e.id AND a.status = 'ok' WHERE e.id = ?
                    """, arguments: [rep]) {
                detail.articleText = e["text"]
                detail.contentHTML = e["content_html"]
                detail.summaryHTML = e["summary_html"]
            }
            return detail
        }
    }

    /// Number of stories.
    public func storyCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM story") ?? 0 }
    }

    private static func summary(_ db: Database, storyRow row: Row) throws -> StorySummary {
        let id: Int64 = row["id"]
        let representative: Int64? = row["representative_entry_id"]
        let copies = try Row.fetchAll(db, sql: """
            SELECT e.id, e.feed_id, e.title, e.url, e.published_at, e.first_seen_at, e.similarity, f.title AS feed_title, f.url AS feed_url
            FROM entry e JOIN feed f ON f.id = e.feed_id WHERE e.story_id = ?
            ORDER BY (e.id != ?), e.first_seen_at, e.id
            """, arguments: [id, representative ?? -1]).map { r -> StoryCopy in
            let url: String? = r["url"]
            let feedURL: String = r["feed_url"]
            let site = Self.site(of: url) ?? Self.site(of: feedURL) ?? feedURL
            return StoryCopy(entryID: r["id"], feedID: r["feed_id"], feedTitle: r["feed_title"], site: site,
                             title: r["title"], url: url,
                             publishedAt: (r["published_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
                             firstSeenAt: Date(timeIntervalSince1970: r["first_seen_at"]), similarity: r["similarity"])
        }
        return StorySummary(id: id, headline: (row["headline"] as String?) ?? copies.first?.title ?? "(untitled)",
                            representativeEntryID: representative,
                            firstSeenAt: Date(timeIntervalSince1970: row["first_seen_at"]),
                            lastSeenAt: Date(timeIntervalSince1970: row["last_seen_at"]),
                            updatedAt: Date(timeIntervalSince1970: row["updated_at"]), copies: copies)
    }

    /// The host of a URL without a leading `www.`; for file URLs, the parent folder name (the demo's "sites").
    static func site(of url: String?) -> String? {
        guard let url, let components = URLComponents(string: url) else { return nil }
        if let host = components.host, !host.isEmpty {
            let lower = host.lowercased()
            return lower.hasPrefix("www.") ? String(lower.dropFirst(4)) : lower
        }
        if components.scheme == "file" {
            let parts = components.path.split(separator: "/")
            return parts.count >= 2 ? String(parts[parts.count - 2]) : nil
        }
        return nil
    }
}
