import Foundation

/// A user's state of one story, as stored. Read and starred belong to the story, not to a copy:
/// marking any copy read marks the story read, and every copy, present and future, shows it read
/// (unless a later copy reopens it, see ``ReopenRule``).
public struct ReadState: Sendable, Equatable {
    public var userID: Int64
    public var storyID: Int64
    /// When the user read it; nil when unread (never read, or marked unread).
    public var readAt: Date?
    /// Words of the story's longest copy when it was read (the base of ``ReopenRule``).
    public var readWords: Int
    public var starredAt: Date?

    public init(userID: Int64, storyID: Int64, readAt: Date?, readWords: Int, starredAt: Date?) {
        self.userID = userID; self.storyID = storyID; self.readAt = readAt; self.readWords = readWords; self.starredAt = starredAt
    }
}

/// How a listing sees a story for one user: read (after ``ReopenRule``) and starred.
public struct StoryReading: Sendable, Equatable {
    public var isRead: Bool
    public var isStarred: Bool

    public init(isRead: Bool, isStarred: Bool) {
        self.isRead = isRead; self.isStarred = isStarred
    }
}

/// A story listing as one user sees it (``StoryQuery/reader``): each story carries its
/// ``StoryReading``, and the listing can keep only unread, read or starred stories and put unread
/// ones first. Filtering and ordering happen in the database.
public struct ReaderView: Sendable, Equatable {
    public enum Filter: Sendable, Equatable {
        case unread, read
    }

    public var userID: Int64
    public var reopen: ReopenRule
    /// Only the user's subscribed feeds' stories (false for the default user, who follows every feed).
    public var subscribedOnly: Bool
    public var filter: Filter?
    public var starredOnly: Bool
    /// Unread stories first, then the usual order.
    public var unreadFirst: Bool

    public init(userID: Int64, reopen: ReopenRule = .standard, subscribedOnly: Bool = false, filter: Filter? = nil,
                starredOnly: Bool = false, unreadFirst: Bool = false) {
        self.userID = userID; self.reopen = reopen; self.subscribedOnly = subscribedOnly; self.filter = filter
        self.starredOnly = starredOnly; self.unreadFirst = unreadFirst
    }

    /// The view of `user`: their reopen rule, and their subscriptions unless they are the default user.
    public init(user: User, filter: Filter? = nil, starredOnly: Bool = false, unreadFirst: Bool = false) {
        self.init(userID: user.id, reopen: user.reopen, subscribedOnly: !user.isDefault, filter: filter,
                  starredOnly: starredOnly, unreadFirst: unreadFirst)
    }
}
