import Foundation
import GRDB

/// Keeps story rows true after their entries change: size, source count, representative, first/last seen.
///
/// The representative is the earliest entry whose signed text is the full story (an extracted page or
/// a long enough feed text), else the earliest entry. A story with no entries left is deleted.
enum SQLiteStoryMaintenance {
    static func refresh(_ db: Database, storyIDs: [Int64]) throws {
        let statsQuery = try db.cachedStatement(sql: """
            SELECT COUNT(*) AS n, COUNT(DISTINCT site) AS sites, MIN(first_seen_at) AS first, MAX(first_seen_at) AS last
            FROM entry WHERE story_id = ?
            """)
        let representativeQuery = try db.cachedStatement(sql: """
            SELECT e.id, e.title FROM entry e LEFT JOIN signature s ON s.entry_id = e.id
            WHERE e.story_id = ?
            ORDER BY COALESCE(s.full_text, 0) DESC, COALESCE(e.published_at, e.first_seen_at), e.id LIMIT 1
            """)
        let update = try db.cachedStatement(sql: """
            UPDATE story SET size = ?, source_count = ?, first_seen_at = ?, last_seen_at = ?,
              representative_entry_id = ?, headline = COALESCE(?, headline)
            WHERE id = ?
            """)
        let delete = try db.cachedStatement(sql: "DELETE FROM story WHERE id = ?")
        for storyID in storyIDs {
            let stats = try Row.fetchOne(statsQuery, arguments: [storyID])
            let count: Int = stats?["n"] ?? 0
            if count == 0 {
                try delete.execute(arguments: [storyID])
                continue
            }
            let representative = try Row.fetchOne(representativeQuery, arguments: [storyID])
            try update.execute(arguments: [count, stats?["sites"] as Int?, stats?["first"] as Double?, stats?["last"] as Double?,
                                           representative?["id"] as Int64?, representative?["title"] as String?, storyID])
        }
    }
}
