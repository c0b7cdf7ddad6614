import Foundation
import StoreSQL
import Testing

/// The word count the reopen rule compares: its ASCII shortcut counts exactly as Unicode's
/// properties do.
@Suite("Word count of a copy's text")
struct WordCountTests {
    /// The definition: runs of Alphabetic or numeric scalars, outside tags and references.
    static func reference(_ text: String) -> Int {
        var words = 0, inWord = false, inTag = false, inReference = false
        for scalar in text.unicodeScalars {
            if inTag { if scalar == ">" { inTag = false }; continue }
            if inReference { if scalar == ";" || scalar.properties.isWhitespace { inReference = false }; continue }
            switch scalar {
            case "<": inTag = true; inWord = false
            case "&": inReference = true; inWord = false
            default:
                let wordy = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                if wordy && !inWord { words += 1 }
                if !(inWord && (scalar == "'" || scalar == "\u{2019}" || scalar == "-")) { inWord = wordy }
            }
        }
        return words
    }

    @Test("every ASCII character between two words, and mixed scripts, count as the Unicode definition says")
    func matchesDefinition() {
        for value in 0..<128 {
            let c = String(Character(Unicode.Scalar(UInt8(value))))
            for text in ["alpha\(c)beta", "\(c)", "x&amp\(c)y", "9\(c)9"] {
                #expect(WordCount.of(text) == Self.reference(text), "\(value): \(text.debugDescription)")
            }
        }
        let mixed = "<p>Ünïcode café — 東京 ٣٤ ½ l'été &nbsp; co-op Ⅻ x²</p> Δ-δ"
        #expect(WordCount.of(mixed) == Self.reference(mixed))
        #expect(WordCount.of("<p>The council met, and approved 3 budgets.</p>") == 7)
    }
}
