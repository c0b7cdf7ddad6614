import ArgumentParser
import Foundation
import Storage
import SyndicCore

/// `syndic prune --older-than 30d`
struct PruneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Delete old entries (with their articles and signatures) and stories left empty.",
        discussion: """
        Stories that lose some copies keep the rest (and their id), with a new representative when
        needed. Each deleted entry leaves a tombstone (feed, entry key, first seen), kept while its
        feed still lists it and 90 days longer, so a feed that still lists it never brings it back
        as new.

        Example:
          syndic prune --older-than 30d
        """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Age of the entries to delete: e.g. 30d, 12w, 48h.")
    var olderThan: String

    func validate() throws {
        guard Timestamp.parseDuration(olderThan) != nil else {
            throw ValidationError("--older-than takes a number and a unit (s, m, h, d, w), e.g. 30d")
        }
    }

    func run() async throws {
        let db = try await global.openStore(.readWrite)
        let cutoff = try CommandClock.now().addingTimeInterval(-(Timestamp.parseDuration(olderThan) ?? 0))
        let result = try await db.prune(before: cutoff)
        if !global.quiet {
            Output.print("pruned \(result.entries) entries and \(result.stories) stories first seen before \(Timestamp.rfc3339(cutoff))")
        }
    }
}
