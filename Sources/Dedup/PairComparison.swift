/// Why two documents were, or were not, judged copies of one story.
public enum MatchReason: String, Sendable, Equatable {
    /// Exact Jaccard of the shingle sets (boilerplate shingles ignored) reached the threshold.
    case jaccard
    /// The shorter document's shingles are (nearly) all in the longer one: a truncated copy
    /// or a summary-only feed entry of the longer text.
    case containment
    /// MinHash-estimated Jaccard reached the threshold (shingle sets not at hand).
    case estimatedJaccard = "estimated-jaccard"
    /// Containment derived from the estimated Jaccard and the shingle counts.
    case estimatedContainment = "estimated-containment"
    /// Most of the shorter text lies in paragraphs found in the longer one, in runs: an edited
    /// copy (words changed, new headline) or an edited excerpt (``ParagraphAlignment``).
    case alignedParagraphs = "aligned-paragraphs"
    /// Neither similarity reached its threshold.
    case belowThreshold = "below-threshold"
    /// The shorter document is too short for containment to be evidence.
    case tooShort = "too-short"
}

/// Every figure behind one pairwise decision; what `syndic explain` prints.
public struct PairComparison: Sendable, Equatable {
    public var shingleCounts: (first: Int, second: Int)
    /// Shingles of each side ignored as boilerplate by the stoplist.
    public var stoplisted: (first: Int, second: Int)
    /// Share of equal MinHash lanes.
    public var estimatedJaccard: Double
    /// |A∩B| / |A∪B| on the shingle sets, or nil when a set is missing.
    public var exactJaccard: Double?
    /// |A∩B| / |A| and |A∩B| / |B| (exact, or estimated when sets are missing and Jaccard ≥ 0.2).
    public var containmentOfFirst: Double?
    public var containmentOfSecond: Double?
    /// LSH bands in which the two signatures agree.
    public var sharedBands: Int
    /// Paragraph by paragraph, when both signatures carry paragraph numbers.
    public var alignment: ParagraphAlignment?
    public var isMatch: Bool
    public var reason: MatchReason
    /// The similarity the decision rests on (Jaccard or containment), in 0…1.
    public var similarity: Double

    public static func == (a: PairComparison, b: PairComparison) -> Bool {
        a.shingleCounts == b.shingleCounts && a.stoplisted == b.stoplisted && a.estimatedJaccard == b.estimatedJaccard
            && a.exactJaccard == b.exactJaccard && a.containmentOfFirst == b.containmentOfFirst
            && a.containmentOfSecond == b.containmentOfSecond && a.sharedBands == b.sharedBands && a.alignment == b.alignment
            && a.isMatch == b.isMatch && a.reason == b.reason && a.similarity == b.similarity
    }
}

/// Decides whether two signatures are copies of one story (see ``DedupConfiguration``).
public struct PairVerifier: Sendable {
    public let configuration: DedupConfiguration
    public let banding: LSHBanding

    public init(configuration: DedupConfiguration = DedupConfiguration()) {
        self.configuration = configuration
        banding = configuration.banding
    }

