import Foundation
import GRDB

/// Queries for digests and the web view: stories with their representatives' text in two reads
/// instead of one read per story.
extension SyndicDatabase {
    /// The stories matching `query` (same order as ``stories(_:)``), each with its representative's
    /// extracted text (when extraction succeeded), feed content and feed summary.
    public func storyDetails(_ query: StoryQuery) throws -> [StoryDetail] {
        let summaries = try stories(query)
        let representatives = summaries.compactMap(\.representativeEntryID)
        var texts: [Int64: (text: String?, content: String?, summary: String?)] = [:]
        try read { db in
            for chunk in stride(from: 0, to: representatives.count, by: 500) {
                let ids = Array(representatives[chunk..<min(chunk + 500, representatives.count)])
                let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ",")
                let rows = try Row.fetchAll(db, sql: """
                    SELECT e.id, e.content_html, e.summary_html, a.text FROM entry e
                    LEFT JOIN article a ON a.entry_id = e.id AND a.status = 'ok'
                    WHERE e.id IN (\(placeholders))
                    """, arguments: StatementArguments(ids))
                for row in rows {
                    texts[row["id"]] = (row["text"], row["content_html"], row["summary_html"])
                }
            }
        }
        return summaries.map { summary in
            let t = summary.representativeEntryID.flatMap { texts[$0] }
            return StoryDetail(summary: summary, articleText: t?.text ?? nil, contentHTML: t?.content ?? nil,
                               summaryHTML: t?.summary ?? nil)
        }
    }
}
