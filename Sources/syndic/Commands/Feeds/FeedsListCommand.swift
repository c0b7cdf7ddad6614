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
        A feed failing for 7 days or more is flagged FAILING; a disabled feed shows why.

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
            ("entry_count", .int(listing.entryCount)),
        ])
    }

    private func printTable(_ listings: [FeedListing]) {
        if listings.isEmpty {
            Output.print("No subscriptions yet. Add one with: syndic feeds add URL   (or: syndic feeds import FILE.opml)")
            return
        }
        Output.print("   ID  STATUS    ENTRIES  FEED")
        let now = Date()
        for listing in listings {
            let f = listing.feed
            let status: String
            if f.disabledReason != nil {
                status = "DISABLED"
            } else if let since = f.failingSince, now.timeIntervalSince(since) >= 7 * 86_400 {
                status = "FAILING"
            } else if f.consecutiveFailures > 0 {
                status = "error"
            } else if let code = f.lastStatus {
                status = String(code)
            } else {
                status = "new"
            }
            let name = f.title.map { "\($0) <\(f.url)>" } ?? f.url
            Output.print(String(format: "%5lld  ", f.id) + Output.pad(status, 8) + String(format: "  %7d  ", listing.entryCount) + Output.clip(name, 54))
            if let reason = f.disabledReason {
                Output.print("       disabled: \(reason)")
            } else if let error = f.lastError, f.consecutiveFailures > 0 {
                Output.print("       last error (\(f.consecutiveFailures)×): \(Output.clip(error, 60))")
            }
        }
    }
}
