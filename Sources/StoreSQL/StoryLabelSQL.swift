import Foundation
import Storage

/// Statements on `story_label`: a user's own labels on stories (Google Reader's item labels).
package enum StoryLabelSQL {
    package static func add(userID: Int64, storyID: Int64, label: String, now: Date) -> SQLStatement {
        SQLStatement("""
            INSERT INTO story_label (account_id, story_id, label, added_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (account_id, story_id, label) DO NOTHING
            """, [.int(userID), .int(storyID), .text(label), .of(now)])
    }

    package static func remove(userID: Int64, storyID: Int64, label: String) -> SQLStatement {
        SQLStatement("DELETE FROM story_label WHERE account_id = ? AND story_id = ? AND label = ?",
                     [.int(userID), .int(storyID), .text(label)])
    }

    /// `story_id, label` of these stories for the user, by story then label.
    package static func labels(userID: Int64, storyIDs: [Int64]) -> [SQLStatement] {
        SQLStatement.paddedChunks(storyIDs).map {
            SQLStatement("""
                SELECT story_id, label FROM story_label WHERE account_id = ? AND story_id IN \(SQLStatement.placeholders($0.count))
                ORDER BY story_id, label
                """, [.int(userID)] + $0.map(SQLValue.int))
        }
    }

    /// `label, n`: every label the user put on stories, with how many stories carry it.
    package static func names(userID: Int64) -> SQLStatement {
        SQLStatement("SELECT label, COUNT(*) AS n FROM story_label WHERE account_id = ? GROUP BY label ORDER BY label", [.int(userID)])
    }

    /// The condition that `story` carries the reader's label `name`.
    package static func isLabelled(_ view: ReaderView, _ name: String) -> (sql: String, values: [SQLValue]) {
        ("EXISTS (SELECT 1 FROM story_label l WHERE l.account_id = ? AND l.story_id = story.id AND l.label = ?)",
         [.int(view.userID), .text(name)])
    }
}
