/// How two texts line up paragraph by paragraph: which paragraphs of each are found in the other.
///
/// A paragraph is *found* when at least half of its (non-boilerplate) shingles are in the other
/// text, so a lightly edited paragraph (8 % of words changed keeps ~70 % of 4-word shingles) is
/// still found while Jaccard of the whole may fall under the threshold. A copy shares *runs* of
/// paragraphs with its original and most of its text lies in found paragraphs; a follow-up shares
/// two quoted paragraphs; a roundup shares one lead paragraph with each of several stories
/// (``StoryClusterer`` keeps such a document apart: docs/DEDUP.md, "Roundups").
public struct ParagraphAlignment: Sendable, Equatable {
    /// One text's side of the alignment.
    public struct Side: Sendable, Equatable {
        /// Paragraphs with at least one counted shingle.
        public var paragraphs = 0
        /// Of those, the ones found in the other text.
        public var found = 0
        /// Longest run of consecutive found paragraphs (paragraphs without counted shingles skipped).
        public var longestRun = 0
        /// Share of the text's counted shingles that lie in found paragraphs.
        public var coveredShare = 0.0
        /// Bit p set when paragraph p (< 64) is found and has at least
        /// ``ParagraphAlignment/substantialShingles`` counted shingles: a real paragraph, not a
        /// one-line label.
        public var substantialFound: UInt64 = 0
        /// One of the text's first two substantial paragraphs (headline, lead) is found: the
        /// other text quotes its *start*, as a roundup or an excerpt does, not its middle.
        public var leadFound = false
    }

    /// A found paragraph counts as evidence of shared *content* from this many shingles on.
    public static let substantialShingles = 8

    public var first: Side
    public var second: Side

    /// Intersects the two sorted shingle sets once, counting per paragraph; returns the
    /// intersection size, both sizes (without stop shingles) and the alignment. Both signatures
    /// must have paragraph numbers.
    static func measure(_ a: DocumentSignature, _ b: DocumentSignature,
                        _ stop: ((UInt64) -> Bool)?) -> (inter: Int, sizeA: Int, sizeB: Int, alignment: ParagraphAlignment) {
        // Four per-paragraph counters on the stack: this runs once per candidate comparison.
        let pa = a.paragraphCount, pb = b.paragraphCount
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * (pa + pb)) { counts in
            counts.initialize(repeating: 0)
            let totalA = UnsafeMutableBufferPointer(rebasing: counts[0..<pa])
            let sharedA = UnsafeMutableBufferPointer(rebasing: counts[pa..<(2 * pa)])
            let totalB = UnsafeMutableBufferPointer(rebasing: counts[(2 * pa)..<(2 * pa + pb)])
            let sharedB = UnsafeMutableBufferPointer(rebasing: counts[(2 * pa + pb)...])
            var inter = 0
            a.shingles.withUnsafeBufferPointer { x in
                b.shingles.withUnsafeBufferPointer { y in
                    a.paragraphOf.withUnsafeBufferPointer { px in
                        b.paragraphOf.withUnsafeBufferPointer { py in
                            var i = 0, j = 0
                            while i < x.count || j < y.count {
                                if j == y.count || (i < x.count && x[i] < y[j]) {
                                    if stop?(x[i]) != true { totalA[Int(px[i])] &+= 1 }
                                    i &+= 1
                                } else if i == x.count || y[j] < x[i] {
                                    if stop?(y[j]) != true { totalB[Int(py[j])] &+= 1 }
                                    j &+= 1
                                } else {
                                    if stop?(x[i]) != true {
                                        totalA[Int(px[i])] &+= 1; sharedA[Int(px[i])] &+= 1
                                        totalB[Int(py[j])] &+= 1; sharedB[Int(py[j])] &+= 1
                                        inter &+= 1
                                    }
                                    i &+= 1; j &+= 1
                                }
                            }
                        }
                    }
                }
            }
            let (sideA, sizeA) = side(UnsafeBufferPointer(totalA), UnsafeBufferPointer(sharedA))
            let (sideB, sizeB) = side(UnsafeBufferPointer(totalB), UnsafeBufferPointer(sharedB))
            return (inter, sizeA, sizeB, ParagraphAlignment(first: sideA, second: sideB))
        }
    }

    /// The same figures as ``measure(_:_:_:)`` with the stoplist applied beforehand: `countedA` is
    /// the first text's side (``CountedShingles``: counts and a shingle → paragraph table),
    /// `rawTotalsB` the second's shingles per paragraph and `stopsB` the positions of its
    /// boilerplate shingles. Each of the second text's shingles is looked up in the table once
    /// (a shared boilerplate shingle is boilerplate in the table too): no stoplist lookup and no
    /// merge per shingle.
    static func measure(_ a: DocumentSignature, _ countedA: CountedShingles, _ b: DocumentSignature,
                        rawTotalsB: [Int32], stopsB: [Int32]) -> (inter: Int, sizeA: Int, sizeB: Int, alignment: ParagraphAlignment) {
        let pa = a.paragraphCount, pb = b.paragraphCount
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: pa + 2 * pb) { counts in
            let sharedA = UnsafeMutableBufferPointer(rebasing: counts[0..<pa])
            let totalB = UnsafeMutableBufferPointer(rebasing: counts[pa..<(pa + pb)])
            let sharedB = UnsafeMutableBufferPointer(rebasing: counts[(pa + pb)...])
            sharedA.initialize(repeating: 0)
            sharedB.initialize(repeating: 0)
            rawTotalsB.withUnsafeBufferPointer { raw in
                for p in 0..<pb { totalB[p] = raw[p] }
            }
            var inter = 0
            b.shingles.withUnsafeBufferPointer { y in
                b.paragraphOf.withUnsafeBufferPointer { py in
                    for s in stopsB { totalB[Int(py[Int(s)])] &-= 1 }
                    countedA.keys.withUnsafeBufferPointer { keys in
                        countedA.values.withUnsafeBufferPointer { values in
                            let mask = countedA.mask, zero = countedA.zeroValue
                            for j in 0..<y.count {
                                let p = CountedShingles.lookup(y[j], keys: keys, values: values, mask: mask, zeroValue: zero)
                                if p >= 0 {
                                    sharedA[Int(p)] &+= 1
                                    sharedB[Int(py[j])] &+= 1
                                    inter &+= 1
                                }
                            }
                        }
                    }
                }
            }
            let (sideA, sizeA) = countedA.totals.withUnsafeBufferPointer { side($0, UnsafeBufferPointer(sharedA)) }
            let (sideB, sizeB) = side(UnsafeBufferPointer(totalB), UnsafeBufferPointer(sharedB))
            return (inter, sizeA, sizeB, ParagraphAlignment(first: sideA, second: sideB))
        }
    }

    private static func side(_ total: UnsafeBufferPointer<Int32>, _ shared: UnsafeBufferPointer<Int32>) -> (Side, Int) {
        var s = Side()
        var size = 0, covered = 0, run = 0, leads = 0
        for p in total.indices where total[p] > 0 {
            size += Int(total[p])
            s.paragraphs += 1
            let substantial = total[p] >= substantialShingles
            if substantial { leads += 1 }
            guard shared[p] * 2 >= total[p] else { run = 0; continue }
            if substantial && leads <= 2 { s.leadFound = true }
            s.found += 1
            covered += Int(total[p])
            run += 1
            s.longestRun = max(s.longestRun, run)
            if p < 64, substantial { s.substantialFound |= 1 << UInt64(p) }
        }
        s.coveredShare = size == 0 ? 0 : Double(covered) / Double(size)
        return (s, size)
    }
}
