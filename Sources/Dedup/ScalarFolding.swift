import Foundation

/// How the tokenizer treats one non-ASCII Unicode scalar, computed once per distinct scalar.
///
/// Folding is the Unicode compatibility decomposition (NFKD) of the scalar, lower-cased, with the
/// combining diacritics U+0300–U+036F removed, so "ﬁ" → "fi", "Ａ" → "a", "²" → "2" and both the
/// precomposed and the decomposed spelling of "café" become "cafe". Foundation is used here only,
/// on the first sight of each scalar; the tokenizer's hot path never calls it.
struct ScalarFold: Sendable {
    enum Kind: UInt8, Sendable {
        /// Punctuation, symbol, space or control: ends the current word.
        case separator
        /// Part of a word; `bytes` are appended to it (may be empty for a dropped diacritic).
        case wordPart
        /// A character of a script written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar…):
        /// a token of its own, so shingles become character n-grams.
        case standalone
    }

    let kind: Kind
    /// UTF-8 of the folded form. A zero byte inside marks a separator (e.g. "½" folds to "1 2").
    let bytes: [UInt8]

    static let separator = ScalarFold(kind: .separator, bytes: [])

    /// Computes the fold of `scalar` (slow path; callers cache the result).
    static func compute(_ scalar: Unicode.Scalar) -> ScalarFold {
        // Invisible joiners inside words (soft hyphen, zero-width (non-)joiner, word joiner, BOM) vanish:
        // "Klima\u{AD}wandel" and "Klimawandel" are one word.
        if isInvisibleJoiner(scalar) { return ScalarFold(kind: .wordPart, bytes: []) }
        guard isWordScalar(scalar) else { return .separator }
        let decomposed = String(scalar).decomposedStringWithCompatibilityMapping.lowercased()
        var bytes: [UInt8] = []
        var standalone = false
        for folded in decomposed.unicodeScalars {
            if (0x300...0x36F).contains(folded.value) { continue }
            if !isWordScalar(folded) {
                if bytes.last != 0 { bytes.append(0) }
                continue
            }
            if isWrittenWithoutSpaces(folded) { standalone = true }
            bytes.append(contentsOf: Array(String(folded).utf8))
        }
        while bytes.last == 0 { bytes.removeLast() }
        while bytes.first == 0 { bytes.removeFirst() }
        if bytes.isEmpty && !(0x300...0x36F).contains(scalar.value) && !isMark(scalar) { return .separator }
        return ScalarFold(kind: standalone ? .standalone : .wordPart, bytes: bytes)
    }

    static func isInvisibleJoiner(_ scalar: Unicode.Scalar) -> Bool {
        [0x00AD, 0x200C, 0x200D, 0x2060, 0xFEFF].contains(scalar.value)
    }

    /// Letters, marks and numbers make words; everything else separates them.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Scripts whose words are not separated by spaces; each character becomes a token.
    static func isWrittenWithoutSpaces(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0E00...0x0EFF,          // Thai, Lao
             0x1000...0x109F,          // Myanmar
             0x1780...0x17FF,          // Khmer
             0x3040...0x30FF,          // Hiragana, Katakana
             0x31F0...0x31FF,          // Katakana phonetic extensions
             0x3400...0x4DBF,          // CJK extension A
             0x4E00...0x9FFF,          // CJK unified ideographs
             0xF900...0xFAFF,          // CJK compatibility ideographs
             0x20000...0x3FFFF:        // CJK extensions B…
            return true
        default:
            return false
        }
    }
}
