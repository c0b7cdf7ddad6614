import Testing
@testable import Dedup

/// The clustering hot path (stoplist applied once per document, table lookups) must give the
/// figures of the per-shingle path that `syndic explain` uses.
@Suite("Counted shingles: the hot path equals the per-shingle path")
struct CountedShinglesTests {
    @Test("measure with prepared sides equals measure with a stop predicate", arguments: [0, 3, 7])
    func sameFigures(stopEvery: Int) {
        var builder = SignatureBuilder()
        let story = FakeStory(seed: 71, paragraphs: 9)
        var pairs: [(DocumentSignature, DocumentSignature)] = []
        let full = builder.signatureOf(story)
        pairs.append((builder.signatureOf(story.editedCopy(substitutions: 30, seed: 5)), full))
        pairs.append((builder.signature(of: story.lead(words: 60)), full))
        pairs.append((builder.signatureOf(FakeStory(seed: 72, paragraphs: 5)), full))
        pairs.append((full, builder.signature(of: story.lead(words: 90))))
        // Boilerplate: every `stopEvery`-th hash value class (none when 0).
        let isStop: (UInt64) -> Bool = { stopEvery > 0 && $0 % UInt64(stopEvery) == 0 }
        for (a, b) in pairs {
            let stopsA = a.shingles.indices.filter { isStop(a.shingles[$0]) }.map { Int32($0) }
            let stopsB = b.shingles.indices.filter { isStop(b.shingles[$0]) }.map { Int32($0) }
            let counted = CountedShingles(a, rawTotals: CountedShingles.rawTotals(a), stops: stopsA)
            let fast = ParagraphAlignment.measure(a, counted, b, rawTotalsB: CountedShingles.rawTotals(b), stopsB: stopsB)
            let slow = ParagraphAlignment.measure(a, b, stopEvery > 0 ? isStop : nil)
            #expect(fast.inter == slow.inter && fast.sizeA == slow.sizeA && fast.sizeB == slow.sizeB)
            #expect(fast.alignment == slow.alignment)
            let verifier = PairVerifier()
            #expect(verifier.compare(a, b, isStopShingle: nil, countingSharedBands: false, measured: fast)
                    == verifier.compare(a, b, isStopShingle: stopEvery > 0 ? isStop : nil, countingSharedBands: false))
        }
    }
}
