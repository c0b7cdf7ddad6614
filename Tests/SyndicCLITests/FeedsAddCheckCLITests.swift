import Foundation
import Testing
import TestSupport

/// `feeds add` checks what it adds (issues 14 and 15): links a remote page advertises go through the one
/// link rule (http(s) only), the candidates are tried in order, a feed is recognised by parsing it, and a
/// URL that cannot be fetched is refused with its exit status instead of being "added anyway".
@Suite("syndic feeds add: what is checked (end to end)")
struct FeedsAddCheckCLITests {
    /// A served folder with a secret local feed outside it, and the pages under test.
    struct Site {
        let cli: CLIRunner
        let server: TestHTTPServer
        let secretPath: String

        init() throws {
            cli = try CLIRunner()
            let www = cli.folder.appendingPathComponent("www")
            try FileManager.default.createDirectory(at: www, withIntermediateDirectories: true)
            secretPath = try cli.write("localsecret.xml", """
                <?xml version="1.0"?><rss version="2.0"><channel><title>LOCAL-SECRET</title>
                <item><title>LOCAL-SECRET item</title><guid>s</guid></item></channel></rss>
                """)
            let files: [String: String] = [
                "feed.xml": """
                    <?xml version="1.0"?><rss version="2.0"><channel><title>Good Feed</title>
                    <item><title>x</title><guid>1</guid></item></channel></rss>
                    """,
                "direct.html": """
                    <html><head><link rel="alternate" type="application/rss+xml" href="file://\(secretPath)"></head></html>
                    """,
                "based.html": """
                    <html><head><base href="file:///"><link rel="alternate" type="application/rss+xml" href="\(secretPath.dropFirst())"></head></html>
                    """,
                "second.html": """
                    <html><head><link rel="alternate" type="application/rss+xml" title="Bad" href="javascript:alert(1)">
                    <link rel="alternate" type="application/rss+xml" title="Bad too" href="file://\(secretPath)">
                    <link rel="alternate" type="application/atom+xml" href="/status/404">
                    <link rel="alternate" type="application/rss+xml" href="feed.xml"></head></html>
                    """,
                "escaped.json": #"{"version":"https:\/\/jsonfeed.org\/version\/1","title":"Escaped JSON","items":[{"id":"1","content_text":"hi"}]}"#,
            ]
            for (name, text) in files { try text.write(to: www.appendingPathComponent(name), atomically: true, encoding: .utf8) }
            server = try TestHTTPServer(filesDirectory: www.path)
        }

        func feeds() async throws -> [[String: Any]] {
            let list = try await cli.run(["feeds", "list", "--format", "json"])
            return try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        }
    }

    @Test("a page advertising file:///…secret.xml, directly or through <base href=\"file:///\">, subscribes to nothing")
    func localFileFromRemotePage() async throws {
        let site = try Site()
        defer { site.server.stop() }
        for page in ["/files/direct.html", "/files/based.html"] {
            let add = try await site.cli.run(["feeds", "add", site.server.url(page)])
            #expect(add.status == 65, "\(page): \(add.stdout)\(add.stderr)")
            #expect(add.stderr.contains("file://\(site.secretPath) (a remote page may not point Syndic at a local file)"), "\(add.stderr)")
            #expect(!add.stdout.contains("added"), "\(add.stdout)")
            #expect(!(add.stdout + add.stderr).contains("LOCAL-SECRET"))
        }
        await #expect(try site.feeds().isEmpty)
        // The user's own command line may still name a local file.
        let own = try await site.cli.run(["feeds", "add", site.secretPath])
        #expect(own.status == 0 && own.stdout.contains("added feed"), "\(own.stderr)")
    }

    @Test("candidates are tried in order: a javascript: and a file: link, then a 404, do not hide the valid fourth")
    func laterCandidate() async throws {
        let site = try Site()
        defer { site.server.stop() }
        let add = try await site.cli.run(["feeds", "add", site.server.url("/files/second.html")])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout == "added feed 1: \(site.server.url("/files/feed.xml")) (found on \(site.server.url("/files/second.html")))\n")
        #expect(add.stderr.contains("skipped javascript:alert(1): a javascript: link is never followed"), "\(add.stderr)")
        #expect(add.stderr.contains("skipped file://\(site.secretPath): a remote page may not point Syndic at a local file"))
        #expect(add.stderr.contains("skipped \(site.server.url("/status/404")): HTTP 404"), "\(add.stderr)")
        await #expect(try site.feeds().count == 1)
    }

    @Test("a JSON Feed whose version is written with escaped slashes is added with its title")
    func escapedJSONFeed() async throws {
        let site = try Site()
        defer { site.server.stop() }
        let add = try await site.cli.run(["feeds", "add", site.server.url("/files/escaped.json")])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout == "added feed 1: \(site.server.url("/files/escaped.json"))\n")
        await #expect(try site.feeds().first?["title"] as? String == "Escaped JSON")
    }

    @Test("a missing file exits 66, an unreachable host 75, nothing added; --no-check adds without fetching")
    func unreachable() async throws {
        let cli = try CLIRunner()
        let missing = try await cli.run(["feeds", "add", "/nonexistent/file.xml"])
        #expect(missing.status == 66, "\(missing.stderr)")
        #expect(missing.stderr.contains("does not exist") && missing.stderr.contains("Nothing was added"), "\(missing.stderr)")
        // Test mode: the name is refused before the system resolver is asked (a DNS failure in real use).
        let unresolvable = try await cli.run(["feeds", "add", "http://nonexistent.invalid/feed"], environment: ["SYNDIC_RESOLVE_ONLY": "1"])
        #expect(unresolvable.status == 75, "\(unresolvable.stderr)")
        #expect(unresolvable.stderr.contains("nonexistent.invalid is not mapped"), "\(unresolvable.stderr)")
        let closed = try await cli.run(["feeds", "add", "http://127.0.0.1:9/feed.xml"])
        #expect(closed.status == 75, "\(closed.stderr)")
        #expect(closed.stderr.contains("refused the connection") && !closed.stderr.contains("added anyway"))
        let list = try await cli.run(["feeds", "list", "--format", "json"])
        #expect(list.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        let unchecked = try await cli.run(["feeds", "add", "--no-check", "/nonexistent/file.xml", "http://nonexistent.invalid/feed"])
        #expect(unchecked.status == 0)
        #expect(unchecked.stdout == "added feed 1: file:///nonexistent/file.xml\nadded feed 2: http://nonexistent.invalid/feed\n")
    }
}
