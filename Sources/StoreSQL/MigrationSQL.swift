import Foundation

/// Statements of schema migrations that both backends run alike (each backend lists its migrations in
/// its own schema file and runs these in them, so a backfill is written once).
package enum MigrationSQL {
    /// `v5-published-from-updated`: entries stored before the feed parser fell back on the updated
    /// date (Atom `<updated>`, `dc:date`) take it as their published date, as new entries do.
    package static let publishedFromUpdated = """
        UPDATE entry SET published_at = updated_at WHERE published_at IS NULL AND updated_at IS NOT NULL
        """

    /// `v6-entry-tombstones`: what a prune leaves of each entry it deletes, so that the feed listing it
    /// again never makes it new (see ``MaintenanceSQL/tombstoneEntries(before:)``). The column types
    /// read the same in both dialects (SQLite gives `bigint` integer and `double precision` real affinity).
    package static let createTombstones = [
        """
        CREATE TABLE entry_tombstone (
          feed_id bigint NOT NULL REFERENCES feed (id) ON DELETE CASCADE,
          guid text NOT NULL,
          entry_id bigint NOT NULL,
          story_id bigint,
          first_seen_at double precision NOT NULL,
          last_seen_at double precision NOT NULL,
          PRIMARY KEY (feed_id, guid))
        """,
        "CREATE INDEX entry_tombstone_last_seen ON entry_tombstone (last_seen_at)",
    ]

    /// `v8-story-published`: each story's published time (see ``StorySQL/publishedAt``), filled from its
    /// copies, with the indexes of the listing order and the `--since` filter, which both use it now.
    package static let addStoryPublished = [
        "ALTER TABLE story ADD COLUMN published_at double precision",
        "UPDATE story SET published_at = COALESCE((SELECT MIN(\(StorySQL.entryPublished)) FROM entry e WHERE e.story_id = story.id), first_seen_at)",
        "DROP INDEX story_rank",
        "DROP INDEX story_last_seen",
        "CREATE INDEX story_rank ON story (source_count DESC, published_at DESC, id)",
        "CREATE INDEX story_published ON story (published_at)",
    ]

    /// `v7-instance`: the table of the database's identity (one row, see `StoreInstance`).
    package static let createInstance = """
        CREATE TABLE instance (id text PRIMARY KEY, created_at double precision NOT NULL, legacy_story_max bigint NOT NULL)
        """

    /// The one row of `instance`, with a random id and creation time in the backend's own SQL; stories
    /// that already exist (ids up to the highest entry or story id) keep their old item ids. Does
    /// nothing when the row exists.
    package static func insertInstance(randomID: String, epochNow: String) -> String {
        """
        INSERT INTO instance (id, created_at, legacy_story_max)
        SELECT \(randomID), \(epochNow), COALESCE((SELECT MAX(id) FROM (SELECT id FROM entry UNION ALL SELECT id FROM story) ids), 0)
        WHERE NOT EXISTS (SELECT 1 FROM instance)
        """
    }
}
