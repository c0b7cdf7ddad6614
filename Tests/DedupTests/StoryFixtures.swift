@testable import Dedup

/// Deterministic fake stories: a headline and paragraphs of pseudo-words from a 5,000-word
/// vocabulary, so unrelated stories share (almost) no shingles and edits are exact.
struct FakeStory {
    var headline: [String]
    var paragraphs: [[String]]

    init(seed: UInt64, paragraphs count: Int = 10, wordsPerParagraph: Int = 40) {
        var rng = SplitMix(seed: seed &* 7919 &+ 17)
        func word() -> String { "w\(rng.below(5000))" }
        headline = (0..<8).map { _ in word() }
        paragraphs = (0..<count).map { _ in (0..<wordsPerParagraph).map { _ in word() } }
    }

    init(headline: [String], paragraphs: [[String]]) {
        self.headline = headline
        self.paragraphs = paragraphs
    }

    var text: String {
        ([headline.joined(separator: " ")] + paragraphs.map { $0.joined(separator: " ") }).joined(separator: "\n\n")
    }

    /// The first `count` words of the body (a feed's summary-only description).
    func lead(words count: Int) -> String {
        paragraphs.flatMap { $0 }.prefix(count).joined(separator: " ")
    }

    /// A wire copy: `substitutions` words replaced (deterministically).
    func editedCopy(substitutions: Int, seed: UInt64) -> FakeStory {
        var copy = self
        var rng = SplitMix(seed: seed)
        for _ in 0..<substitutions {
            let p = rng.below(copy.paragraphs.count)
            copy.paragraphs[p][rng.below(copy.paragraphs[p].count)] = "sub\(rng.below(100))"
        }
        return copy
    }
}

extension SignatureBuilder {
    mutating func signatureOf(_ story: FakeStory) -> DocumentSignature { signature(of: story.text) }
}
