import ArgumentParser
import Foundation
import Pipeline
import Storage
import SyndicCore

/// `syndic poll`
struct PollCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poll",
        abstract: "Fetch due feeds, extract new articles and fold copies into stories.",
        discussion: """
        Made for cron: only feeds whose time has come are fetched (conditional GET, adaptive intervals,
        backoff after failures); a second poll on the same database exits at once with status 75
        (or waits, with --wait); under --quiet it exits 0 silently instead, as the running poll
        does the work, so cron mails nothing. Feeds that fail are recorded (see `syndic feeds list`) and the poll
        goes on; the exit status is 0 whenever the poll itself ran.

        On PostgreSQL, polls share the work instead: any number of `syndic poll` on any machines may run at
        once; each leases batches of due feeds (a host's feeds to one poller at a time, so the per-host limit
        holds for the whole installation), and each feed is fetched once per period. A poller killed
        mid-run holds its feeds until its leases expire (SYNDIC_LEASE_SECONDS, default 120). One process at
        a time places entries in stories: a poll places its own unless another is placing, then places
        what is left at its end; `syndic place --follow` can do it for all of them.

        Examples:
          syndic poll
          syndic poll --force --feed 3 --feed https://example.org/feed.xml
          syndic poll --quiet          # for cron: silent unless something is wrong
          syndic poll --retention 90d  # and keep the database to the last 90 days
        """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Fetch every active feed now, ignoring the schedule.")
    var force = false

    @Option(name: .customLong("feed"), help: "Poll only this feed (id or URL; repeatable). Implies --force for it.")
    var feeds: [String] = []

    @Option(help: "Fetch article pages: auto (when the feed text is under about 150 words), always, never.")
    var fullText: FullTextModeArgument = .auto

    @Flag(help: "Wait for a running poll to finish instead of exiting (75, or 0 under --quiet).")
    var wait = false

    @OptionGroup var network: NetworkOptions

    @Option(help: "How far back new entries are compared with earlier ones, e.g. 7d, 48h.")
    var window: String = "7d"

    @Option(help: "After the poll, delete entries first seen longer ago than this (e.g. 90d), as `syndic prune` does.")
    var retention: String?

    func validate() throws {
        guard Timestamp.parseDuration(window) != nil else { throw ValidationError("--window takes a duration such as 7d or 48h") }
        if let retention, Timestamp.parseDuration(retention) == nil {
            throw ValidationError("--retention takes a duration such as 90d or 12w")
        }
    }

    func run() async throws {
        let now = try CommandClock.now()
        let db = try await global.openStore(.readWrite)
        var lock: (any PollLock)?
        do {
            // A shared database (PostgreSQL) leases feeds to each poll instead of locking the whole poll.
            if !(db is any SharedPollStore) { lock = try await db.acquirePollLock(wait: wait) }
        } catch StorageError.pollRunning(let holder) where global.quiet {
            // Under --quiet (cron, timers), an overlapping run is normal: the running poll does the
            // work, so this one ends silently with status 0 instead of a mail from cron. --verbose says so.
            if global.verbose { Output.error("another poll is running (\(holder)); nothing to do") }
            return
        }
        var options = PollOptions()
        options.force = force
        options.fullText = fullText.mode
        options.window = Timestamp.parseDuration(window) ?? options.window
        options.leaseSeconds = try PollSetting.seconds(default: options.leaseSeconds)
        options.leaseBatch = try PollSetting.batch(default: options.leaseBatch)
        options.wholeWindowLimit = try PollSetting.windowSeedLimit(default: options.wholeWindowLimit)
        options.fetchPolicy = try network.fetchPolicy(options.fetchPolicy)
        for key in feeds {
            guard let feed = try await db.feed(matching: key) else { throw StorageError.feedNotFound(key) }
            options.feedIDs.append(feed.id)
        }
        let bar = (Output.stderrIsTerminal && !global.quiet) ? ProgressBar() : nil
        var report: (@Sendable (PollProgress) -> Void)?
        if let bar { report = { bar.update($0) } }
        let poller = Poller(db: db, options: options, progress: report)
        let summary = try await poller.run(now: now)
        bar?.finish()
        var pruned: PruneResult?
        if let retention, let age = Timestamp.parseDuration(retention) {
            pruned = try await db.prune(before: now.addingTimeInterval(-age))
        }
        await lock?.release()
        if !global.quiet {
            Output.print(summary.line + (pruned.map { "; pruned \($0.entries) old entries" } ?? ""))
            // Each failed feed is reported here, once (the poller only traces it under --verbose).
            for failure in summary.failures.prefix(20) {
                StderrConsole.shared.line("  feed \(failure.feedID) \(failure.url): \(failure.message)")
            }
            if summary.failures.count > 20 {
                StderrConsole.shared.line("  … and \(summary.failures.count - 20) more; see `syndic feeds list`")
            }
        }
    }
}

/// `--full-text auto|always|never`
enum FullTextModeArgument: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
    var mode: FullTextMode {
        switch self {
        case .auto: return .auto
        case .always: return .always
        case .never: return .never
        }
    }
}
