import ArgumentParser
import SyndicCore

/// The `syndic` command tree. Each subcommand lives in its own file under Commands/.
struct Syndic: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "syndic",
        abstract: "Poll news feeds and fold syndicated copies of a story into one.",
        discussion: """
        Quick start:
          syndic feeds add https://example.org/feed.xml
          syndic poll
          syndic stories
          syndic digest --since 24h --format markdown
        """,
        version: SyndicVersion.current,
        subcommands: Syndic.subcommandList
    )

    /// Registered subcommands, in the order `--help` lists them.
    static var subcommandList: [any ParsableCommand.Type] {
        [
            FeedsCommand.self,
            PollCommand.self,
            PlaceCommand.self,
            FetchCommand.self,
            PruneCommand.self,
            ParseCommand.self,
            ExtractCommand.self,
            DedupCommand.self,
            ExplainCommand.self,
            StoriesCommand.self,
            StoryCommand.self,
            ReadCommand.self,
            UnreadCommand.self,
            StarCommand.self,
            UnstarCommand.self,
            DigestCommand.self,
            ServeCommand.self,
            MigrateCommand.self,
            GenerateManualCommand.self,
            InstanceCommand.self,
            UsersCommand.self,
        ]
    }
}
