import Foundation
import Testing
@testable import Extraction

/// The failure classes issue 16 found on unseen pages, one small hand-written page each (never a
/// corpus page): a removal rule that takes the story, comment threads kept, broken page skeletons.
@Suite("Failure classes of unseen pages")
struct FailureClassTests {
    static let story = [
        "The harbour authority confirmed on Friday that the old grain quay will be turned into a public park, ending a decade of arguments about the empty warehouses.",
        "Work is due to begin next spring, and the first section, with a playground and a path along the water, should open before the summer of the following year.",
        "Residents who had campaigned for the park said they were relieved, though several asked why the plans still include a car park for three hundred vehicles.",
        "The authority said the car park would be needed for the ferry terminal next door, and that half of its spaces would be kept for bicycles and car sharing.",
    ]

    static func expectStory(_ text: String, without chrome: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) {
        for paragraph in story {
            #expect(text.contains(paragraph), "story paragraph lost: \(paragraph.prefix(50))", sourceLocation: sourceLocation)
        }
        for phrase in chrome { #expect(!text.contains(phrase), "chrome survived: \(phrase)", sourceLocation: sourceLocation) }
    }

    static func extract(_ html: String) throws -> String {
        try ArticleExtractor.extract(html: Array(html.utf8), url: "https://harbour.example/news/grain-quay-park").article.text
    }

    static var paragraphs: String { story.map { "<p>\($0)</p>" }.joined(separator: "\n") }

    @Test("a 'Comments' link above the article is not the start of the comments")
    func commentsLinkAboveArticle() throws {
        let html = """
        <html><head><title>Grain quay becomes a park</title></head><body><div class="post">
        <h1>Grain quay becomes a park</h1>
        <p class="dek">After ten years of empty warehouses and public meetings, the harbour's oldest quay gets a new use, and the city gets its first waterfront park on the east side.</p>
        <p><a href="#respond">12 Comments</a></p>
        \(Self.paragraphs)
        </div></body></html>
        """
        Self.expectStory(try Self.extract(html))
    }

    @Test("a 'Comments' heading below the article still cuts the thread after it")
    func commentsHeadingBelowArticle() throws {
        let thread = (1...6).map {
            "<div class=\"c\"><p>Reader \($0) wrote that the quay should have become housing instead, since the city is short of flats and the park will only be used in summer.</p></div>"
        }.joined()
        let html = """
        <html><head><title>Grain quay becomes a park</title></head><body><div class="post">
        <h1>Grain quay becomes a park</h1>\(Self.paragraphs)
        <h3>Comments</h3>\(thread)
        </div></body></html>
        """
        Self.expectStory(try Self.extract(html), without: ["should have become housing"])
    }

    @Test("paragraphs inside an element whose class says caption-image are story, not a caption")
    func captionImageWrapper() throws {
        let html = """
        <html><head><title>Grain quay becomes a park</title></head><body><article><h1>Grain quay becomes a park</h1>
        <div class="caption-image"><img src="quay.jpg"><p>\(Self.story[0])</p><p>\(Self.story[1])</p></div>
        <div class="caption-image"><img src="park.jpg"><p>\(Self.story[2])</p><p>\(Self.story[3])</p></div>
        <div class="wp-caption"><img src="x.jpg"><p class="wp-caption-text">The empty warehouses on the grain quay, seen from the ferry.</p></div>
        </article></body></html>
        """
        Self.expectStory(try Self.extract(html), without: ["seen from the ferry"])
    }

    @Test("a page without <head> and <body> tags gives its story")
    func noHeadNoBody() throws {
        let html = "<title>Grain quay becomes a park</title><h1>Grain quay becomes a park</h1>\(Self.paragraphs)"
        let result = try ArticleExtractor.extract(html: Array(html.utf8))
        Self.expectStory(result.article.text)
        #expect(result.article.title == "Grain quay becomes a park")
    }

    @Test("an unclosed <title> does not swallow the page")
    func unclosedTitle() throws {
        let html = "<html><head><title>Grain quay becomes a park<meta charset=\"utf-8\"></head><body><article>"
            + "<h1>Grain quay becomes a park</h1>\(Self.paragraphs)</article></body></html>"
        let result = try ArticleExtractor.extract(html: Array(html.utf8))
        Self.expectStory(result.article.text)
        #expect((result.article.title ?? "").utf8.count < 200)
    }
}
