import Dedup
import Foundation
import Logging
import Storage

/// Places each processed entry in a story and stores the outcome.
///
/// Most entries arrive already signed (their feed text was signed while other feeds downloaded);
/// entries whose article page was fetched are signed here from the extracted text, on all cores.
/// Placement is sequential, in entry order, against the recent window of earlier entries re-seeded
/// from the database, so results do not depend on timing. Results are committed in chunks, so memory
/// stays bounded and an interruption keeps what was placed.
struct StoryStage {
    let db: SyndicDatabase
    let options: PollOptions
    let log: Logger
    /// Entries placed per transaction.
    var chunkSize = 2_000

    func run(_ work: [EntryWork], articles: [Int64: StoredArticle], now: Date, summary: inout PollSummary) async throws {
        guard !work.isEmpty else { return }
        var mark = Date()
        func lap(_ what: String) { log.debug("stories: \(what) \(String(format: "%.2f s", Date().timeIntervalSince(mark)))"); mark = Date() }

        let signed = await signRemaining(work.sorted { $0.entryID < $1.entryID }, articles: articles)
        lap("signed \(signed.count) entries (pages and leftovers) in")

        let clusterer = StoryClusterer(configuration: options.dedup, expectedDocuments: max(1024, signed.count * 2))
        let processing = Set(work.map(\.entryID))
        var stored: [StoredDocument] = []
        for item in try db.signatures(since: now.addingTimeInterval(-options.window)) where !processing.contains(item.signature.entryID) {
            guard let signature = try? DocumentSignature(bytes: item.signature.minhash) else { continue }
            stored.append(StoredDocument(id: item.signature.entryID, signature: signature,
                                         timestamp: item.seenAt.timeIntervalSince1970,
                                         storyKey: item.storyID ?? item.signature.entryID, hasFullText: item.hasFullText))
        }
        clusterer.load(documents: stored)
        let existingStories = Set(stored.map(\.storyKey))
        stored = []
        lap("loaded the window's earlier signatures in")

        var newStories = Set<Int64>()
        var grown = Set<Int64>()
        for start in stride(from: 0, to: signed.count, by: chunkSize) {
            var assignments: [StoryAssignment] = []
            var signatures: [StoredSignature] = []
            var chunkArticles: [StoredArticle] = []
            for (work, text) in signed[start..<min(start + chunkSize, signed.count)] {
                let assignment = clusterer.add(document: work.entryID, signature: text.signature,
                                               timestamp: work.firstSeenAt.timeIntervalSince1970, hasFullText: text.hasFullText)
                switch assignment {
                case .newStory(let key):
                    newStories.insert(key)
                    assignments.append(StoryAssignment(entryID: work.entryID, storyID: key, similarity: 1))
                case .joined(let key, _, let similarity, _):
                    if existingStories.contains(key) { grown.insert(key) }
                    assignments.append(StoryAssignment(entryID: work.entryID, storyID: key, similarity: similarity))
                }
                signatures.append(StoredSignature(entryID: work.entryID, minhash: text.signature.serialize(includingShingles: true),
                                                  shingles: nil, shingleCount: text.signature.shingleCount,
                                                  source: text.source, fullText: text.hasFullText))
                if let article = articles[work.entryID] { chunkArticles.append(article) }
            }
            try db.commitProcessed(articles: chunkArticles, signatures: signatures, pages: [], assignments: assignments, now: now)
        }
        lap("placed and committed in")
        summary.storiesNew += newStories.count
        summary.storiesGrown += grown.count
    }

    /// Every entry with its signature: the prepared one, or one computed now from the extracted
    /// article (else the feed text, else the title), in as many chunks as there are cores.
    private func signRemaining(_ work: [EntryWork], articles: [Int64: StoredArticle]) async -> [(EntryWork, SignedText)] {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunkSize = max(64, (work.count + cores - 1) / cores)
        let chunks = stride(from: 0, to: work.count, by: chunkSize).map { Array(work[$0..<min($0 + chunkSize, work.count)]) }
        let options = self.options
        return await withTaskGroup(of: (Int, [(EntryWork, SignedText)]).self) { group in
            for (index, chunk) in chunks.enumerated() {
                group.addTask {
                    var builder = SignatureBuilder(configuration: options.dedup)
                    return (index, chunk.map { item in
                        if let signed = item.prepared.signed { return (item, signed) }
                        if let article = articles[item.entryID], article.status == .ok, let text = article.text, !text.isEmpty {
                            return (item, SignedText(signature: builder.signature(of: text), source: .article, hasFullText: true))
                        }
                        let p = item.prepared
                        return (item, PreparedText.sign(text: p.text, source: p.source, wordCount: p.wordCount, title: item.title,
                                                        options: options, builder: &builder))
                    })
                }
            }
            var results = [[(EntryWork, SignedText)]](repeating: [], count: chunks.count)
            for await (index, signed) in group { results[index] = signed }
            return results.flatMap { $0 }
        }
    }
}
