/// Finds whether any of a fixed list of ASCII/UTF-8 words occurs inside a short byte string.
/// Words are bucketed by first byte, so a test costs about one bucket probe per input byte.
struct WordMatcher: Sendable {
    private let buckets: [[[UInt8]]]

    init(_ words: [String]) {
        var buckets = [[[UInt8]]](repeating: [], count: 256)
        for word in words where !word.isEmpty {
            let bytes = Array(word.utf8)
            buckets[Int(bytes[0])].append(bytes)
        }
        self.buckets = buckets
    }

    /// Whether some word occurs in `bytes`.
    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var start = 0
        while start < count {
            let bucket = buckets[Int(bytes[start])]
            if !bucket.isEmpty {
                for word in bucket where word.count <= count - start {
                    var offset = 1
                    while offset < word.count, bytes[start + offset] == word[offset] { offset += 1 }
                    if offset == word.count { return true }
                }
            }
            start += 1
        }
        return false
    }

    /// Whether some (lowercase) word occurs in `bytes`, ignoring ASCII case in `bytes`.
    func matchesIgnoringASCIICase(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        @inline(__always) func lower(_ byte: UInt8) -> UInt8 { (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte }
        let count = bytes.count
        var start = 0
        while start < count {
            let bucket = buckets[Int(lower(bytes[start]))]
            if !bucket.isEmpty {
                for word in bucket where word.count <= count - start {
                    var offset = 1
                    while offset < word.count, lower(bytes[start + offset]) == word[offset] { offset += 1 }
                    if offset == word.count { return true }
                }
            }
            start += 1
        }
        return false
    }

    func matches(_ string: String) -> Bool {
        var string = string
        return string.withUTF8 { matches($0) }
    }
}
