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
    func roundTrip(format: String) throws {
        let (world, big, small) = try FormatTests.world()
        let document = try FormatTests.document(world.db)
        let rendered: String
        switch format {
        case "atom": rendered = AtomRenderer.render(document)
        case "rss": rendered = RSSRenderer.render(document)
        default: rendered = JSONFeedRenderer.render(document)
        }
        let parsed = try FeedParser.parse(bytes: Array(rendered.utf8), url: "https://news.example/digest")
        #expect(parsed.isFeed)
        #expect(!parsed.bozo, "\(parsed.bozoReason ?? "")")
        #expect(parsed.entries.map(\.id) == [DigestItem.itemID(storyID: big), DigestItem.itemID(storyID: small)])
        #expect(parsed.entries.map(\.title) == ["Council approves new bridge", "Local team wins"])
        #expect(parsed.entries.first?.link == "https://wire.example/bridge")
        #expect(parsed.entries.allSatisfy { $0.updated != nil || $0.published != nil })
    }
}
