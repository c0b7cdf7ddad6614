import Testing
@testable import Extraction

/// The pre-pass that cuts script/style contents and comments before libxml2 parses a page.
@Suite("Raw text stripper")
struct MarkupReducerTests {
    static func strip(_ html: String) -> String? {
        Array(html.utf8).withUnsafeBufferPointer(MarkupReducer.strip).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("script and style contents and comments are cut; the tags and everything else stay")
    func cutsRawText() {
        let html = "<head><style>p{color:red}</style><script>var a = '<p>not text</p>';</script></head>"
            + "<body><!-- a comment <p>hidden</p> --><p>Story</p><SCRIPT type=text/javascript>x()</SCRIPT></body>"
        #expect(Self.strip(html) == "<head><style></style><script></script></head><body><p>Story</p><SCRIPT type=text/javascript></SCRIPT></body>")
    }

    @Test("JSON-LD is kept: the metadata reads it")
    func keepsJSONLD() {
        let html = #"<script type="application/LD+JSON">{"headline":"Kept"}</script><script>drop()</script>"#
        #expect(Self.strip(html) == #"<script type="application/LD+JSON">{"headline":"Kept"}</script><script></script>"#)
    }

    @Test("attributes nobody reads go; the ones the walker and the metadata read stay, raw")
    func dropsUnreadAttributes() {
        let html = #"<div class="story" data-tracking="{&quot;a&quot;:1,&quot;b&quot;:2}" onclick="go()" id=main><img src="a.jpg" srcset="a-300.jpg 300w, a-600.jpg 600w, a-1200.jpg 1200w" alt="" /><link rel="canonical" href="https://x.example/a"><a href="https://x.example/b" class="more">b</a></div>"#
        #expect(Self.strip(html) == #"<div class="story" id=main><img/><link rel="canonical" href="https://x.example/a"><a class="more">b</a></div>"#)
    }

    @Test("a tag whose attributes do not parse cleanly is left as it was")
    func oddTagsLeftAlone() {
        let odd = #"<div ="x" data-a="1111111111111111111111111111"><p class='unterminated data-b="22222222222222222222222">x</p></div>"#
        #expect(Self.strip(odd) == nil)
    }

    @Test("a page with nothing to cut gives nil (no copy)")
    func nothingToCut() {
        #expect(Self.strip("<html><body><p>a < b and <b>c</b></p></body></html>") == nil)
    }

    @Test("'<script>' inside a quoted attribute is not a script (and the unread attributes go)")
    func quotedAttribute() {
        let html = #"<a title="<script>" href="/x">link</a><p>Story stays</p><script>x</script>"#
        #expect(Self.strip(html) == #"<a>link</a><p>Story stays</p><script></script>"#)
    }

    @Test("a self-closed script and unterminated raw text are left alone, as libxml2 reads them")
    func libxml2Rules() {
        #expect(Self.strip(#"<script src="a.js"/><p>Story</p></script>"#) == nil)
        #expect(Self.strip("<p>Story</p><script>never closed <p>more</p>") == nil)
        #expect(Self.strip("<p>Story</p><!-- never closed <p>more</p>") == nil)
        #expect(Self.strip("<scripts>tag</scripts><stylesheet>x</stylesheet>") == nil)
    }

    @Test("extraction reads the same story and metadata with and without the pre-pass")
    func sameArticle() throws {
        let story = "The harbour reopened on Monday after a week of storms, and the first ferries left on time for the islands."
        let html = """
        <html><head><title>Harbour reopens</title><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2026-11-20T08:00:00Z","author":{"name":"Ada Lund"}}</script>
        <style>.x{}</style></head><body><article><script>document.write('<p>Injected text that is not in the page</p>')</script>
        <p>\(story)</p><!-- <p>commented out</p> --></article></body></html>
        """
        let article = try ArticleExtractor.extract(html: Array(html.utf8), url: "https://harbour.example/a").article
        #expect(article.text == story)
        #expect(article.byline == "Ada Lund")
        #expect(article.published != nil)
    }

    @Test("an unclosed <title> does not swallow script code, with or without the pre-pass")
    func unclosedTitle() throws {
        let story = "The harbour reopened on Monday after a week of storms, and the first ferries left on time for the islands."
        let html = "<html><head><title>Harbour reopens<script>var tracking = 1;</script></head><body><article><p>\(story)</p></article></body></html>"
        for reducing in [true, false] {
            let article = try ArticleExtractor.extract(html: Array(html.utf8), reducingMarkup: reducing).article
            #expect(article.title?.contains("tracking") == false, "reducing: \(reducing), title: \(article.title ?? "nil")")
        }
    }
}
