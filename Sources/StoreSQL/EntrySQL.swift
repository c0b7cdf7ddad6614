import Foundation
import Storage

/// Statements on `entry`, `article` and `signature`.
package enum EntrySQL {
    package static func feedURL(_ feedID: Int64) -> SQLStatement { SQLStatement("SELECT url FROM feed WHERE id = ?", [.int(feedID)]) }

    /// `id, content_hash` of the entry with this stable id in this feed.
    package static func find(feedID: Int64, guid: String) -> SQLStatement {
        SQLStatement("SELECT id, content_hash FROM entry WHERE feed_id = ? AND guid = ?", [.int(feedID), .text(guid)])
    }

    /// The stored entries of a feed among `guids` and the touched tombstones of those pruned, in one
    /// statement (PostgreSQL: a data-modifying `WITH`), one round trip per feed: rows of `kind` `entry` (`id`, `guid`,
    /// `content_hash`) and `tombstone` (`id` = the pruned entry's id, `guid`). Touching the tombstones
    /// of every listed id is the same as touching those of the absent ones: a pruned id is never
    /// stored again, so no id is both an entry and a tombstone.
    package static func findOrTouchTombstones(feedID: Int64, guids: [String], now: Date) -> SQLStatement {
        let list = SQLStatement.placeholders(guids.count)
        let values = guids.map { SQLValue.text($0) }
        return SQLStatement("""
            WITH t AS (UPDATE entry_tombstone SET last_seen_at = ? WHERE feed_id = ? AND guid IN \(list) RETURNING guid, entry_id)
            SELECT 'entry' AS kind, id, guid, content_hash FROM entry WHERE feed_id = ? AND guid IN \(list)
            UNION ALL SELECT 'tombstone' AS kind, entry_id AS id, guid, NULL AS content_hash FROM t
            """, [.of(now), .int(feedID)] + values + [.int(feedID)] + values, reusable: false)
    }

    /// ``touch(id:now:)`` for several entries at once.
    package static func touch(ids: [Int64], now: Date) -> SQLStatement {
        SQLStatement("UPDATE entry SET last_seen_at = ? WHERE id IN \(SQLStatement.placeholders(ids.count))",
                     [.of(now)] + ids.map { .int($0) }, reusable: false)
    }

    /// Marks the tombstone of a pruned entry with this stable id as listed again at `now`; returns its
    /// `entry_id` (no row: the entry was never pruned).
    package static func touchTombstone(feedID: Int64, guid: String, now: Date) -> SQLStatement {
        SQLStatement("""
            UPDATE entry_tombstone SET last_seen_at = ? WHERE feed_id = ? AND guid = ? RETURNING entry_id
            """, [.of(now), .int(feedID), .text(guid)])
    }

    /// Inserts a new entry first and last seen at `now`; returns its `id`.
    package static func insert(feedID: Int64, _ d: EntryDraft, site: String, now: Date) -> SQLStatement {
        SQLStatement("""
            INSERT INTO entry (feed_id, guid, url, site, title, author, published_at, updated_at, summary_html, content_html,
                               content_hash, cut_fields, first_seen_at, last_seen_at, word_count, words_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, [.int(feedID), .text(d.guid), .of(d.url), .text(site), .of(d.title), .of(d.author), .of(d.publishedAt),
                  .of(d.updatedAt), .of(d.summaryHTML), .of(d.contentHTML), .text(d.contentHash),
                  .of(EntryField.stored(d.cutFields)), .of(now), .of(now), .of(words(d)), .of(now)])
    }

    /// New entries of one feed in one statement (`id, guid` returned), as ``insert(feedID:_:site:now:)``
    /// writes each: a feed's first poll stores all its items in one round trip. Call in chunks of at
    /// most 100 drafts (16 values each).
    package static func insertAll(feedID: Int64, _ drafts: [(draft: EntryDraft, site: String)], now: Date) -> SQLStatement {
        let row = "(" + Array(repeating: "?", count: 16).joined(separator: ", ") + ")"
        return SQLStatement("""
            INSERT INTO entry (feed_id, guid, url, site, title, author, published_at, updated_at, summary_html, content_html,
                               content_hash, cut_fields, first_seen_at, last_seen_at, word_count, words_at)
            VALUES \(Array(repeating: row, count: drafts.count).joined(separator: ", ")) RETURNING id, guid
            """, drafts.flatMap { d, site -> [SQLValue] in
                [.int(feedID), .text(d.guid), .of(d.url), .text(site), .of(d.title), .of(d.author), .of(d.publishedAt),
                 .of(d.updatedAt), .of(d.summaryHTML), .of(d.contentHTML), .text(d.contentHash),
                 .of(EntryField.stored(d.cutFields)), .of(now), .of(now), .of(words(d)), .of(now)]
            }, reusable: false)
    }

    /// Updates a changed entry; its word count only grows (an extracted article may be longer than the
    /// feed text), and `words_at` records when it last grew (the time ``ReadStateSQL`` compares).
    package static func update(id: Int64, _ d: EntryDraft, site: String, now: Date) -> SQLStatement {
        let w = words(d)
        return SQLStatement("""
            UPDATE entry SET url = ?, site = ?, title = ?, author = ?, published_at = ?, updated_at = ?, summary_html = ?,
                             content_html = ?, content_hash = ?, cut_fields = ?, last_seen_at = ?,
                             words_at = CASE WHEN COALESCE(word_count, 0) < ? THEN ? ELSE words_at END,
                             word_count = CASE WHEN COALESCE(word_count, 0) < ? THEN ? ELSE word_count END WHERE id = ?
            """, [.of(d.url), .text(site), .of(d.title), .of(d.author), .of(d.publishedAt), .of(d.updatedAt), .of(d.summaryHTML),
                  .of(d.contentHTML), .text(d.contentHash), .of(EntryField.stored(d.cutFields)), .of(now),
                  .of(w), .of(now), .of(w), .of(w), .int(id)])
    }

    /// The words of a draft's longest feed text.
    static func words(_ d: EntryDraft) -> Int {
        WordCount.of(draftContent: d.contentHTML, summary: d.summaryHTML, title: d.title)
    }

    /// An extracted article longer than the entry's feed text raises its word count (nil: nothing to do).
    package static func growWords(_ a: StoredArticle) -> SQLStatement? {
        guard a.status == .ok, let text = a.text else { return nil }
        let w = WordCount.of(text)
        return SQLStatement("""
            UPDATE entry SET words_at = ?, word_count = ? WHERE id = ? AND COALESCE(word_count, 0) < ?
            """, [.of(a.fetchedAt), .of(w), .int(a.entryID), .of(w)])
    }

    package static func touch(id: Int64, now: Date) -> SQLStatement {
        SQLStatement("UPDATE entry SET last_seen_at = ? WHERE id = ?", [.of(now), .int(id)])
    }

    package static func byID(_ id: Int64) -> SQLStatement { SQLStatement("SELECT * FROM entry WHERE id = ?", [.int(id)]) }

    /// Entries by id, one statement per chunk of ids.
    package static func byIDs(_ ids: [Int64]) -> [SQLStatement] {
        SQLStatement.chunks(ids).map { SQLStatement("SELECT * FROM entry WHERE id IN \(SQLStatement.placeholders($0.count))", $0.map(SQLValue.int), reusable: false) }
    }

    package static let count = SQLStatement("SELECT COUNT(*) AS n FROM entry")

    /// Entries without a signature, oldest first.
    package static func unsigned(limit: Int) -> SQLStatement {
        SQLStatement("""
            SELECT e.* FROM entry e LEFT JOIN signature s ON s.entry_id = e.id
            WHERE s.entry_id IS NULL ORDER BY e.id LIMIT ?
            """, [.of(limit)])
    }

    /// Signatures of entries in a story first seen at or after `since`, with their story and first-seen
    /// time, oldest first.
    package static func signatures(since: Date) -> SQLStatement {
        SQLStatement("""
            SELECT s.entry_id, s.minhash, s.shingle_count, s.source, s.full_text, s.roundup, e.story_id, e.first_seen_at
            FROM signature s JOIN entry e ON e.id = s.entry_id
            WHERE e.first_seen_at >= ? AND e.story_id IS NOT NULL ORDER BY e.first_seen_at, e.id
            """, [.of(since)])
    }

    /// How many signed entries are in no story.
    package static let unplacedCount = SQLStatement(
        "SELECT COUNT(*) AS n FROM signature s JOIN entry e ON e.id = s.entry_id WHERE e.story_id IS NULL")

    /// Signed entries in no story, in the order they were stored, with their feed and publication time.
    package static func unplaced(limit: Int) -> SQLStatement {
        SQLStatement("""
            SELECT s.entry_id, s.minhash, s.shingle_count, s.source, s.full_text, s.roundup, e.story_id, e.first_seen_at,
              e.feed_id, e.published_at
            FROM signature s JOIN entry e ON e.id = s.entry_id
            WHERE e.story_id IS NULL ORDER BY e.id LIMIT ?
            """, [.of(limit)])
    }

    package static func saveArticle(_ a: StoredArticle) -> SQLStatement {
        SQLStatement("""
            INSERT INTO article (entry_id, final_url, canonical_url, title, byline, published_at, language, text, status, error, fetched_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (entry_id) DO UPDATE SET final_url = excluded.final_url, canonical_url = excluded.canonical_url,
              title = excluded.title, byline = excluded.byline, published_at = excluded.published_at, language = excluded.language,
              text = excluded.text, status = excluded.status, error = excluded.error, fetched_at = excluded.fetched_at
            """, [.int(a.entryID), .of(a.finalURL), .of(a.canonicalURL), .of(a.title), .of(a.byline), .of(a.publishedAt),
                  .of(a.language), .of(a.text), .text(a.status.rawValue), .of(a.error), .of(a.fetchedAt)])
    }

    /// The entry takes the canonical URL its page declared (nil: nothing to do).
    package static func copyCanonicalURL(_ a: StoredArticle) -> SQLStatement? {
        a.canonicalURL.map { SQLStatement("UPDATE entry SET canonical_url = ? WHERE id = ?", [.text($0), .int(a.entryID)]) }
    }

    package static func article(entryID: Int64) -> SQLStatement {
        SQLStatement("SELECT * FROM article WHERE entry_id = ?", [.int(entryID)])
    }

    package static func saveSignature(_ s: StoredSignature, now: Date) -> SQLStatement {
        SQLStatement("""
            INSERT INTO signature (entry_id, minhash, shingle_count, source, full_text, roundup, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (entry_id) DO UPDATE SET minhash = excluded.minhash, shingle_count = excluded.shingle_count,
              source = excluded.source, full_text = excluded.full_text, roundup = excluded.roundup, created_at = excluded.created_at
            """, [.int(s.entryID), .blob(s.minhash), .of(s.shingleCount), .text(s.source.rawValue), .of(s.fullText), .of(s.roundup), .of(now)])
    }

    /// ``saveSignature(_:now:)`` for many signatures, one statement per 100 (a round trip each on a
    /// server instead of one per signature). Later signatures of the same entry win, as in turn.
    package static func saveSignatures(_ signatures: [StoredSignature], now: Date) -> [SQLStatement] {
        var latest: [Int64: Int] = [:]
        for (i, s) in signatures.enumerated() { latest[s.entryID] = i }
        let kept = signatures.enumerated().filter { latest[$0.element.entryID] == $0.offset }.map(\.element)
        return SQLStatement.chunks(kept, size: 100).map { chunk in
            var values: [SQLValue] = []
            for s in chunk {
                values += [.int(s.entryID), .blob(s.minhash), .of(s.shingleCount), .text(s.source.rawValue), .of(s.fullText), .of(s.roundup), .of(now)]
            }
            let rows = Array(repeating: "(?, ?, ?, ?, ?, ?, ?)", count: chunk.count).joined(separator: ", ")
            return SQLStatement("""
                INSERT INTO signature (entry_id, minhash, shingle_count, source, full_text, roundup, created_at) VALUES \(rows)
                ON CONFLICT (entry_id) DO UPDATE SET minhash = excluded.minhash, shingle_count = excluded.shingle_count,
                  source = excluded.source, full_text = excluded.full_text, roundup = excluded.roundup, created_at = excluded.created_at
                """, values, reusable: false)
        }
    }

    /// The candidate keys to file for a batch of saved signatures: the last saved signature of each entry
    /// that carries keys (``StoredSignature/candidateKeys`` nil leaves an entry's filed keys alone).
    package static func candidateKeys(of signatures: [StoredSignature]) -> [Int64: [Int64]] {
        var keys: [Int64: [Int64]] = [:]
        for s in signatures {
            if let filed = s.candidateKeys { keys[s.entryID] = filed } else if keys[s.entryID] != nil { keys[s.entryID] = nil }
        }
        return keys
    }

    package static func signature(entryID: Int64) -> SQLStatement {
        SQLStatement("SELECT * FROM signature WHERE entry_id = ?", [.int(entryID)])
    }
}
