import Foundation

/// Users and their secrets (stored as hashes only: the Credentials module makes and checks them).
///
/// Every database has a default user (``User/isDefault``), made by migration; it cannot be removed.
public protocol UserStore: Sendable {
    /// Adds a user; throws ``StorageError/duplicateUser(_:)`` when the name is taken.
    func addUser(name: String, passwordHash: String?, now: Date) async throws -> User
    /// The user of this name, or nil.
    func user(named name: String) async throws -> User?
    /// The user with this id, or nil.
    func user(id: Int64) async throws -> User?
    /// The default user.
    func defaultUser() async throws -> User
    /// Every user, the default one first, then by name.
    func listUsers() async throws -> [User]
    /// Removes a user with their tokens, subscriptions and read state; the feeds stay. Throws
    /// ``StorageError/userNotFound(_:)``, or ``StorageError/defaultUserStays`` for the default user.
    func removeUser(id: Int64) async throws
    /// Replaces (nil: clears) a user's password hash.
    func setPassword(userID: Int64, hash: String?) async throws
    /// Replaces (nil: clears) a user's Fever API key.
    func setFeverKey(userID: Int64, key: String?) async throws
    /// Sets when a user's read stories reopen.
    func setReopenRule(userID: Int64, _ rule: ReopenRule) async throws
    /// The user whose Fever key is `key`, or nil.
    func user(feverKey key: String) async throws -> User?

    /// Records a new token of a user by its hash (the token itself is never stored).
    func addToken(userID: Int64, label: String, tokenHash: String, now: Date) async throws -> APIToken
    /// A user's tokens, revoked ones included, oldest first.
    func tokens(userID: Int64) async throws -> [APIToken]
    /// Revokes a token of this user; throws ``StorageError/tokenNotFound(_:)``.
    func revokeToken(userID: Int64, tokenID: Int64, now: Date) async throws
    /// The user of the live (unrevoked) token whose hash is `tokenHash`, or nil.
    func user(tokenHash: String) async throws -> User?
}

extension UserStore {
    /// The user of this name, or the default user when `name` is nil; throws ``StorageError/userNotFound(_:)``.
    public func user(namedOrDefault name: String?) async throws -> User {
        guard let name else { return try await defaultUser() }
        guard let user = try await user(named: name) else { throw StorageError.userNotFound(name) }
        return user
    }
}
