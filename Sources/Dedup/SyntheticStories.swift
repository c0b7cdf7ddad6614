/// Deterministic generator of stories and their syndicated copies, for the scale benchmark and
/// tests: each story is a random draw of words from a vocabulary; each copy applies wire edits
/// (a few word substitutions, a truncation to 60–100 %, a credit line shared by all stories).
public struct SyntheticStories: Sendable {
    private let vocabulary: [[UInt8]]
    private let wordsPerDocument: Int
    /// Boilerplate every copy may carry; shared across unrelated stories on purpose.
    public static let creditLine = "This story was first published by the Associated Press and is republished with permission."

    public init(vocabulary: [Substring], wordsPerDocument: Int) {
        var unique = Set<Substring>()
        var words: [[UInt8]] = []
        for w in vocabulary where unique.insert(w).inserted { words.append(Array(w.utf8)) }
        if words.isEmpty { words = [Array("empty".utf8)] }
        self.vocabulary = words
        self.wordsPerDocument = wordsPerDocument
    }

    /// The documents of group `index`: the original first, then 0–4 edited copies.
    public func group(_ index: Int) -> [String] {
        var rng = SplitMix(seed: Hash64.mix(UInt64(index) &+ 0x5EED))
        let original = (0..<wordsPerDocument).map { _ in Int32(rng.below(vocabulary.count)) }
        let copies = rng.below(5)
        var docs = [text(original, credit: false)]
        for _ in 0..<copies {
            var words = original
            for _ in 0..<(2 + rng.below(4)) {
                words[rng.below(words.count)] = Int32(rng.below(vocabulary.count))
            }
            if rng.below(2) == 0 {
                words.removeLast(words.count * rng.below(41) / 100)
            }
            docs.append(text(words, credit: rng.below(3) == 0))
        }
        return docs
    }

    private func text(_ words: [Int32], credit: Bool) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(words.count * 8 + 100)
        if credit { bytes.append(contentsOf: Self.creditLine.utf8); bytes.append(0x20) }
        for w in words {
            bytes.append(contentsOf: vocabulary[Int(w)])
            bytes.append(0x20)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// splitmix64 as a tiny deterministic random source.
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = Hash64.mix(seed ^ 0xA076_1D64_78BD_642F) }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Hash64.mix(state)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
}
