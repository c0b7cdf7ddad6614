/// Learns which shingles are boilerplate: those seen in many *different* stories (wire credit
/// lines, "this article first appeared on…", standard disclaimers).
///
/// Counts are per story, not per document, so the copies of one widely syndicated story do not
/// make its own sentences look like boilerplate. Storage is a two-row count-min sketch of 16-bit
/// counters (2 × 2²² × 2 bytes = 16 MiB) so memory does not grow with the number of documents;
/// a collision can only over-count, i.e. ignore a rare shingle, never keep a frequent one.
struct ShingleStoplist {
    private static let bits = 22
    private var rows: [UInt16]
    /// One bit per 2¹⁸ buckets, set once a shingle has been counted in ``minimumStories`` stories:
    /// a 32 KB filter (it stays in cache) in front of the 16 MiB sketch, so the common case (a
    /// shingle of one story) costs no random access to the sketch. Never cleared; a stale bit only
    /// costs the full lookup. The bucket is the top 18 bits of the (already mixed) shingle hash,
    /// so the shingles of a sorted set that fall in one bucket are one contiguous range
    /// (``StoryClusterer`` finds a document's newly flagged shingles by binary search).
    private var frequent: [UInt64]
    static let frequentBits = 18
    /// The filter bits in the order they were set; its count is the filter's epoch: the positions
    /// of a document's shingles that pass the filter (``isSuspect(_:)``) computed at epoch `e`
    /// miss only the shingles in buckets `setBits[e...]`.
    private(set) var setBits: [UInt32] = []
    private(set) var storyCount = 0
    let share: Double
    let minimumStories: Int

    init(share: Double, minimumStories: Int) {
        rows = [UInt16](repeating: 0, count: 2 << Self.bits)
        frequent = [UInt64](repeating: 0, count: (1 << Self.frequentBits) / 64)
        self.share = share
        self.minimumStories = minimumStories
    }

    /// The story frequency at and above which a shingle is ignored.
    var cutoff: Int { max(minimumStories, Int((share * Double(storyCount)).rounded(.up))) }

    /// False until enough stories are indexed for a frequency to mean anything.
    var isActive: Bool { storyCount >= minimumStories * 2 }

    @inline(__always) private static func indices(_ h: UInt64) -> (Int, Int) {
        let m = (1 << bits) - 1
        return (Int(truncatingIfNeeded: h) & m, (1 << bits) + (Int(truncatingIfNeeded: Hash64.mix(h)) & m))
    }

    /// Counts one new story with these (unique) shingles.
    mutating func addStory(_ shingles: [UInt64]) {
        storyCount += 1
        let minimum = UInt16(clamping: minimumStories)
        rows.withUnsafeMutableBufferPointer { r in
            frequent.withUnsafeMutableBufferPointer { f in
                for h in shingles {
                    let (a, b) = Self.indices(h)
                    if r[a] < .max { r[a] += 1 }
                    if r[b] < .max { r[b] += 1 }
                    if min(r[a], r[b]) >= minimum {
                        let bit = Self.filterBit(h)
                        let mask: UInt64 = 1 << UInt64(bit & 63)
                        if f[bit >> 6] & mask == 0 {
                            f[bit >> 6] |= mask
                            setBits.append(UInt32(bit))
                        }
                    }
                }
            }
        }
    }

    /// Forgets a story counted with ``addStory(_:)``.
    mutating func removeStory(_ shingles: [UInt64]) {
        storyCount -= 1
        rows.withUnsafeMutableBufferPointer { r in
            for h in shingles {
                let (a, b) = Self.indices(h)
                if r[a] > 0 && r[a] < .max { r[a] -= 1 }
                if r[b] > 0 && r[b] < .max { r[b] -= 1 }
            }
        }
    }

    /// Estimated number of stories containing `h` (never an under-estimate).
    func storyFrequency(_ h: UInt64) -> Int {
        let (a, b) = Self.indices(h)
        return Int(min(rows[a], rows[b]))
    }

    /// The filter bucket of `h`: its top bits (the sketch rows use the low bits and a remix).
    @inline(__always) static func filterBit(_ h: UInt64) -> Int {
        Int(truncatingIfNeeded: h &>> UInt64(64 - frequentBits))
    }

    /// Number of filter bits set so far (see ``setBits``).
    var filterEpoch: Int { setBits.count }

    /// True when the filter lets `h` through: it may be boilerplate (``isStopShingle(_:)`` is
    /// then ``isActive`` and ``isFrequent(_:)``); false means it is not.
    @inline(__always) func isSuspect(_ h: UInt64) -> Bool {
        let bit = Self.filterBit(h)
        return frequent[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// True when `h` is in at least ``cutoff`` stories (the sketch lookup behind ``isStopShingle(_:)``).
    @inline(__always) func isFrequent(_ h: UInt64) -> Bool { storyFrequency(h) >= cutoff }

    func isStopShingle(_ h: UInt64) -> Bool {
        guard isActive else { return false }
        let bit = Self.filterBit(h)
        guard frequent[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return false }
        return storyFrequency(h) >= cutoff
    }
}
