import Foundation
import Testing
import TestSupport

/// `parse`, `extract` and `explain` on documents named by http URL (fetched over loopback) and by path.
@Suite("syndic parse / extract / explain (end to end)")
struct InspectCLITests {
    static let story = (1...6).map { "Paragraph \($0) of the harbour story: the dockworkers of Halvard walked out at dawn on day \($0), and the port authority said cranes stood idle along the northern quay while talks resumed." }

    @Test("parse and extract read http URLs through the fetcher; a 404 is a clear error")
    func overHTTP() async throws {
        let cli = try CLIRunner()
        let www = cli.folder.appendingPathComponent("www")
        try FileManager.default.createDirectory(at: www, withIntermediateDirectories: true)
        try """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Harbour</title><link>http://h.example/</link>
            <item><title>Strike</title><link>story.html</link><guid>1</guid></item></channel></rss>
            """.write(to: www.appendingPathComponent("feed.xml"), atomically: true, encoding: .utf8)
        try ("<html><head><title>Strike | Harbour</title></head><body><nav>Home News Sport</nav><article><h1>Strike</h1>"
             + Self.story.map { "<p>\($0)</p>" }.joined()
             + "</article><div class=\"share\">0 51</div><div id=\"comments\"><h3>Leave a Reply</h3><p>Your email address will not be published. Required fields are marked *</p></div></body></html>")
            .write(to: www.appendingPathComponent("story.html"), atomically: true, encoding: .utf8)
        let server = try TestHTTPServer(filesDirectory: www.path)
        defer { server.stop() }

        let parsed = try await cli.run(["parse", "--format", "json", server.url("/files/feed.xml")])
        #expect(parsed.status == 0)
        let feed = try #require(try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [String: Any])
        let entries = try #require(feed["entries"] as? [[String: Any]])
        #expect(entries.first?["link"] as? String == server.url("/files/story.html"), "relative links resolve against the fetched URL")

        let extracted = try await cli.run(["extract", "--format", "json", server.url("/files/story.html")])
        #expect(extracted.status == 0)
        let article = try #require(try JSONSerialization.jsonObject(with: Data(extracted.stdout.utf8)) as? [String: Any])
        let text = try #require(article["text"] as? String)
        #expect(text.contains(Self.story[5]))
        #expect(!text.contains("Leave a Reply") && !text.contains("0 51"))
        #expect(article["url"] as? String == server.url("/files/story.html"))

        let missing = try await cli.run(["extract", server.url("/status/404")])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("HTTP 404"))
    }
}
