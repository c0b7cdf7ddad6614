import ArgumentParser
import Storage
import SyndicCore

/// `syndic feeds edit ID|URL [--title T] [--tag X]... [--untag X]... [--disable|--enable] [--full-text MODE]`
struct FeedsEditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change a subscription: its title, tags, whether it is polled, when its pages are fetched.",
        discussion: """
        Only what is given changes; the feed's entries and stories stay. `--title ""` goes back to the
        feed's own title (at the next poll). A disabled feed is not polled and keeps its entries;
        `--enable` polls it again at the next `syndic poll` (also a feed disabled by a 410 Gone).
        `--full-text` overrides `syndic poll --full-text` for this feed (`default` follows the poll again).
        Prints the subscription as it now is.

        Examples:
          syndic feeds edit 3 --title "Guardian World" --tag world --untag news
          syndic feeds edit https://example.org/feed.xml --disable
          syndic feeds edit 7 --full-text always     # a feed that only sends teasers
        """
    )

    /// `--full-text` of one feed: a mode, or `default` to follow the poll's option.
    enum FullTextChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never, `default`
        var stored: FeedFullText? { FeedFullText(rawValue: rawValue) }
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The feed's id or URL, as `syndic feeds list` shows them.")
    var feed: String

    @Option(help: "The title to show (\"\" for the feed's own).")
    var title: String?

    @Option(name: .customLong("tag"), help: "Add this tag (repeatable).")
    var tags: [String] = []

    @Option(name: .customLong("untag"), help: "Remove this tag (repeatable).")
    var untags: [String] = []

    @Flag(help: "Stop polling the feed (its entries stay), or --enable polling again.")
    var polling: Polling?

    @Option(help: "Fetch article pages for this feed: auto, always, never, or default (as the poll says).")
    var fullText: FullTextChoice?

    enum Polling: EnumerableFlag {
        case enable, disable
        static func help(for value: Polling) -> ArgumentHelp? {
            value == .enable ? "Poll the feed again (also one disabled by 410 Gone)." : "Stop polling the feed; its entries stay."
        }
    }

    func validate() throws {
        if title == nil, tags.isEmpty, untags.isEmpty, polling == nil, fullText == nil {
            throw ValidationError("nothing to change: give --title, --tag, --untag, --disable, --enable or --full-text")
        }
        if let both = Set(tags).intersection(untags).first {
            throw ValidationError("--tag \(both) and --untag \(both) contradict each other; give one")
        }
        if tags.contains(where: Self.badTag) || untags.contains(where: Self.badTag) {
            throw ValidationError("a tag must not be empty or hold tabs or line breaks")
        }
    }

    func run() async throws {
        let db = try await global.openStore(.readWrite)
        guard var feed = try await db.feed(matching: self.feed) else { throw StorageError.feedNotFound(self.feed) }
        apply(to: &feed)
        try await db.updateFeed(feed)
        if !global.quiet { Self.describe(feed) }
    }

    /// The changes asked for, applied to `feed`.
    func apply(to feed: inout Feed) {
        if let title { feed.title = title.isEmpty ? nil : title }
        let removed = Set(untags.map { $0.lowercased() })
        feed.tags.removeAll { removed.contains($0.lowercased()) }
        for tag in tags where !feed.tags.contains(where: { $0.lowercased() == tag.lowercased() }) { feed.tags.append(tag) }
        switch polling {
        case .disable?: feed.disabledReason = feed.disabledReason ?? Self.disabledByUser
        case .enable? where feed.disabledReason != nil:
            feed.disabledReason = nil
            feed.nextFetchAt = nil
            feed.consecutiveFailures = 0
            feed.failingSince = nil
        case .enable?, nil: break
        }
        if let fullText { feed.fullText = fullText.stored }
    }

    /// The reason `feeds list` shows for a feed disabled here.
    static let disabledByUser = "disabled with `syndic feeds edit --disable`; `--enable` polls it again"

    static func badTag(_ tag: String) -> Bool {
        tag.isEmpty || tag.contains { $0 == "\t" || $0.isNewline }
    }

    static func describe(_ feed: Feed) {
        Output.print("feed \(feed.id): \(feed.url)")
        Output.print("  title:     \(feed.title ?? "(the feed's own, at the next poll)")")
        Output.print("  tags:      \(feed.tags.isEmpty ? "(none)" : feed.tags.joined(separator: ", "))")
        Output.print("  polling:   \(feed.disabledReason.map { "disabled (\($0))" } ?? "enabled")")
        Output.print("  full text: \(feed.fullText?.rawValue ?? "as the poll says (--full-text, auto by default)")")
    }
}
