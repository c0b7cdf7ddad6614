import Foundation

/// Per-user subscriptions on top of the shared feed table: each user files a feed under their own
/// title and tags; the feed, its fetch state and its entries stay one, fetched once.
///
/// The default user follows every feed, with the feed's own title and tags (``FeedStore``): for them
/// ``subscribe(userID:feedID:title:tags:now:)`` changes nothing and ``subscriptions(userID:)`` lists
/// every feed.
public protocol SubscriptionStore: Sendable {
    /// Subscribes a user to a feed (an existing subscription gets the new title and tags). Throws
    /// ``StorageError/feedNotFound(_:)`` or ``StorageError/userNotFound(_:)``.
    func subscribe(userID: Int64, feedID: Int64, title: String?, tags: [String], now: Date) async throws
    /// Ends a user's subscription (the feed stays for the others); false when there was none.
    @discardableResult
    func unsubscribe(userID: Int64, feedID: Int64) async throws -> Bool
    /// A user's subscriptions, by feed id.
    func subscriptions(userID: Int64) async throws -> [UserSubscription]
}
