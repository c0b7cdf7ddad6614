import Foundation
import Storage

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

extension MigrationSQL {
    /// `v12-reader-users`: users (the default one made here), their API tokens and their subscriptions
    /// on top of the shared feed table (issue 17). `idColumn` is the backend's auto-numbered key column
    /// and `epochNow` its current time in seconds since 1970.
    package static func createReaderUsers(idColumn: String, epochNow: String) -> [String] {
        [
            """
            CREATE TABLE account (
              id \(idColumn),
              name text NOT NULL UNIQUE,
              is_default boolean NOT NULL DEFAULT FALSE,
              password_hash text,
              fever_key text UNIQUE,
              reopen_words integer DEFAULT 150,
              reopen_growth integer NOT NULL DEFAULT 50,
              created_at double precision NOT NULL)
            """,
            "CREATE UNIQUE INDEX account_one_default ON account (is_default) WHERE is_default",
            "INSERT INTO account (name, is_default, created_at) VALUES ('\(Storage.User.defaultName)', TRUE, \(epochNow))",
            """
            CREATE TABLE api_token (
              id \(idColumn),
              account_id bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
              label text NOT NULL,
              token_hash text NOT NULL UNIQUE,
              created_at double precision NOT NULL,
              revoked_at double precision)
            """,
            "CREATE INDEX api_token_account ON api_token (account_id)",
            """
            CREATE TABLE subscription (
              account_id bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
              feed_id bigint NOT NULL REFERENCES feed (id) ON DELETE CASCADE,
              title text,
              tags text NOT NULL DEFAULT '',
              added_at double precision NOT NULL,
              PRIMARY KEY (account_id, feed_id))
            """,
            "CREATE INDEX subscription_feed ON subscription (feed_id)",
        ]
    }

    /// `v13-reader-state`: each user's read and starred state per story, and each entry's length in
    /// words with when it last grew (what ``ReopenRule`` compares). Entries stored before this
    /// migration have no word count (they are older than any read state, so they reopen nothing).
    package static let createReaderState = [
        """
        CREATE TABLE story_state (
          account_id bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
          story_id bigint NOT NULL REFERENCES story (id) ON DELETE CASCADE,
          read_at double precision,
          read_words integer NOT NULL DEFAULT 0,
          starred_at double precision,
          changed_at double precision NOT NULL,
          PRIMARY KEY (account_id, story_id))
        """,
        "CREATE INDEX story_state_story ON story_state (story_id)",
        "CREATE INDEX story_state_starred ON story_state (account_id, starred_at) WHERE starred_at IS NOT NULL",
        "CREATE INDEX story_state_changed ON story_state (account_id, changed_at)",
        "ALTER TABLE entry ADD COLUMN word_count integer",
        "ALTER TABLE entry ADD COLUMN words_at double precision",
    ]

    /// `v14-feed-leases`: which poller holds a feed and until when, and the feed's claim counter (the
    /// fencing token of ``FeedLease``). Used by PostgreSQL's shared polls; SQLite keeps the columns empty
    /// (its polls are exclusive), so both schemas stay alike.
    package static let addFeedLeases = [
        "ALTER TABLE feed ADD COLUMN lease_owner text",
        "ALTER TABLE feed ADD COLUMN lease_until double precision",
        "ALTER TABLE feed ADD COLUMN lease_token bigint NOT NULL DEFAULT 0",
        "CREATE INDEX feed_lease_owner ON feed (lease_owner) WHERE lease_owner IS NOT NULL",
    ]

    /// `v15-signature-roundup`: whether an entry was kept apart as a roundup, so a later poll re-seeds
    /// it as one (before, a re-loaded roundup was an ordinary story an excerpt could join).
    package static let addSignatureRoundup = [
        "ALTER TABLE signature ADD COLUMN roundup boolean NOT NULL DEFAULT false",
    ]

    /// `v16-story-labels`: a user's own labels on stories (Google Reader's item labels; a label on one
    /// copy is the story's, like read and starred).
    package static let createStoryLabels = [
        """
        CREATE TABLE story_label (
          account_id bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
          story_id bigint NOT NULL REFERENCES story (id) ON DELETE CASCADE,
          label text NOT NULL,
          added_at double precision NOT NULL,
          PRIMARY KEY (account_id, story_id, label))
        """,
        "CREATE INDEX story_label_name ON story_label (account_id, label)",
        "CREATE INDEX story_label_story ON story_label (story_id)",
    ]

    /// `v17-entry-story-seen`: entries by story, then first seen, in place of the index by story alone
    /// (`old`: its name on the backend). A story's first and last seen times are one probe each:
    /// PostgreSQL answered `MIN(first_seen_at) … WHERE story_id = ?` by walking the first-seen index
    /// and filtering by story, so refreshing a page of stories read every entry once per story
    /// (6.6 of 7.6 CPU seconds of a cold poll of 1,000 feeds).
    package static func indexEntriesByStoryAndSeen(replacing old: String) -> [String] {
        ["CREATE INDEX entry_story_seen ON entry (story_id, first_seen_at)", "DROP INDEX IF EXISTS \(old)"]
    }

    /// `v18-feed-dot-segments`: the few feeds stored under a URL with dot segments, indexed apart
    /// (`FeedSQL.withDotSegments` has the same condition), so adding a feed no longer reads every
    /// feed: `feeds import` of N feeds was N full scans.
    package static let indexFeedsWithDotSegments = [
        "CREATE INDEX feed_dot_segments ON feed (id) WHERE url LIKE '%/.%'",
    ]
}
