/// How the n MinHash values are derived from the one 64-bit hash of each shingle.
public enum MinHashScheme: UInt8, Sendable, CaseIterable {
    /// One-permutation hashing (Li, Owen, Zhang 2012) with optimal densification (Shrivastava 2017):
    /// the top bits of a shingle's hash pick one of n bins, the low 32 bits compete for that bin's
    /// minimum; empty bins borrow a filled bin chosen by a fixed hash sequence. One operation per
    /// shingle instead of n, with the same estimator. The default, chosen by measurement
    /// (docs/DEDUP.md).
    case onePermutation = 0
    /// n multiply-shift permutations of the 32-bit folded hash (`a·x + b`, then `h ^ h>>16`),
    /// minimum per lane: the classic estimator, in contiguous UInt32 lanes the compiler vectorizes.
    case multiplyShift = 1
}

/// Computes MinHash lanes from shingle hashes. Immutable and `Sendable`: share one per process.
public struct MinHasher: Sendable {
    /// Number of lanes (permutations or bins). A power of two for one-permutation hashing.
    public let laneCount: Int
    public let scheme: MinHashScheme
    /// Multipliers (odd) and increments of the multiply-shift permutations.
    private let multipliers: [UInt32]
    private let increments: [UInt32]
    /// For each lane, the fixed order in which densification looks for a filled bin.
    private let densifySteps: Int
    private let binShift: UInt64

    /// - Parameter laneCount: 128 by default; one-permutation hashing needs a power of two.
    public init(laneCount: Int = 128, scheme: MinHashScheme = .onePermutation) {
        precondition(laneCount > 0 && laneCount <= 1 << 14, "laneCount must be in 1...16384")
        precondition(scheme != .onePermutation || laneCount & (laneCount - 1) == 0,
                     "one-permutation hashing needs a power-of-two lane count")
        self.laneCount = laneCount
        self.scheme = scheme
        var seed: UInt64 = 12_345
        var a: [UInt32] = []
        var b: [UInt32] = []
        for _ in 0..<laneCount {
            seed &+= Hash64.golden
            a.append(UInt32(truncatingIfNeeded: Hash64.mix(seed)) | 1)
            seed &+= Hash64.golden
            b.append(UInt32(truncatingIfNeeded: Hash64.mix(seed)))
        }
        multipliers = a
        increments = b
        densifySteps = 64 * laneCount
        binShift = UInt64(64 - laneCount.trailingZeroBitCount)
    }

    /// Writes the `laneCount` MinHash values of `shingles` into `lanes` (resized as needed).
    /// An empty shingle list gives all-`UInt32.max` lanes.
    public func computeLanes(of shingles: UnsafeBufferPointer<UInt64>, into lanes: inout [UInt32]) {
        if lanes.count != laneCount { lanes = [UInt32](repeating: .max, count: laneCount) }
        switch scheme {
        case .onePermutation: onePermutation(shingles, &lanes)
        case .multiplyShift: multiplyShift(shingles, &lanes)
        }
    }

    private func multiplyShift(_ shingles: UnsafeBufferPointer<UInt64>, _ lanes: inout [UInt32]) {
        let n = laneCount
        lanes.withUnsafeMutableBufferPointer { m in
            for j in 0..<n { m[j] = .max }
            multipliers.withUnsafeBufferPointer { a in
                increments.withUnsafeBufferPointer { b in
                    for x in shingles {
                        let v = UInt32(truncatingIfNeeded: x ^ (x &>> 32))
                        // Contiguous lanes, no branches: vectorized by LLVM at -O.
                        for j in 0..<n {
                            var h = a[j] &* v &+ b[j]
                            h ^= h &>> 16
                            m[j] = min(m[j], h)
                        }
                    }
                }
            }
        }
    }

    private func onePermutation(_ shingles: UnsafeBufferPointer<UInt64>, _ lanes: inout [UInt32]) {
        let n = laneCount
        let shift = binShift
        // Occupancy as a bit set: one small allocation per document.
        var occupancy = [UInt64](repeating: 0, count: (n + 63) / 64)
        occupancy.withUnsafeMutableBufferPointer { occ in
            lanes.withUnsafeMutableBufferPointer { m in
                for j in 0..<n { m[j] = .max }
                for x in shingles {
                    // Shingle hashes are already avalanche-mixed: top bits pick the bin, low bits compete.
                    let bin = shift == 64 ? 0 : Int(truncatingIfNeeded: x &>> shift)
                    let value = UInt32(truncatingIfNeeded: x)
                    occ[bin &>> 6] |= 1 &<< UInt64(bin & 63)
                    if value < m[bin] { m[bin] = value }
                }
                var filled = 0
                for w in 0..<((n + 63) / 64) { filled += occ[w].nonzeroBitCount }
                guard filled > 0, filled < n else { return }
                // Optimal densification: an empty bin j copies the first filled bin in its own fixed
                // pseudo-random probe sequence, so two documents borrow from the same bins.
                for j in 0..<n where occ[j &>> 6] & (1 &<< UInt64(j & 63)) == 0 {
                    var attempt: UInt64 = 1
                    while attempt <= UInt64(densifySteps) {
                        let probe = Hash64.mix(UInt64(j) &* Hash64.golden &+ attempt)
                        let source = Int(truncatingIfNeeded: probe & UInt64(n - 1))
                        if occ[source &>> 6] & (1 &<< UInt64(source & 63)) != 0 { m[j] = m[source]; break }
                        attempt &+= 1
                    }
                }
            }
        }
    }
}
