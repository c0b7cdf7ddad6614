import Foundation

/// One row of a story page query: a story's columns repeated on each of its copies, in page order
/// (stories in listing order, each story's copies representative first, then by first seen).
///
/// Both backends run one query for a page of stories with their copies and hand its rows here, so
/// turning rows into values is written once.
package struct StoryPageRow: Sendable {
    package var storyID: Int64
    package var headline: String?
    package var representativeEntryID: Int64?
    package var firstSeenAt: Date
    package var lastSeenAt: Date
    package var publishedAt: Date
    package var updatedAt: Date
    package var copy: StoryCopy
    /// The representative's texts, on the representative's row when details were asked for.
    package var articleText: String?
    package var contentHTML: String?
    package var summaryHTML: String?
    /// The story's read state for the query's reader (nil without one).
    package var reading: StoryReading?

    package init(storyID: Int64, headline: String?, representativeEntryID: Int64?, firstSeenAt: Date, lastSeenAt: Date,
                 publishedAt: Date, updatedAt: Date, copy: StoryCopy, articleText: String?, contentHTML: String?, summaryHTML: String?,
                 reading: StoryReading? = nil) {
        self.reading = reading
        self.storyID = storyID; self.headline = headline; self.representativeEntryID = representativeEntryID
        self.firstSeenAt = firstSeenAt; self.lastSeenAt = lastSeenAt; self.publishedAt = publishedAt
        self.updatedAt = updatedAt; self.copy = copy
        self.articleText = articleText; self.contentHTML = contentHTML; self.summaryHTML = summaryHTML
    }
}

package enum StoryPage {
    /// Groups consecutive rows of one story into a ``StoryDetail``, keeping the rows' order.
    package static func details(_ rows: [StoryPageRow]) -> [StoryDetail] {
        var details: [StoryDetail] = []
        var start = rows.startIndex
        while start < rows.endIndex {
            let first = rows[start]
            var end = start
            while end < rows.endIndex, rows[end].storyID == first.storyID { end += 1 }
            let group = rows[start..<end]
            let copies = group.map(\.copy)
            let representative = group.first { $0.copy.entryID == first.representativeEntryID }
            let summary = StorySummary(id: first.storyID, headline: first.headline ?? copies.first?.title ?? "(untitled)",
                                       representativeEntryID: first.representativeEntryID,
                                       firstSeenAt: first.firstSeenAt, lastSeenAt: first.lastSeenAt,
                                       publishedAt: first.publishedAt, updatedAt: first.updatedAt, copies: copies,
                                       reading: first.reading)
            details.append(StoryDetail(summary: summary, articleText: representative?.articleText,
                                       contentHTML: representative?.contentHTML, summaryHTML: representative?.summaryHTML))
            start = end
        }
        return details
    }
}
