import ArgumentParser
import Digest
import Foundation
import Storage
import SyndicCore

/// `syndic stories`: the story clusters, most sources first.
struct StoriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stories",
        abstract: "List story clusters: most sources first, then newest.",
        discussion: """
        Each row is one story: its id, how many distinct sites carried it, when it was first and last
        seen (UTC), its headline, and the sites. `syndic story ID` shows one story in full. At most
        --limit stories are listed (50 by default); the last line says how many more match.

        With --unread, --read, --starred or --user, the listing is a reader's (the default user's
        unless --user names another): it shows their subscriptions' stories, a mark before each id
        (`*` starred, `-` read, blank unread), and --unread/--read/--starred keep only those.

        Examples:
          syndic stories --since 24h --min-sources 2
          syndic stories --unread
          syndic stories --starred --user ann
          syndic stories --tag world
          syndic stories --format json | jq '.[0].entries[].url'
        """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Only stories published since: a duration (24h, 7d) or an RFC 3339 time.", valueName: "time"))
    var since: String?

    @Option(name: .customLong("min-sources"), help: "Only stories carried by at least this many sites.")
    var minSources = 1

    @Option(help: "At most this many stories (the rest are counted, not listed).")
    var limit = 50

    @Option(help: ArgumentHelp("Only stories with a copy from a feed tagged so (see `syndic feeds edit --tag`).", valueName: "tag"))
    var tag: String?

    @Option(help: "table or json.")
    var format: TableOrJSON = .table

    @Flag(help: "Only stories the user has not read.")
    var unread = false

    @Flag(help: "Only stories the user has read.")
    var read = false

    @Flag(help: "Only stories the user has starred.")
    var starred = false

    @Option(help: ArgumentHelp("The reader whose state and subscriptions the listing shows (default: the default user).", valueName: "name"))
    var user: String?

    func validate() throws {
        if unread && read { throw ValidationError("--unread and --read exclude each other") }
        guard minSources >= 1 else { throw ValidationError("--min-sources must be 1 or more") }
        if limit < 1 { throw ValidationError("--limit must be 1 or more") }
    }

    func run() async throws {
        var query = StoryQuery(since: try since.flatMap { try TimeArgument.parse($0, now: try CommandClock.now()) },
                               minSources: minSources, limit: limit)
        let db = try await global.openStore(.readOnly)
        query.feedIDs = try await TagFilter.feedIDs(tag, in: db)
        if unread || read || starred || user != nil {
            query.reader = ReaderView(user: try await db.user(namedOrDefault: user),
                                      filter: unread ? .unread : (read ? .read : nil), starredOnly: starred)
        }
        let stories = try await Timed.run("stories query", count: \.count) { try await db.stories(query) }
        var more = 0
        if stories.count == limit { more = try await db.storyCount(query) - stories.count }
        switch format {
        case .json:
            Output.json(.array(stories.map(StoryJSON.summary)))
            if more > 0 && !global.quiet { Output.error(Self.leftOut(more)) }
        case .table:
            StoryTable.print(stories, color: Output.useColor)
            if more > 0 { Output.print(Self.leftOut(more)) }
        }
    }

    /// `… 1,772 more; use --limit or --since`.
    static func leftOut(_ count: Int) -> String {
        "… \(Self.grouped(count)) more \(count == 1 ? "story" : "stories"); use --limit or --since"
    }

    /// 1772 → `1,772`.
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        return digits.enumerated().map { i, d in (i > 0 && (digits.count - i) % 3 == 0 ? "," : "") + String(d) }.joined()
    }
}

/// The 80-column story table of `syndic stories`.
enum StoryTable {
    static func print(_ stories: [StorySummary], color: Bool) {
        if stories.isEmpty {
            Output.print("No stories match. Poll your feeds (syndic poll) or widen --since / lower --min-sources.")
            return
        }
        func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        Output.print(paint("     ID SRC FIRST(UTC)  LAST(UTC)   HEADLINE", "1"))
        for story in stories {
            let mark = story.reading.map { $0.isStarred ? "*" : ($0.isRead ? "-" : " ") } ?? " "
            let id = mark + String(story.id).leftPadded(6)
            let sources = String(story.sourceCount).leftPadded(3)
            let headline = Output.clip(PlainText.singleLine(PlainText.fromHTML(story.headline)), 44)
            let row = "\(id) \(story.sourceCount > 1 ? paint(sources, "32") : sources) \(short(story.firstSeenAt)) \(short(story.lastSeenAt)) \(headline)"
            Output.print(row)
            let sites = story.sites.map(PlainText.singleLine).joined(separator: ", ")
            Output.print(String(repeating: " ", count: 36) + paint(Output.clip(sites, 44), "2"))
        }
    }

    /// `11-29 05:34`: month, day and time in UTC, 11 characters.
    static func short(_ date: Date) -> String {
        let iso = Timestamp.rfc3339(date)
        return String(iso.dropFirst(5).prefix(5)) + " " + String(iso.dropFirst(11).prefix(5))
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
