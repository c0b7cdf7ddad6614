/// Turns a text into its ``DocumentSignature``: normalize → word hashes → k-shingle hashes →
/// sorted unique set → MinHash lanes.
///
/// Reuses its scratch buffers between documents; not thread-safe (one builder per thread).
///
///     var builder = SignatureBuilder()
///     let a = builder.signature(of: "Storm hits the coast on Monday…")
public struct SignatureBuilder: Sendable {
    public let configuration: DedupConfiguration
    public let minHasher: MinHasher
    private var tokenizer = TextTokenizer()
    private var words: [UInt64] = []
    private var shingleBuffer: [UInt64] = []
    private var paragraphStarts: [Int] = []
    private var sortScratch: [UInt64] = []
    private var sortCounts: [Int32] = []

    public init(configuration: DedupConfiguration = DedupConfiguration()) {
        self.configuration = configuration
        minHasher = MinHasher(laneCount: configuration.laneCount, scheme: configuration.scheme)
    }

    /// The signature of `text`, with its shingle set.
    public mutating func signature(of text: String) -> DocumentSignature {
        words.removeAll(keepingCapacity: true)
        paragraphStarts.removeAll(keepingCapacity: true)
        tokenizer.appendWordHashes(of: text, to: &words, paragraphStarts: &paragraphStarts)
        if configuration.shinglesSpanParagraphs { paragraphStarts.removeAll(keepingCapacity: true) }
        let k = configuration.shingleSize
        shingleBuffer.removeAll(keepingCapacity: true)
        var sample = Self.shingle(words, paragraphStarts: paragraphStarts, k: k, into: &shingleBuffer)
        HashSorting.sortAndRemoveDuplicates(&shingleBuffer, scratch: &sortScratch, counts: &sortCounts)
        var body = 0
        for h in shingleBuffer where ContainmentSample.isBodySampled(h) {
            guard body < ContainmentSample.bodyLimit else { break }
            body += 1
            if !sample.contains(h) { sample.append(h) }
        }
        var lanes: [UInt32] = []
        shingleBuffer.withUnsafeBufferPointer { minHasher.computeLanes(of: $0, into: &lanes) }
        return DocumentSignature(minHash: lanes, shingles: shingleBuffer, shingleCount: shingleBuffer.count,
                                 containmentSample: sample, shingleSize: k, scheme: configuration.scheme)
    }

    /// Only the MinHash lanes of `text` (no sorted set): the cheapest path, for benchmarks and
    /// compact indexes. Duplicated shingles do not change a minimum, so no dedup is needed.
    public mutating func minHashLanes(of text: String, into lanes: inout [UInt32]) -> Int {
        words.removeAll(keepingCapacity: true)
        paragraphStarts.removeAll(keepingCapacity: true)
        tokenizer.appendWordHashes(of: text, to: &words, paragraphStarts: &paragraphStarts)
        if configuration.shinglesSpanParagraphs { paragraphStarts.removeAll(keepingCapacity: true) }
        shingleBuffer.removeAll(keepingCapacity: true)
        _ = Self.shingle(words, paragraphStarts: paragraphStarts, k: configuration.shingleSize, into: &shingleBuffer)
        shingleBuffer.withUnsafeBufferPointer { minHasher.computeLanes(of: $0, into: &lanes) }
        return shingleBuffer.count
    }

    /// Appends the k-shingle hashes of `words`, paragraph by paragraph when `paragraphStarts` is
    /// not empty (a paragraph shorter than k words is one shingle; so is a text shorter than k).
    /// Returns the lead part of the containment sample.
    static func shingle(_ words: [UInt64], paragraphStarts: [Int], k: Int, into out: inout [UInt64]) -> [UInt64] {
        guard !words.isEmpty else { return [] }
        var lead: [UInt64] = []
        out.reserveCapacity(out.count + words.count)
        words.withUnsafeBufferPointer { w in
            guard let base = w.baseAddress else { return }
            var start = 0
            for p in 0...paragraphStarts.count {
                let end = p < paragraphStarts.count ? paragraphStarts[p] : words.count
                defer { start = end }
                guard end > start else { continue }
                let width = min(k, end - start)
                for i in start...(end - width) {
                    let h = Hash64.shingle(base, start: i, count: width)
                    if out.count < ContainmentSample.window, ContainmentSample.isLeadSampled(h), !lead.contains(h) {
                        lead.append(h)
                    }
                    out.append(h)
                }
            }
        }
        return lead
    }
}
