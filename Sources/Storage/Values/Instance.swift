import Foundation

/// The identity of one database: a random id made when the database was created (or, for a database
/// older than instance ids, when it was migrated), never changed afterwards.
///
/// Digests put it in every item id, so two installations never hand a feed reader the same id for
/// different stories.
public struct StoreInstance: Sendable, Equatable {
    /// 16 lowercase hexadecimal digits (64 random bits).
    public var id: String
    public var createdAt: Date
    /// The highest entry or story id the database held when it got its instance id (0 for a database
    /// created with one): stories up to it were published before, so their item ids keep the old form.
    public var legacyStoryMax: Int64

    public init(id: String, createdAt: Date, legacyStoryMax: Int64) {
        self.id = id; self.createdAt = createdAt; self.legacyStoryMax = legacyStoryMax
    }
}