    /// Share of equal lanes; 0 when either document has no shingles.
    public static func estimatedJaccard(_ a: [UInt32], _ b: [UInt32]) -> Double {
        guard a.count == b.count, !a.isEmpty else { return 0 }
        var equal = 0
        a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                for i in 0..<x.count { equal &+= x[i] == y[i] ? 1 : 0 }
            }
        }
        return Double(equal) / Double(a.count)
    }

    /// Compares two signatures; `isStopShingle` tells which shingles to ignore as boilerplate.
    /// `countingSharedBands: false` skips the band count (left 0) on the clustering hot path.
    public func compare(_ a: DocumentSignature, _ b: DocumentSignature,
                        isStopShingle: ((UInt64) -> Bool)? = nil, countingSharedBands: Bool = true) -> PairComparison {
        compare(a, b, isStopShingle: isStopShingle, countingSharedBands: countingSharedBands, measured: nil)
    }

    /// `measured`: the paragraph alignment already computed for two signatures with paragraphs
    /// (``ParagraphAlignment/measure(_:_:rawTotalsB:stopsB:)``, stoplist applied); nil to measure here.
    func compare(_ a: DocumentSignature, _ b: DocumentSignature, isStopShingle: ((UInt64) -> Bool)?,
                 countingSharedBands: Bool,
                 measured precomputed: (inter: Int, sizeA: Int, sizeB: Int, alignment: ParagraphAlignment)?) -> PairComparison {
        let estimate = (a.shingleCount == 0 || b.shingleCount == 0) ? 0 : Self.estimatedJaccard(a.minHash, b.minHash)
        var shared = 0
        if countingSharedBands {
            let keysA = LSHIndex.bandKeysOf(a.minHash, banding)
            let keysB = LSHIndex.bandKeysOf(b.minHash, banding)
            shared = zip(keysA, keysB).filter { $0 == $1 }.count
        }
        var result = PairComparison(shingleCounts: (a.shingleCount, b.shingleCount), stoplisted: (0, 0),
                                    estimatedJaccard: estimate, exactJaccard: nil, containmentOfFirst: nil,
                                    containmentOfSecond: nil, sharedBands: shared, alignment: nil, isMatch: false,
                                    reason: .belowThreshold, similarity: estimate)
        if a.hasShingleSet && b.hasShingleSet {
            let inter: Int, sizeA: Int, sizeB: Int
            if a.hasParagraphs && b.hasParagraphs {
                let measured = precomputed ?? ParagraphAlignment.measure(a, b, isStopShingle)
                (inter, sizeA, sizeB) = (measured.inter, measured.sizeA, measured.sizeB)
                result.alignment = measured.alignment
            } else {
                (inter, sizeA, sizeB) = Self.intersect(a.shingles, b.shingles, isStopShingle)
            }
            result.stoplisted = (a.shingleCount - sizeA, b.shingleCount - sizeB)
            let union = sizeA + sizeB - inter
            let jaccard = union == 0 ? 0 : Double(inter) / Double(union)
            result.exactJaccard = jaccard
            result.containmentOfFirst = sizeA == 0 ? 0 : Double(inter) / Double(sizeA)
            result.containmentOfSecond = sizeB == 0 ? 0 : Double(inter) / Double(sizeB)
            decide(&result, jaccard: jaccard, sizes: (sizeA, sizeB), exact: true)
        } else {
            if estimate >= 0.2, a.shingleCount > 0, b.shingleCount > 0 {
                let inter = estimate / (1 + estimate) * Double(a.shingleCount + b.shingleCount)
                result.containmentOfFirst = min(1, inter / Double(a.shingleCount))
                result.containmentOfSecond = min(1, inter / Double(b.shingleCount))
            }
            decide(&result, jaccard: estimate, sizes: (a.shingleCount, b.shingleCount), exact: false)
        }
        return result
    }

    private func decide(_ r: inout PairComparison, jaccard: Double, sizes: (Int, Int), exact: Bool) {
        if jaccard >= configuration.threshold, min(sizes.0, sizes.1) > 0 {
            r.isMatch = true
            r.reason = exact ? .jaccard : .estimatedJaccard
            r.similarity = jaccard
            return
        }
        r.similarity = jaccard
        let shorterIsFirst = sizes.0 <= sizes.1
        let shorter = shorterIsFirst ? sizes.0 : sizes.1
        guard let containment = shorterIsFirst ? r.containmentOfFirst : r.containmentOfSecond else { return }
        if containment >= configuration.containmentThreshold {
            guard shorter >= configuration.minimumContainmentShingles else { r.reason = .tooShort; return }
            r.isMatch = true
            r.reason = exact ? .containment : .estimatedContainment
            r.similarity = containment
            return
        }
        guard let alignment = r.alignment, shorter >= configuration.minimumContainmentShingles else { return }
        let side = shorterIsFirst ? alignment.first : alignment.second
        if side.coveredShare >= configuration.alignedShareThreshold, side.longestRun >= configuration.minimumAlignedRun {
            r.isMatch = true
            r.reason = .alignedParagraphs
            r.similarity = side.coveredShare
        }
    }

    /// |A∩B| and the sizes of A and B, all without stop shingles. Both inputs sorted and unique.
    static func intersect(_ a: [UInt64], _ b: [UInt64], _ stop: ((UInt64) -> Bool)?) -> (Int, Int, Int) {
        var i = 0, j = 0, inter = 0
        var sizeA = a.count, sizeB = b.count
        if let stop {
            for h in a where stop(h) { sizeA -= 1 }
            for h in b where stop(h) { sizeB -= 1 }
        }
        a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                while i < x.count && j < y.count {
                    let u = x[i], v = y[j]
                    if u < v { i &+= 1 } else if v < u { j &+= 1 } else {
                        if stop?(u) != true { inter &+= 1 }
                        i &+= 1; j &+= 1
                    }
                }
            }
        }
        return (inter, sizeA, sizeB)
    }
}

extension LSHIndex {
    /// The band keys of `lanes` under `banding` (for explaining shared bands).
    public static func bandKeysOf(_ lanes: [UInt32], _ banding: LSHBanding) -> [UInt64] {
        guard lanes.count >= banding.bands * banding.rows else { return [] }
        var keys = [UInt64](repeating: 0, count: banding.bands)
        lanes.withUnsafeBufferPointer { l in keys.withUnsafeMutableBufferPointer { bandKeys(l, banding, into: $0) } }
        return keys
    }
}
