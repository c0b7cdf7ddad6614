import Testing
@testable import FeedParsing

@Suite("Atom 1.0 / 0.3 and RSS 1.0 (RDF)")
struct AtomAndRDFParsingTests {
    @Test("Atom 1.0: text constructs, links, authors, xml:base")
    func atom10() throws {
        let xml = """
        <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.org/blog/">
          <title type="html">Blog &lt;i&gt;of&lt;/i&gt; Jane</title>
          <link href="./" />
          <link rel="self" href="atom.xml"/>
          <link rel="hub" href="https://hub.example.net/"/>
          <updated>2024-05-02T08:00:00Z</updated>
          <entry>
            <id>tag:example.org,2024:1</id>
            <title type="text">A &lt; B</title>
            <link rel="alternate" type="text/html" href="posts/1"/>
            <link rel="enclosure" type="audio/mpeg" length="42" href="https://cdn.example.org/1.mp3"/>
            <published>2024-05-01T12:00:00+02:00</published>
            <updated>2024-05-02T08:00:00Z</updated>
            <author><name>Jane Doe</name><email>jane@example.org</email></author>
            <category term="swift"/>
            <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello &amp; <b>welcome</b></p></div></summary>
            <content type="html">&lt;p&gt;Body&lt;/p&gt;</content>
          </entry>
        </feed>
        """
        let feed = try parse(xml)
        #expect(feed.format == .atom)
        #expect(feed.version == "atom10")
        #expect(feed.title == "Blog of Jane")
        #expect(feed.siteLink == "https://example.org/blog/")
        #expect(feed.selfLink == "https://example.org/blog/atom.xml")
        #expect(feed.hubs == ["https://hub.example.net/"])
        let entry = try #require(feed.entries.first)
        #expect(entry.id == "tag:example.org,2024:1")
        #expect(entry.title == "A < B")
        #expect(entry.link == "https://example.org/blog/posts/1")
        #expect(entry.enclosures == [FeedEnclosure(url: "https://cdn.example.org/1.mp3", type: "audio/mpeg", length: 42)])
        #expect(iso(entry.published) == "2024-05-01T10:00:00Z")
        #expect(entry.author == "Jane Doe")
        #expect(entry.categories == ["swift"])
        #expect(entry.summaryText == "Hello & welcome")
        #expect(entry.summaryHTML?.contains("<b>welcome</b>") == true)
        #expect(entry.contentText == "Body")
    }

    @Test("Atom: an entry without an alternate link falls back to its id, like feedparser")
    func atomIdAsLink() throws {
        let xml = """
        <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>https://example.org/p/9</id><title>t</title></entry></feed>
        """
        #expect(try parse(xml).entries[0].link == "https://example.org/p/9")
    }

    @Test("Atom 0.3: issued/modified, escaped and base64 modes")
    func atom03() throws {
        let xml = """
        <feed version="0.3" xmlns="http://purl.org/atom/ns#">
          <title>Old Atom</title>
          <entry>
            <title mode="base64" type="text/plain">SGVsbG8gd29ybGQ=</title>
            <issued>2004-01-01T00:00:00Z</issued>
            <modified>2004-01-02T00:00:00Z</modified>
            <content type="text/html" mode="escaped">&lt;p&gt;Hi&lt;/p&gt;</content>
          </entry>
        </feed>
        """
        let feed = try parse(xml)
        #expect(feed.version == "atom03")
        #expect(feed.entries[0].title == "Hello world")
        #expect(iso(feed.entries[0].published) == "2004-01-01T00:00:00Z")
        #expect(iso(feed.entries[0].updated) == "2004-01-02T00:00:00Z")
        #expect(feed.entries[0].contentText == "Hi")
    }

    @Test("RSS 1.0 with Dublin Core: rdf:about is the id, dc:date the update date")
    func rss10() throws {
        let xml = """
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel rdf:about="https://example.org/"><title>RDF site</title><link>https://example.org/</link></channel>
          <item rdf:about="https://example.org/a">
            <title>First</title><link>https://example.org/a</link>
            <dc:creator>Ann</dc:creator><dc:date>2024-05-01T12:00:00+00:00</dc:date><dc:subject>news</dc:subject>
          </item>
        </rdf:RDF>
        """
        let feed = try parse(xml)
        #expect(feed.format == .rdf)
        #expect(feed.version == "rss10")
        #expect(feed.title == "RDF site")
        let entry = try #require(feed.entries.first)
        #expect(entry.id == "https://example.org/a")
        #expect(entry.author == "Ann")
        #expect(iso(entry.updated) == "2024-05-01T12:00:00Z")
        #expect(entry.published == nil)
        #expect(entry.categories == ["news"])
    }
}
