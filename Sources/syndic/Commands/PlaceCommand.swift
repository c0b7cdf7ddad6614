import ArgumentParser
import Foundation
import Pipeline
import Storage
import SyndicCore

/// `syndic place [--follow]`
struct PlaceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "place",
        abstract: "Place entries that wait for a story (shared PostgreSQL polls); --follow keeps doing it.",
        discussion: """
        On PostgreSQL, several `syndic poll` may run at once, and one process at a time places entries in
        stories (the placer lock). A poll that cannot take the lock stores its entries signed, announces
        them and places what is left if it finds the lock free at its end. `syndic place --follow` is that placer as a long-lived process: it waits for
        polls to announce new entries (PostgreSQL LISTEN/NOTIFY, or every --every seconds at the latest),
        takes the lock, places everything waiting and gives the lock back, until it is stopped. Without
        --follow it places once and exits. On SQLite, polls place their own entries; `place` only places
        entries a damaged or interrupted database left in no story.

        Examples:
          syndic place --db postgres://syndic@db.internal/news
          syndic place --follow --db postgres://syndic@db.internal/news   # e.g. as a systemd service
        """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Keep running: place new entries as polls announce them (PostgreSQL only).")
    var follow = false

    @Option(help: "With --follow, look for waiting entries at least this often, in seconds.")
    var every: Double = 30

    @Option(help: "How far back new entries are compared with earlier ones, e.g. 7d, 48h.")
    var window: String = "7d"

    func validate() throws {
        guard Timestamp.parseDuration(window) != nil else { throw ValidationError("--window takes a duration such as 7d or 48h") }
        guard every >= 0.1, every <= 86_400 else { throw ValidationError("--every takes seconds from 0.1 to 86400") }
    }

    func run() async throws {
        let db = try await global.openStore(.readWrite)
        var options = PollOptions()
        options.window = Timestamp.parseDuration(window) ?? options.window
        options.wholeWindowLimit = try PollSetting.windowSeedLimit(default: options.wholeWindowLimit)
        guard let shared = db as? any SharedPollStore else {
            if follow { throw ValidationError("--follow needs a shared database (--db postgres://…); on SQLite, polls place their own entries") }
            let lock = try await db.acquirePollLock(wait: true)
            let round = try await Placement.placeWaiting(db: db, options: options, now: try CommandClock.now())
            await lock.release()
            if !global.quiet { Output.print(round.line) }
            return
        }
        guard follow else {
            guard let lock = try await shared.acquirePlacerLock(wait: false) else {
                // A follower or a poll is placing: what waits is theirs to place.
                if !global.quiet { Output.print("another process is placing entries; nothing to do") }
                return
            }
            let round = try await Placement.placeWaiting(db: db, options: options, now: try CommandClock.now())
            await lock.release()
            if !global.quiet { Output.print(round.line) }
            return
        }
        // Listening starts before the first round, so an announcement made while a round runs is kept.
        // The lock is held for as long as this runs: polls see it taken, store their entries unplaced,
        // announce them and leave (a second `place --follow` waits here, as a standby).
        let wake = try await shared.listenForUnplaced()
        defer { wake.close() }
        let lock = try await shared.acquirePlacerLock(wait: true)
        if !global.quiet { Output.print("placing entries as polls store them (Ctrl-C to stop)") }
        while !Task.isCancelled {
            let round = try await Placement.placeWaiting(db: db, options: options, now: try CommandClock.now())
            if round.placed > 0, !global.quiet { Output.print(Timestamp.rfc3339(Date()) + " " + round.line) }
            _ = await wake.wait(seconds: every)
        }
        await lock?.release()
    }
}
