import ArgumentParser
import Foundation
import Storage
import SyndicCore

/// `syndic feeds add URL...`
struct FeedsAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Subscribe to one or more feeds.",
        discussion: """
        Accepts http, https and file URLs (or absolute paths). A URL that is already subscribed
        (after normalizing scheme and host case, default port and fragment) is reported, not added twice.

        Example:
          syndic feeds add https://www.theguardian.com/world/rss --tag world
        """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Feed URLs.")
    var urls: [String]

    @Option(help: "Title to show instead of the feed's own (only with one URL).")
    var title: String?

    @Option(name: .customLong("tag"), help: "A tag for the new feeds (repeatable).")
    var tags: [String] = []

    func validate() throws {
        if title != nil, urls.count > 1 { throw ValidationError("--title applies to one URL; add the feeds one at a time") }
    }

    func run() async throws {
        let db = try global.openDatabase()
        var failed = 0
        for raw in urls {
            let normalized: String
            do {
                normalized = try URLNormalizer.normalize(raw)
            } catch {
                Output.error(error.description)
                failed += 1
                continue
            }
            switch try db.addFeeds([(normalized, title, tags)])[0] {
            case .added(let feed):
                if !global.quiet { Output.print("added feed \(feed.id): \(feed.url)") }
            case .alreadyPresent(let feed):
                if !global.quiet { Output.print("already subscribed as feed \(feed.id): \(feed.url)") }
            }
        }
        if failed > 0 { throw ExitCode(SyndicExitCode.dataError.rawValue) }
    }
}
