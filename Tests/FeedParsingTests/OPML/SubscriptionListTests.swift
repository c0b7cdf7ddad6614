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
            SubscriptionItem(url: "https://a.org/rss?x=1&y=<2>", title: "A \"quoted\" & <b>", tags: ["one", "two words"], siteURL: "https://a.org/"),
            SubscriptionItem(url: "file:///srv/feed.xml", title: nil, tags: []),
        ])
    }

    @Test("export: one folder per first tag, further tags as category, untagged feeds in <body>")
    func folders() throws {
        let feeds = [
            OPMLWriter.Feed(url: "https://a.org/rss", title: "A", siteURL: nil, tags: ["world", "big news"]),
            OPMLWriter.Feed(url: "https://b.org/rss", title: nil, siteURL: "https://b.org/", tags: []),
            OPMLWriter.Feed(url: "https://c.org/rss", title: "C & D", siteURL: nil, tags: ["tech"]),
            OPMLWriter.Feed(url: "https://d.org/rss", title: "D", siteURL: nil, tags: ["world"]),
        ]
        let xml = OPMLWriter.write(feeds, dateCreated: "2026-01-01T00:00:00Z")
        let body = try #require(xml.components(separatedBy: "<body>\n").last)
        #expect(body == """
                <outline text="world" title="world">
                  <outline type="rss" text="A" title="A" xmlUrl="https://a.org/rss" category="big news"/>
                  <outline type="rss" text="D" title="D" xmlUrl="https://d.org/rss"/>
                </outline>
                <outline type="rss" text="https://b.org/rss" xmlUrl="https://b.org/rss" htmlUrl="https://b.org/"/>
                <outline text="tech" title="tech">
                  <outline type="rss" text="C &amp; D" title="C &amp; D" xmlUrl="https://c.org/rss"/>
                </outline>
              </body>
            </opml>

            """)
        let back = try SubscriptionListReader.read(Array(xml.utf8)).items
        #expect(back.map(\.url) == ["https://a.org/rss", "https://d.org/rss", "https://b.org/rss", "https://c.org/rss"])
        #expect(back.map(\.tags) == [["world", "big news"], ["world"], [], ["tech"]])
        #expect(back[2].siteURL == "https://b.org/")
    }

    @Test("a raw & in an attribute is read as Miniflux reads it (the text after it is kept)")
    func rawAmpersand() throws {
        let opml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0"><head><title>Feeds</title></head><body>
              <outline text="News &amp; Politics">
                <outline title="AT&T Blog" text="AT&T Blog" xmlUrl="https://example.org/a&b" htmlUrl="https://example.org/?a=1&b=2" type="rss"/>
                <outline title="Caf&eacute;" xmlUrl="https://example.org/feed?x=1&amp;y=2&copy=3" type="rss"/>
              </outline>
            </body></opml>
            """
        let items = try SubscriptionListReader.read(Array(opml.utf8)).items
        #expect(items == [
            SubscriptionItem(url: "https://example.org/a&b", title: "AT&T Blog", tags: ["News & Politics"], siteURL: "https://example.org/?a=1&b=2"),
            SubscriptionItem(url: "https://example.org/feed?x=1&y=2&copy=3", title: "Café", tags: ["News & Politics"]),
        ])
    }

    @Test("a truncated or otherwise malformed OPML file is refused whole, with the line", arguments: [0.3, 0.6, 0.9, 0.99])
    func truncated(fraction: Double) throws {
        let feeds = (0..<20).map { OPMLWriter.Feed(url: "https://f\($0).example/rss", title: "Feed \($0)", siteURL: nil, tags: ["t\($0 % 3)"]) }
        let xml = Array(OPMLWriter.write(feeds, dateCreated: "2026-01-01T00:00:00Z").utf8)
        let cut = Array(xml.prefix(Int(Double(xml.count) * fraction)))
        #expect(throws: SubscriptionListError.self) { try SubscriptionListReader.read(cut) }
        do {
            _ = try SubscriptionListReader.read(cut)
        } catch let error {
            guard case .malformed(let line, let reason) = error else { Issue.record("\(error)"); return }
            #expect(line > 0 && !reason.isEmpty)
            #expect(error.description.contains("nothing was imported"))
        }
        #expect(try SubscriptionListReader.read(xml).items.count == 20)
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
