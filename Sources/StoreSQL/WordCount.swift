/// The length of a copy's text in words, the measure ``Storage/ReopenRule`` compares: runs of
/// letters and digits, outside HTML tags and character references (feed content and summaries are
/// HTML; extracted article text is plain and counts alike).
package enum WordCount {
    package static func of(_ text: String?) -> Int {
        guard let text else { return 0 }
        var words = 0
        var inWord = false
        var inTag = false
        var inReference = false
        for scalar in text.unicodeScalars {
            if inTag {
                if scalar == ">" { inTag = false }
                continue
            }
            if inReference {
                if scalar == ";" || isWhitespace(scalar) { inReference = false }
                continue
            }
            switch scalar {
            case "<": inTag = true; inWord = false
            case "&": inReference = true; inWord = false
            default:
                let wordy = isWordy(scalar)
                if wordy && !inWord { words += 1 }
                // An apostrophe or hyphen inside a word does not split it.
                if !(inWord && (scalar == "'" || scalar == "\u{2019}" || scalar == "-")) { inWord = wordy }
            }
        }
        return words
    }

    /// A letter or a digit (Unicode's Alphabetic, or any numeric type); ASCII answered without the
    /// property tables, which cost most of the count.
    private static func isWordy(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (scalar.value == 0x20 || (scalar.value >= 0x09 && scalar.value <= 0x0D)) : scalar.properties.isWhitespace
    }

    /// The longer of an entry's feed texts (content, summary, title), in words.
    package static func of(draftContent content: String?, summary: String?, title: String?) -> Int {
        max(of(content), of(summary), of(title))
    }
}
