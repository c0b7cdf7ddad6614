/// Splits text into normalized words and hashes each word to 64 bits, in one pass over UTF-8.
///
/// Normalization: ASCII letters are lower-cased through a table; every other scalar goes through
/// ``ScalarFold`` (compatibility decomposition, lower case, diacritics dropped), cached per scalar.
/// Punctuation, symbols and whitespace separate words and are dropped; digits are kept.
/// Characters of scripts written without spaces (CJK, Thai…) become one token each, so word
/// shingles over them are character n-grams.
///
/// Not thread-safe: it owns a cache. Use one tokenizer (or one ``SignatureBuilder``) per thread.
public struct TextTokenizer {
    /// ASCII byte → lower-cased byte for letters and digits, 0 for separators.
    @usableFromInline static let asciiTable: [UInt8] = (0..<128).map { (c: Int) -> UInt8 in
        switch c {
        case 0x30...0x39, 0x61...0x7A: return UInt8(c)
        case 0x41...0x5A: return UInt8(c + 32)
        default: return 0
        }
    }

    private var folds: [UInt32: ScalarFold] = [:]

    public init() {}

    /// The normalized words of `text`, as strings (for tests and `syndic explain`).
    public mutating func words(of text: String) -> [String] {
        var result: [String] = []
        var current: [UInt8] = []
        forEachWordByte(text) { byte in
            if let byte { current.append(byte) } else {
                result.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        return result
    }

    /// Appends the 64-bit hash of every normalized word of `text` to `hashes`.
    public mutating func appendWordHashes(of text: String, to hashes: inout [UInt64]) {
        var hasher = WordHasher()
        forEachWordByte(text) { byte in
            if let byte { hasher.append(byte) } else { hashes.append(hasher.finish()) }
        }
    }

    /// Calls `body` with each byte of each normalized word, and with nil after each word.
    @inline(__always)
    private mutating func forEachWordByte(_ text: String, _ body: (UInt8?) -> Void) {
        var text = text
        text.withUTF8 { utf8 in
            Self.asciiTable.withUnsafeBufferPointer { table in
                var inWord = false
                var i = 0
                let n = utf8.count
                while i < n {
                    let byte = utf8[i]
                    if byte < 0x80 {
                        let folded = table[Int(byte)]
                        if folded != 0 {
                            body(folded)
                            inWord = true
                        } else if inWord {
                            body(nil)
                            inWord = false
                        }
                        i &+= 1
                        continue
                    }
                    let (scalarValue, length) = Self.decode(utf8, at: i)
                    i &+= length
                    let fold = fold(scalarValue)
                    switch fold.kind {
                    case .separator:
                        if inWord { body(nil); inWord = false }
                    case .wordPart:
                        for b in fold.bytes {
                            if b == 0 {
                                if inWord { body(nil); inWord = false }
                            } else {
                                body(b)
                                inWord = true
                            }
                        }
                    case .standalone:
                        if inWord { body(nil); inWord = false }
                        var any = false
                        for b in fold.bytes where b != 0 { body(b); any = true }
                        if any { body(nil) }
                    }
                }
                if inWord { body(nil) }
            }
        }
    }

    private mutating func fold(_ value: UInt32) -> ScalarFold {
        if let cached = folds[value] { return cached }
        let computed = Unicode.Scalar(value).map(ScalarFold.compute) ?? .separator
        folds[value] = computed
        return computed
    }

    /// Decodes the scalar starting at a non-ASCII byte; invalid sequences decode as U+FFFD, length 1.
    @inline(__always)
    private static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(utf8[i])
        let n = utf8.count
        if b0 & 0xE0 == 0xC0, i + 1 < n {
            return (((b0 & 0x1F) << 6) | (UInt32(utf8[i + 1]) & 0x3F), 2)
        }
        if b0 & 0xF0 == 0xE0, i + 2 < n {
            return (((b0 & 0x0F) << 12) | ((UInt32(utf8[i + 1]) & 0x3F) << 6) | (UInt32(utf8[i + 2]) & 0x3F), 3)
        }
        if b0 & 0xF8 == 0xF0, i + 3 < n {
            let v = ((b0 & 0x07) << 18) | ((UInt32(utf8[i + 1]) & 0x3F) << 12)
                | ((UInt32(utf8[i + 2]) & 0x3F) << 6) | (UInt32(utf8[i + 3]) & 0x3F)
            return (v, 4)
        }
        return (0xFFFD, 1)
    }
}
