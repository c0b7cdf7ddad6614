import Testing
@testable import Extraction

@Suite("Site template learning")
struct SiteTemplateTests {
    static let disclaimer = "The views expressed in this column are the author’s own and do not necessarily reflect those of the Harbour Gazette or its owners."

    static func page(_ story: String) -> [UInt8] {
        Array("""
        <html><body><article><h1>Headline</h1>
        <p>\(story)</p>
        <p>\(story) It continued for several more sentences so that the paragraph is clearly prose worth keeping.</p>
        <p>\(disclaimer)</p>
        </article></body></html>
        """.utf8)
    }

    @Test("normalization folds case and whitespace, keeps digits")
    func normalization() {
        #expect(TemplateBlock.normalize("  Hello\u{00A0}\n  WORLD\t ") == "hello world")
        #expect(TemplateBlock.normalize("Éclair  Ünïcode") == "éclair ünïcode")
        #expect(TemplateBlock.hash(text: "12 Shares") != TemplateBlock.hash(text: "13 Shares"))
        #expect(TemplateBlock.hash(text: "A  b") == TemplateBlock.hash(text: "a b"))
    }

    @Test("the hash is FNV-1a 64, stable across processes")
    func stableHash() {
        #expect(TemplateBlock.hash(normalizedText: "") == 0xcbf2_9ce4_8422_2325)
        #expect(TemplateBlock.hash(normalizedText: "a") == 0xaf63_dc4c_8601_ec8c)
    }

    @Test("a block repeated across pages is dropped once the template has it; the story is not")
    func repeatedBlockDropped() throws {
        let pages = (1...3).map { Self.page("Story number \($0) reports that the harbour bridge reopened after repairs lasting many weeks.") }
        // Without a template the disclaimer is part of the article.
        let first = try ArticleExtractor.extract(html: pages[0])
        #expect(first.article.text.contains("The views expressed"))

        // The caller counts hashes per host; blocks on >= 3 distinct pages become the template.
        var counts: [UInt64: Int] = [:]
        for page in pages {
            for hash in Set(try ArticleExtractor.extract(html: page).blockHashes) { counts[hash, default: 0] += 1 }
        }
        let template = SiteTemplate(blockHashes: Set(counts.filter { $0.value >= SiteTemplate.minimumPages }.keys))
        #expect(template.contains(text: Self.disclaimer))

        let next = Self.page("A fourth story says the ferry timetable changes in June, with more sailings at weekends.")
        let result = try ArticleExtractor.extract(html: next, template: template)
        #expect(!result.article.text.contains("The views expressed"))
        #expect(result.article.text.contains("ferry timetable changes in June"))
        #expect(result.removed.contains { $0.reason == "site template" && $0.text == Self.disclaimer })
    }

    @Test("a page the template would empty is a copy of a page seen before: its story is kept")
    func copiedPageKeepsItsStory() throws {
        // The same story served under several URLs of one host: every block repeats on >= 3 pages.
        let page = Self.page("The harbour bridge reopened on Tuesday after repairs that lasted eleven weeks and cost the city dearly.")
        let template = SiteTemplate(blockHashes: Set(try ArticleExtractor.extract(html: page).blockHashes))
        let again = try ArticleExtractor.extract(html: page, template: template)
        #expect(again.article.text.contains("repairs that lasted eleven weeks"))
        #expect(!again.removed.contains { $0.reason == "site template" })
    }
}
