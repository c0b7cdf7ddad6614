import Fetch
import Foundation
import Testing
import TestSupport

/// Feeds that date their items only with Atom `<updated>` or `dc:date` (RSS 1.0 has no other date):
/// the date is stored as the entry's published date and shown by every command and page that shows one.
@Suite("entry dates from <updated> and dc:date (end to end)")
struct EntryDateCLITests {
    static let atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Ruby notes</title><id>tag:notes</id>
        <updated>2013-02-23T18:33:07-08:00</updated>
        <entry><title>Atom entry with only an update date</title><id>tag:notes,2013:1</id>
        <link href="http://127.0.0.1:9/notes/1"/><updated>2013-01-30T10:12:03-08:00</updated>
        <content type="text">Parsers of the old days read every feed with regular expressions and lost the dates on the way.</content></entry>
        </feed>
        """
    static let rdf = """
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="http://127.0.0.1:9/bio"><title>Plant biology</title><link>http://127.0.0.1:9/bio</link>
        <description>Preprints</description></channel>
        <item rdf:about="http://127.0.0.1:9/bio/743294"><title>Root hairs in drought</title>
        <link>http://127.0.0.1:9/bio/743294</link><dc:date>2019-08-27</dc:date>
        <description>Seedlings grown without water for ten days formed longer root hairs than watered ones.</description></item>
        </rdf:RDF>
        """

    @Test("story, stories, every digest format and the web view show the feed's date")
    func datesShownEverywhere() async throws {
        let cli = try CLIRunner()
        let atom = try cli.write("notes.atom", Self.atom)
        let rdf = try cli.write("bio.rdf", Self.rdf)
        #expect(try await cli.run(["feeds", "add", atom, rdf]).status == 0)
        let poll = try await cli.run(["poll", "--full-text", "never"])
        #expect(poll.status == 0, "\(poll.stderr)")

        let stories = try await cli.run(["stories", "--format", "json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(stories.stdout.utf8)) as? [[String: Any]])
        var published: [String: String] = [:]
        var storyOf: [String: Int] = [:]
        for story in list {
            for entry in try #require(story["entries"] as? [[String: Any]]) {
                let title = try #require(entry["title"] as? String)
                published[title] = entry["published"] as? String
                storyOf[title] = story["id"] as? Int
            }
        }
        let expected = ["Atom entry with only an update date": "2013-01-30T18:12:03Z", "Root hairs in drought": "2019-08-27T00:00:00Z"]
        #expect(published == expected, "stories --format json")

        for (title, date) in expected {
            let id = String(try #require(storyOf[title]))
            let text = try await cli.run(["story", id])
            #expect(text.stdout.contains("published \(Self.short(date))"), "story \(id): \(text.stdout)")
            let json = try await cli.run(["story", id, "--format", "json"])
            #expect(json.stdout.contains("\"published\": \"\(date)\""), "story --format json: \(json.stdout)")
        }

        // The digest's sources carry the copy's date (first seen only where a feed gives none).
        let since = ["--since", "2000-01-01T00:00:00Z"]
        let digestJSON = try await cli.run(["digest", "--format", "json"] + since)
        for date in expected.values {
            #expect(digestJSON.stdout.contains("\"time\": \"\(date)\""), "digest json: \(digestJSON.stdout)")
        }
        for format in ["markdown", "text", "html", "jsonfeed"] {
            let out = try await cli.run(["digest", "--format", format] + since).stdout
            for date in expected.values {
                #expect(out.contains(Self.short(date)), "digest \(format): \(out)")
            }
        }

        let page = try await Self.servedPage(cli, path: "story/\(try #require(storyOf["Root hairs in drought"]))")
        #expect(page.contains("published <time datetime=\"2019-08-27T00:00:00Z\">"), "web view: \(page)")
    }

    /// `InternetDate.short`: `2013-01-30 18:12 UTC`.
    static func short(_ rfc3339: String) -> String {
        String(rfc3339.prefix(10)) + " " + String(rfc3339.dropFirst(11).prefix(5)) + " UTC"
    }

    /// Starts `syndic serve` on the runner's database, fetches one page, stops the server.
    static func servedPage(_ cli: CLIRunner, path: String) async throws -> String {
        let server = try await ServeProcess.start(database: cli.databasePath)
        defer { _ = server.stop() }
        let response = try await Fetcher().fetch(FetchRequest(url: server.baseURL + path)).get()
        #expect(response.status == 200)
        return String(decoding: response.body, as: UTF8.self)
    }
}
