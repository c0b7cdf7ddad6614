import ArgumentParser
import Storage
import SyndicCore

/// `syndic feeds remove ID|URL...`
struct FeedsRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Unsubscribe; the feed's entries go too and stories are updated.",
        discussion: """
        Example:
          syndic feeds remove 12 https://example.org/feed.xml
        """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Feed ids or URLs, as `syndic feeds list` shows them.")
    var feeds: [String]

    func run() async throws {
        let db = try await global.openStore(.readWrite)
        var missing = 0
        for key in feeds {
            guard let feed = try await db.feed(matching: key) else {
                Output.error(StorageError.feedNotFound(key).description)
                missing += 1
                continue
            }
            try await db.removeFeed(id: feed.id)
            if !global.quiet { Output.print("removed feed \(feed.id): \(feed.url)") }
        }
        if missing > 0 { throw ExitCode(SyndicExitCode.noInput.rawValue) }
    }
}
