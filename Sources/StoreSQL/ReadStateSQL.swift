import Foundation
import Storage

/// Statements on `story_state`, and the read-state conditions listings filter and order by.
package enum ReadStateSQL {
    /// The condition that `story` is read for the view's user: a state with `read_at`, and no copy that
    /// arrived or grew after the reading and is substantially longer than the longest copy read
    /// (``ReopenRule``). Evaluated per story through the `story_state` primary key and `entry_story_seen`.
    package static func isRead(_ view: ReaderView) -> (sql: String, values: [SQLValue]) {
        var sql = "EXISTS (SELECT 1 FROM story_state r WHERE r.account_id = ? AND r.story_id = story.id AND r.read_at IS NOT NULL"
        var values: [SQLValue] = [.int(view.userID)]
        if let added = view.reopen.addedWords {
            sql += """
                 AND NOT EXISTS (SELECT 1 FROM entry g WHERE g.story_id = story.id AND g.words_at > r.read_at
                  AND g.word_count >= r.read_words + ? AND g.word_count * 100 >= r.read_words * ?)
                """
            values += [.of(added), .of(100 + view.reopen.growthPercent)]
        }
        return (sql + ")", values)
    }

    /// The condition that `story` is starred for the user.
    package static func isStarred(_ view: ReaderView) -> (sql: String, values: [SQLValue]) {
        ("EXISTS (SELECT 1 FROM story_state s WHERE s.account_id = ? AND s.story_id = story.id AND s.starred_at IS NOT NULL)",
         [.int(view.userID)])
    }

    /// The condition that `story` has a copy from one of the user's subscribed feeds.
    package static func isSubscribed(_ view: ReaderView) -> (sql: String, values: [SQLValue]) {
        ("EXISTS (SELECT 1 FROM entry t JOIN subscription u ON u.feed_id = t.feed_id WHERE u.account_id = ? AND t.story_id = story.id)",
         [.int(view.userID)])
    }

    /// The ids among `ids` that name a story.
    package static func existingStories(_ ids: [Int64]) -> [SQLStatement] {
        SQLStatement.chunks(ids).map {
            SQLStatement("SELECT id FROM story WHERE id IN \(SQLStatement.placeholders($0.count))", $0.map(SQLValue.int), reusable: false)
        }
    }

    /// `id, story_id` of the entries among `ids` placed in a story.
    package static func storiesOfEntries(_ ids: [Int64]) -> [SQLStatement] {
        SQLStatement.chunks(ids).map {
            SQLStatement("SELECT id, story_id FROM entry WHERE story_id IS NOT NULL AND id IN \(SQLStatement.placeholders($0.count))",
                         $0.map(SQLValue.int), reusable: false)
        }
    }

    /// Marks a story read at `now`, remembering the length of its longest copy.
    package static func markRead(userID: Int64, storyID: Int64, now: Date) -> SQLStatement {
        SQLStatement("""
            INSERT INTO story_state (account_id, story_id, read_at, read_words, changed_at)
            VALUES (?, ?, ?, COALESCE((SELECT MAX(e.word_count) FROM entry e WHERE e.story_id = ?), 0), ?)
            ON CONFLICT (account_id, story_id) DO UPDATE SET read_at = excluded.read_at, read_words = excluded.read_words,
              changed_at = excluded.changed_at
            """, [.int(userID), .int(storyID), .of(now), .int(storyID), .of(now)])
    }

    package static func markUnread(userID: Int64, storyID: Int64, now: Date) -> SQLStatement {
        SQLStatement("""
            INSERT INTO story_state (account_id, story_id, read_at, read_words, changed_at) VALUES (?, ?, NULL, 0, ?)
            ON CONFLICT (account_id, story_id) DO UPDATE SET read_at = NULL, changed_at = excluded.changed_at
            """, [.int(userID), .int(storyID), .of(now)])
    }

    /// When a story's last copies moved to story `to` (a merge), each user's state goes with them:
    /// read when either story was (the later reading, the longer length read; the reopen rule then
    /// applies to the copies as to any), starred when either was (the first star), every label of
    /// both. Nothing happens while `from` still has copies. Run after the entries moved, before
    /// `StorySQL.refresh` deletes the emptied story (and, by cascade, its state).
    package static func carry(from: Int64, to: Int64, now: Date) -> [SQLStatement] {
        let emptied = "NOT EXISTS (SELECT 1 FROM entry e WHERE e.story_id = ?)"
        func later(_ column: String, _ pick: String) -> String {
            """
            CASE WHEN story_state.\(column) IS NULL THEN excluded.\(column) WHEN excluded.\(column) IS NULL THEN story_state.\(column)
                 WHEN excluded.\(column) \(pick) story_state.\(column) THEN excluded.\(column) ELSE story_state.\(column) END
            """
        }
        return [
            SQLStatement("""
                INSERT INTO story_state (account_id, story_id, read_at, read_words, starred_at, changed_at)
                SELECT a.account_id, ?, a.read_at, a.read_words, a.starred_at, ? FROM story_state a WHERE a.story_id = ? AND \(emptied)
                ON CONFLICT (account_id, story_id) DO UPDATE SET
                  read_at = \(later("read_at", ">")),
                  read_words = CASE WHEN excluded.read_words > story_state.read_words THEN excluded.read_words ELSE story_state.read_words END,
                  starred_at = \(later("starred_at", "<")),
                  changed_at = excluded.changed_at
                """, [.int(to), .of(now), .int(from), .int(from)]),
            SQLStatement("""
                INSERT INTO story_label (account_id, story_id, label, added_at)
                SELECT l.account_id, ?, l.label, l.added_at FROM story_label l WHERE l.story_id = ? AND \(emptied)
                ON CONFLICT (account_id, story_id, label) DO NOTHING
                """, [.int(to), .int(from), .int(from)]),
        ]
    }

    /// Stars (keeping the first star time) or unstars a story.
    package static func star(userID: Int64, storyID: Int64, starred: Bool, now: Date) -> SQLStatement {
        SQLStatement("""
            INSERT INTO story_state (account_id, story_id, read_at, read_words, starred_at, changed_at) VALUES (?, ?, NULL, 0, ?, ?)
            ON CONFLICT (account_id, story_id) DO UPDATE SET
              starred_at = CASE WHEN excluded.starred_at IS NULL THEN NULL ELSE COALESCE(story_state.starred_at, excluded.starred_at) END,
              changed_at = excluded.changed_at
            """, [.int(userID), .int(storyID), starred ? .of(now) : .null, .of(now)])
    }

    package static func states(userID: Int64, storyIDs: [Int64]) -> [SQLStatement] {
        SQLStatement.chunks(storyIDs).map {
            SQLStatement("""
                SELECT account_id, story_id, read_at, read_words, starred_at FROM story_state
                WHERE account_id = ? AND story_id IN \(SQLStatement.placeholders($0.count)) ORDER BY story_id
                """, [.int(userID)] + $0.map(SQLValue.int), reusable: false)
        }
    }

    package static func state(_ row: some SQLRow) throws -> ReadState {
        ReadState(userID: try row.int("account_id"), storyID: try row.int("story_id"), readAt: try row.optionalDate("read_at"),
                  readWords: try row.count("read_words"), starredAt: try row.optionalDate("starred_at"))
    }
}
