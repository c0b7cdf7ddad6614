import Foundation
import Storage
import Testing
import TestSupport
@testable import Digest

/// Renders digests of a real database in every format and checks them with real parsers.
@Suite("Digest formats")
struct FormatTests {
    /// Two stories: one syndicated on three sites, one on a single site.
    static func world() async throws -> (StoryWorld, big: Int64, small: Int64) {
        let world = try StoryWorld()
        let big = try await world.addStory([
            .init(site: "wire.example", title: "Council approves new bridge", url: "https://wire.example/bridge",
                  published: Clock.at(hours: 0), contentHTML: "<p>The council approved the bridge on Monday. Work starts in May. It will cost $40m. More later.</p>"),
            .init(site: "daily.example", title: "Bridge approved", published: Clock.at(hours: 1)),
            .init(site: "gazette.example", title: "Council says yes to bridge & road", published: Clock.at(hours: 2)),
        ], at: Clock.at(hours: 2))
        let small = try await world.addStory([
            .init(site: "daily.example", title: "Local team wins", url: "https://daily.example/team",
                  published: Clock.at(hours: 3), summaryHTML: "The local team won 3-1. Fans cheered."),
        ], at: Clock.at(hours: 3))
        return (world, big, small)
    }

    static func document(_ db: any SyndicStore, selfURL: String? = "https://news.example/digest.atom") async throws -> DigestDocument {
        DigestDocument(title: "Morning digest", selfURL: selfURL, identity: DigestIdentity(try await db.instance()),
                       stories: try await db.storyDetails(StoryQuery()))
    }

