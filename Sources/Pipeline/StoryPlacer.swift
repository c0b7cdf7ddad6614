import Dedup
import Foundation
import Logging
import Storage

/// Places signed entries in stories as they come, and stores the outcome in batches.
///
/// The clusterer is re-seeded from the database with the window's earlier signatures the first
/// time an entry arrives (a poll with nothing new never pays for it). Entries are placed in the
/// order they are handed over, which is the order their rows were created, so story keys and
/// representatives follow arrival. Results are committed every ``batchSize`` entries, or as soon
/// as ``articleBatchSize`` extracted pages wait, so memory stays bounded and an interrupted poll
/// keeps what it placed (the rest is redone by the next one). Pages are the slow part of a poll
/// (each is a download), so their batch is small: a poll killed after a few seconds keeps its pages.
final class StoryPlacer {
    let db: any PollStore
    let options: PollOptions
    let now: Date
    /// Stores signatures and articles without placing them (another process holds the placer lock of a
    /// shared database): the entries wait, signed, for ``placeUnplaced()`` in whichever process places next.
    let deferred: Bool
    var batchSize = 2_000
    /// Extracted pages per commit: small, because each took a download to get.
    var articleBatchSize = 16

    private var clusterer: StoryClusterer?
    private var existingStories = Set<Int64>()
    private(set) var newStories = Set<Int64>()
    private(set) var grownStories = Set<Int64>()
    private var assignments: [StoryAssignment] = []
    private var signatures: [StoredSignature] = []
    private var articles: [StoredArticle] = []

    init(db: any PollStore, options: PollOptions, now: Date, deferred: Bool = false) {
        self.db = db
        self.options = options
        self.now = now
        self.deferred = deferred
    }

    /// Places one entry; `article` is its extracted page, stored with it.
    ///
    /// An entry placed again because it changed keeps the story it was in when nothing else matches it
    /// any more (it was that story's last copy in the window: an edit of a story whose older copies were
    /// pruned must not make a new story with a new id).
    func place(_ work: EntryWork, _ text: SignedText, article: StoredArticle? = nil) async throws {
        signatures.append(StoredSignature(entryID: work.entryID, minhash: text.signature.serialize(includingShingles: true),
                                          shingleCount: text.signature.shingleCount,
                                          source: text.source, fullText: text.hasFullText))
        if let article { articles.append(article) }
        if !deferred {
            if try await assign(entryID: work.entryID, firstSeenAt: work.firstSeenAt, backlog: work.backlog, text: text) {
                signatures[signatures.count - 1].roundup = true
            }
        }
        if assignments.count >= batchSize || signatures.count >= batchSize || articles.count >= articleBatchSize { try await flush() }
    }

    /// Places the entries other pollers stored signed but unplaced (and any signed entry left in no
    /// story), oldest first, and stores their stories; returns how many were placed. Only the holder of
    /// the placer lock calls this (on SQLite, the poll lock's holder).
    @discardableResult
    func placeUnplaced() async throws -> Int {
        precondition(!deferred, "a deferred placer places nothing")
        var placed = 0
        var builder = SignatureBuilder(configuration: options.dedup)
        while true {
            let batch = try await db.unplacedEntries(limit: batchSize)
            for entry in batch {
                let stored = entry.signature
                // A signature that no longer decodes (a damaged row) cannot be compared: the entry is its own story.
                let signature = (try? DocumentSignature(bytes: stored.signature.minhash)) ?? builder.signature(of: "")
                let roundup = try await assign(entryID: stored.signature.entryID, firstSeenAt: stored.seenAt,
                                               backlog: Backlog.contains(published: entry.publishedAt, firstSeenAt: stored.seenAt, window: options.window),
                                               text: SignedText(signature: signature, source: stored.signature.source, hasFullText: stored.hasFullText))
                if roundup {
                    var flagged = stored.signature
                    flagged.roundup = true
                    signatures.append(flagged)
                }
            }
            placed += batch.count
            try await flush()
            if batch.count < batchSize { return placed }
        }
    }

    /// Places one entry; returns whether it was kept apart as a roundup.
    @discardableResult
    private func assign(entryID: Int64, firstSeenAt: Date, backlog: Bool, text: SignedText) async throws -> Bool {
        let clusterer = try await loadedClusterer()
        let previous = clusterer.storyKey(of: entryID)
        let assignment = clusterer.add(document: entryID, signature: text.signature,
                                       timestamp: firstSeenAt.timeIntervalSince1970, hasFullText: text.hasFullText)
        switch assignment {
        case .newStory(let key) where previous != nil && previous != key:
            let kept = previous ?? key
            clusterer.load(documents: [StoredDocument(id: entryID, signature: text.signature,
                                                      timestamp: firstSeenAt.timeIntervalSince1970,
                                                      storyKey: kept, hasFullText: text.hasFullText)])
            assignments.append(StoryAssignment(entryID: entryID, storyID: kept, similarity: 1))
        case .newStory(let key):
            if !backlog { newStories.insert(key) }
            assignments.append(StoryAssignment(entryID: entryID, storyID: key, similarity: 1))
        case .joined(let key, _, let similarity, _):
            if existingStories.contains(key), !backlog { grownStories.insert(key) }
            assignments.append(StoryAssignment(entryID: entryID, storyID: key, similarity: similarity))
        }
        // Two stories found to be one (a near-whole copy of both): the absorbed story's entries move.
        for merge in clusterer.lastMerges {
            for document in merge.documents {
                assignments.append(StoryAssignment(entryID: document, storyID: merge.into, similarity: merge.jaccard))
            }
            newStories.remove(merge.from)
            grownStories.remove(merge.from)
            if existingStories.contains(merge.into) { grownStories.insert(merge.into) }
        }
        return clusterer.roundupOverlaps(of: entryID) != nil
    }

    /// Stores what was placed (or, deferred, signed) since the last flush, in one transaction.
    func flush() async throws {
        guard !assignments.isEmpty || !articles.isEmpty || !signatures.isEmpty else { return }
        try await db.commitProcessed(articles: articles, signatures: signatures, assignments: assignments, now: now)
        assignments.removeAll(keepingCapacity: true)
        signatures.removeAll(keepingCapacity: true)
        articles.removeAll(keepingCapacity: true)
    }

    /// The clusterer, seeded on first use with the signatures of the window. (An entry of the window
    /// that this poll places again, because it changed, replaces its old self in the clusterer.)
    private func loadedClusterer() async throws -> StoryClusterer {
        if let clusterer { return clusterer }
        let clusterer = StoryClusterer(configuration: options.dedup, expectedDocuments: 4_096)
        var stored: [StoredDocument] = []
        for item in try await db.signatures(since: now.addingTimeInterval(-options.window)) {
            guard let signature = try? DocumentSignature(bytes: item.signature.minhash) else { continue }
            stored.append(StoredDocument(id: item.signature.entryID, signature: signature,
                                         timestamp: item.seenAt.timeIntervalSince1970,
                                         storyKey: item.storyID ?? item.signature.entryID, hasFullText: item.hasFullText,
                                         isRoundup: item.signature.roundup))
        }
        clusterer.load(documents: stored)
        existingStories = Set(stored.map(\.storyKey))
        self.clusterer = clusterer
        return clusterer
    }
}
