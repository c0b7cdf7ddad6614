/// Finds documents that share a sampled shingle from the first lines of the text.
///
/// MinHash LSH cannot see a feed's summary-only description (the first sentence or two) as a copy
/// of the full article: their Jaccard is ~0.05. Their *leads* coincide, though, so every document
/// indexes the sampled shingles of its first ``LeadSample/window`` shingles (``DocumentSignature/leadSample``)
/// and a new document looks its own up; exact containment then decides.
struct LeadIndex {
    static let maximumSamples = 24
    private var table = BucketTable()
    private var seen: [UInt32] = []
    private var stamp: UInt32 = 0

    /// Adds `slot`'s lead sample and calls `candidate` once per other slot sharing one of its shingles.
    mutating func insert(slot: Int32, sample: [UInt64], candidate: (Int32) -> Void) {
        let width = Int32(Self.maximumSamples)
        table.reserveNodes((Int(slot) + 1) * Self.maximumSamples)
        if Int(slot) >= seen.count { seen.append(contentsOf: repeatElement(0, count: Int(slot) + 1 - seen.count + seen.count / 2 + 16)) }
        stamp &+= 1
        if stamp == 0 { for i in seen.indices { seen[i] = 0 }; stamp = 1 }
        seen[Int(slot)] = stamp
        for (i, key) in sample.prefix(Self.maximumSamples).enumerated() {
            table.insert(key: key, node: slot &* width &+ Int32(i)) { node in
                let other = Int(node / width)
                if seen[other] != stamp {
                    seen[other] = stamp
                    candidate(Int32(other))
                }
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
