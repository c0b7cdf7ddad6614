import Foundation
import Storage

/// Statements of a prune: entries first seen before a cutoff, and what they leave behind.
package enum MaintenanceSQL {
    package static func storiesTouched(before cutoff: Date) -> SQLStatement {
        SQLStatement("SELECT DISTINCT story_id FROM entry WHERE first_seen_at < ? AND story_id IS NOT NULL ORDER BY story_id", [.of(cutoff)])
    }

    package static func countEntries(before cutoff: Date) -> SQLStatement {
        SQLStatement("SELECT COUNT(*) AS n FROM entry WHERE first_seen_at < ?", [.of(cutoff)])
    }

    /// Leaves a tombstone (feed, stable id, entry and story ids, first and last seen) for every entry a
    /// prune deletes, so the feed listing it again does not make it new.
    package static func tombstoneEntries(before cutoff: Date) -> SQLStatement {
        SQLStatement("""
            INSERT INTO entry_tombstone (feed_id, guid, entry_id, story_id, first_seen_at, last_seen_at)
            SELECT feed_id, guid, id, story_id, first_seen_at, last_seen_at FROM entry WHERE first_seen_at < ?
            ON CONFLICT (feed_id, guid) DO NOTHING
            """, [.of(cutoff)])
    }

    /// Forgets the tombstones of entries no fetch has listed since ``TombstonePolicy/keptAfterLastSeen``
    /// before the prune's cutoff: their feeds dropped them long ago.
    package static func expireTombstones(before cutoff: Date) -> SQLStatement {
        SQLStatement("DELETE FROM entry_tombstone WHERE last_seen_at < ?", [.of(cutoff.addingTimeInterval(-TombstonePolicy.keptAfterLastSeen))])
    }

    /// Deletes the entries; their articles and signatures go with them (foreign keys cascade).
    package static func deleteEntries(before cutoff: Date) -> SQLStatement {
        SQLStatement("DELETE FROM entry WHERE first_seen_at < ?", [.of(cutoff)])
    }

    package static let deleteEmptyStories = SQLStatement("""
        DELETE FROM story WHERE size = 0 OR NOT EXISTS (SELECT 1 FROM entry e WHERE e.story_id = story.id)
        """)

    package static func deleteSitePages(before cutoff: Date) -> SQLStatement {
        SQLStatement("DELETE FROM site_page WHERE seen_at < ?", [.of(cutoff)])
    }

    /// One row (`problem`) per story whose stored size, source count or representative disagrees with
    /// its entries: the invariants story maintenance keeps, checked by both backends' integrity checks.
    package static let storyInvariants = SQLStatement("""
        SELECT 'story ' || CAST(s.id AS TEXT) || ': size ' || CAST(s.size AS TEXT) || ' but '
               || CAST((SELECT COUNT(*) FROM entry e WHERE e.story_id = s.id) AS TEXT) || ' entries' AS problem
        FROM story s WHERE s.size <> (SELECT COUNT(*) FROM entry e WHERE e.story_id = s.id)
        UNION ALL
        SELECT 'story ' || CAST(s.id AS TEXT) || ': ' || CAST(s.source_count AS TEXT) || ' sources stored but '
               || CAST((SELECT COUNT(DISTINCT e.site) FROM entry e WHERE e.story_id = s.id) AS TEXT) || ' sites' AS problem
        FROM story s WHERE s.source_count <> (SELECT COUNT(DISTINCT e.site) FROM entry e WHERE e.story_id = s.id)
        UNION ALL
        SELECT 'story ' || CAST(s.id AS TEXT) || ': representative ' || CAST(s.representative_entry_id AS TEXT) || ' is not one of its entries' AS problem
        FROM story s WHERE s.representative_entry_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM entry e WHERE e.id = s.representative_entry_id AND e.story_id = s.id)
        """)
}
