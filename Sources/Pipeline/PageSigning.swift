import Dedup
import Foundation
import Storage

/// Signs the entries whose text was not known while their feed was parsed: those whose article
/// page was fetched (signed from the extracted story, else their feed text, else their title).
enum PageSigning {
    /// Each entry with its signature, computed in as many chunks as there are cores; order is kept.
    static func sign(_ work: [EntryWork], articles: [Int64: StoredArticle], options: PollOptions) async -> [(EntryWork, SignedText)] {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunkSize = max(64, (work.count + cores - 1) / cores)
        let chunks = stride(from: 0, to: work.count, by: chunkSize).map { Array(work[$0..<min($0 + chunkSize, work.count)]) }
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
