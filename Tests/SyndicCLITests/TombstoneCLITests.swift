import Foundation
import Testing
import TestSupport

/// A pruned entry that its feed still lists is never announced again: `prune` and `poll --retention`
/// leave tombstones, and a changed feed body does not bring the entries back.
@Suite("pruned entries stay pruned (end to end)")
struct TombstoneCLITests {
    static let start = Date(timeIntervalSince1970: 1_793_750_400)  // 2026-11-04T00:00:00Z

    /// A feed of three stories, published at the start; `edit` changes every item's text.
    static func feed(edit: String = "") -> SimulatedFeed {
        var feed = SimulatedFeed(title: "Pruned")
        for n in 0..<3 {
            feed.items.append(.init(guid: "story-\(n)", title: "Story \(n)\(edit)", published: start,
                                    text: SimulatedFeed.words(seed: n) + edit))
        }
        return feed
    }

    @Test("prune, change the feed's bytes, poll: 0 new entries and 0 new stories; the same with poll --retention",
          arguments: [false, true])
    func prunedEntriesStayPruned(_ byRetention: Bool) async throws {
        let cli = try CLIRunner()
        let www = cli.folder.appendingPathComponent("www")
        try FileManager.default.createDirectory(at: www, withIntermediateDirectories: true)
        try Self.feed().write(to: www, name: "feed.xml")
        let server = try TestHTTPServer(filesDirectory: www.path)
        defer { server.stop() }
        #expect(try await cli.run(["feeds", "add", server.url("/files/feed.xml")], environment: simulatedNow(Self.start)).status == 0)

        let first = try await cli.run(["poll", "--full-text", "never"], environment: simulatedNow(Self.start))
        #expect(first.stdout.contains("entries: 3 new, 0 updated") && first.stdout.contains("stories: 3 new"), "\(first.stdout)\(first.stderr)")

        let later = Self.start.addingTimeInterval(2 * 86_400)
        if byRetention {
            let pruning = try await cli.run(["poll", "--force", "--full-text", "never", "--retention", "1d"], environment: simulatedNow(later))
            #expect(pruning.stdout.contains("pruned 3 old entries"), "\(pruning.stdout)\(pruning.stderr)")
        } else {
            let pruned = try await cli.run(["prune", "--older-than", "1d"], environment: simulatedNow(later))
            #expect(pruned.stdout.hasPrefix("pruned 3 entries and 3 stories"), "\(pruned.stdout)\(pruned.stderr)")
        }

        try Self.feed(edit: " (corrected)").write(to: www, name: "feed.xml")
        let again = try await cli.run(["poll", "--force", "--full-text", "never"], environment: simulatedNow(later.addingTimeInterval(3600)))
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("entries: 0 new, 0 updated") && again.stdout.contains("stories: 0 new, 0 grown"), "\(again.stdout)")
        let stories = try await cli.run(["stories", "--format", "json"])
        #expect(stories.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]", "\(stories.stdout)")
    }
}
