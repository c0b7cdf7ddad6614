import Testing
@testable import FeedParsing

@Suite("RSS 0.9x / 2.0")
struct RSSParsingTests {
    static let podcast = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
         xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"
         xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:media="http://search.yahoo.com/mrss/"
         xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
      <channel>
        <title>Example &amp; Co</title>
        <link>https://example.org/</link>
        <atom:link href="https://example.org/feed.xml" rel="self" type="application/rss+xml"/>
        <atom:link href="https://hub.example.net/" rel="hub"/>
        <description>All the news</description>
        <language>en-us</language>
        <lastBuildDate>Wed, 01 May 2024 12:00:00 GMT</lastBuildDate>
        <ttl>60</ttl>
        <sy:updatePeriod>daily</sy:updatePeriod>
        <sy:updateFrequency>2</sy:updateFrequency>
        <image><title>Logo</title><link>https://example.org/logo-page</link><url>https://example.org/logo.png</url></image>
        <item>
          <title>Episode 1</title>
          <link>https://example.org/1</link>
          <guid isPermaLink="false">ep-1</guid>
          <pubDate>Wed, 01 May 2024 10:00:00 +0200</pubDate>
          <dc:date>2024-05-02T08:00:00Z</dc:date>
          <author>jane@example.org (Jane Doe)</author>
          <category>Tech</category>
          <description>Short &lt;b&gt;summary&lt;/b&gt;</description>
          <content:encoded><![CDATA[<p>Full <i>text</i> &amp; more</p>]]></content:encoded>
          <enclosure url="https://example.org/ep1.mp3" type="audio/mpeg" length="12345"/>
          <media:thumbnail url="https://example.org/ep1.jpg"/>
        </item>
        <item>
          <title>Episode 2</title>
          <guid>https://example.org/2</guid>
          <dc:creator>John Roe</dc:creator>
        </item>
      </channel>
    </rss>
    """

    @Test("channel metadata, polling hints and feed links")
    func channel() throws {
        let feed = try parse(Self.podcast)
        #expect(feed.format == .rss)
        #expect(feed.version == "rss20")
        #expect(feed.title == "Example & Co")
        #expect(feed.siteLink == "https://example.org/")
        #expect(feed.selfLink == "https://example.org/feed.xml")
        #expect(feed.hubs == ["https://hub.example.net/"])
        #expect(feed.description == "All the news")
        #expect(feed.language == "en-us")
        #expect(iso(feed.updated) == "2024-05-01T12:00:00Z")
        #expect(feed.ttlMinutes == 60)
        #expect(feed.updateInterval?.seconds == 43_200) // daily / 2 beats ttl 60 min
        #expect(!feed.bozo)
        #expect(feed.entries.count == 2)
    }

    @Test("item fields: content:encoded, dc:date, author, enclosure, media")
    func item() throws {
        let entry = try #require(try parse(Self.podcast).entries.first)
        #expect(entry.id == "ep-1")
        #expect(entry.stableID == "ep-1")
        #expect(entry.link == "https://example.org/1")
        #expect(entry.title == "Episode 1")
        #expect(iso(entry.published) == "2024-05-01T08:00:00Z")
        #expect(iso(entry.updated) == "2024-05-02T08:00:00Z")
        #expect(entry.author == "Jane Doe")
        #expect(entry.categories == ["Tech"])
        #expect(entry.summaryText == "Short summary")
        #expect(entry.summaryHTML == "Short <b>summary</b>")
        #expect(entry.contentHTML == "<p>Full <i>text</i> &amp; more</p>")
        #expect(entry.contentText == "Full text & more")
        #expect(entry.enclosures == [FeedEnclosure(url: "https://example.org/ep1.mp3", type: "audio/mpeg", length: 12345)])
        #expect(entry.imageURL == "https://example.org/ep1.jpg")
    }

    @Test("a permalink guid stands in for a missing link; dc:creator is the author")
    func permalinkGuid() throws {
        let entry = try parse(Self.podcast).entries[1]
        #expect(entry.link == "https://example.org/2")
        #expect(entry.id == "https://example.org/2")
        #expect(entry.author == "John Roe")
        #expect(entry.published == nil)
    }

    @Test("RSS 0.91 without guid: stable id from the link, else a hash that repeats across runs")
    func rss091() throws {
        let xml = """
        <rss version="0.91"><channel><title>Old</title>
        <item><title>With link</title><link>http://example.com/a</link></item>
        <item><title>No link</title><description>Body</description></item>
        </channel></rss>
        """
        let first = try parse(xml)
        #expect(first.version == "rss091u")
        #expect(first.entries[0].id == nil)
        #expect(first.entries[0].stableID == "http://example.com/a")
        let hashed = first.entries[1].stableID
        #expect(hashed.hasPrefix("hash:"))
        #expect(try parse(xml).entries[1].stableID == hashed)
    }

    @Test("relative links resolve against the feed URL")
    func relativeLinks() throws {
        let xml = """
        <rss version="2.0"><channel><link>/</link>
        <item><link>posts/1</link><enclosure url="media/1.mp3" type="audio/mpeg"/></item></channel></rss>
        """
        let feed = try parse(xml, url: "https://example.org/blog/feed.xml")
        #expect(feed.siteLink == "https://example.org/")
        #expect(feed.entries[0].link == "https://example.org/blog/posts/1")
        #expect(feed.entries[0].enclosures.first?.url == "https://example.org/blog/media/1.mp3")
    }

    @Test("titles that look like HTML are converted, plain ones are only collapsed")
    func titles() throws {
        let xml = """
        <rss version="2.0"><channel>
        <item><title>&lt;b&gt;Bold&lt;/b&gt; news</title></item>
        <item><title>  AT&amp;T  &lt; Verizon </title></item>
        </channel></rss>
        """
        let feed = try parse(xml)
        #expect(feed.entries.map(\.title) == ["Bold news", "AT&T < Verizon"])
    }

    @Test("itunes:summary after a description is content, as feedparser reads it")
    func itunesSummary() throws {
        let xml = """
        <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
        <item><description>Short</description><itunes:summary>Long notes</itunes:summary></item>
        </channel></rss>
        """
        let entry = try parse(xml).entries[0]
        #expect(entry.summaryText == "Short")
        #expect(entry.contentText == "Long notes")
    }
}
