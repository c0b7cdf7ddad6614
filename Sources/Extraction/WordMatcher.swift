/// Finds whether any of a fixed list of ASCII/UTF-8 words occurs inside a short byte string.
///
/// Words are bucketed by first byte and stored back to back in one byte pool, so a test costs one
/// table probe per input byte and touches no reference-counted storage in the inner loop (nested
/// arrays made every probe a retain/release pair: 5% of extraction time).
struct WordMatcher: Sendable {
    /// Every word's bytes, back to back.
    private let pool: [UInt8]
    /// Word `i` is `pool[wordStart[i] ..< wordStart[i] + wordLength[i]]`; words are grouped by first byte.
    private let wordStart: [Int32]
    private let wordLength: [Int32]
    /// Words starting with byte `b` are `bucketStart[b] ..< bucketStart[b + 1]`.
    private let bucketStart: [Int32]
    /// Bit set per word, for ``tags(in:)`` (one scan answering for several word lists).
    private let wordTag: [UInt8]
    /// Every tag bit some word carries: a scan stops once it has seen them all.
    private let allTags: UInt8

    init(_ words: [String]) {
        self.init(tagged: words.map { ($0, 1) })
    }

    /// A matcher over several word lists at once, each word carrying its list's bit.
    init(tagged words: [(String, UInt8)]) {
        let encoded = words.filter { !$0.0.isEmpty }.map { (Array($0.0.utf8), $0.1) }
        // Stable grouping by first byte keeps the list's order inside a bucket (prefix(of:) returns the first).
        let ordered = encoded.enumerated().sorted { ($0.element.0[0], $0.offset) < ($1.element.0[0], $1.offset) }.map(\.element)
        var pool: [UInt8] = []
        var wordStart: [Int32] = []
        var wordLength: [Int32] = []
        var wordTag: [UInt8] = []
        var bucketStart = [Int32](repeating: 0, count: 257)
        for (word, tag) in ordered {
            wordStart.append(Int32(pool.count))
            wordLength.append(Int32(word.count))
            wordTag.append(tag)
            pool.append(contentsOf: word)
            bucketStart[Int(word[0]) + 1] += 1
        }
        self.wordTag = wordTag
        self.allTags = wordTag.reduce(0, |)
        for index in 1...256 { bucketStart[index] += bucketStart[index - 1] }
        self.pool = pool
        self.wordStart = wordStart
        self.wordLength = wordLength
        self.bucketStart = bucketStart
    }

    /// Whether some word occurs in `bytes`.
    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        scan(bytes, foldingCase: false) != 0
    }

    /// Whether some (lowercase) word occurs in `bytes`, ignoring ASCII case in `bytes`.
    func matchesIgnoringASCIICase(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        scan(bytes, foldingCase: true) != 0
    }

    /// The union of the tags of every word occurring in `bytes`.
    func tags(in bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        scan(bytes, foldingCase: false)
    }

    /// The tags of the words found in `bytes`, stopping once every tag is seen (for an untagged matcher:
    /// at the first word found).
    @inline(__always)
    private func scan(_ bytes: UnsafeBufferPointer<UInt8>, foldingCase: Bool) -> UInt8 {
        @inline(__always) func lower(_ byte: UInt8) -> UInt8 { foldingCase && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        var found: UInt8 = 0
        pool.withUnsafeBufferPointer { pool in
            wordStart.withUnsafeBufferPointer { wordStart in
                wordLength.withUnsafeBufferPointer { wordLength in
                    wordTag.withUnsafeBufferPointer { wordTag in
                        bucketStart.withUnsafeBufferPointer { buckets in
                            let count = bytes.count
                            var start = 0
                            while start < count {
                                let first = Int(lower(bytes[start]))
                                var word = Int(buckets[first])
                                let end = Int(buckets[first + 1])
                                while word < end {
                                    let length = Int(wordLength[word])
                                    if wordTag[word] & ~found != 0, length <= count - start {
                                        let base = Int(wordStart[word])
                                        var offset = 1
                                        while offset < length, lower(bytes[start + offset]) == pool[base + offset] { offset += 1 }
                                        if offset == length {
                                            found |= wordTag[word]
                                            if found == allTags { return }
                                        }
                                    }
                                    word += 1
                                }
                                start += 1
                            }
                        }
                    }
                }
            }
        }
        return found
    }

    /// The index (in this matcher's bucket order) of the first word that `bytes` starts with, if any.
    func prefix(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = bytes.first else { return nil }
        var word = Int(bucketStart[Int(first)])
        let end = Int(bucketStart[Int(first) + 1])
        while word < end {
            let length = Int(wordLength[word])
            if length <= bytes.count {
                let base = Int(wordStart[word])
                var offset = 1
                while offset < length, bytes[offset] == pool[base + offset] { offset += 1 }
                if offset == length { return word }
            }
            word += 1
        }
        return nil
    }

    /// The word at `index` as returned by ``prefix(of:)``.
    func word(at index: Int) -> String {
        let base = Int(wordStart[index])
        return String(decoding: pool[base..<(base + Int(wordLength[index]))], as: UTF8.self)
    }

    func matches(_ string: String) -> Bool {
        var string = string
        return string.withUTF8 { matches($0) }
    }
}
