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

    init(db: any PollStore, options: PollOptions, now: Date) {
        self.db = db
        self.options = options
        self.now = now
    }

    /// Places one entry; `article` is its extracted page, stored with it.
    ///
    /// An entry placed again because it changed keeps the story it was in when nothing else matches it
    /// any more (it was that story's last copy in the window: an edit of a story whose older copies were
    /// pruned must not make a new story with a new id).
    func place(_ work: EntryWork, _ text: SignedText, article: StoredArticle? = nil) async throws {
        let clusterer = try await loadedClusterer()
        let previous = clusterer.storyKey(of: work.entryID)
        let assignment = clusterer.add(document: work.entryID, signature: text.signature,
                                       timestamp: work.firstSeenAt.timeIntervalSince1970, hasFullText: text.hasFullText)
        switch assignment {
        case .newStory(let key) where previous != nil && previous != key:
            let kept = previous ?? key
            clusterer.load(documents: [StoredDocument(id: work.entryID, signature: text.signature,
                                                      timestamp: work.firstSeenAt.timeIntervalSince1970,
                                                      storyKey: kept, hasFullText: text.hasFullText)])
            assignments.append(StoryAssignment(entryID: work.entryID, storyID: kept, similarity: 1))
        case .newStory(let key):
            if !work.backlog { newStories.insert(key) }
            assignments.append(StoryAssignment(entryID: work.entryID, storyID: key, similarity: 1))
        case .joined(let key, _, let similarity, _):
            if existingStories.contains(key), !work.backlog { grownStories.insert(key) }
            assignments.append(StoryAssignment(entryID: work.entryID, storyID: key, similarity: similarity))
        }
        signatures.append(StoredSignature(entryID: work.entryID, minhash: text.signature.serialize(includingShingles: true),
                                          shingleCount: text.signature.shingleCount,
                                          source: text.source, fullText: text.hasFullText))
        if let article { articles.append(article) }
        if assignments.count >= batchSize || articles.count >= articleBatchSize { try await flush() }
    }

    /// Stores what was placed since the last flush, in one transaction.
    func flush() async throws {
        guard !assignments.isEmpty || !articles.isEmpty else { return }
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
                                         storyKey: item.storyID ?? item.signature.entryID, hasFullText: item.hasFullText))
        }
        clusterer.load(documents: stored)
        existingStories = Set(stored.map(\.storyKey))
        self.clusterer = clusterer
        return clusterer
    }
}
