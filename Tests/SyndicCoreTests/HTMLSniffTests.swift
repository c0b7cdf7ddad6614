import SyndicCore
import Testing

@Suite("HTML sniff for titles")
struct HTMLSniffTests {
    @Test("a closing tag or a character reference looks like HTML; a bare & or < does not")
    func looksLikeHTML() {
        #expect(HTMLSniff.looksLikeHTML("<b>bold</b>"))
        #expect(HTMLSniff.looksLikeHTML("Caf&eacute;"))
        #expect(HTMLSniff.looksLikeHTML("Bold &amp4; headline"))
        #expect(!HTMLSniff.looksLikeHTML("AT&T wins"))
        #expect(!HTMLSniff.looksLikeHTML("a < b"))
    }
}
