import ArgumentParser
import FeedParsing
import Foundation
import Storage
import SyndicCore

/// `syndic feeds export`
struct FeedsExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export subscriptions as OPML 2.0 or a URL list.",
        discussion: """
        OPML: one folder per first tag (as newsboat, Miniflux and most readers import them), further
        tags as `category`, titles and site URLs; it round-trips through `syndic feeds import`.

        Examples:
          syndic feeds export > subscriptions.opml
          syndic feeds export --format urls
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case opml, urls }

    @OptionGroup var global: GlobalOptions

    @Option(help: "opml or urls.")
    var format: Format = .opml

    func run() async throws {
        let db = try await global.openStore(.readOnly)
        let feeds = try await db.listFeeds().map(\.feed)
        switch format {
        case .opml:
            let items = feeds.map { OPMLWriter.Feed(url: $0.url, title: $0.title, siteURL: $0.siteURL, tags: $0.tags) }
            FileHandle.standardOutput.write(Data(OPMLWriter.write(items, dateCreated: Timestamp.rfc3339(Date())).utf8))
        case .urls:
            for feed in feeds {
                var line = feed.url
                for tag in feed.tags { line += tag.contains(" ") ? " \"\(tag)\"" : " \(tag)" }
                if let title = feed.title { line += " \"~\(title)\"" }
                Output.print(line)
            }
        }
    }
}
