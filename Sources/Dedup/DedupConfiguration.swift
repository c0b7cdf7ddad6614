/// Every Dedup knob in one place, with the default each was measured at (docs/DEDUP.md).
public struct DedupConfiguration: Sendable, Equatable {
    /// Words per shingle. 4 separates copies from different stories best on the labelled corpus
    /// (lowest positive-pair Jaccard 0.535 vs highest different-story 0.102; docs/DEDUP.md).
    public var shingleSize: Int = 4
    /// Whether shingles run across blank lines. Bounding them by paragraph keeps a reordered
    /// copy's shingles but loses a summary that joins two paragraphs into one; measured on the
    /// dev set, spanning wins (pairwise F1 0.994 vs 0.991, docs/DEDUP.md).
    public var shinglesSpanParagraphs: Bool = true
    /// MinHash lanes (permutations or bins).
    public var laneCount: Int = 128
    public var scheme: MinHashScheme = .onePermutation
    /// Jaccard similarity at or above which two documents are copies of one story.
    public var threshold: Double = 0.5
    /// Threshold the LSH bands are tuned for: lower than ``threshold`` so partial copies
    /// (Jaccard 0.4–0.5 but high containment) still become candidates.
    public var candidateThreshold: Double = 0.3
    /// Share of the shorter document's shingles found in the longer one at or above which the
    /// shorter is a truncated copy or a summary of the longer.
    public var containmentThreshold: Double = 0.8
    /// Share of the shorter document's shingles lying in paragraphs found in the longer one
    /// (``ParagraphAlignment``) at or above which it is an edited copy or edited excerpt…
    public var alignedShareThreshold: Double = 0.8
    /// …provided at least this many consecutive paragraphs are found (a copy shares runs).
    public var minimumAlignedRun: Int = 2
    /// A document none of whose candidate stories explains at least this share of it (in found
    /// paragraphs), but which shares a paragraph of its own with each of at least two of them, is
    /// a roundup: its own story (anti-chaining; docs/DEDUP.md, "Roundups").
    public var roundupShare: Double = 0.8
    /// The shorter document needs at least this many (non-stoplisted) shingles for containment to count.
    public var minimumContainmentShingles: Int = 6
    /// Documents older than this (seconds before the newest) are not matched; ``StoryClusterer/expire(before:)`` drops them.
    public var window: Double = 7 * 86_400
    /// Keep exact shingle sets in memory for verification (and the stoplist and lead index).
    /// Off for very large batches: verification then uses MinHash estimates only.
    public var keepsShingleSets: Bool = true
    /// A shingle seen in at least this share of the stories (and at least ``stoplistMinimumStories``
    /// of them) is boilerplate (wire credit, disclaimer) and ignored by exact verification.
    public var stoplistShare: Double = 0.01
    public var stoplistMinimumStories: Int = 5
    /// A document that shares no LSH band with the new one is a candidate only when it shares at
    /// least this many sampled shingles (``DocumentSignature/containmentSample``): a single shared
    /// sample is a common phrase or a template line (54 % of the comparisons it caused shared
    /// fewer than 4 shingles). Same clustering on every labelled and generated set (docs/DEDUP.md).
    public var minimumSharedSamples: Int = 2
    /// Members of a story looked at for the "most of its members" rule at most (the first ones).
    public var maximumMembersCompared: Int = 64
    /// Of those, members actually compared with a new document at most (besides the
    /// representative): a story of hundreds of near-copies costs what a small one does. Anchors
    /// and core-size members, whose match alone decides, are compared first. Stories of up to this
    /// many members (every labelled and generated stream) are compared exactly as without a limit.
    public var maximumComparisonsPerStory: Int = 16
    /// A new document that matches two stories, each with at least this Jaccard, merges them (see
    /// ``StoryMerge``).
    public var mergeJaccard: Double = 0.4

    public init() {}

    /// Settings for millions of documents: no shingle sets in memory (verification by MinHash
    /// estimates), LSH tuned for 0.4 (32 × 4): on the 100k scale run recall 0.9988 vs 0.9859 at
    /// 0.5 (25 × 5) for +20 % memory.
    public static var compact: DedupConfiguration {
        var c = DedupConfiguration()
        c.keepsShingleSets = false
        c.candidateThreshold = 0.4
        return c
    }

    /// The LSH banding that ``candidateThreshold`` and ``laneCount`` imply.
    public var banding: LSHBanding { LSHBanding.optimal(threshold: candidateThreshold, laneCount: laneCount) }
}
