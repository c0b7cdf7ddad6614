import FeedParsing
import Foundation
import Storage
import Testing
@testable import Digest

/// The digest feeds read back through Syndic's own feed parser, as a reader subscribed to them would
/// read them: every story once, its stable id, its headline, its link and its `updated`.
@Suite("Digest feeds read back by Syndic's parser")
struct OwnParserRoundTripTests {
    @Test("Atom, RSS and JSON Feed parse without bozo, one entry per story, ids and titles intact",
          arguments: ["atom", "rss", "jsonfeed"])
    func roundTrip(format: String) async throws {
        let (world, big, small) = try await FormatTests.world()
        let identity = DigestIdentity(try await world.db.instance())
        let document = try await FormatTests.document(world.db)
        let rendered: String
        switch format {
        case "atom": rendered = AtomRenderer.render(document)
        case "rss": rendered = RSSRenderer.render(document)
        default: rendered = JSONFeedRenderer.render(document)
        }
        let parsed = try FeedParser.parse(bytes: Array(rendered.utf8), url: "https://news.example/digest")
        #expect(parsed.isFeed)
        #expect(!parsed.bozo, "\(parsed.bozoReason ?? "")")
        #expect(parsed.entries.map(\.id) == [identity.itemID(storyID: big), identity.itemID(storyID: small)])
        #expect(parsed.entries.map(\.title) == ["Council approves new bridge", "Local team wins"])
        #expect(parsed.entries.first?.link == "https://wire.example/bridge")
        #expect(parsed.entries.allSatisfy { $0.updated != nil || $0.published != nil })
    }

    /// Found by the digest fuzzer: an RSS title whose plain text looks like HTML ("&amp4;") was decoded
    /// as HTML by readers and came back as "&4;". Titles that merely contain "&" must stay escaped once.
    @Test("Headlines that look like markup read back unchanged in every feed format",
          arguments: ["Bold &amp4; headline", "AT&T wins", "Use </b> and &lt; literally", "a < b & c > d"])
    func markupLookingHeadline(headline: String) throws {
        let when = Date(timeIntervalSince1970: 1_764_000_000)
        let copy = StoryCopy(entryID: 1, feedID: 1, site: "wire.example", title: headline, url: "https://wire.example/a",
                             publishedAt: when, firstSeenAt: when, similarity: 1)
        let summary = StorySummary(id: 1, headline: Markup.escape(headline), representativeEntryID: 1, firstSeenAt: when,
                                   lastSeenAt: when, updatedAt: when, copies: [copy])
        let document = DigestDocument(identity: DigestIdentity(instanceID: "0123456789abcdef"), stories: [StoryDetail(summary: summary, articleText: nil, contentHTML: nil, summaryHTML: nil)])
        #expect(document.items.first?.headline == headline)
        for format in [DigestFormat.atom, .rss, .jsonfeed] {
            let parsed = try FeedParser.parse(bytes: Array(format.render(document).utf8), url: "https://news.example/digest")
            #expect(parsed.entries.map(\.title) == [headline], "\(format)")
        }
        if headline == "AT&T wins" {  // not doubly escaped: readers that take RSS titles as plain text show it right
            #expect(DigestFormat.rss.render(document).contains("<title>AT&amp;T wins</title>"))
        }
    }
}
