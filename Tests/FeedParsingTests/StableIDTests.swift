import Foundation
import Testing
@testable import FeedParsing

/// Entries without GUID or link are stored under `hash:` + FNV-1a of title, date and body. These ids
/// are keys in every database: the values below were computed once with the formula as it stood
/// before the hash moved to SyndicCore (FNV-1a over title, 0xFF, Unix seconds, 0xFF, body, 0xFF) and
/// must never change, or every such entry would be announced again.
@Suite("stable ids of entries without GUID (pinned)")
struct StableIDTests {
    @Test("RSS item with pubDate and an HTML description")
    func rssWithDate() throws {
        let feed = try parse("""
            <rss version="2.0"><channel><title>T</title>
            <item><title>Strike at the port</title><pubDate>Wed, 01 May 2024 12:00:00 GMT</pubDate>
            <description>&lt;p&gt;Dockworkers walked out.&lt;/p&gt;</description></item>
            </channel></rss>
            """)
        #expect(feed.entries.map(\.stableID) == ["hash:8e9097861af6d6b4"])
    }

    @Test("Atom entry with only <updated>: the update date stands in for the published date")
    func atomUpdatedOnly() throws {
        let feed = try parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
            <entry><title>Only updated</title><updated>2013-01-30T10:12:03-08:00</updated>
            <content type="text">Body text</content></entry></feed>
            """)
        #expect(feed.entries.map(\.stableID) == ["hash:570c4d7a57d48e66"])
    }

    @Test("multi-byte title, no date, no body; body without title")
    func multiByteAndEmptyParts() throws {
        let feed = try parse("""
            <rss version="2.0"><channel><title>T</title>
            <item><title>Zürich — 東京</title></item>
            <item><description>&lt;p&gt;only a body&lt;/p&gt;</description></item>
            </channel></rss>
            """)
        #expect(feed.entries.map(\.stableID) == ["hash:b962b18a5aba94c7", "hash:a64ed521da859212"])
    }

    @Test("a GUID, else the link, is the id as written")
    func guidAndLink() throws {
        let feed = try parse("""
            <rss version="2.0"><channel><title>T</title>
            <item><guid isPermaLink="false">tag:a,2024:1</guid><link>https://a.example/1</link></item>
            <item><link>https://a.example/2</link></item>
            </channel></rss>
            """)
        #expect(feed.entries.map(\.stableID) == ["tag:a,2024:1", "https://a.example/2"])
    }
}
