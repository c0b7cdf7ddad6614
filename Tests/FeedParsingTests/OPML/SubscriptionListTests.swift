import Foundation
import Testing
@testable import FeedParsing

@Suite("Subscription lists (OPML and URL lists)")
struct SubscriptionListTests {
    @Test("nested OPML outlines: folders and categories become tags")
    func nestedOPML() throws {
        let opml = """
        <?xml version="1.0"?>
        <opml version="1.0"><head><title>x</title></head><body>
          <outline text="News">
            <outline text="World">
              <outline text="Example" title="Example &amp; Co" type="rss" xmlUrl="https://example.org/feed?a=1&amp;b=2" category="/wire/ap,politics"/>
            </outline>
            <outline type="rss" text="Plain" xmlUrl="http://plain.example/rss"/>
          </outline>
          <outline type="rss" text="Empty" xmlUrl="  "/>
        </body></opml>
        """
        let list = try SubscriptionListReader.read(Array(opml.utf8))
        #expect(list.items == [
            SubscriptionItem(url: "https://example.org/feed?a=1&b=2", title: "Example & Co", tags: ["News", "World", "wire", "ap", "politics"]),
            SubscriptionItem(url: "http://plain.example/rss", title: "Plain", tags: ["News"]),
        ])
        #expect(list.problems.count == 1)
    }

    @Test("URL lists: comments, tags, quoted tags and newsboat titles")
    func urlList() throws {
        let text = "# my feeds\n\nhttps://a.org/rss tech \"long tag\" ~Alpha\n  not a url\nhttps://b.org/atom\r\n"
        let list = try SubscriptionListReader.read(Array(text.utf8))
        #expect(list.items == [
            SubscriptionItem(url: "https://a.org/rss", title: "Alpha", tags: ["tech", "long tag"]),
            SubscriptionItem(url: "https://b.org/atom", title: nil, tags: []),
        ])
        #expect(list.problems == [SubscriptionProblem(location: 4, text: "not a url", reason: "does not start with a URL")])
    }

    @Test("written OPML reads back with every URL, title and tag")
    func roundTrip() throws {
        let feeds = [
            OPMLWriter.Feed(url: "https://a.org/rss?x=1&y=<2>", title: "A \"quoted\" & <b>", siteURL: "https://a.org/", tags: ["one", "two words"]),
            OPMLWriter.Feed(url: "file:///srv/feed.xml", title: nil, siteURL: nil, tags: []),
        ]
        let xml = OPMLWriter.write(feeds, dateCreated: "2026-01-01T00:00:00Z")
        let list = try SubscriptionListReader.read(Array(xml.utf8))
        #expect(list.items == [
            SubscriptionItem(url: "https://a.org/rss?x=1&y=<2>", title: "A \"quoted\" & <b>", tags: ["one", "two words"]),
            SubscriptionItem(url: "file:///srv/feed.xml", title: nil, tags: []),
        ])
    }

    @Test("entity declarations are refused: billion laughs and external entities")
    func hostileOPML() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("syndic-secret-\(UUID().uuidString).txt")
        try "TOP-SECRET".write(to: secret, atomically: true, encoding: .utf8)
        let xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE opml [ <!ENTITY xxe SYSTEM "\(secret.absoluteString)"> ]>
        <opml version="2.0"><body><outline text="&xxe;" xmlUrl="https://a.org/&xxe;"/></body></opml>
        """
        var laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE opml [\n<!ENTITY lol \"lol\">\n"
        for i in 1...9 { laughs += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10) + "\">\n" }
        laughs += "]>\n<opml version=\"2.0\"><body><outline text=\"&lol9;\" xmlUrl=\"https://a.org/\"/></body></opml>"
        for document in [xxe, laughs] {
            #expect(throws: SubscriptionListError.entityDeclarations) { try SubscriptionListReader.read(Array(document.utf8)) }
        }
    }

    @Test("a document that is not OPML says so")
    func notOPML() {
        #expect(throws: SubscriptionListError.self) { try SubscriptionListReader.read(Array("<rss><channel/></rss>".utf8)) }
    }
}
