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
    private var sequence: [UInt64] = []
    private var sequenceParagraphs: [UInt16] = []

    public init(configuration: DedupConfiguration = DedupConfiguration()) {
        self.configuration = configuration
        minHasher = MinHasher(laneCount: configuration.laneCount, scheme: configuration.scheme)
    }

    /// The signature of `text`, with its shingle set and paragraph numbers.
    public mutating func signature(of text: String) -> DocumentSignature {
        words.removeAll(keepingCapacity: true)
        paragraphStarts.removeAll(keepingCapacity: true)
        tokenizer.appendWordHashes(of: text, to: &words, paragraphStarts: &paragraphStarts)
        let k = configuration.shingleSize
        shingleBuffer.removeAll(keepingCapacity: true)
        sequenceParagraphs.removeAll(keepingCapacity: true)
        var sample = Self.shingle(words, paragraphStarts: paragraphStarts, bounded: !configuration.shinglesSpanParagraphs,
                                  k: k, into: &shingleBuffer, paragraphs: &sequenceParagraphs)
        sequence.removeAll(keepingCapacity: true)
        sequence.append(contentsOf: shingleBuffer)
        HashSorting.sortAndRemoveDuplicates(&shingleBuffer, scratch: &sortScratch, counts: &sortCounts)
        var body = 0
        for h in shingleBuffer where ContainmentSample.isBodySampled(h) {
            guard body < ContainmentSample.bodyLimit else { break }
            body += 1
            if !sample.contains(h) { sample.append(h) }
        }
        let paragraphOf = Self.paragraphNumbers(sorted: shingleBuffer, sequence: sequence, paragraphs: sequenceParagraphs)
        for h in Self.paragraphMinima(sorted: shingleBuffer, paragraphOf: paragraphOf) where !sample.contains(h) {
            sample.append(h)
        }
        var lanes: [UInt32] = []
        shingleBuffer.withUnsafeBufferPointer { minHasher.computeLanes(of: $0, into: &lanes) }
        return DocumentSignature(minHash: lanes, shingles: shingleBuffer, shingleCount: shingleBuffer.count,
                                 containmentSample: sample, shingleSize: k, scheme: configuration.scheme,
                                 paragraphOf: paragraphOf)
    }

    /// For each shingle of the sorted unique set, the paragraph where it first starts in the text.
    /// One hash-table probe per shingle of the text (the set's positions by hash), not a search.
    static func paragraphNumbers(sorted: [UInt64], sequence: [UInt64], paragraphs: [UInt16]) -> [UInt16] {
        var out = [UInt16](repeating: .max, count: sorted.count)
        var capacity = 64
        while capacity < sorted.count * 2 { capacity <<= 1 }
        let mask = capacity - 1
        // Position + 1 of each hash in `sorted` (0: empty), open addressing on the hash's low bits.
        var table = [Int32](repeating: 0, count: capacity)
        sorted.withUnsafeBufferPointer { set in
            table.withUnsafeMutableBufferPointer { t in
                for i in 0..<set.count {
                    var e = Int(truncatingIfNeeded: set[i]) & mask
                    while t[e] != 0 { e = (e &+ 1) & mask }
                    t[e] = Int32(i &+ 1)
                }
                out.withUnsafeMutableBufferPointer { o in
                    for (i, h) in sequence.enumerated() {
                        var e = Int(truncatingIfNeeded: h) & mask
                        while true {
                            let at = Int(t[e]) &- 1
                            if at < 0 { break }          // not in the set (cannot happen: every shingle is)
                            if set[at] == h {
                                if o[at] == .max { o[at] = paragraphs[i] }
                                break
                            }
                            e = (e &+ 1) & mask
                        }
                    }
                }
            }
        }
        return out
    }

    /// The smallest shingle hash of each paragraph with at least
    /// ``ContainmentSample/paragraphMinimumShingles`` shingles, first paragraphs first.
    static func paragraphMinima(sorted: [UInt64], paragraphOf: [UInt16]) -> [UInt64] {
        guard let last = paragraphOf.max() else { return [] }
        var counts = [Int32](repeating: 0, count: Int(last) + 1)
        for p in paragraphOf { counts[Int(p)] += 1 }
        var minimum = [UInt64?](repeating: nil, count: counts.count)
        for (i, p) in paragraphOf.enumerated() where minimum[Int(p)] == nil {
            if counts[Int(p)] >= ContainmentSample.paragraphMinimumShingles { minimum[Int(p)] = sorted[i] }
        }
        return Array(minimum.compactMap { $0 }.prefix(ContainmentSample.paragraphLimit))
    }

    /// Only the MinHash lanes of `text` (no sorted set): the cheapest path, for benchmarks and
    /// compact indexes. Duplicated shingles do not change a minimum, so no dedup is needed.
    public mutating func minHashLanes(of text: String, into lanes: inout [UInt32]) -> Int {
        words.removeAll(keepingCapacity: true)
        paragraphStarts.removeAll(keepingCapacity: true)
        tokenizer.appendWordHashes(of: text, to: &words, paragraphStarts: &paragraphStarts)
        shingleBuffer.removeAll(keepingCapacity: true)
        sequenceParagraphs.removeAll(keepingCapacity: true)
        _ = Self.shingle(words, paragraphStarts: paragraphStarts, bounded: !configuration.shinglesSpanParagraphs,
                         k: configuration.shingleSize, into: &shingleBuffer, paragraphs: &sequenceParagraphs)
        shingleBuffer.withUnsafeBufferPointer { minHasher.computeLanes(of: $0, into: &lanes) }
        return shingleBuffer.count
    }

    /// Appends the k-shingle hashes of `words` to `out` and the paragraph each starts in to
    /// `paragraphs` (`paragraphStarts`: word index of each paragraph after the first). When
    /// `bounded`, shingles stop at paragraph ends (a paragraph shorter than k words is one
    /// shingle); otherwise they run across them. A text shorter than k words is one shingle.
    /// Returns the lead part of the containment sample.
    static func shingle(_ words: [UInt64], paragraphStarts: [Int], bounded: Bool, k: Int,
                        into out: inout [UInt64], paragraphs: inout [UInt16]) -> [UInt64] {
        guard !words.isEmpty else { return [] }
        var lead: [UInt64] = []
        out.reserveCapacity(out.count + words.count)
        paragraphs.reserveCapacity(paragraphs.count + words.count)
        let bounds = bounded ? paragraphStarts : []
        words.withUnsafeBufferPointer { w in
            guard let base = w.baseAddress else { return }
            var start = 0
            var paragraph = 0
            for p in 0...bounds.count {
                let end = p < bounds.count ? bounds[p] : words.count
                defer { start = end }
                guard end > start else { continue }
                let width = min(k, end - start)
                for i in start...(end - width) {
                    while paragraph < paragraphStarts.count && paragraphStarts[paragraph] <= i { paragraph += 1 }
                    let h = Hash64.shingle(base, start: i, count: width)
                    if out.count < ContainmentSample.window, ContainmentSample.isLeadSampled(h), !lead.contains(h) {
                        lead.append(h)
                    }
                    out.append(h)
                    paragraphs.append(UInt16(min(paragraph, Int(UInt16.max) - 1)))
                }
            }
        }
        return lead
    }
}
