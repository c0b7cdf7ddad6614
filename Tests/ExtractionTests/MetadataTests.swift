import Testing
@testable import Extraction

@Suite("Metadata")
struct MetadataTests {
    @Test("WordPress: title without site suffix, canonical resolved, language, date, author")
    func wordPress() throws {
        let article = try ArticleExtractor.extract(
            html: Array(Fixtures.wordPress.utf8), url: "https://worlddaily.example/2024/02/putin-gifts-kim-limousine/?utm=x"
        ).article
        #expect(article.title == "Putin gifts Kim Jong Un luxury Russian Limousine, strengthening diplomatic ties")
        #expect(article.canonicalURL == "https://worlddaily.example/2024/02/putin-gifts-kim-limousine/")
        #expect(article.language == "en-US")
        #expect(article.published == "2024-02-20T09:15:00+00:00")
        #expect(article.byline == "Staff Reporter")
        #expect(article.siteName == "World Daily")
    }

    @Test("news CMS: og:title, JSON-LD dates and author, og:url, og:locale, lead image")
    func newsCMS() throws {
        let article = try ArticleExtractor.extract(html: Array(Fixtures.newsCMS.utf8), url: "https://ledger.example/m/1").article
        #expect(article.title == "Regional bank shares slide on office loan worries")
        #expect(article.published == "2024-05-08T21:04:00Z")
        #expect(article.modified == "2024-05-09T07:00:00Z")
        #expect(article.byline == "Jordan Lee")
        #expect(article.canonicalURL == "https://ledger.example/markets/2024/05/bank-shares-slide")
        #expect(article.language == "en")
        #expect(article.siteName == "The Ledger")
        #expect(article.leadImage == "https://ledger.example/img/banks.jpg")
    }

    @Test("title falls back to <h1>, then to <title> minus the site name")
    func titleFallbacks() throws {
        let story = "<p>The committee approved the budget after a long debate that ran late into the evening on Thursday.</p>"
        let withH1 = "<html><head><title>Budget passes | Town Crier</title></head><body><h1>Budget passes at last</h1>\(story)</body></html>"
        #expect(try ArticleExtractor.extract(html: Array(withH1.utf8)).article.title == "Budget passes at last")
        let titleOnly = "<html><head><title>Council approves the budget - Town Crier</title></head><body>\(story)</body></html>"
        #expect(try ArticleExtractor.extract(html: Array(titleOnly.utf8)).article.title == "Council approves the budget")
    }

    @Test("text joins blocks with blank lines and keeps block kinds")
    func blockKinds() throws {
        let html = """
        <html><body><article>
        <p>First paragraph of the story is long enough to be counted as prose by the extractor, surely.</p>
        <h2>What happens next</h2>
        <ul><li>The council votes again in June, after the consultation on the plan has closed.</li></ul>
        <blockquote><p>We will keep listening to residents, the mayor said at the end of the meeting.</p></blockquote>
        <p>Last paragraph of the story, also long enough to be counted as prose by the extractor, surely.</p>
        </article></body></html>
        """
        let article = try ArticleExtractor.extract(html: Array(html.utf8)).article
        #expect(article.blocks.map(\.kind) == [.paragraph, .heading, .listItem, .quote, .paragraph])
        #expect(article.text.components(separatedBy: "\n\n").count == 5)
    }
}
