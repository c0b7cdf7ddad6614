import ArgumentParser
import Foundation
import Storage
import SyndicCore

/// `syndic feeds list`
struct FeedsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List subscriptions with their polling state.",
        discussion: """
        One row per feed: id, status (the last HTTP status; `new` before the first fetch; `error`
        while failing, FAILING after 7 days; DISABLED), entries stored, the last and next fetch (UTC;
        `due`: at the next poll), tags and title <URL>. Under the row, why a feed is disabled or its
        last error. On a terminal the row is clipped to its width; piped, nothing is clipped.

        Examples:
          syndic feeds list
          syndic feeds list --format json | jq '.[] | select(.last_error != null)'
        """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "table or json.")
    var format: TableOrJSON = .table

    func run() async throws {
        let db = try await global.openStore(.readOnly)
        let listings = try await db.listFeeds()
        switch format {
        case .json: Output.json(.array(listings.map(Self.json)))
        case .table: printTable(listings)
        }
    }

    /// The documented JSON shape: exactly these keys, null where unknown, RFC 3339 UTC times.
    static func json(_ listing: FeedListing) -> JSONValue {
        let f = listing.feed
        return .object([
            ("id", .int(f.id)),
            ("url", .string(f.url)),
            ("title", .string(f.title)),
            ("site_url", .string(f.siteURL)),
            ("tags", .array(f.tags.map(JSONValue.string))),
            ("added_at", .string(Timestamp.rfc3339(f.addedAt))),
            ("last_fetched_at", .string(Output.time(f.lastFetchedAt))),
            ("last_status", .int(f.lastStatus)),
            ("last_error", .string(f.lastError)),
            ("consecutive_failures", .int(f.consecutiveFailures)),
            ("next_fetch_at", .string(Output.time(f.nextFetchAt))),
            ("etag", .string(f.etag)),
            ("last_modified", .string(f.lastModified)),
            ("disabled_reason", .string(f.disabledReason)),
            ("full_text", .string(f.fullText?.rawValue)),
            ("entry_count", .int(listing.entryCount)),
        ])
    }

    private func printTable(_ listings: [FeedListing]) {
        if listings.isEmpty {
            Output.print("No subscriptions yet. Add one with: syndic feeds add URL   (or: syndic feeds import FILE.opml)")
            return
        }
        Output.print("   ID  " + Output.pad("STATUS", 8) + "  ENTRIES  " + Output.pad("LAST(UTC)", 11) + "  " + Output.pad("NEXT(UTC)", 11)
                     + "  " + Output.pad("TAGS", 16) + "  FEED")
        let now = Date()
        let feedWidth = Output.terminalColumns.map { max(24, $0 - Self.feedColumn) } ?? Int.max
        for listing in listings {
            let f = listing.feed
            let name = f.title.map { "\($0) <\(f.url)>" } ?? f.url
            let tags = f.tags.isEmpty ? "-" : f.tags.joined(separator: ",")
            Output.print(String(format: "%5lld  ", f.id) + Output.pad(Self.status(f, now: now), 8) + String(format: "  %7d  ", listing.entryCount)
                         + Output.pad(f.lastFetchedAt.map(StoryTable.short) ?? "never", 11) + "  "
                         + Output.pad(Self.nextFetch(f, now: now), 11) + "  " + Output.pad(tags, 16) + "  " + Output.clip(name, feedWidth))
            if let reason = f.disabledReason {
                Output.print("       disabled: \(reason)")
            } else if let error = f.lastError, f.consecutiveFailures > 0 {
                Output.print("       last error (\(f.consecutiveFailures)×): \(Output.clip(error, 60))")
            }
        }
    }

    /// Where the FEED column starts.
    static let feedColumn = 70

    static func status(_ f: Feed, now: Date) -> String {
        if f.disabledReason != nil { return "DISABLED" }
        if let since = f.failingSince, now.timeIntervalSince(since) >= 7 * 86_400 { return "FAILING" }
        if f.consecutiveFailures > 0 { return "error" }
        return f.lastStatus.map(String.init) ?? "new"
    }

    /// When the next poll fetches the feed: a time, `due` (at the next poll), or `-` when disabled.
    static func nextFetch(_ f: Feed, now: Date) -> String {
        if f.disabledReason != nil { return "-" }
        guard let next = f.nextFetchAt, next > now else { return "due" }
        return StoryTable.short(next)
    }
}