    @Test("Atom is well-formed for libxml2, one entry per story, ids and updated as documented")
    func atom() async throws {
        let (world, big, small) = try await Self.world()
        let identity = DigestIdentity(try await world.db.instance())
        let atom = AtomRenderer.render(try await Self.document(world.db))
        let doc = try #require(LibXMLDocument(xml: atom))
        #expect(doc.strings("/atom:feed/atom:entry/atom:id") == [identity.itemID(storyID: big), identity.itemID(storyID: small)])
        #expect(doc.strings("/atom:feed/atom:entry/atom:title") == ["Council approves new bridge", "Local team wins"])
        #expect(doc.strings("/atom:feed/atom:updated") == ["2026-11-18T14:06:40Z"])  // newest story's updatedAt
        #expect(doc.strings("/atom:feed/atom:entry[1]/atom:summary") ==
                ["The council approved the bridge on Monday. Work starts in May. It will cost $40m."])
        #expect(doc.strings("/atom:feed/atom:link[@rel='self']/@href") == ["https://news.example/digest.atom"])
        let content = try #require(doc.strings("/atom:feed/atom:entry[1]/atom:content").first)
        #expect(content.contains("wire.example") && content.contains("daily.example") && content.contains("gazette.example"))
        #expect(content.contains("bridge &amp; road"))  // escaped once inside the HTML, decoded once by XML
    }

    @Test("RSS 2.0 is well-formed, with non-permalink guids and RFC 822 dates")
    func rss() async throws {
        let (world, big, _) = try await Self.world()
        let identity = DigestIdentity(try await world.db.instance())
        let rss = RSSRenderer.render(try await Self.document(world.db))
        let doc = try #require(LibXMLDocument(xml: rss))
        #expect(doc.strings("/rss/channel/item").count == 2)
        #expect(doc.strings("/rss/channel/item[1]/guid") == [identity.itemID(storyID: big)])
        #expect(doc.strings("/rss/channel/item[1]/guid/@isPermaLink") == ["false"])
        #expect(doc.strings("/rss/channel/item[1]/link") == ["https://wire.example/bridge"])
        #expect(doc.strings("/rss/channel/lastBuildDate") == ["Wed, 18 Nov 2026 14:06:40 +0000"])
    }

    @Test("JSON Feed 1.1 and Syndic's JSON parse with JSONSerialization")
    func json() async throws {
        let (world, big, small) = try await Self.world()
        let identity = DigestIdentity(try await world.db.instance())
        let document = try await Self.document(world.db)
        let feed = try #require(try JSONSerialization.jsonObject(with: Data(JSONFeedRenderer.render(document).utf8)) as? [String: Any])
        #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
        #expect(feed["feed_url"] as? String == "https://news.example/digest.atom")
        let items = try #require(feed["items"] as? [[String: Any]])
        #expect(items.map { $0["id"] as? String } == [identity.itemID(storyID: big), identity.itemID(storyID: small)])
        #expect(items[1]["summary"] as? String == "The local team won 3-1. Fans cheered.")
        #expect(items[0]["date_modified"] as? String == "2026-11-18T13:06:40Z")
        let own = try #require(try JSONSerialization.jsonObject(with: Data(JSONDigestRenderer.render(document).utf8)) as? [String: Any])
        let stories = try #require(own["stories"] as? [[String: Any]])
        #expect(stories.first?["sources"] as? Int == 3)
        #expect((stories.first?["entries"] as? [Any])?.count == 3)
    }

    @Test("HTML is one self-contained page: no scripts, no external resources, every story once")
    func html() async throws {
        let (world, _, _) = try await Self.world()
        let html = HTMLDigestRenderer.render(try await Self.document(world.db))
        let doc = try #require(LibXMLDocument(html: html))
        let (elements, attributes) = doc.elementsAndAttributes()
        #expect(!elements.contains("script") && !elements.contains("link") && !elements.contains("img"))
        #expect(elements.filter { $0 == "article" }.count == 2)
        #expect(!attributes.contains { $0.0 == "src" })
        #expect(doc.strings("//article[1]//h2") == ["Council approves new bridge"])
        #expect(html.contains("name=\"viewport\""))
    }

    @Test("Markdown and text list every source once per story")
    func markdownAndText() async throws {
        let (world, _, _) = try await Self.world()
        let document = try await Self.document(world.db)
        let markdown = MarkdownRenderer.render(document)
        #expect(markdown.contains("## [Council approves new bridge](<https://wire.example/bridge>)"))
        #expect(markdown.contains("- [daily.example](<https://daily.example/"))
        #expect(markdown.contains("Council says yes to bridge \\& road"))
        let text = TextRenderer.render(document)
        #expect(text.contains("1. Council approves new bridge [3 sources]"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 78 || !$0.contains(" ") })
    }

    @Test("the same database state renders the same bytes in every format")
    func deterministic() async throws {
        let (world, _, _) = try await Self.world()
        for format in DigestFormat.allCases {
            let first = format.render(try await Self.document(world.db))
            let second = format.render(try await Self.document(world.db))
            #expect(first == second, "format \(format.rawValue)")
        }
    }

    @Test("a story that gains a source keeps its id and its updated moves forward")
    func updatedMoves() async throws {
        let (world, big, _) = try await Self.world()
        let identity = DigestIdentity(try await world.db.instance())
        let before = try #require(LibXMLDocument(xml: AtomRenderer.render(try await Self.document(world.db))))
        #expect(before.strings("//atom:entry[atom:id='\(identity.itemID(storyID: big))']/atom:updated") == ["2026-11-18T13:06:40Z"])
        try await world.addCopy(.init(site: "late.example", title: "Bridge: late copy"), to: big, at: Clock.at(hours: 10))
        let after = try #require(LibXMLDocument(xml: AtomRenderer.render(try await Self.document(world.db))))
        #expect(after.strings("//atom:entry/atom:id").count == 2)
        #expect(after.strings("//atom:entry[atom:id='\(identity.itemID(storyID: big))']/atom:updated") == ["2026-11-18T21:06:40Z"])
        #expect(after.strings("/atom:feed/atom:updated") == ["2026-11-18T21:06:40Z"])
    }

    @Test("an empty digest is valid and dated at the epoch, not now")
    func empty() throws {
        let document = DigestDocument(title: "Nothing", identity: DigestIdentity(instanceID: "0123456789abcdef"), items: [])
        let atom = try #require(LibXMLDocument(xml: AtomRenderer.render(document)))
        #expect(atom.strings("/atom:feed/atom:updated") == ["1970-01-01T00:00:00Z"])
        #expect(LibXMLDocument(xml: RSSRenderer.render(document)) != nil)
        #expect(HTMLDigestRenderer.render(document).contains("No stories match"))
    }
}
