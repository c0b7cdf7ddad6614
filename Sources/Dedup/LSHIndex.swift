/// Locality-sensitive hashing over MinHash lanes: documents that agree on every lane of at least
/// one band land in a common bucket and become candidates for verification.
///
/// Documents are addressed by a dense `slot` number chosen by the caller (``StoryClusterer`` keeps
/// the slot ↔ id map). Insert, query and remove cost one hash-table probe per band.
public struct LSHIndex: Sendable {
    public let banding: LSHBanding
    private var table: BucketTable
    private var seen: [UInt32] = []
    private var stamp: UInt32 = 0
    private var keyScratch: [UInt64] = []
    /// Keeps the prefetching loads of ``insert(slot:lanes:candidate:)`` from being optimized away.
    private var touchSink: UInt32 = 0

    public init(banding: LSHBanding, expectedDocuments: Int = 1024) {
        self.banding = banding
        table = BucketTable(expectedKeys: expectedDocuments * banding.bands)
    }

    /// The bucket key of each band of `lanes`.
    public func bandKeys(_ lanes: [UInt32]) -> [UInt64] {
        var keys = [UInt64](repeating: 0, count: banding.bands)
        lanes.withUnsafeBufferPointer { l in
            keys.withUnsafeMutableBufferPointer { k in Self.bandKeys(l, banding, into: k) }
        }
        return keys
    }

    @inline(__always)
    static func bandKeys(_ lanes: UnsafeBufferPointer<UInt32>, _ banding: LSHBanding,
                         into keys: UnsafeMutableBufferPointer<UInt64>) {
        let r = banding.rows
        for band in 0..<banding.bands {
            var h = UInt64(band &+ 1) &* 0xD6E8_FEB8_6659_FD93
            var i = band &* r
            let end = i &+ r
            while i &+ 1 < end {
                h = Hash64.mix(h ^ (UInt64(lanes[i]) | UInt64(lanes[i &+ 1]) &<< 32))
                i &+= 2
            }
            if i < end { h = Hash64.mix(h ^ UInt64(lanes[i])) }
            keys[band] = h
        }
    }

    /// A bucket holding more documents than this (hundreds of copies of one story) is visited only
    /// for its newest this many on insert: they are copies of one story already, and visiting all
    /// of them made adding a copy cost as much as the story is large (quadratic in the story).
    public static let bucketVisitLimit = 64

    /// Adds the document in `slot` and calls `candidate` once for every other slot sharing a band
    /// (at most ``bucketVisitLimit`` per band, the newest).
    public mutating func insert(slot: Int32, lanes: [UInt32], candidate: (Int32) -> Void) {
        let b = banding.bands
        table.reserveNodes((Int(slot) + 1) * b)
        prepareStamp(slot)
        let stamp = self.stamp
        if keyScratch.count != b { keyScratch = [UInt64](repeating: 0, count: b) }
        let banding = self.banding
        lanes.withUnsafeBufferPointer { l in keyScratch.withUnsafeMutableBufferPointer { Self.bandKeys(l, banding, into: $0) } }
        let keys = keyScratch
        var touched: UInt32 = 0
        for band in 0..<b { touched ^= table.touch(key: keys[band]) }
        touchSink ^= touched
        seen.withUnsafeMutableBufferPointer { seen in
            for band in 0..<b {
                table.insert(key: keys[band], node: slot &* Int32(b) &+ Int32(band), limit: Self.bucketVisitLimit) { node in
                    let other = node / Int32(b)
                    if seen[Int(other)] != stamp {
                        seen[Int(other)] = stamp
                        candidate(other)
                    }
                }
            }
        }
    }

    /// Calls `candidate` once for every indexed slot sharing a band with `lanes`.
    public mutating func query(lanes: [UInt32], candidate: (Int32) -> Void) {
        let b = banding.bands
        prepareStamp(-1)
        let stamp = self.stamp
        let keys = bandKeys(lanes)
        seen.withUnsafeMutableBufferPointer { seen in
            for band in 0..<b {
                table.forEach(key: keys[band]) { node in
                    let other = node / Int32(b)
                    if seen[Int(other)] != stamp {
                        seen[Int(other)] = stamp
                        candidate(other)
                    }
                }
            }
        }
    }

    /// Removes the document in `slot`, whose lanes must be the ones it was inserted with.
    public mutating func remove(slot: Int32, lanes: [UInt32]) {
        let b = banding.bands
        let keys = bandKeys(lanes)
        for band in 0..<b { table.remove(key: keys[band], node: slot &* Int32(b) &+ Int32(band)) }
    }

    /// Number of distinct non-empty buckets.
    public var bucketCount: Int { table.keyCount }

    private mutating func prepareStamp(_ slot: Int32) {
        if Int(slot) >= seen.count { seen.append(contentsOf: repeatElement(0, count: max(Int(slot) + 1, seen.count) - seen.count + seen.count / 2 + 16)) }
        stamp &+= 1
        if stamp == 0 {
            for i in seen.indices { seen[i] = 0 }
            stamp = 1
        }
        if slot >= 0 { seen[Int(slot)] = stamp }   // never report the document itself
    }
}
