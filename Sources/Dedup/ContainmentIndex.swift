/// Finds documents that share a content-sampled shingle (``DocumentSignature/containmentSample``).
///
/// MinHash LSH cannot see a feed's summary-only description (the first sentence or two) or a
/// 40 % excerpt as a copy of the full article: their Jaccard is 0.05–0.3. But every shingle of the
/// short text is in the long one, so the shingles both sample by content coincide: each document
/// indexes its sample and a new document looks its own up; exact containment then decides.
struct ContainmentIndex {
    static let maximumSamples = 192
    /// A sampled shingle shared by more documents than this is boilerplate, not evidence: only the
    /// newest this many are visited.
    static let bucketVisitLimit = 64
    private var table: BucketTable
    private var seen: [UInt32] = []
    private var stamp: UInt32 = 0
    /// Keeps the prefetching loads of ``insert(slot:sample:skipLookup:candidate:)`` from being optimized away.
    private var touchSink: UInt32 = 0

    /// Sized for `expectedDocuments` (about 80 sampled shingles each), so a batch does not rehash
    /// the table as it grows.
    init(expectedDocuments: Int = 1024) {
        table = BucketTable(expectedKeys: expectedDocuments * 80)
        table.reserveNodes(expectedDocuments * Self.maximumSamples)
    }

    /// Adds `slot`'s sample and calls `candidate` for each other slot sharing one of its shingles,
    /// once per shared shingle (so the caller can count them). Shingles for which `skipLookup` is
    /// true are indexed but their buckets are not visited.
    mutating func insert(slot: Int32, sample: [UInt64], skipLookup: (UInt64) -> Bool = { _ in false },
                         candidate: (Int32) -> Void) {
        let width = Int32(Self.maximumSamples)
        table.reserveNodes((Int(slot) + 1) * Self.maximumSamples)
        if Int(slot) >= seen.count { seen.append(contentsOf: repeatElement(0, count: Int(slot) + 1 - seen.count + seen.count / 2 + 16)) }
        stamp &+= 1
        if stamp == 0 { for i in seen.indices { seen[i] = 0 }; stamp = 1 }
        seen[Int(slot)] = stamp
        // Load every sampled shingle's home entry first, so the cache misses of a large table
        // overlap instead of queueing one after another (as LSHIndex does for its bands).
        var touched: UInt32 = 0
        for key in sample.prefix(Self.maximumSamples) { touched ^= table.touch(key: key) }
        touchSink ^= touched
        for (i, key) in sample.prefix(Self.maximumSamples).enumerated() {
            let limit = skipLookup(key) ? 0 : Self.bucketVisitLimit
            table.insert(key: key, node: slot &* width &+ Int32(i), limit: limit) { node in
                let other = Int(node / width)
                if seen[other] != stamp { candidate(Int32(other)) }
            }
        }
    }

    mutating func remove(slot: Int32, sample: [UInt64]) {
        let width = Int32(Self.maximumSamples)
        for (i, key) in sample.prefix(Self.maximumSamples).enumerated() {
            table.remove(key: key, node: slot &* width &+ Int32(i))
        }
    }
}
