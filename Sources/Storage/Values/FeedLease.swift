import Foundation

/// A poller's claim on one feed for a while (PostgreSQL, where several pollers share one database).
///
/// The `token` grows by one with every claim of the feed, so a poller whose lease ran out and was
/// claimed by another poller can no longer commit: its commit names the old token and changes nothing
/// (``StorageError/leaseLost(feedID:)``). See docs/SCHEDULING.md, "Several pollers".
public struct FeedLease: Sendable, Equatable {
    public var feedID: Int64
    /// Who holds it: one id per running poll (``PollerIdentity``).
    public var owner: String
    /// The feed's claim counter when this lease was taken.
    public var token: Int64

    public init(feedID: Int64, owner: String, token: Int64) {
        self.feedID = feedID; self.owner = owner; self.token = token
    }
}

/// A feed with the lease under which a poller fetches it.
public struct LeasedFeed: Sendable {
    public var feed: Feed
    public var lease: FeedLease

    public init(feed: Feed, lease: FeedLease) {
        self.feed = feed; self.lease = lease
    }
}

/// What a poller asks for when it claims feeds.
public struct LeaseClaim: Sendable {
    /// Who claims (one id per running poll).
    public var owner: String
    /// At most this many feeds.
    public var limit: Int
    /// Until when the claimed feeds are held unless renewed.
    public var until: Date
    /// The clock the claim is judged by: feeds due at `now`, leases expired before it.
    public var now: Date
    /// Claim active feeds whether due or not.
    public var force: Bool
    /// Feeds fetched at or after this time are not claimed: a poll fetches each feed once, whatever
    /// the fetch did to its next fetch time.
    public var fetchedBefore: Date?
    /// Claim only these feeds (empty: any).
    public var feedIDs: [Int64]

    public init(owner: String, limit: Int, until: Date, now: Date, force: Bool = false, fetchedBefore: Date? = nil,
                feedIDs: [Int64] = []) {
        self.owner = owner; self.limit = limit; self.until = until; self.now = now
        self.force = force; self.fetchedBefore = fetchedBefore; self.feedIDs = feedIDs
    }
}

/// An entry that is signed but in no story yet: stored by a poller that did not hold the placer lock,
/// waiting for the placer (``SharedPollStore/acquirePlacerLock(wait:)``).
public struct UnplacedEntry: Sendable {
    public var signature: IndexedSignature
    public var feedID: Int64
    public var publishedAt: Date?

    public init(signature: IndexedSignature, feedID: Int64, publishedAt: Date?) {
        self.signature = signature; self.feedID = feedID; self.publishedAt = publishedAt
    }
}
