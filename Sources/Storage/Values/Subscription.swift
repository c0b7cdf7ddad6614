import Foundation

/// A user's subscription to a shared feed, with the user's own title and tags.
///
/// For the default user every feed is a subscription and its title and tags are the feed's own
/// (`feeds edit`); other users' subscriptions are rows of their own, so two users can file one feed
/// under different names and tags while it is fetched once.
public struct UserSubscription: Sendable, Equatable {
    public var userID: Int64
    public var feedID: Int64
    public var feedURL: String
    /// The user's title, else the feed's own title.
    public var title: String?
    public var tags: [String]
    public var addedAt: Date

    public init(userID: Int64, feedID: Int64, feedURL: String, title: String?, tags: [String], addedAt: Date) {
        self.userID = userID; self.feedID = feedID; self.feedURL = feedURL; self.title = title; self.tags = tags
        self.addedAt = addedAt
    }
}
