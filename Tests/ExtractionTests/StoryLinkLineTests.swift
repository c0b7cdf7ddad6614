import Testing
@testable import Extraction

/// Link-only lines inside the story: a pasted web address is story text, a worded link line is chrome.
@Suite("Link-only lines inside the story")
struct StoryLinkLineTests {
    static let page = """
    <html><body><article>
    <p>Black Friday is the best time of the year to hunt for the toys we grew up with, and this year the shops
    have outdone themselves with boxed sets, reissued cartoons and vintage consoles at half price.</p>
    <p>The remastered box set of the cartoon comes with every episode and a booklet of original sketches:</p>
    <p><a href="http://amzn.to/2iJFhRj">http://amzn.to/2iJFhRj</a></p>
    <p>The mini console ships with thirty games preinstalled, two wired controllers and a charger, which makes it
    an easy present for anyone who spent their afternoons in front of a screen in the eighties.</p>
    <p><a href="/offers">More deals from our shopping desk</a></p>
    <p>Prices were checked on the morning of publication and may change during the day, so look twice before buying.</p>
    </article></body></html>
    """

    @Test("a pasted web address between story paragraphs is kept, a worded link line is dropped")
    func bareURLKept() throws {
        let text = try ArticleExtractor.extract(html: Array(Self.page.utf8)).article.text
        #expect(text.contains("sketches:\n\nhttp://amzn.to/2iJFhRj\n\nThe mini console"))
        #expect(!text.contains("More deals from our shopping desk"))
    }

    @Test("bare-URL recognition", arguments: [
        ("http://amzn.to/2iJFhRj", true), ("https://www.gnu.org/philosophy/free-sw.html", true),
        ("HTTPS://EXAMPLE.ORG/A", true), ("Read more at http://example.org", false), ("www.example.org", false),
        ("http://x", false),
    ])
    func recognition(_ text: String, _ expected: Bool) {
        #expect(StoryAssembler.isBareURL(text) == expected)
    }
}

/// Contact and byline sections that close press releases and magazine articles.
@Suite("Closing contact sections")
struct ClosingContactTests {
    @Test("a press-contact section after the story goes, the story stays")
    func pressContact() throws {
        let html = """
        <html><body><article>
        <p>Die Studie zeigt, dass sich das Lebensgefühl vieler Menschen in der Pandemie deutlich verändert hat, vor allem
        bei jüngeren Befragten, die über Einsamkeit und Zukunftssorgen berichten.</p>
        <p>Auf einer digitalen Tagung im November wird die Studie der Öffentlichkeit vorgestellt; die Anmeldung ist
        kostenfrei und steht allen Interessierten offen, auch ohne Vorkenntnisse.</p>
        <h3>Pressekontakt</h3>
        <p>Erika Musterfrau</p>
        <p>Pressesprecherin</p>
        </article></body></html>
        """
        let text = try ArticleExtractor.extract(html: Array(html.utf8)).article.text
        #expect(text.hasSuffix("auch ohne Vorkenntnisse."))
        #expect(!text.contains("Erika Musterfrau"))
    }
}

/// Social posts quoted in a story survive the "widget" wrapper publishers put around them.
@Suite("Embedded social posts")
struct EmbeddedPostTests {
    static let page = """
    <html><body><article>
    <p>The club confirmed on Wednesday morning that the Portuguese coach had agreed a deal until the end of the
    2022-23 season, hours after his predecessor was dismissed following a poor start to the campaign.</p>
    <div class="article-widget"><blockquote class="twitter-tweet"><p>I can't thank this man enough for everything
    he has taught me over the years. Good luck, my friend.</p>— Player (@player) November 19, 2019</blockquote></div>
    <div class="article-widget"><p>Popular now on the site</p></div>
    <p>The new manager's first match in charge will be the trip to West Ham on Saturday lunchtime, with the side
    sitting fourteenth in the table and eleven points off the top four.</p>
    </article></body></html>
    """

    @Test("a twitter-tweet blockquote inside a widget is kept, other widget text is not")
    func tweetKept() throws {
        let text = try ArticleExtractor.extract(html: Array(Self.page.utf8)).article.text
        #expect(text.contains("I can't thank this man enough"))
        #expect(!text.contains("Popular now on the site"))
    }
}
