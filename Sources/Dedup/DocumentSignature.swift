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
    /// Shingles sampled by content so a short text contained in a long one shares some of them:
    /// the lead (first ``ContainmentSample/window`` shingles, one in four) and, over the whole
    /// text, the smallest ``ContainmentSample/bodyLimit`` hashes with ``ContainmentSample/bodyMask`` bits zero
    /// (one in 32). Lets a summary-only feed entry or a 40 % excerpt find its article (see ``ContainmentIndex``).
    public var containmentSample: [UInt64]
    /// Words per shingle (k) and the MinHash scheme: two signatures compare only if these agree.
    public var shingleSize: Int
    public var scheme: MinHashScheme
    /// For each entry of ``shingles``, the paragraph (0 = the headline or first block) where the
    /// shingle first starts; empty when unknown (signatures stored before paragraphs were kept).
    /// Lets verification align paragraphs: a copy shares *runs* of paragraphs with its original,
    /// a roundup one paragraph each with several stories (``ParagraphAlignment``).
    public var paragraphOf: [UInt16]

    public init(minHash: [UInt32], shingles: [UInt64], shingleCount: Int, containmentSample: [UInt64],
                shingleSize: Int, scheme: MinHashScheme, paragraphOf: [UInt16] = []) {
        self.minHash = minHash
        self.shingles = shingles
        self.shingleCount = shingleCount
        self.containmentSample = containmentSample
        self.shingleSize = shingleSize
        self.scheme = scheme
        self.paragraphOf = paragraphOf.count == shingles.count ? paragraphOf : []
        paragraphCount = self.paragraphOf.max().map { Int($0) + 1 } ?? 0
    }

    /// True when the exact shingle set is present.
    public var hasShingleSet: Bool { shingles.count == shingleCount && shingleCount > 0 }

    /// True when the shingle set carries paragraph numbers.
    public var hasParagraphs: Bool { hasShingleSet && paragraphOf.count == shingles.count }

    /// One more than the highest paragraph number (0 without paragraph numbers).
    public private(set) var paragraphCount: Int

    /// The same signature without its shingle set and containment sample (MinHash lanes and
    /// counts only), for indexes too large to keep sets in memory.
    public var compacted: DocumentSignature {
        var copy = self
        copy.shingles = []
        copy.paragraphOf = []
        copy.paragraphCount = 0
        copy.containmentSample = []
        return copy
    }
}

/// Which shingles go into ``DocumentSignature/containmentSample``.
public enum ContainmentSample {
    /// Lead shingles considered: the first `window` of the text.
    public static let window = 64
    /// A lead shingle is sampled when `hash & leadMask == 0` (one in two).
    public static let leadMask: UInt64 = 1
    /// A body shingle is sampled when `hash & bodyMask == 0` (one in 32)…
    public static let bodyMask: UInt64 = 31
    /// …and is among the `bodyLimit` smallest such hashes.
    public static let bodyLimit = 40
    /// Each paragraph with at least this many shingles adds its smallest shingle hash, so two texts
    /// sharing a paragraph verbatim share a sample (an excerpt, a quoted paragraph, a roundup's lead).
    public static let paragraphMinimumShingles = 4
    /// Paragraph samples taken at most (the first paragraphs that qualify).
    public static let paragraphLimit = 96

    @inlinable public static func isLeadSampled(_ hash: UInt64) -> Bool { hash & leadMask == 0 }
    @inlinable public static func isBodySampled(_ hash: UInt64) -> Bool { hash & bodyMask == 0 }
}
