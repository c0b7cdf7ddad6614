/// Turns a text into its ``DocumentSignature``: normalize → word hashes → k-shingle hashes →
/// sorted unique set → MinHash lanes.
///
/// Reuses its scratch buffers between documents; not thread-safe (one builder per thread).
///
///     var builder = SignatureBuilder()
///     let a = builder.signature(of: "Storm hits the coast on Monday…")
public struct SignatureBuilder {
    public let configuration: DedupConfiguration
    public let minHasher: MinHasher
    private var tokenizer = TextTokenizer()
    private var words: [UInt64] = []
    private var shingleBuffer: [UInt64] = []

    public init(configuration: DedupConfiguration = DedupConfiguration()) {
        self.configuration = configuration
        minHasher = MinHasher(laneCount: configuration.laneCount, scheme: configuration.scheme)
    }

    /// The signature of `text`, with its shingle set.
    public mutating func signature(of text: String) -> DocumentSignature {
        words.removeAll(keepingCapacity: true)
        tokenizer.appendWordHashes(of: text, to: &words)
        let k = configuration.shingleSize
        shingleBuffer.removeAll(keepingCapacity: true)
        var sample = Self.shingle(words, k: k, into: &shingleBuffer)
        shingleBuffer.sort()
        Self.removeAdjacentDuplicates(&shingleBuffer)
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
        tokenizer.appendWordHashes(of: text, to: &words)
        shingleBuffer.removeAll(keepingCapacity: true)
        _ = Self.shingle(words, k: configuration.shingleSize, into: &shingleBuffer)
        shingleBuffer.withUnsafeBufferPointer { minHasher.computeLanes(of: $0, into: &lanes) }
        return shingleBuffer.count
    }

    /// Appends the k-shingle hashes of `words` (one shingle of all words when fewer than k);
    /// returns the lead sample.
    static func shingle(_ words: [UInt64], k: Int, into out: inout [UInt64]) -> [UInt64] {
        guard !words.isEmpty else { return [] }
        let width = min(k, words.count)
        let count = words.count - width + 1
        var lead: [UInt64] = []
        words.withUnsafeBufferPointer { w in
            guard let base = w.baseAddress else { return }
            out.reserveCapacity(out.count + count)
            for i in 0..<count {
                let h = Hash64.shingle(base, start: i, count: width)
                out.append(h)
                if i < ContainmentSample.window, ContainmentSample.isLeadSampled(h), !lead.contains(h) { lead.append(h) }
            }
        }
        return lead
    }

    static func removeAdjacentDuplicates(_ sorted: inout [UInt64]) {
        guard sorted.count > 1 else { return }
        var kept = 1
        sorted.withUnsafeMutableBufferPointer { p in
            for r in 1..<p.count where p[r] != p[kept - 1] {
                p[kept] = p[r]
                kept += 1
            }
        }
        sorted.removeLast(sorted.count - kept)
    }
}
