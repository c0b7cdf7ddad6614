import Foundation
import GRDB
import Storage
import StoreSQL

/// Users, their tokens and their subscriptions.
extension SQLiteStore {
    public func addUser(name: String, passwordHash: String?, now: Date) async throws -> User {
        try await write { db in
            if try db.first(UserSQL.byName(name)) != nil { throw StorageError.duplicateUser(name) }
            guard let row = try db.first(UserSQL.insert(name: name, passwordHash: passwordHash, now: now)) else {
                throw StorageError.constraintViolation(reason: "the new user was not stored")
            }
            return try UserSQL.user(row)
        }
    }

    public func user(named name: String) async throws -> User? {
        try await read { db in try db.first(UserSQL.byName(name)).map(UserSQL.user) }
    }

    public func user(id: Int64) async throws -> User? {
        try await read { db in try db.first(UserSQL.byID(id)).map(UserSQL.user) }
    }

    public func defaultUser() async throws -> User {
        let path = self.path
        return try await read { db in
            guard let row = try db.first(UserSQL.defaultUser) else { throw StorageError.corrupt(path: path, reason: "its default user is missing") }
            return try UserSQL.user(row)
        }
    }

    public func listUsers() async throws -> [User] {
        try await read { db in try db.rows(UserSQL.all).map(UserSQL.user) }
    }

    public func removeUser(id: Int64) async throws {
        try await write { db in
            guard let user = try db.first(UserSQL.byID(id)).map(UserSQL.user) else { throw StorageError.userNotFound(String(id)) }
            if user.isDefault { throw StorageError.defaultUserStays }
            try db.run(UserSQL.delete(id))
        }
    }

    public func setPassword(userID: Int64, hash: String?) async throws {
        try await updateUser(userID, UserSQL.setPassword(userID, hash))
    }

    public func setFeverKey(userID: Int64, key: String?) async throws {
        try await updateUser(userID, UserSQL.setFeverKey(userID, key))
    }

    public func setReopenRule(userID: Int64, _ rule: ReopenRule) async throws {
        try await updateUser(userID, UserSQL.setReopen(userID, rule))
    }

    private func updateUser(_ id: Int64, _ statement: SQLStatement) async throws {
        try await write { db in
            try db.run(statement)
            if db.changesCount == 0 { throw StorageError.userNotFound(String(id)) }
        }
    }

    public func user(feverKey key: String) async throws -> User? {
        try await read { db in try db.first(UserSQL.byFeverKey(key)).map(UserSQL.user) }
    }

    public func addToken(userID: Int64, label: String, tokenHash: String, now: Date) async throws -> APIToken {
        try await write { db in
            guard try db.first(UserSQL.byID(userID)) != nil else { throw StorageError.userNotFound(String(userID)) }
            guard let row = try db.first(UserSQL.insertToken(userID: userID, label: label, hash: tokenHash, now: now)) else {
                throw StorageError.constraintViolation(reason: "the new token was not stored")
            }
            return try UserSQL.token(row)
        }
    }

    public func tokens(userID: Int64) async throws -> [APIToken] {
        try await read { db in try db.rows(UserSQL.tokens(userID: userID)).map(UserSQL.token) }
    }

    public func revokeToken(userID: Int64, tokenID: Int64, now: Date) async throws {
        try await write { db in
            if try db.first(UserSQL.revokeToken(userID: userID, tokenID: tokenID, now: now)) == nil { throw StorageError.tokenNotFound(tokenID) }
        }
    }

    public func user(tokenHash: String) async throws -> User? {
        try await read { db in
            guard let row = try db.first(UserSQL.byTokenHash(tokenHash)), ConstantTimeText.equal(try row.text("token_hash"), tokenHash) else {
                return nil
            }
            return try UserSQL.user(row)
        }
    }

    // MARK: Subscriptions

    public func subscribe(userID: Int64, feedID: Int64, title: String?, tags: [String], now: Date) async throws {
        try await write { db in
            guard let user = try db.first(UserSQL.byID(userID)).map(UserSQL.user) else { throw StorageError.userNotFound(String(userID)) }
            guard try db.first(FeedSQL.byID(feedID)) != nil else { throw StorageError.feedNotFound(String(feedID)) }
            if user.isDefault { return }
            try db.run(SubscriptionSQL.upsert(userID: userID, feedID: feedID, title: title, tags: tags, now: now))
        }
    }

    public func unsubscribe(userID: Int64, feedID: Int64) async throws -> Bool {
        try await write { db in try db.first(SubscriptionSQL.delete(userID: userID, feedID: feedID)) != nil }
    }

    public func subscriptions(userID: Int64) async throws -> [UserSubscription] {
        try await read { db in
            guard let user = try db.first(UserSQL.byID(userID)).map(UserSQL.user) else { throw StorageError.userNotFound(String(userID)) }
            let statement = user.isDefault ? SubscriptionSQL.everyFeed(userID: userID) : SubscriptionSQL.list(userID: userID)
            return try db.rows(statement).map(SubscriptionSQL.subscription)
        }
    }
}
