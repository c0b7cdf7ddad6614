import Dedup
import Foundation
import Logging
import Storage

/// Signs each processed entry's best text and places it in a story.
///
/// The best text is the extracted article, else the feed's content or summary, else the title.
/// Signatures are computed on all cores; placement is sequential (in entry order) against the
/// recent window of earlier entries, re-seeded from the database, so results do not depend on timing.
struct StoryStage {
    let db: SyndicDatabase
    let options: PollOptions
    let log: Logger

    struct Signed: Sendable {
        var work: EntryWork
        var signature: DocumentSignature
        var source: StoredSignature.Source
        var hasFullText: Bool
    }

    func run(_ work: [EntryWork], articles: [Int64: StoredArticle], now: Date, summary: inout PollSummary) async throws {
        guard !work.isEmpty else { return }
        var mark = Date()
        func lap(_ what: String) { log.debug("stories: \(what) \(String(format: "%.2f s", Date().timeIntervalSince(mark)))"); mark = Date() }
        let signed = await sign(work.sorted { $0.entryID < $1.entryID }, articles: articles)
        lap("signed \(signed.count) entries in")

        let clusterer = StoryClusterer(configuration: options.dedup, expectedDocuments: max(1024, signed.count * 2))
        let processing = Set(work.map(\.entryID))
        var stored: [StoredDocument] = []
        for item in try db.signatures(since: now.addingTimeInterval(-options.window)) where !processing.contains(item.signature.entryID) {
            guard let signature = try? DocumentSignature(bytes: item.signature.minhash) else { continue }
            guard signature.minHash.count == options.dedup.laneCount, signature.shingleSize == options.dedup.shingleSize,
                  signature.scheme == options.dedup.scheme else { continue }
            stored.append(StoredDocument(id: item.signature.entryID, signature: signature,
                                         timestamp: item.seenAt.timeIntervalSince1970,
                                         storyKey: item.storyID ?? item.signature.entryID, hasFullText: item.hasFullText))
        }
        clusterer.load(documents: stored)
        lap("loaded \(stored.count) earlier signatures in")
        let existingStories = Set(stored.map(\.storyKey))

        var assignments: [StoryAssignment] = []
        var signatures: [StoredSignature] = []
        var newStories = Set<Int64>()
        var grown = Set<Int64>()
        for item in signed {
            let assignment = clusterer.add(document: item.work.entryID, signature: item.signature,
                                           timestamp: item.work.firstSeenAt.timeIntervalSince1970, hasFullText: item.hasFullText)
            switch assignment {
            case .newStory(let key):
                newStories.insert(key)
                assignments.append(StoryAssignment(entryID: item.work.entryID, storyID: key, similarity: 1))
            case .joined(let key, _, let similarity, _):
                if existingStories.contains(key) { grown.insert(key) }
                assignments.append(StoryAssignment(entryID: item.work.entryID, storyID: key, similarity: similarity))
            }
            let bytes = item.signature.serialize(includingShingles: true)
            signatures.append(StoredSignature(entryID: item.work.entryID, minhash: bytes, shingles: nil,
                                              shingleCount: item.signature.shingleCount, source: item.source,
                                              fullText: item.hasFullText))
        }
        lap("placed in stories and serialized in")
        try db.commitProcessed(articles: Array(articles.values), signatures: signatures, pages: [],
                               assignments: assignments, now: now)
        lap("committed in")
        summary.storiesNew += newStories.count
        summary.storiesGrown += grown.count
    }

    /// Signatures for every entry, computed in as many chunks as there are cores.
    private func sign(_ work: [EntryWork], articles: [Int64: StoredArticle]) async -> [Signed] {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunkSize = max(64, (work.count + cores - 1) / cores)
        let chunks = stride(from: 0, to: work.count, by: chunkSize).map { Array(work[$0..<min($0 + chunkSize, work.count)]) }
        let configuration = options.dedup
        let fullTextWords = options.fullTextWords
        return await withTaskGroup(of: (Int, [Signed]).self) { group in
            for (index, chunk) in chunks.enumerated() {
                group.addTask {
                    var builder = SignatureBuilder(configuration: configuration)
                    return (index, chunk.map { item in
                        let article = articles[item.entryID]
                        if let article, article.status == .ok, let text = article.text, !text.isEmpty {
                            return Signed(work: item, signature: builder.signature(of: text), source: .article, hasFullText: true)
                        }
                        if let text = item.feedText, !text.isEmpty {
                            return Signed(work: item, signature: builder.signature(of: text), source: item.feedTextSource,
                                          hasFullText: item.feedWordCount >= fullTextWords)
                        }
                        return Signed(work: item, signature: builder.signature(of: item.title ?? ""), source: .title, hasFullText: false)
                    })
                }
            }
            var results = [[Signed]](repeating: [], count: chunks.count)
            for await (index, signed) in group { results[index] = signed }
            return results.flatMap { $0 }
        }
    }
}
