import Testing
@testable import Dedup

/// Stories of hundreds of copies: the bound on comparisons per story
/// (``DedupConfiguration/maximumComparisonsPerStory``) and on LSH bucket visits keeps placement
/// linear without changing where the copies go.
@Suite("Large stories: bounded comparisons")
struct LargeStoryTests {
    /// `stories` stories of `copies` near-copies each (2–5 words substituted, half truncated to
    /// 60–100 %), interleaved, with the story of each text.
    static func copies(stories: Int, copies: Int) -> (texts: [String], story: [Int]) {
        var rng = SplitMix(seed: 7)
        let vocabulary = (0..<5_000).map { "v\(String($0 &* 40_503 % 65_521, radix: 36))" }
        let originals = (0..<stories).map { _ in (0..<300).map { _ in vocabulary[rng.below(vocabulary.count)] } }
        var texts: [String] = [], story: [Int] = []
        for c in 0..<(stories * copies) {
            let s = c % stories
            var words = originals[s]
            for _ in 0..<(2 + rng.below(4)) { words[rng.below(words.count)] = vocabulary[rng.below(vocabulary.count)] }
            if rng.below(2) == 0 { words.removeLast(words.count * rng.below(41) / 100) }
            texts.append(words.joined(separator: " "))
            story.append(s)
        }
        return (texts, story)
    }

    @Test("6 stories of 150 copies: each story is one cluster, as without the bound")
    func boundedEqualsUnbounded() {
        let (texts, story) = Self.copies(stories: 6, copies: 150)
        let names = texts.indices.map { "c\($0)" }
        let signatures = BatchClustering.sign(texts)
        var unbounded = DedupConfiguration()
        unbounded.maximumComparisonsPerStory = .max
        let bounded = BatchClustering.cluster(names: names, signatures: signatures)
        let reference = BatchClustering.cluster(names: names, signatures: signatures, configuration: unbounded)
        #expect(bounded.storyOf == reference.storyOf)
        #expect(bounded.stories.count == 6)
        // Pure clusters: every story's documents share its key.
        for s in 0..<6 {
            let keys = Set(texts.indices.filter { story[$0] == s }.map { bounded.storyOf[$0] })
            #expect(keys.count == 1, "story \(s) split into \(keys.count)")
        }
    }
}
