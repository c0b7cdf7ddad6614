import Foundation
import Storage

/// Statements on `account` (users) and `api_token`.
package enum UserSQL {
    static let columns = "id, name, is_default, created_at, password_hash, fever_key, reopen_words, reopen_growth"

    package static func insert(name: String, passwordHash: String?, now: Date) -> SQLStatement {
        SQLStatement("INSERT INTO account (name, is_default, password_hash, created_at) VALUES (?, FALSE, ?, ?) RETURNING \(columns)",
                     [.text(name), .of(passwordHash), .of(now)])
    }

    package static func byName(_ name: String) -> SQLStatement {
        SQLStatement("SELECT \(columns) FROM account WHERE name = ?", [.text(name)])
    }

    package static func byID(_ id: Int64) -> SQLStatement {
        SQLStatement("SELECT \(columns) FROM account WHERE id = ?", [.int(id)])
    }

    package static let defaultUser = SQLStatement("SELECT \(columns) FROM account WHERE is_default")

    package static let all = SQLStatement("SELECT \(columns) FROM account ORDER BY is_default DESC, name")

    package static func byFeverKey(_ key: String) -> SQLStatement {
        SQLStatement("SELECT \(columns) FROM account WHERE fever_key = ?", [.text(key)])
    }

    /// The user of a live token with this hash.
    package static func byTokenHash(_ hash: String) -> SQLStatement {
        SQLStatement("""
            SELECT \(columns.split(separator: ",").map { "a." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")), t.token_hash
            FROM api_token t JOIN account a ON a.id = t.account_id WHERE t.token_hash = ? AND t.revoked_at IS NULL
            """, [.text(hash)])
    }

    package static func delete(_ id: Int64) -> SQLStatement {
        SQLStatement("DELETE FROM account WHERE id = ? AND NOT is_default", [.int(id)])
    }

    package static func setPassword(_ id: Int64, _ hash: String?) -> SQLStatement {
        SQLStatement("UPDATE account SET password_hash = ? WHERE id = ?", [.of(hash), .int(id)])
    }

    package static func setFeverKey(_ id: Int64, _ key: String?) -> SQLStatement {
        SQLStatement("UPDATE account SET fever_key = ? WHERE id = ?", [.of(key), .int(id)])
    }

    package static func setReopen(_ id: Int64, _ rule: ReopenRule) -> SQLStatement {
        SQLStatement("UPDATE account SET reopen_words = ?, reopen_growth = ? WHERE id = ?",
                     [.of(rule.addedWords), .of(rule.growthPercent), .int(id)])
    }

    package static func user(_ row: some SQLRow) throws -> User {
        User(id: try row.int("id"), name: try row.text("name"), isDefault: try row.bool("is_default"),
             createdAt: try row.date("created_at"), passwordHash: try row.optionalText("password_hash"),
             feverKey: try row.optionalText("fever_key"),
             reopen: ReopenRule(addedWords: try row.optionalCount("reopen_words"), growthPercent: try row.count("reopen_growth")))
    }

    // MARK: Tokens

    package static func insertToken(userID: Int64, label: String, hash: String, now: Date) -> SQLStatement {
        SQLStatement("""
            INSERT INTO api_token (account_id, label, token_hash, created_at) VALUES (?, ?, ?, ?)
            RETURNING id, account_id, label, created_at, revoked_at
            """, [.int(userID), .text(label), .text(hash), .of(now)])
    }

    package static func tokens(userID: Int64) -> SQLStatement {
        SQLStatement("SELECT id, account_id, label, created_at, revoked_at FROM api_token WHERE account_id = ? ORDER BY id", [.int(userID)])
    }

    /// Revokes a token (a revoked one keeps its first revocation time); returns its `id`.
    package static func revokeToken(userID: Int64, tokenID: Int64, now: Date) -> SQLStatement {
        SQLStatement("UPDATE api_token SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND account_id = ? RETURNING id",
                     [.of(now), .int(tokenID), .int(userID)])
    }

    package static func token(_ row: some SQLRow) throws -> APIToken {
        APIToken(id: try row.int("id"), userID: try row.int("account_id"), label: try row.text("label"),
                 createdAt: try row.date("created_at"), revokedAt: try row.optionalDate("revoked_at"))
    }
}

/// Statements on `subscription`.
package enum SubscriptionSQL {
    package static func upsert(userID: Int64, feedID: Int64, title: String?, tags: [String], now: Date) -> SQLStatement {
        SQLStatement("""
            INSERT INTO subscription (account_id, feed_id, title, tags, added_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (account_id, feed_id) DO UPDATE SET title = excluded.title, tags = excluded.tags
            """, [.int(userID), .int(feedID), .of(title), .text(tags.joined(separator: "\t")), .of(now)])
    }

    package static func delete(userID: Int64, feedID: Int64) -> SQLStatement {
        SQLStatement("DELETE FROM subscription WHERE account_id = ? AND feed_id = ? RETURNING feed_id", [.int(userID), .int(feedID)])
    }

    /// A named user's subscriptions, with the feed's title where they gave none.
    package static func list(userID: Int64) -> SQLStatement {
        SQLStatement("""
            SELECT s.account_id, s.feed_id, f.url, COALESCE(s.title, f.title) AS title, s.tags, s.added_at
            FROM subscription s JOIN feed f ON f.id = s.feed_id WHERE s.account_id = ? ORDER BY s.feed_id
            """, [.int(userID)])
    }

    /// The default user's subscriptions: every feed, as `feeds edit` files it.
    package static func everyFeed(userID: Int64) -> SQLStatement {
        SQLStatement("SELECT ? AS account_id, id AS feed_id, url, title, tags, added_at FROM feed ORDER BY id", [.int(userID)])
    }

    package static func subscription(_ row: some SQLRow) throws -> UserSubscription {
        let tags = try row.optionalText("tags") ?? ""
        return UserSubscription(userID: try row.int("account_id"), feedID: try row.int("feed_id"), feedURL: try row.text("url"),
                                title: try row.optionalText("title"), tags: tags.isEmpty ? [] : tags.components(separatedBy: "\t"),
                                addedAt: try row.date("added_at"))
    }
}

/// Comparison of stored secrets' hashes in time independent of where they differ.
package enum ConstantTimeText {
    package static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
