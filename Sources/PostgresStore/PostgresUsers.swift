import Foundation
import PostgresNIO
import Storage
import StoreSQL

/// Users, their tokens and their subscriptions.
extension PostgresStore {
    public func addUser(name: String, passwordHash: String?, now: Date) async throws -> User {
        try await write { [logger] db in
            if try await db.first(UserSQL.byName(name), logger: logger) != nil { throw StorageError.duplicateUser(name) }
            guard let row = try await db.first(UserSQL.insert(name: name, passwordHash: passwordHash, now: now), logger: logger) else {
                throw StorageError.constraintViolation(reason: "the new user was not stored")
            }
            return try UserSQL.user(row)
        }
    }

    public func user(named name: String) async throws -> User? {
        try await read { [logger] db in try await db.first(UserSQL.byName(name), logger: logger).map(UserSQL.user) }
    }

    public func user(id: Int64) async throws -> User? {
        try await read { [logger] db in try await db.first(UserSQL.byID(id), logger: logger).map(UserSQL.user) }
    }

    public func defaultUser() async throws -> User {
        let path = server.description
        return try await read { [logger] db in
            guard let row = try await db.first(UserSQL.defaultUser, logger: logger) else { throw StorageError.corrupt(path: path, reason: "its default user is missing") }
            return try UserSQL.user(row)
        }
    }

    public func listUsers() async throws -> [User] {
        try await read { [logger] db in try await db.rows(UserSQL.all, logger: logger).map(UserSQL.user) }
    }

    public func removeUser(id: Int64) async throws {
        try await write { [logger] db in
            guard let user = try await db.first(UserSQL.byID(id), logger: logger).map(UserSQL.user) else { throw StorageError.userNotFound(String(id)) }
            if user.isDefault { throw StorageError.defaultUserStays }
            try await db.run(UserSQL.delete(id), logger: logger)
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
        try await write { [logger] db in
            guard try await db.first(UserSQL.byID(id), logger: logger) != nil else { throw StorageError.userNotFound(String(id)) }
            try await db.run(statement, logger: logger)
        }
    }

    public func user(feverKey key: String) async throws -> User? {
        try await read { [logger] db in try await db.first(UserSQL.byFeverKey(key), logger: logger).map(UserSQL.user) }
    }

    public func addToken(userID: Int64, label: String, tokenHash: String, now: Date) async throws -> APIToken {
        try await write { [logger] db in
            guard try await db.first(UserSQL.byID(userID), logger: logger) != nil else { throw StorageError.userNotFound(String(userID)) }
            guard let row = try await db.first(UserSQL.insertToken(userID: userID, label: label, hash: tokenHash, now: now), logger: logger) else {
                throw StorageError.constraintViolation(reason: "the new token was not stored")
            }
            return try UserSQL.token(row)
        }
    }

    public func tokens(userID: Int64) async throws -> [APIToken] {
        try await read { [logger] db in try await db.rows(UserSQL.tokens(userID: userID), logger: logger).map(UserSQL.token) }
    }

    public func revokeToken(userID: Int64, tokenID: Int64, now: Date) async throws {
        try await write { [logger] db in
            if try await db.first(UserSQL.revokeToken(userID: userID, tokenID: tokenID, now: now), logger: logger) == nil { throw StorageError.tokenNotFound(tokenID) }
        }
    }

    public func user(tokenHash: String) async throws -> User? {
        try await read { [logger] db in
            guard let row = try await db.first(UserSQL.byTokenHash(tokenHash), logger: logger), ConstantTimeText.equal(try row.text("token_hash"), tokenHash) else {
                return nil
            }
            return try UserSQL.user(row)
        }
    }

    // MARK: Subscriptions

    public func subscribe(userID: Int64, feedID: Int64, title: String?, tags: [String], now: Date) async throws {
        try await write { [logger] db in
            guard let user = try await db.first(UserSQL.byID(userID), logger: logger).map(UserSQL.user) else { throw StorageError.userNotFound(String(userID)) }
            guard try await db.first(FeedSQL.byID(feedID), logger: logger) != nil else { throw StorageError.feedNotFound(String(feedID)) }
            if user.isDefault { return }
            try await db.run(SubscriptionSQL.upsert(userID: userID, feedID: feedID, title: title, tags: tags, now: now), logger: logger)
        }
    }

    public func unsubscribe(userID: Int64, feedID: Int64) async throws -> Bool {
        try await write { [logger] db in try await db.first(SubscriptionSQL.delete(userID: userID, feedID: feedID), logger: logger) != nil }
    }

    public func subscriptions(userID: Int64) async throws -> [UserSubscription] {
        try await read { [logger] db in
            guard let user = try await db.first(UserSQL.byID(userID), logger: logger).map(UserSQL.user) else { throw StorageError.userNotFound(String(userID)) }
            let statement = user.isDefault ? SubscriptionSQL.everyFeed(userID: userID) : SubscriptionSQL.list(userID: userID)
            return try await db.rows(statement, logger: logger).map(SubscriptionSQL.subscription)
        }
    }
}
