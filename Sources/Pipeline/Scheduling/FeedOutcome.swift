import Fetch
import Foundation
import Storage
import SyndicCore

/// What one fetch of a feed amounted to, for the summary line and the feed's record.
public enum FeedOutcomeKind: Sendable, Equatable {
    /// 200 with a body that was parsed (or skipped as byte-identical to the last one).
    case fetched
    /// 304 Not Modified.
    case notModified
    /// The fetch or the parse failed; the feed will be retried with backoff.
    case failed(String)
    /// 410 Gone: the feed is disabled.
    case gone
}

/// What the parsed feed told the scheduler.
public struct FeedHints: Sendable, Equatable {
    public var title: String?
    public var siteURL: String?
    /// RSS `<ttl>` in seconds.
    public var ttl: TimeInterval?
    /// `sy:updatePeriod` / `sy:updateFrequency` as seconds between updates.
    public var updatePeriod: TimeInterval?
    /// Publication times of the feed's items (for the adaptive interval).
    public var itemDates: [Date]

    public init(title: String? = nil, siteURL: String? = nil, ttl: TimeInterval? = nil, updatePeriod: TimeInterval? = nil, itemDates: [Date] = []) {
        self.title = title; self.siteURL = siteURL; self.ttl = ttl; self.updatePeriod = updatePeriod; self.itemDates = itemDates
    }
}

/// Applies the politeness rules to a feed's stored state after one fetch.
///
/// - Validators (ETag, Last-Modified) are stored from every 200 and refreshed from a 304 when the server
///   sends new ones (RFC 9111 §4.3.4).
/// - A permanent redirect chain (301/308 only) moves the stored URL; a temporary one does not.
/// - 410 Gone disables the feed with the reason; other failures count up and back off.
/// - `failingSince` marks the start of a run of failures, so `feeds list` can flag a feed failing for 7 days.
public struct FeedStateUpdater: Sendable {
    public var policy: SchedulePolicy

    public init(policy: SchedulePolicy = SchedulePolicy()) {
        self.policy = policy
    }

    /// A successful exchange (200 parsed, or 304).
    public func succeeded(_ feed: Feed, response: FetchResponse, hints: FeedHints?, bodyHash: String?, now: Date) -> Feed {
        var f = feed
        f.lastFetchedAt = now
        f.lastSuccessAt = now
        f.lastStatus = response.status
        f.lastError = nil
        f.consecutiveFailures = 0
        f.failingSince = nil
        if let etag = response.headers["ETag"] { f.etag = etag }
        if let lastModified = response.headers["Last-Modified"] { f.lastModified = lastModified }
        if response.isPermanentlyRedirected, let moved = try? normalized(response.finalURL) { f.url = moved }
        if let hints {
            if f.title == nil, let title = hints.title, !title.isEmpty { f.title = title }
            if let site = hints.siteURL, !site.isEmpty { f.siteURL = site }
        }
        if let bodyHash { f.bodyHash = bodyHash }
        let interval = policy.intervalAfterSuccess(
            itemDates: hints?.itemDates ?? [], previous: feed.intervalSeconds,
            hints: .init(retryAfter: nil, maxAge: response.freshnessLifetime(now: now),
                         expiresIn: nil, feedTTL: hints?.ttl, updatePeriod: hints?.updatePeriod))
        f.intervalSeconds = interval
        f.nextFetchAt = now.addingTimeInterval(interval)
        return f
    }

    /// 410 Gone: stop polling, keep the entries, say why.
    public func gone(_ feed: Feed, response: FetchResponse, now: Date) -> Feed {
        var f = feed
        f.lastFetchedAt = now
        f.lastStatus = response.status
        f.lastError = "410 Gone: the server says this feed was removed for good"
        f.disabledReason = "410 Gone at \(response.finalURL) on \(Timestamp.rfc3339(now)); re-add the feed's new address if it moved"
        f.nextFetchAt = nil
        return f
    }

    /// A failed fetch, an HTTP error status, or an unparseable body: count, back off, record the message.
    public func failed(_ feed: Feed, status: Int?, message: String, retryAfter: TimeInterval?, now: Date, random: Double) -> Feed {
        var f = feed
        f.lastFetchedAt = now
        f.lastStatus = status ?? 0
        f.lastError = message
        f.consecutiveFailures = feed.consecutiveFailures + 1
        if f.failingSince == nil { f.failingSince = now }
        let delay = policy.backoff(failures: f.consecutiveFailures, retryAfter: retryAfter, random: random)
        f.nextFetchAt = now.addingTimeInterval(delay)
        return f
    }

    private func normalized(_ url: String) throws -> String {
        try URLNormalizer.normalize(url)
    }
}
