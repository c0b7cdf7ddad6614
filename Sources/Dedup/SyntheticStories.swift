/// Deterministic generator of stories and their syndicated copies, for the scale benchmark and
/// tests: each story is a random draw of words from a vocabulary; each copy applies wire edits
/// (a few word substitutions, a truncation to 60–100 %, a credit line shared by all stories).
public struct SyntheticStories: Sendable {
    private let vocabulary: [String]
    private let wordsPerDocument: Int
    /// Boilerplate every copy may carry; shared across unrelated stories on purpose.
    public static let creditLine = "This story was first published by the Associated Press and is republished with permission."

    public init(vocabulary: [Substring], wordsPerDocument: Int) {
        var unique = Set<Substring>()
        var words: [String] = []
        for w in vocabulary where unique.insert(w).inserted { words.append(String(w)) }
        if words.isEmpty { words = ["empty"] }
        self.vocabulary = words
        self.wordsPerDocument = wordsPerDocument
    }

    /// The documents of group `index`: the original first, then 0–4 edited copies.
    public func group(_ index: Int) -> [String] {
        var rng = SplitMix(seed: UInt64(index) &* 0x9E37_79B9_7F4A_7C15 &+ 1)
        let original = (0..<wordsPerDocument).map { _ in vocabulary[rng.below(vocabulary.count)] }
        let copies = rng.below(5)
        var docs = [original.joined(separator: " ")]
        for _ in 0..<copies {
            var words = original
            for _ in 0..<(2 + rng.below(4)) {
                words[rng.below(words.count)] = vocabulary[rng.below(vocabulary.count)]
            }
            if rng.below(2) == 0 {
                words.removeLast(words.count * rng.below(41) / 100)
            }
            var text = words.joined(separator: " ")
            if rng.below(3) == 0 { text = Self.creditLine + " " + text }
            docs.append(text)
        }
        return docs
    }
}

/// splitmix64 as a tiny deterministic random source.
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Hash64.mix(state)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
}
