import Foundation

/// The outcome of fetching and extracting an entry's page.
public struct StoredArticle: Sendable, Equatable {
    public enum Status: String, Sendable {
        /// The page was fetched and its story text extracted.
        case ok
        /// Fetching or extraction failed; `error` says why.
        case failed
        /// Not attempted (the feed text was long enough, or full text is off).
        case skipped
    }

    public var entryID: Int64
    public var finalURL: String?
    public var canonicalURL: String?
    public var title: String?
    public var byline: String?
    public var publishedAt: Date?
    public var language: String?
    public var text: String?
    public var status: Status
    public var error: String?
    public var fetchedAt: Date

    public init(entryID: Int64, finalURL: String? = nil, canonicalURL: String? = nil, title: String? = nil,
                byline: String? = nil, publishedAt: Date? = nil, language: String? = nil, text: String? = nil,
                status: Status, error: String? = nil, fetchedAt: Date = Date()) {
        self.entryID = entryID; self.finalURL = finalURL; self.canonicalURL = canonicalURL; self.title = title
        self.byline = byline; self.publishedAt = publishedAt; self.language = language; self.text = text
        self.status = status; self.error = error; self.fetchedAt = fetchedAt
    }
}

/// A MinHash signature of an entry's best text, as opaque bytes owned by the Dedup module.
public struct StoredSignature: Sendable, Equatable {
    public enum Source: String, Sendable {
        case article, content, summary, title
    }
    public var entryID: Int64
    /// The Dedup module's serialized signature (MinHash lanes, and the shingle set when kept).
    public var minhash: [UInt8]
    public var shingleCount: Int
    public var source: Source
    /// Whether the signed text is the full story (an extracted page, or feed text long enough).
    public var fullText: Bool
    /// Whether the entry was kept apart as a roundup (the leads of several stories): re-seeded as one,
    /// so a later poll still lets only a whole copy join it (docs/DEDUP.md, "Roundups").
    public var roundup: Bool
    /// The keys the entry is filed under in the candidate index (`story_band`: its LSH band keys and
    /// sampled shingles, from `DocumentSignature.candidateKeys`); saving replaces the entry's filed keys
    /// with these. nil leaves the filed keys as they are (a signature read back and saved again).
    public var candidateKeys: [Int64]?

    public init(entryID: Int64, minhash: [UInt8], shingleCount: Int, source: Source, fullText: Bool, roundup: Bool = false,
                candidateKeys: [Int64]? = nil) {
        self.entryID = entryID; self.minhash = minhash
        self.shingleCount = shingleCount; self.source = source; self.fullText = fullText; self.roundup = roundup
        self.candidateKeys = candidateKeys
    }
}

/// A stored signature with what the clusterer needs to re-seed its index.
public struct IndexedSignature: Sendable {
    public var signature: StoredSignature
    public var storyID: Int64?
    /// When the entry was first seen (its place in the time window).
    public var seenAt: Date
    public var hasFullText: Bool

    public init(signature: StoredSignature, storyID: Int64?, seenAt: Date, hasFullText: Bool) {
        self.signature = signature; self.storyID = storyID; self.seenAt = seenAt; self.hasFullText = hasFullText
    }
}
