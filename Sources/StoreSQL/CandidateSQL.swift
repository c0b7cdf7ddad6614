import Foundation
import Storage

/// The candidate index (`story_band`, migration `v19-story-band`): each signed entry filed under its LSH
/// band keys and sampled shingles, so a placer that does not hold the whole window finds the stories a new
/// entry can join with one indexed query (see `StoryPlacer` and docs/DEDUP.md).
package enum CandidateSQL {
    /// `v19-story-band`: the index table (primary key by key, then entry: a probe per key reads only that
    /// key's entries), its entry index (replacing or cascading an entry's keys), and `signature.filed`,
    /// false for signatures stored before the index existed, with a partial index so finding them costs
    /// nothing once all are filed. `withoutRowID` is SQLite's clause for a table that is its primary key.
    package static func createIndex(withoutRowID: Bool) -> [String] {
        [
            """
            CREATE TABLE story_band (
              hash bigint NOT NULL,
              entry_id bigint NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
              PRIMARY KEY (hash, entry_id))\(withoutRowID ? " WITHOUT ROWID" : "")
            """,
            "CREATE INDEX story_band_entry ON story_band (entry_id)",
            "ALTER TABLE signature ADD COLUMN filed boolean NOT NULL DEFAULT false",
            "CREATE INDEX signature_unfiled ON signature (entry_id) WHERE NOT filed",
        ]
    }

    /// Replaces the filed keys of each entry of `keys` and marks its signature filed (the signature row
    /// must exist). Key lists are de-duplicated; an entry with no keys (empty text) is marked filed.
    package static func file(_ keys: [Int64: [Int64]]) -> [SQLStatement] {
        let entries = keys.keys.sorted()
        var statements: [SQLStatement] = []
        for chunk in SQLStatement.chunks(entries, size: 500) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            statements.append(SQLStatement("DELETE FROM story_band WHERE entry_id IN (\(marks))", chunk.map(SQLValue.int), reusable: false))
            statements.append(SQLStatement("UPDATE signature SET filed = true WHERE entry_id IN (\(marks))", chunk.map(SQLValue.int), reusable: false))
        }
        var rows: [(Int64, Int64)] = []
        for entry in entries {
            var seen = Set<Int64>()
            for key in keys[entry] ?? [] where seen.insert(key).inserted { rows.append((key, entry)) }
        }
        for chunk in SQLStatement.chunks(rows, size: 400) {
            let marks = Array(repeating: "(?, ?)", count: chunk.count).joined(separator: ", ")
            statements.append(SQLStatement("INSERT INTO story_band (hash, entry_id) VALUES \(marks) ON CONFLICT DO NOTHING",
                                           chunk.flatMap { [SQLValue.int($0.0), .int($0.1)] }, reusable: false))
        }
        return statements
    }

    /// How many signatures the window holds (``EntrySQL/signatures(since:)``'s rows).
    package static func windowCount(since: Date) -> SQLStatement {
        SQLStatement("""
            SELECT COUNT(*) AS n FROM signature s JOIN entry e ON e.id = s.entry_id
            WHERE e.first_seen_at >= ? AND e.story_id IS NOT NULL
            """, [.of(since)])
    }

    /// The signatures of the window's stories holding an entry filed under one of `keys` (the newest
    /// ``CandidateIndex/hitLimit`` such entries), and of the story `entryID` is in, oldest first. The key
    /// list is padded to 8…512 values so the statement's text recurs (keys beyond 512 are not asked:
    /// the default configuration files at most 37 bands and 192 samples).
    package static func candidates(keys: [Int64], entryID: Int64, since: Date) -> SQLStatement {
        let padded = keys.isEmpty ? [] : SQLStatement.paddedChunks(keys)[0]
        let hits = padded.isEmpty ? "SELECT CAST(NULL AS bigint) WHERE false"
            : "SELECT b.entry_id FROM story_band b WHERE b.hash IN (\(Array(repeating: "?", count: padded.count).joined(separator: ", "))) ORDER BY b.entry_id DESC LIMIT ?"
        let values: [SQLValue] = [.of(since)] + padded.map(SQLValue.int) + (padded.isEmpty ? [] : [.of(CandidateIndex.hitLimit)])
            + [.of(since), .int(entryID)]
        return SQLStatement("""
            SELECT s.entry_id, s.minhash, s.shingle_count, s.source, s.full_text, s.roundup, e.story_id, e.first_seen_at
            FROM entry e JOIN signature s ON s.entry_id = e.id
            WHERE e.first_seen_at >= ? AND e.story_id IN (
              SELECT h.story_id FROM entry h WHERE h.id IN (\(hits)) AND h.first_seen_at >= ? AND h.story_id IS NOT NULL
              UNION SELECT o.story_id FROM entry o WHERE o.id = ? AND o.story_id IS NOT NULL)
            ORDER BY e.first_seen_at, e.id
            """, values)
    }

    /// Signatures of the window's entries not yet filed that have shingles (stored before `v19`).
    package static func unfiled(since: Date, limit: Int) -> SQLStatement {
        SQLStatement("""
            SELECT s.entry_id, s.minhash, s.shingle_count, s.source, s.full_text, s.roundup
            FROM signature s JOIN entry e ON e.id = s.entry_id
            WHERE NOT s.filed AND e.first_seen_at >= ? ORDER BY s.entry_id LIMIT ?
            """, [.of(since), .of(limit)])
    }
}
