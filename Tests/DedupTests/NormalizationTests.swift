import Testing
@testable import Dedup

@Suite("Normalization and tokenization")
struct NormalizationTests {
    /// Named cases: input text → expected normalized words.
    static let cases: [(name: String, text: String, words: [String])] = [
        ("ASCII case folded, punctuation dropped", "Hello, World! It's 2026.", ["hello", "world", "it", "s", "2026"]),
        ("digits kept, separators split", "COVID-19 cases rose 3.5%", ["covid", "19", "cases", "rose", "3", "5"]),
        ("curly quotes and dashes separate", "“Quoted”—said ‘she’", ["quoted", "said", "she"]),
        ("precomposed accent folded", "Café Noël", ["cafe", "noel"]),
        ("decomposed accent folded the same", "Cafe\u{301} Noe\u{308}l", ["cafe", "noel"]),
        ("compatibility ligature", "ﬁnance ﬂow", ["finance", "flow"]),
        ("full-width letters and digits", "ＡＢＣ１２３", ["abc123"]),
        ("superscript digit kept", "x² area", ["x2", "area"]),
        ("non-breaking and ideographic spaces", "a\u{00A0}b\u{3000}c", ["a", "b", "c"]),
        ("Greek and Cyrillic lower-cased", "ΑΘΗΝΑ Москва", ["αθηνα", "москва"]),
        ("German sharp s and capital umlaut", "STRAßE Über", ["straße", "uber"]),
        ("Han characters are one token each", "東京都", ["東", "京", "都"]),
        ("kana mixed with Latin", "ニュースnews", ["ニ", "ュ", "ー", "ス", "news"]),
        ("Thai characters are one token each", "ข่าว", ["ข", "่", "า", "ว"]),
        ("emoji and symbols are separators", "rise 📈 fall ™", ["rise", "fall"]),
        ("empty and punctuation-only", " ... — ", []),
        ("underscores and slashes separate", "snake_case a/b", ["snake", "case", "a", "b"]),
        ("soft hyphens and zero-width joiners vanish inside words", "Klima\u{AD}wandel Aus\u{200D}gabe\u{2060}n",
         ["klimawandel", "ausgaben"]),
    ]

    @Test("normalized words", arguments: cases.indices)
    func normalizedWords(_ index: Int) {
        let c = Self.cases[index]
        var tokenizer = TextTokenizer()
        #expect(tokenizer.words(of: c.text) == c.words, "\(c.name)")
    }

    @Test("word hashes equal the hash of the normalized word bytes")
    func hashesMatchWords() {
        var tokenizer = TextTokenizer()
        let text = "Café “Noël” ﬁnance 東京 2026"
        var hashes: [UInt64] = []
        tokenizer.appendWordHashes(of: text, to: &hashes)
        let expected = tokenizer.words(of: text).map { Hash64.word(Array($0.utf8)) }
        #expect(hashes == expected)
    }

    @Test("spellings that differ only in case, width, accents or punctuation give one signature")
    func equivalentSpellingsSameSignature() {
        var builder = SignatureBuilder()
        let a = builder.signature(of: "The Café in Zürich reopened on Monday, officials said.")
        let b = builder.signature(of: "THE CAFE\u{301} IN ZU\u{308}RICH — reopened on monday; officials said")
        #expect(a == b)
    }
}
