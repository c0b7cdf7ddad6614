/// What Dedup remembers of one document: its MinHash lanes, and (optionally) its exact shingle set.
///
/// A value type meant to be stored as a BLOB (``serialize(includingShingles:)`` / ``init(bytes:)``)
/// so a poll can rebuild the index without re-reading texts.
public struct DocumentSignature: Sendable, Equatable {
    /// Version of the byte format written by ``serialize(includingShingles:)``. Changing the hash,
    /// the tokenizer or the permutations changes the meaning of stored lanes: bump it.
    public static let formatVersion: UInt8 = 1

    /// MinHash values, one per lane; equal lanes estimate Jaccard similarity.
    public var minHash: [UInt32]
    /// Sorted, unique 64-bit shingle hashes, for exact Jaccard and containment. Empty when the
    /// signature was stored without them (compact form); ``shingleCount`` is still known.
    public var shingles: [UInt64]
    /// Number of distinct shingles of the document.
    public var shingleCount: Int
    /// A sample of the first shingles of the text, in text order: the hashes among the first
    /// ``LeadSample/window`` shingles whose low bits are zero. Lets a summary-only feed entry
    /// find the article it summarizes (see ``LeadIndex``).
    public var leadSample: [UInt64]
    /// Words per shingle (k) and the MinHash scheme: two signatures compare only if these agree.
    public var shingleSize: Int
    public var scheme: MinHashScheme

    public init(minHash: [UInt32], shingles: [UInt64], shingleCount: Int, leadSample: [UInt64],
                shingleSize: Int, scheme: MinHashScheme) {
        self.minHash = minHash
        self.shingles = shingles
        self.shingleCount = shingleCount
        self.leadSample = leadSample
        self.shingleSize = shingleSize
        self.scheme = scheme
    }

    /// True when the exact shingle set is present.
    public var hasShingleSet: Bool { shingles.count == shingleCount && shingleCount > 0 }

    /// The same signature without its shingle set (MinHash lanes and counts only).
    public var compacted: DocumentSignature {
        var copy = self
        copy.shingles = []
        return copy
    }
}

/// Which leading shingles go into ``DocumentSignature/leadSample``.
public enum LeadSample {
    /// Shingles considered: the first `window` of the text.
    public static let window = 64
    /// A shingle is sampled when `hash & mask == 0` (one in four).
    public static let mask: UInt64 = 3

    @inlinable public static func isSampled(_ hash: UInt64) -> Bool { hash & mask == 0 }
}
