import Foundation
import GRDB

/// A subscription and its polling state, as stored.
public struct Feed: Sendable, Equatable {
    public var id: Int64
    /// The normalized URL the feed is fetched from (updated on a permanent redirect).
    public var url: String
    public var title: String?
    public var siteURL: String?
    public var tags: [String]
    public var addedAt: Date
    public var lastFetchedAt: Date?
    public var lastSuccessAt: Date?
    /// HTTP status of the last fetch (0 when the fetch failed before a response).
    public var lastStatus: Int?
    public var lastError: String?
    public var consecutiveFailures: Int
    /// When the current run of failures began; nil while the feed is healthy.
    public var failingSince: Date?
    public var nextFetchAt: Date?
    /// The interval the scheduler settled on for this feed, in seconds.
    public var intervalSeconds: Double?
    public var etag: String?
    public var lastModified: String?
    /// SHA-256 of the last body parsed, to skip parsing an unchanged feed served without validators.
    public var bodyHash: String?
    /// Why the feed is no longer polled (410 Gone, …); nil when active.
    public var disabledReason: String?

    public init(id: Int64 = 0, url: String, title: String? = nil, siteURL: String? = nil, tags: [String] = [],
                addedAt: Date = Date(), lastFetchedAt: Date? = nil, lastSuccessAt: Date? = nil, lastStatus: Int? = nil,
                lastError: String? = nil, consecutiveFailures: Int = 0, failingSince: Date? = nil,
                nextFetchAt: Date? = nil, intervalSeconds: Double? = nil, etag: String? = nil,
                lastModified: String? = nil, bodyHash: String? = nil, disabledReason: String? = nil) {
        self.id = id; self.url = url; self.title = title; self.siteURL = siteURL; self.tags = tags
        self.addedAt = addedAt; self.lastFetchedAt = lastFetchedAt; self.lastSuccessAt = lastSuccessAt
        self.lastStatus = lastStatus; self.lastError = lastError; self.consecutiveFailures = consecutiveFailures
        self.failingSince = failingSince; self.nextFetchAt = nextFetchAt; self.intervalSeconds = intervalSeconds
        self.etag = etag; self.lastModified = lastModified; self.bodyHash = bodyHash; self.disabledReason = disabledReason
    }
}

extension Feed: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "feed"

    public init(row: Row) {
        id = row["id"]
        url = row["url"]
        title = row["title"]
        siteURL = row["site_url"]
        let joined: String = row["tags"] ?? ""
        tags = joined.isEmpty ? [] : joined.components(separatedBy: "\t")
        addedAt = Date(timeIntervalSince1970: row["added_at"])
        lastFetchedAt = (row["last_fetched_at"] as Double?).map(Date.init(timeIntervalSince1970:))
        lastSuccessAt = (row["last_success_at"] as Double?).map(Date.init(timeIntervalSince1970:))
        lastStatus = row["last_status"]
        lastError = row["last_error"]
        consecutiveFailures = row["consecutive_failures"]
        failingSince = (row["failing_since"] as Double?).map(Date.init(timeIntervalSince1970:))
        nextFetchAt = (row["next_fetch_at"] as Double?).map(Date.init(timeIntervalSince1970:))
        intervalSeconds = row["interval_seconds"]
        etag = row["etag"]
        lastModified = row["last_modified"]
        bodyHash = row["body_hash"]
        disabledReason = row["disabled_reason"]
    }

    public func encode(to container: inout PersistenceContainer) {
        if id != 0 { container["id"] = id }
        container["url"] = url
        container["title"] = title
        container["site_url"] = siteURL
        container["tags"] = tags.joined(separator: "\t")
        container["added_at"] = addedAt.timeIntervalSince1970
        container["last_fetched_at"] = lastFetchedAt?.timeIntervalSince1970
        container["last_success_at"] = lastSuccessAt?.timeIntervalSince1970
        container["last_status"] = lastStatus
        container["last_error"] = lastError
        container["consecutive_failures"] = consecutiveFailures
        container["failing_since"] = failingSince?.timeIntervalSince1970
        container["next_fetch_at"] = nextFetchAt?.timeIntervalSince1970
        container["interval_seconds"] = intervalSeconds
        container["etag"] = etag
        container["last_modified"] = lastModified
        container["body_hash"] = bodyHash
        container["disabled_reason"] = disabledReason
    }
}
