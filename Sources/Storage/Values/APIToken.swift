import Foundation

/// A revocable API token of a user, as stored: the token itself is shown once when made and only its
/// hash is kept (`token_hash`), so this value never holds the secret.
public struct APIToken: Sendable, Equatable {
    public var id: Int64
    public var userID: Int64
    /// What the user called it (`--label`), e.g. the app or device it is for.
    public var label: String
    public var createdAt: Date
    /// When it was revoked (`users tokens revoke`); a revoked token authenticates nothing.
    public var revokedAt: Date?

    public init(id: Int64, userID: Int64, label: String, createdAt: Date, revokedAt: Date? = nil) {
        self.id = id; self.userID = userID; self.label = label; self.createdAt = createdAt; self.revokedAt = revokedAt
    }

    public var isRevoked: Bool { revokedAt != nil }
}
