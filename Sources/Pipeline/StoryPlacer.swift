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
///
/// A window larger than ``PollOptions/wholeWindowLimit`` is not loaded whole: before each entry is
/// placed, the stories it can join (those holding an entry filed under one of its candidate keys, and
/// its own earlier story) are loaded from the candidate index, so memory and start-up follow the new
/// entries, not the window. Every signature saved is filed under its keys (``StoredSignature/candidateKeys``).
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
    /// Whether the clusterer is seeded story by story from the candidate index (the window is too large to load).
    private var seedsFromCandidates = false
    private let banding: LSHBanding
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
        banding = options.dedup.banding
    }

    /// The keys `signature` is filed under in the candidate index.
    private func candidateKeys(_ signature: DocumentSignature) -> [Int64] {
        signature.candidateKeys(banding: banding, includingSamples: options.dedup.keepsShingleSets).map { Int64(bitPattern: $0) }
    }

    /// Places one entry; `article` is its extracted page, stored with it.
    ///
    /// An entry placed again because it changed keeps the story it was in when nothing else matches it
    /// any more (it was that story's last copy in the window: an edit of a story whose older copies were
    /// pruned must not make a new story with a new id).
    func place(_ work: EntryWork, _ text: SignedText, article: StoredArticle? = nil) async throws {
        let keys = candidateKeys(text.signature)
        signatures.append(StoredSignature(entryID: work.entryID, minhash: text.signature.serialize(includingShingles: true),
                                          shingleCount: text.signature.shingleCount,
                                          source: text.source, fullText: text.hasFullText, candidateKeys: keys))
        if let article { articles.append(article) }
        if !deferred {
            if try await assign(entryID: work.entryID, firstSeenAt: work.firstSeenAt, backlog: work.backlog, text: text, keys: keys) {
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
                                               text: SignedText(signature: signature, source: stored.signature.source, hasFullText: stored.hasFullText),
                                               keys: candidateKeys(signature))
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

    /// Places one entry (`keys`: its candidate keys, for seeding from the candidate index); returns whether
    /// it was kept apart as a roundup.
    @discardableResult
    private func assign(entryID: Int64, firstSeenAt: Date, backlog: Bool, text: SignedText, keys: [Int64]) async throws -> Bool {
        let clusterer = try await loadedClusterer()
        if seedsFromCandidates { try await seed(clusterer, for: entryID, keys: keys) }
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
    /// Above ``PollOptions/wholeWindowLimit`` signatures the clusterer starts empty and is seeded per
    /// entry (``seed(_:for:keys:)``), after the window's signatures saved before the candidate index
    /// existed are filed.
    private func loadedClusterer() async throws -> StoryClusterer {
        if let clusterer { return clusterer }
        let since = now.addingTimeInterval(-options.window)
        let clusterer = StoryClusterer(configuration: options.dedup, expectedDocuments: 4_096)
        if try await db.windowSignatureCount(since: since) > options.wholeWindowLimit {
            seedsFromCandidates = true
            try await fileUnfiledSignatures(since: since)
        } else {
            load(try await db.signatures(since: since), into: clusterer)
        }
        self.clusterer = clusterer
        return clusterer
    }

    /// Loads the stories `entryID` can join (see ``Storage/PollStore/candidateSignatures(keys:entryID:since:)``)
    /// that the clusterer does not hold yet. A story is loaded whole or not at all, and a loaded entry is
    /// never loaded again: what the clusterer holds (members joined or moved in this poll) is newer than the rows.
    private func seed(_ clusterer: StoryClusterer, for entryID: Int64, keys: [Int64]) async throws {
        let found = try await db.candidateSignatures(keys: keys, entryID: entryID, since: now.addingTimeInterval(-options.window))
        load(found.filter { clusterer.storyKey(of: $0.signature.entryID) == nil }, into: clusterer)
    }

    private func load(_ items: [IndexedSignature], into clusterer: StoryClusterer) {
        var stored: [StoredDocument] = []
        for item in items {
            guard let signature = try? DocumentSignature(bytes: item.signature.minhash) else { continue }
            stored.append(StoredDocument(id: item.signature.entryID, signature: signature,
                                         timestamp: item.seenAt.timeIntervalSince1970,
                                         storyKey: item.storyID ?? item.signature.entryID, hasFullText: item.hasFullText,
                                         isRoundup: item.signature.roundup))
        }
        guard !stored.isEmpty else { return }
        clusterer.load(documents: stored)
        existingStories.formUnion(stored.map(\.storyKey))
    }

    /// Files the window's signatures that were saved before the candidate index existed (a signature that
    /// no longer decodes is filed under no key, like an empty text).
    private func fileUnfiledSignatures(since: Date) async throws {
        while true {
            let batch = try await db.unfiledSignatures(since: since, limit: batchSize)
            var keys: [Int64: [Int64]] = [:]
            for stored in batch {
                keys[stored.entryID] = (try? DocumentSignature(bytes: stored.minhash)).map(candidateKeys) ?? []
            }
            try await db.fileCandidateKeys(keys)
            if batch.count < batchSize { return }
        }
    }
}
