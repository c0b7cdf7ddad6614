import Testing
@testable import FeedParsing

@Suite("Autodiscovery and sniffing")
struct DiscoveryTests {
    @Test("alternate feed links of every format, resolved against the page and <base>")
    func feedLinks() {
        let html = """
        <!DOCTYPE html><html><head><title>Blog</title>
        <link rel="stylesheet" href="/style.css">
        <link rel="alternate" type="application/rss+xml" title="Posts" href="/feed.xml">
        <link rel="alternate" type="application/atom+xml" href="atom.xml">
        <link rel="alternate" type="application/feed+json" href="https://cdn.example.net/feed.json">
        <link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
        <link rel="alternate" type="application/rss+xml" href="/feed.xml">
        <LINK REL="Alternate" TYPE="application/rss+xml" HREF="comments.xml" title="Comments">
        </head><body><p>unclosed <b>markup</body></html>
        """
        let feeds = FeedDiscovery.feedLinks(html: html, baseURL: "https://example.org/blog/post.html")
        #expect(feeds.map(\.url) == ["https://example.org/feed.xml", "https://example.org/blog/atom.xml",
                                     "https://cdn.example.net/feed.json", "https://example.org/blog/comments.xml"])
        #expect(feeds.map(\.format) == [.rss, .atom, .json, .rss])
        #expect(feeds.first?.title == "Posts")
    }

    @Test("<base href> changes the resolution base")
    func baseElement() {
        let html = "<html><head><base href=\"https://static.example.org/x/\"><link rel=alternate type=application/atom+xml href=feed></head></html>"
        #expect(FeedDiscovery.feedLinks(html: html, baseURL: "https://example.org/").map(\.url) == ["https://static.example.org/x/feed"])
    }

    @Test("a page without feed links gives nothing")
    func none() {
        #expect(FeedDiscovery.feedLinks(html: "<html><body>nothing</body></html>", baseURL: "https://e.org/").isEmpty)
        #expect(FeedDiscovery.feedLinks(html: "", baseURL: nil).isEmpty)
    }

    @Test("looksLikeFeed tells feeds from pages")
    func sniff() {
        #expect(FeedSniffer.looksLikeFeed(Array("\u{FEFF}<?xml version=\"1.0\"?>\n<rss version=\"2.0\">".utf8)))
        #expect(FeedSniffer.looksLikeFeed(Array("<feed xmlns=\"http://www.w3.org/2005/Atom\">".utf8)))
        #expect(FeedSniffer.looksLikeFeed(Array("<rdf:RDF xmlns=\"http://purl.org/rss/1.0/\">".utf8)))
        #expect(FeedSniffer.looksLikeFeed(Array("  {\"version\": \"https://jsonfeed.org/version/1\"}".utf8)))
        #expect(!FeedSniffer.looksLikeFeed(Array("<!DOCTYPE html><html><head><link rel=alternate>".utf8)))
        #expect(!FeedSniffer.looksLikeFeed(Array("{\"name\": 1}".utf8)))
        #expect(!FeedSniffer.looksLikeFeed([UInt8]()))
    }

    @Test("a JSON Feed with escaped slashes in its version is a feed (sniffed by parsing, issue 14)")
    func escapedSlashesJSONFeed() {
        let body = Array(#"{"version":"https:\/\/jsonfeed.org\/version\/1","title":"Escaped","items":[{"id":"1","content_text":"x"}]}"#.utf8)
        #expect(FeedSniffer.looksLikeFeed(body))
        #expect(FeedSniffer.parsedFeed(body)?.title == "Escaped")
    }

    @Test("candidates come registered feed types first, then RDF, then plain JSON; every scheme is kept for the caller to judge")
    func candidateOrder() {
        let html = """
        <html><head>
        <link rel=alternate type=application/json href=/api.json>
        <link rel=alternate type=application/rdf+xml href=/index.rdf>
        <link rel=alternate type=application/rss+xml href="javascript:alert(1)">
        <link rel=alternate type=application/atom+xml href=/atom.xml>
        </head></html>
        """
        let feeds = FeedDiscovery.feedLinks(html: html, baseURL: "https://example.org/")
        #expect(feeds.map(\.url) == ["javascript:alert(1)", "https://example.org/atom.xml",
                                     "https://example.org/index.rdf", "https://example.org/api.json"])
    }

    @Test("a <base href> of file:/// makes the links file URLs, which the caller refuses")
    func fileBase() {
        let html = "<html><head><base href=\"file:///\"><link rel=alternate type=application/rss+xml href=tmp/secret.xml></head></html>"
        #expect(FeedDiscovery.feedLinks(html: html, baseURL: "http://127.0.0.1:1/page").map(\.url) == ["file:///tmp/secret.xml"])
    }
}
