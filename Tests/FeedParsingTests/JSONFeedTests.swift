import Testing
@testable import FeedParsing

@Suite("JSON Feed 1.0 / 1.1")
struct JSONFeedTests {
    @Test("JSON Feed 1.1 items, authors, attachments, dates")
    func jsonFeed11() throws {
        let json = """
        {"version": "https://jsonfeed.org/version/1.1", "title": "My JSON", "home_page_url": "https://example.org/",
         "feed_url": "https://example.org/feed.json", "hubs": [{"type": "WebSub", "url": "https://hub.example.net/"}],
         "items": [
          {"id": 42, "url": "https://example.org/42", "title": "Answer", "content_html": "<p>Deep <b>thought</b></p>",
           "summary": "Short", "date_published": "2024-05-01T12:00:00+02:00", "date_modified": "2024-05-02T00:00:00Z",
           "authors": [{"name": "Deep Thought"}], "tags": ["hhgttg"],
           "attachments": [{"url": "https://example.org/42.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 4200}]},
          {"id": "b", "content_text": "plain body", "author": {"name": "Old Style"}}
         ]}
        """
        let feed = try parse(json)
        #expect(feed.format == .json)
        #expect(feed.version == "json11")
        #expect(feed.title == "My JSON")
        #expect(feed.siteLink == "https://example.org/")
        #expect(feed.selfLink == "https://example.org/feed.json")
        #expect(feed.hubs == ["https://hub.example.net/"])
        let first = feed.entries[0]
        #expect(first.id == "42")
        #expect(first.contentText == "Deep thought")
        #expect(first.summaryText == "Short")
        #expect(iso(first.published) == "2024-05-01T10:00:00Z")
        #expect(iso(first.updated) == "2024-05-02T00:00:00Z")
        #expect(first.author == "Deep Thought")
        #expect(first.categories == ["hhgttg"])
        #expect(first.enclosures == [FeedEnclosure(url: "https://example.org/42.mp3", type: "audio/mpeg", length: 4200)])
        #expect(feed.entries[1].contentText == "plain body")
        #expect(feed.entries[1].author == "Old Style")
    }

    @Test("JSON without a jsonfeed.org version is not a feed")
    func notJSONFeed() throws {
        let feed = try parse("{\"rss\": {\"channel\": {}}}")
        #expect(feed.format == nil)
        #expect(feed.bozo)
        #expect(try parse("{ broken").bozo)
    }
}
