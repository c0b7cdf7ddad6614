import Foundation
import Testing
@testable import Extraction

@Suite("Any bytes give an article or a typed error")
struct RobustnessTests {
    @Test("empty input is a typed error")
    func empty() {
        #expect(throws: ExtractionError.emptyInput) { try ArticleExtractor.extract(html: [UInt8]()) }
    }

    @Test("binary data is a typed error, not garbage text")
    func binary() {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]
        bytes += (0..<20_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(throws: ExtractionError.unparsable) { try ArticleExtractor.extract(html: bytes) }
    }

    @Test("100,000 nested divs neither crash nor hang")
    func deepNesting() {
        let depth = 100_000
        var html = "<html><body>"
        html += String(repeating: "<div>", count: depth)
        html += "<p>Deep inside the nesting sits a paragraph that is long enough to count as the story text here.</p>"
        html += String(repeating: "</div>", count: depth)
        html += "</body></html>"
        // libxml2 may cap the depth; either an article or a typed error is acceptable, a crash is not.
        do {
            let result = try ArticleExtractor.extract(html: Array(html.utf8))
            #expect(!result.article.blocks.isEmpty)
        } catch {
            #expect(error == .noContent)
        }
    }

    @Test("a truncated page still yields its first paragraphs")
    func truncated() throws {
        let full = Array(Fixtures.wordPress.utf8)
        let cut = Array(full[0..<(full.count * 3 / 5)])
        let text = try ArticleExtractor.extract(html: cut).article.text
        #expect(text.contains(Fixtures.putinStory[0]))
    }

    @Test("Windows-1252 bytes declared by meta charset decode correctly")
    func windows1252() throws {
        // "Café au lait coûte …" with é = 0xE9 and û = 0xFB, as a Windows-1252 page stores them.
        let bytes = Array("<html><head><meta charset=\"windows-1252\"></head><body><p>Caf".utf8) + [0xE9]
            + Array(" au lait co".utf8) + [0xFB]
            + Array("te trois euros dans ce quartier, ce qui reste raisonnable pour Paris.</p></body></html>".utf8)
        let text = try ArticleExtractor.extract(html: bytes).article.text
        #expect(text.hasPrefix("Café au lait coûte"))
    }

    @Test("soft hyphens (&shy; or raw U+00AD) vanish, as they do on screen")
    func softHyphens() throws {
        let html = "<html><body><p>Schon im Mit&shy;tel&shy;al&shy;ter war der Wein das Aus\u{00AD}hänge\u{00AD}schild "
            + "der Region, und das Loblied auf ihn wurde weithin gesungen.</p></body></html>"
        let text = try ArticleExtractor.extract(html: Array(html.utf8)).article.text
        #expect(text == "Schon im Mittelalter war der Wein das Aushängeschild der Region, und das Loblied auf ihn wurde weithin gesungen.")
    }

    @Test("undeclared invalid UTF-8 falls back to Windows-1252")
    func invalidUTF8Fallback() throws {
        let bytes = Array("<html><body><p>Gr".utf8) + [0xFC, 0xDF] + Array("e aus M".utf8) + [0xFC]
            + Array("nchen, wo es heute regnet und der Wind kr".utf8) + [0xE4] + Array("ftig weht.</p></body></html>".utf8)
        let text = try ArticleExtractor.extract(html: bytes).article.text
        #expect(text == "Grüße aus München, wo es heute regnet und der Wind kräftig weht.")
    }

    @Test("a UTF-8 page with one broken byte stays UTF-8")
    func mostlyUTF8() throws {
        let story = "Zürich, Genève und Lugano melden für das Wochenende Schnee bis in tiefe Lagen, sagt der Wetterdienst."
        let bytes = Array("<html><head><meta charset=\"utf-8\"></head><body><p>\(story) ".utf8) + [0xFF]
            + Array(" Ende.</p></body></html>".utf8)
        let text = try ArticleExtractor.extract(html: bytes).article.text
        #expect(text.hasPrefix(story))
    }

    @Test("HTTP charset outranks the page's claim; UTF-16 with BOM is read")
    func httpCharsetAndBOM() throws {
        let body = "<html><head><meta charset=\"utf-8\"></head><body><p>Ma\u{00F1}ana llegar\u{00E1} el tren de las ocho a la estaci\u{00F3}n central de la ciudad.</p></body></html>"
        let latin1 = body.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        let text = try ArticleExtractor.extract(html: latin1, httpCharset: "ISO-8859-1").article.text
        #expect(text.hasPrefix("Mañana llegará"))

        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in body.replacingOccurrences(of: "utf-8", with: "utf-16").utf16 {
            utf16.append(UInt8(unit & 0xFF))
            utf16.append(UInt8(unit >> 8))
        }
        #expect(try ArticleExtractor.extract(html: utf16).article.text.hasPrefix("Mañana llegará"))
    }

    @Test("a page without any text is a typed error")
    func noText() {
        #expect(throws: ExtractionError.noContent) {
            try ArticleExtractor.extract(html: Array("<html><body><img src=x.jpg><script>var a=1</script></body></html>".utf8))
        }
    }
}
