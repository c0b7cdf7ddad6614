import Foundation
import Testing
@testable import Extraction

/// Characters as a browser shows them: a page's bytes over its label, and the HTML standard's
/// windows-1252 table for numeric references in the C1 range.
@Suite("Decoding: bytes over labels, C1 references through windows-1252")
struct DecodingTests {
    static let story = "Der Bürgermeister von Zürich eröffnete am Montag die neue Brücke über die Limmat, "
        + "und Tausende Schaulustige säumten bei strahlendem Wetter das Ufer."

    @Test("a page declaring a single-byte charset in <meta> whose bytes are valid UTF-8 is read as UTF-8",
          arguments: ["iso-8859-1", "windows-1252", "ISO-8859-15", "windows-1250"])
    func utf8UnderSingleByteLabel(label: String) throws {
        let html = "<html><head><meta charset=\"\(label)\"><title>Brücke</title></head><body><p>\(Self.story)</p></body></html>"
        let result = try ArticleExtractor.extract(html: Array(html.utf8))
        #expect(result.article.text == Self.story)
        #expect(result.article.title == "Brücke")
    }

    @Test("the same holds for the http-equiv form of the label")
    func utf8UnderHTTPEquivLabel() throws {
        let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head>"
            + "<body><p>\(Self.story)</p></body></html>"
        #expect(try ArticleExtractor.extract(html: Array(html.utf8)).article.text == Self.story)
    }

    @Test("a real windows-1252 page with a declared label keeps its label")
    func realSingleBytePage() throws {
        // "Grüße aus München …" with ü = 0xFC, ß = 0xDF: not valid UTF-8, so the label decides.
        let bytes = Array("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Gr".utf8) + [0xFC, 0xDF]
            + Array("e aus M".utf8) + [0xFC] + Array("nchen, wo es heute regnet und der Wind weht.</p></body></html>".utf8)
        #expect(try ArticleExtractor.extract(html: bytes).article.text == "Grüße aus München, wo es heute regnet und der Wind weht.")
    }

    @Test("numeric references 128–159 decode through the windows-1252 table")
    func c1References() throws {
        let html = "<html><head><title>Wait&#133; what</title></head><body><p>He paused&#133; then said &#147;the price is "
            + "&#128;5&#148; &#150; and left&#x85; The shop&#146;s sign read &#x93;closed&#x94;, as it had for years now.</p></body></html>"
        let result = try ArticleExtractor.extract(html: Array(html.utf8))
        #expect(result.article.text == "He paused… then said “the price is €5” – and left… The shop’s sign read “closed”, as it had for years now.")
        #expect(result.article.title == "Wait… what")
    }

    @Test("the five C1 positions windows-1252 leaves undefined stay as they are")
    func undefinedC1References() throws {
        let html = "<html><body><p>A control &#129; here and &#157; there, inside a sentence long enough to be the story text.</p></body></html>"
        let text = try ArticleExtractor.extract(html: Array(html.utf8)).article.text
        #expect(text.unicodeScalars.contains("\u{81}"))
        #expect(text.unicodeScalars.contains("\u{9D}"))
    }
}
