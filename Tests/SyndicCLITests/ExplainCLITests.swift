import Foundation
import Testing
import TestSupport

/// `syndic explain A B` on entry ids: an id that names no entry is "not found" (66, as `story`), not a
/// usage error.
@Suite("syndic explain on entry ids (end to end)")
struct ExplainCLITests {
    @Test("an unknown entry id exits 66 with its message; a missing argument is still a usage error (64)")
    func unknownEntry() async throws {
        let cli = try CLIRunner()
        let words = (0..<80).map { "word\($0 * 7 % 61)" }.joined(separator: " ")
        let feed = try cli.write("feed.xml", """
            <rss version="2.0"><channel><title>T</title>
            <item><guid>a</guid><title>One</title><description>\(words)</description></item>
            <item><guid>b</guid><title>Two</title><description>\(words) and a little more</description></item>
            </channel></rss>
            """)
        #expect(try await cli.run(["feeds", "add", feed]).status == 0)
        #expect(try await cli.run(["poll", "--full-text", "never"]).status == 0)
        #expect(try await cli.run(["explain", "1", "2"]).status == 0)

        let unknown = try await cli.run(["explain", "1", "999999"])
        #expect(unknown.status == 66)
        #expect(unknown.stderr == "syndic: no entry has id 999999; `syndic story ID --format json` lists a story's entries with their ids\n")
        #expect(!unknown.stderr.contains("USAGE") && !unknown.stderr.contains("Usage"))
        #expect(unknown.stdout.isEmpty)

        #expect(try await cli.run(["explain", "1"]).status == 64)
    }
}
