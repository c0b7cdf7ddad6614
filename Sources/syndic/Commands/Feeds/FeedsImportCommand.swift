import ArgumentParser
import FeedParsing
import Fetch
import Foundation
import Storage
import SyndicCore

/// `syndic feeds import FILE|-`
struct FeedsImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import subscriptions from OPML or a plain list of URLs.",
        discussion: """
        OPML 1.0/2.0: folders (nested outlines) and categories become tags, htmlUrl the site URL; a file
        that is not well-formed (e.g. truncated) is refused whole with status 65. URL lists: one URL per line, `#` comments,
        extra words after the URL become tags (newsboat's `urls` file works as it is; "~Name" sets a title).
        Reports added / already present / invalid for every line and never aborts on one bad line.
        Nothing is fetched; with --deny-private-networks (or SYNDIC_DENY_PRIVATE_NETWORKS=1), file: URLs
        and private addresses written as numbers are refused as invalid (names are checked by each poll).

        Examples:
          syndic feeds import Feeds/news.opml
          syndic feeds import ~/.newsboat/urls
          syndic feeds export | syndic --db other.sqlite feeds import -
        """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "An OPML file, a URL list, or - for standard input.")
    var file: String

    @OptionGroup var network: NetworkOptions

    func run() async throws {
        let bytes: [UInt8]
        if file == "-" {
            bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
        } else {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ImportError.unreadable(file)
            }
            bytes = Array(data)
        }
        let list: SubscriptionList
        do {
            list = try SubscriptionListReader.read(bytes)
        } catch {
            throw ImportError.badList(error.description)
        }
        let policy = try network.networkPolicy()
        let db = try await global.openStore(.readWrite)
        var valid: [(url: String, title: String?, tags: [String])] = []
        var siteURLs: [String?] = []
        var invalid = list.problems.map { "line \($0.location): \($0.reason): \($0.text)" }
        for item in list.items {
            do {
                let url = try URLNormalizer.normalize(item.url)
                // Nothing is fetched here; what the policy can refuse from the URL alone is refused now
                // (a poll checks the rest on every connection).
                if let refusal = policy.refusal(of: url), case .privateNetworkDenied = refusal {
                    invalid.append("\(item.url): \(refusal.description)")
                    continue
                }
                valid.append((url, item.title, item.tags))
                siteURLs.append(item.siteURL)
            } catch {
                invalid.append("\(item.url): \(error.description)")
            }
        }
        let outcomes = try await db.addFeeds(valid, now: try CommandClock.now())
        var added = 0, present = 0
        for (outcome, siteURL) in zip(outcomes, siteURLs) {
            // OPML `htmlUrl` is the feed's site URL (until the feed's own link says otherwise).
            if let siteURL, case .added(var feed) = outcome, feed.siteURL == nil {
                feed.siteURL = siteURL
                try await db.updateFeed(feed)
            }
            switch outcome {
            case .added(let feed):
                added += 1
                if global.verbose { Output.print("added \(feed.id): \(feed.url)") }
            case .alreadyPresent(let feed):
                present += 1
                if global.verbose { Output.print("already present \(feed.id): \(feed.url)") }
            }
        }
        for line in invalid { Output.error("invalid: \(line)") }
        if !global.quiet {
            Output.print("imported: \(added) added, \(present) already present, \(invalid.count) invalid")
        }
        if !invalid.isEmpty && added + present == 0 { throw ExitCode(SyndicExitCode.dataError.rawValue) }
    }

    enum ImportError: UserFacingError {
        case unreadable(String)
        case badList(String)
        var exitCode: SyndicExitCode {
            switch self {
            case .unreadable: return .noInput
            case .badList: return .dataError
            }
        }
        var description: String {
            switch self {
            case .unreadable(let path): return "cannot read \(path); check the path (or use - for standard input)"
            case .badList(let reason): return reason
            }
        }
    }
}
