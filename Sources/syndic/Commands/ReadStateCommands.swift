import ArgumentParser
import Foundation
import Storage
import SyndicCore

/// What `read`, `unread`, `star` and `unstar` share: story ids (or entry ids with `--entry`) and
/// `--user`.
struct StoryMarkOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Act as this user (default: the default user).", valueName: "name"))
    var user: String?

    @Flag(help: "The ids are entry (copy) ids, as `syndic story ID --format json` shows them; their stories are marked.")
    var entry = false

    @Argument(help: "Story ids, as `syndic stories` shows them (entry ids with --entry).")
    var ids: [Int64]

    /// Runs `mark` on the store and reports the ids that named nothing (exit 66 when any).
    func mark(_ global: GlobalOptions, verb: String,
              _ body: (any SyndicStore, User, Date) async throws -> [Int64]) async throws {
        let db = try await global.openStore(.readWrite)
        let user = try await db.user(namedOrDefault: self.user)
        let missing = try await body(db, user, try CommandClock.now())
        let done = ids.filter { !missing.contains($0) }
        if !global.quiet, !done.isEmpty {
            let noun = entry ? (done.count == 1 ? "the story of entry" : "the stories of entries") : (done.count == 1 ? "story" : "stories")
            Output.print("\(verb) \(noun) \(done.map(String.init).joined(separator: ", "))" + (user.isDefault ? "" : " for \(user.name)"))
        }
        for id in missing {
            Output.error(entry ? "no entry has id \(id), or it is not in a story yet (run `syndic poll`)"
                               : StorageError.storyNotFound(id).description)
        }
        if !missing.isEmpty { throw ExitCode(SyndicExitCode.noInput.rawValue) }
    }

    /// `read` and `unread`: marks the stories (or the stories of the entries, with `--entry`).
    func markRead(_ global: GlobalOptions, read: Bool) async throws {
        try await mark(global, verb: read ? "read" : "unread") { db, user, now in
            entry ? try await db.markEntries(userID: user.id, entryIDs: ids, read: read, now: now)
                  : try await db.markStories(userID: user.id, storyIDs: ids, read: read, now: now)
        }
    }
}

/// `syndic read STORY-ID...`
struct ReadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Mark stories read (every copy of each, and copies that arrive later).",
        discussion: """
        Read state belongs to the story: marking one copy read (--entry) marks the whole story read.
        A copy that arrives later keeps the story read, unless it is substantially longer (see
        `syndic users edit --reopen-words`).

        Examples:
          syndic read 1042 1077
          syndic read --entry 5531
          syndic read 1042 --user ann
        """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: StoryMarkOptions

    func run() async throws {
        try await options.markRead(global, read: true)
    }
}

/// `syndic unread STORY-ID...`
struct UnreadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unread",
        abstract: "Mark stories unread again.",
        discussion: """
        Examples:
          syndic unread 1042
          syndic unread --entry 5531 --user ann
        """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: StoryMarkOptions

    func run() async throws {
        try await options.markRead(global, read: false)
    }
}

/// `syndic star STORY-ID...`
struct StarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "star",
        abstract: "Star stories (`syndic stories --starred` lists them).",
        discussion: """
        Examples:
          syndic star 1042
          syndic star 1042 --user ann
        """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: StoryMarkOptions

    func validate() throws { if options.entry { throw ValidationError("star takes story ids (no --entry)") } }

    func run() async throws {
        try await options.mark(global, verb: "starred") { db, user, now in
            try await db.starStories(userID: user.id, storyIDs: options.ids, starred: true, now: now)
        }
    }
}

/// `syndic unstar STORY-ID...`
struct UnstarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unstar",
        abstract: "Remove the star of stories.",
        discussion: """
        Example:
          syndic unstar 1042
        """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: StoryMarkOptions

    func validate() throws { if options.entry { throw ValidationError("unstar takes story ids (no --entry)") } }

    func run() async throws {
        try await options.mark(global, verb: "unstarred") { db, user, now in
            try await db.starStories(userID: user.id, storyIDs: options.ids, starred: false, now: now)
        }
    }
}
