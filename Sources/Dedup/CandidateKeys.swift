extension DocumentSignature {
    /// The keys under which a database files this signature so that a later document finds it again
    /// with one indexed query (the `story_band` table): one key per LSH band of `banding` (the
    /// configuration's, passed in because computing it takes an integration), then the containment
    /// sample's shingles (at most ``ContainmentIndex/maximumSamples``; none with `includingSamples` false,
    /// for compact signatures).
    ///
    /// Whenever the clusterer would make two documents candidates of each other (a shared band, or
    /// shared sampled shingles), they share a key, so a placer seeded with only the stories sharing
    /// a key with a new document compares it with every story a whole-window seed would have. Band
    /// keys are mixed hashes of lane runs and samples are shingle hashes: 64-bit values, so the two
    /// kinds do not meet by accident. A document without shingles (empty text) has no keys: it
    /// matches nothing, as in the clusterer.
    public func candidateKeys(banding: LSHBanding, includingSamples: Bool = true) -> [UInt64] {
        guard shingleCount > 0 else { return [] }
        var keys = [UInt64](repeating: 0, count: banding.bands)
        minHash.withUnsafeBufferPointer { lanes in
            keys.withUnsafeMutableBufferPointer { out in LSHIndex.bandKeys(lanes, banding, into: out) }
        }
        if includingSamples {
            keys += containmentSample.prefix(ContainmentIndex.maximumSamples)
        }
        return keys
    }
}
