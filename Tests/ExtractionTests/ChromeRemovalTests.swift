import Testing
@testable import Extraction

/// The boilerplate the user named never survives, and the story around it survives intact.
@Suite("Chrome removal on publishing-system fixtures")
struct ChromeRemovalTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let html: String
        let story: [String]
        let chrome: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "WordPress (seed example)", html: Fixtures.wordPress, story: Fixtures.putinStory, chrome: [
            "0 51", "About Author", "Staff Reporter covers world politics", "Leave a Reply",
            "Your email address will not be published", "Required fields are marked", "Related posts",
            "Kim visits Russian fighter jet factory", "You may also like", "Newsletter", "Subscribe to our newsletter",
            "We use cookies", "Read more", "Previous article", "Next article", "Photo: KCNA",
            "Kim Jong Un inspects the Aurus", "All rights reserved", "Home", "Tags:",
        ]),
        Case(name: "Blogger", html: Fixtures.blogger, story: Fixtures.volcanoStory, chrome: [
            "3 comments", "Share to Twitter", "Email This", "Great write-up", "Bjorn said", "Newer Post",
            "Older Post", "Popular Posts", "Follow by Email", "never miss a field note", "Labels:",
            "Notes from a geologist",
        ]),
        Case(name: "news CMS", html: Fixtures.newsCMS, story: Fixtures.marketStory, chrome: [
            "Share 0", "Tweet 51", "12 Shares", "Advertisement", "Get the Morning Ledger", "Sign up for our free newsletter",
            "You may also like", "Office towers are selling", "Read more", "Most Popular", "We and our partners use cookies",
            "Copyright 2024", "Subscribe", "Sign in", "Markets",
        ]),
    ]

    @Test("story paragraphs survive in order, each intact", arguments: cases)
    func storySurvives(_ fixture: Case) throws {
        let text = try ArticleExtractor.extract(html: Array(fixture.html.utf8), url: "https://example.org/story").article.text
        var searchFrom = text.startIndex
        for paragraph in fixture.story {
            let range = try #require(text.range(of: paragraph, range: searchFrom..<text.endIndex),
                                     "missing or out of order: \(paragraph.prefix(60))")
            searchFrom = range.upperBound
        }
    }

    @Test("named chrome is gone", arguments: cases)
    func chromeIsGone(_ fixture: Case) throws {
        let text = try ArticleExtractor.extract(html: Array(fixture.html.utf8), url: "https://example.org/story").article.text
        for chrome in fixture.chrome {
            #expect(!text.contains(chrome), "chrome survived: \(chrome)")
        }
    }

    @Test("the story is the whole output: nothing but its paragraphs", arguments: cases)
    func nothingElse(_ fixture: Case) throws {
        let blocks = try ArticleExtractor.extract(html: Array(fixture.html.utf8), url: nil).article.blocks
        #expect(blocks.map(\.text) == fixture.story)
    }

    @Test("--explain material names why blocks went")
    func removedBlocksHaveReasons() throws {
        let result = try ArticleExtractor.extract(html: Array(Fixtures.wordPress.utf8), url: nil)
        let reasons = Dictionary(result.removed.map { ($0.text, $0.reason) }, uniquingKeysWith: { first, _ in first })
        #expect(reasons["Leave a Reply"] != nil)
        #expect(reasons["Kim Jong Un inspects the Aurus limousine in Vladivostok. Photo: KCNA"] == "photo caption")
        #expect(result.removed.allSatisfy { !$0.reason.isEmpty })
    }
}
