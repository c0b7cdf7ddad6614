/// Where ``StoryClusterer/add(document:signature:timestamp:hasFullText:)`` put a document.
public enum Assignment: Sendable, Equatable {
    /// The document is a copy of an existing story. `matchedDocument` is the member it was
    /// verified against (the representative when that matched), `similarity` the Jaccard or
    /// containment the decision rests on, `reason` which of the two.
    case joined(storyKey: Int64, matchedDocument: Int64, similarity: Double, reason: MatchReason)
    /// The document starts a story; its key is the document's own id.
    case newStory(storyKey: Int64)

    /// The story the document now belongs to.
    public var storyKey: Int64 {
        switch self {
        case .joined(let key, _, _, _), .newStory(let key): return key
        }
    }
}

/// A document as stored between polls, to re-seed a ``StoryClusterer`` with ``StoryClusterer/load(documents:)``.
public struct StoredDocument: Sendable {
    public var id: Int64
    public var signature: DocumentSignature
    /// Seconds since 1970 (first seen or published).
    public var timestamp: Double
    public var storyKey: Int64
    public var hasFullText: Bool
    /// Kept apart as a roundup when it was added: only a whole copy may join it.
    public var isRoundup: Bool

    public init(id: Int64, signature: DocumentSignature, timestamp: Double, storyKey: Int64, hasFullText: Bool,
                isRoundup: Bool = false) {
        self.id = id
        self.signature = signature
        self.timestamp = timestamp
        self.storyKey = storyKey
        self.hasFullText = hasFullText
        self.isRoundup = isRoundup
    }
}

/// A story as the clusterer sees it: key, representative, members in arrival order.
public struct StorySnapshot: Sendable, Equatable {
    public var key: Int64
    /// Earliest member with full text (earliest member when none has it).
    public var representative: Int64
    public var members: [Int64]
}

/// Two stories found to be one: a new document (`bridge`) was a near-whole copy of both, so the
/// story `from` (its `documents`) joined the story `into`, which the bridge joined. See
/// ``StoryClusterer/lastMerges``.
public struct StoryMerge: Sendable, Equatable {
    public var from: Int64
    public var into: Int64
    public var bridge: Int64
    public var documents: [Int64]
    /// Jaccard of the bridge with the member of `from` it matched.
    public var jaccard: Double
}
