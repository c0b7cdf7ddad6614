import ArgumentParser
import Digest
import Foundation
import Storage
import SyndicCore

/// `syndic digest`: each story once, with a lead and every source, in the format asked for.
struct DigestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Write a digest: each story once, with a lead and every source.",
        discussion: """
        Formats: markdown, html (one self-contained page), json, atom, rss, jsonfeed, text.
        The same database state always gives the same bytes. --since and --until select stories by
        when they were published (their earliest copy's date; first seen where a feed gives none).
        Feed item ids never change for a story and carry this database's instance id (see `syndic
        instance`), and a story's `updated` moves when it gains sources, so a reader subscribed to
        the digest shows each story once.

        Examples:
          syndic digest --since 24h --format markdown
          syndic digest --since 7d --min-sources 2 --format html --output ~/digest.html
          syndic digest --tag world --format atom --output /var/www/world.atom
          syndic digest --format atom --self-url https://news.example/digest.atom --output /var/www/digest.atom
        """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Stories published since: a duration (24h, 7d), an RFC 3339 time, or 'all'.", valueName: "time"))
    var since = "24h"

    @Option(help: ArgumentHelp("Stories published at or before this RFC 3339 time (or duration before now).", valueName: "time"))
    var until: String?

    @Option(name: .customLong("min-sources"), help: "Only stories carried by at least this many sites.")
    var minSources = 1

    @Option(help: ArgumentHelp("At most this many stories (default \(DigestDocument.defaultStoryLimit), most sources first).", valueName: "n"))
    var limit = DigestDocument.defaultStoryLimit

    @Option(help: ArgumentHelp("Only stories with a copy from a feed tagged so (see `syndic feeds edit --tag`).", valueName: "tag"))
    var tag: String?

    @Option(help: "markdown, html, json, atom, rss, jsonfeed or text.")
    var format: DigestFormat = .markdown

    @Option(help: ArgumentHelp("Write to this file (atomically: a temporary file renamed into place) instead of stdout.", valueName: "file"))
    var output: String?

    @Option(help: "The digest's title.")
    var title = "Syndic digest"

    @Option(name: .customLong("self-url"), help: ArgumentHelp("Where the digest will be published (feeds link to themselves).", valueName: "url"))
    var selfURL: String?

    func validate() throws {
        guard minSources >= 1 else { throw ValidationError("--min-sources must be 1 or more") }
        guard limit >= 1 else { throw ValidationError("--limit must be 1 or more") }
        if let selfURL, SafeURL.check(selfURL) == nil {
            throw ValidationError("--self-url must be an absolute http or https URL")
        }
    }

    func run() async throws {
        let now = try CommandClock.now()
        var query = StoryQuery(since: try TimeArgument.parse(since, now: now),
                               until: try until.flatMap { try TimeArgument.parse($0, now: now) },
                               minSources: minSources, limit: limit)
        let db = try await global.openStore(.readOnly)
        query.feedIDs = try await TagFilter.feedIDs(tag, in: db)
        let stories = try await Timed.run("digest query", count: \.count) { try await db.storyDetails(query) }
        let document = DigestDocument(title: title, selfURL: selfURL, identity: DigestIdentity(try await db.instance()), stories: stories)
        let rendered = format.render(document)
        if let output {
            try AtomicFile.write(rendered, to: output)
            if !global.quiet {
                Output.error("wrote \(document.items.count) \(document.items.count == 1 ? "story" : "stories") to \(output)")
            }
        } else {
            FileHandle.standardOutput.write(Data(rendered.utf8))
        }
    }
}

extension DigestFormat: ExpressibleByArgument {}

/// Writes a file so that readers see the old content or the new, never half of it.
enum AtomicFile {
    static func write(_ text: String, to path: String) throws {
        let target = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try Data(text.utf8).write(to: temporary)
        } catch {
            throw DigestError.cannotWrite(path: target.path, reason: (error as NSError).localizedDescription)
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw DigestError.cannotWrite(path: target.path, reason: reason)
        }
    }
}
