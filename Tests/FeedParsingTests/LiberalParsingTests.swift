import Foundation
import Testing
@testable import FeedParsing

/// What feedparser survives, Syndic survives: each case is one kind of broken feed.
@Suite("Liberal parsing of broken feeds")
struct LiberalParsingTests {
    @Test("HTML named entities inside XML")
    func htmlEntities() throws {
        let feed = try parse("<rss version=\"2.0\"><channel><item><title>Caf&eacute;&nbsp;&mdash; Men&uuml;</title></item></channel></rss>")
        #expect(feed.entries[0].title == "Café — Menü")
    }

    @Test("unescaped ampersands keep the text after them")
    func bareAmpersand() throws {
        let feed = try parse("<rss version=\"2.0\"><channel><item><title>AT&T wins</title><link>http://x.org/?a=1&b=2</link></item></channel></rss>")
        #expect(feed.entries[0].title == "AT&T wins")
        #expect(feed.entries[0].link == "http://x.org/?a=1&b=2")
    }

    @Test("ampersands in attributes survive")
    func attributeAmpersand() throws {
        let feed = try parse("<rss version=\"2.0\"><channel><item><enclosure url=\"http://x.org/a.mp3?a=1&amp;b=2\" type=\"audio/mpeg\"/></item></channel></rss>")
        #expect(feed.entries[0].enclosures.first?.url == "http://x.org/a.mp3?a=1&b=2")
    }

    @Test("CDATA with markup and double-escaped HTML")
    func cdataAndDoubleEscape() throws {
        let feed = try parse("""
        <rss version="2.0"><channel>
        <item><title>One</title><description><![CDATA[<p>A &amp; B</p>]]></description></item>
        <item><title>Two</title><description>&amp;lt;p&amp;gt;x&amp;lt;/p&amp;gt;</description></item>
        </channel></rss>
        """)
        #expect(feed.entries[0].summaryText == "A & B")
        #expect(feed.entries[1].summaryText == "<p>x</p>")
    }

    @Test("missing closing tags: entries before the damage are kept, bozo is set")
    func missingCloseTags() throws {
        let feed = try parse("<rss version=\"2.0\"><channel><item><title>First</title></item><item><title>Second<description>d</item></channel>")
        #expect(feed.bozo)
        #expect(feed.entries.first?.title == "First")
        #expect(feed.entries.count == 2)
    }

    @Test("entities keep flowing after a well-formedness error")
    func entitiesAfterError() throws {
        let feed = try parse("<rss version=\"2.0\"><channel><item><title>a</b></title></item><item><title>x &amp; y &lt;z&gt;</title></item></channel></rss>")
        #expect(feed.bozo)
        #expect(feed.entries.last?.title == "x & y <z>")
    }

    @Test("NUL bytes and whitespace before the XML declaration")
    func nulAndLeadingSpace() throws {
        var bytes = Array("\n  <?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>Hel".utf8)
        bytes.append(0)
        bytes += Array("lo</title></item></channel></rss>".utf8)
        let feed = try parse(bytes: bytes)
        #expect(feed.entries.first?.title == "Hello")
    }

    @Test("control characters inside CDATA do not cut the document short")
    func controlCharacters() throws {
        let bytes = Array("<rss version=\"2.0\"><channel><item><title>One</title><description><![CDATA[ESC=\"".utf8)
            + [0x00, 0x1B] + Array("[0m\" & more]]></description></item><item><title>Two</title></item></channel></rss>".utf8)
        let feed = try parse(bytes: bytes)
        #expect(feed.entries.map(\.title) == ["One", "Two"])
        // NUL is dropped; other control characters inside CDATA are kept as text.
        #expect(feed.entries.first?.summary == "ESC=\"\u{1B}[0m\" & more")
    }

    @Test("declared ISO-8859-1 is decoded")
    func latin1() throws {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Br".utf8)
            + [0xF8] + Array("ndby</title></channel></rss>".utf8)
        #expect(try parse(bytes: bytes).title == "Brøndby")
    }

    @Test("UTF-8 mislabelled as ISO-8859-1 is read as UTF-8")
    func mislabelledUTF8() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Café</title></feed>"
        #expect(try parse(xml).title == "Café")
    }

    @Test("bytes invalid in the declared UTF-8 fall back to windows-1252")
    func invalidUTF8() throws {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>".utf8)
            + [0x93, 0x71, 0x94, 0x20, 0xE9] + Array("t\u{E9}</title></channel></rss>".utf8)
        #expect(try parse(bytes: bytes).title == "\u{201C}q\u{201D} été")
    }

    @Test("the HTTP charset overrides the declaration; a BOM overrides both")
    func httpCharset() throws {
        let body = Array("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>".utf8)
            + [0xC1, 0xE2] + Array("</title></channel></rss>".utf8)
        #expect(try parse(bytes: body, httpCharset: "windows-1251").title == "Бв")
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<rss version=\"2.0\"><channel><title>é</title></channel></rss>".utf8)
        #expect(try parse(bytes: bom, httpCharset: "iso-8859-1").title == "é")
    }

    @Test("UTF-16 with BOM")
    func utf16() throws {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"><channel><title>Ünï</title></channel></rss>"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes.append(UInt8(unit & 0xFF)); bytes.append(UInt8(unit >> 8)) }
        #expect(try parse(bytes: bytes).title == "Ünï")
    }

    @Test("not a feed: an HTML page is bozo with no format and no entries")
    func htmlPage() throws {
        let feed = try parse("<!DOCTYPE html><html><head><title>Home</title></head><body><p>Hi</p></body></html>")
        #expect(feed.format == nil)
        #expect(feed.bozo)
        #expect(feed.entries.isEmpty)
    }

    @Test("an empty body throws a user-facing error")
    func empty() {
        #expect(throws: FeedParsingError.emptyDocument) { try parse("  \n ") }
    }

    @Test("duplicate ids are kept as separate entries")
    func duplicateIDs() throws {
        let feed = try parse("<rss version=\"2.0\"><channel><item><guid>a</guid><title>1</title></item><item><guid>a</guid><title>2</title></item></channel></rss>")
        #expect(feed.entries.map(\.title) == ["1", "2"])
        #expect(feed.entries.map(\.stableID) == ["a", "a"])
    }
}
