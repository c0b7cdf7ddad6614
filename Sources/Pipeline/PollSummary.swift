import Foundation

/// What one poll did: the numbers of the summary line, and each feed that failed with why.
public struct PollSummary: Sendable, Equatable {
    public struct Failure: Sendable, Equatable {
        public var feedID: Int64
        public var url: String
        public var message: String
    }

    public var feedsPolled = 0
    public var notModified = 0
    public var failed = 0
    public var entriesNew = 0
    public var entriesUpdated = 0
    /// New entries dated longer than the window ago (see `Backlog`): stored, not announced.
    public var entriesBacklog = 0
    public var pagesFetched = 0
    public var pagesFailed = 0
    /// Pages not tried because their host failed to connect ``PollOptions/pageHostFailureLimit`` times in a
    /// row in this poll; their entries wait for the next poll (see ``PollOptions/pageRetryWindow``).
    public var pagesSkipped = 0
    /// Feeds whose lease ran out and was taken over before their fetch was stored (shared databases):
    /// not counted as polled; the poller that took them over fetches them.
    public var leasesLost = 0
    public var storiesNew = 0
    public var storiesGrown = 0
    public var seconds: Double = 0
    public var failures: [Failure] = []

    public init() {}

    /// The one summary line `syndic poll` prints.
    public var line: String {
        let secs = String(format: "%.1f", seconds)
        return "polled \(feedsPolled) feeds (\(notModified) not modified, \(failed) failed"
            + (leasesLost > 0 ? ", \(leasesLost) taken over by another poller" : "") + "); "
            + "entries: \(entriesNew) new, \(entriesUpdated) updated\(entriesBacklog > 0 ? ", \(entriesBacklog) backlog" : ""); pages: \(pagesFetched) fetched, \(pagesFailed) failed"
            + (pagesSkipped > 0 ? ", \(pagesSkipped) skipped (host unreachable; tried again next poll)" : "") + "; "
            + "stories: \(storiesNew) new, \(storiesGrown) grown; \(secs) s"
    }
}
