import FeedParsing
import Foundation
import Storage

/// An entry this poll must (re)process: maybe fetch its page, then sign it and place it in a story.
struct EntryWork: Sendable {
    var entryID: Int64
    var feedID: Int64
    var feedURL: String
    var link: String?
    var title: String?
    /// The feed's own text for the entry (content, else summary), as plain text.
    var feedText: String?
    var feedTextSource: StoredSignature.Source
    var firstSeenAt: Date

    init(entryID: Int64, feedID: Int64, feedURL: String, link: String?, title: String?,
         contentHTML: String?, summaryHTML: String?, firstSeenAt: Date) {
        self.entryID = entryID
        self.feedID = feedID
        self.feedURL = feedURL
        self.link = link
        self.title = title
        self.firstSeenAt = firstSeenAt
        // Prefer the longer of the two: some feeds put the full story in the description.
        // (HTML length decides which to convert, so only one is converted to text.)
        let useContent = (contentHTML?.utf8.count ?? 0) >= (summaryHTML?.utf8.count ?? 0)
        if useContent, let content = contentHTML.flatMap(HTMLText.toText) {
            feedText = content
            feedTextSource = .content
        } else if let summary = summaryHTML.flatMap(HTMLText.toText) {
            feedText = summary
            feedTextSource = .summary
        } else if let content = contentHTML.flatMap(HTMLText.toText) {
            feedText = content
            feedTextSource = .content
        } else {
            feedText = nil
            feedTextSource = .title
        }
    }

    init(stored e: StoredEntry, feedURL: String) {
        self.init(entryID: e.id, feedID: e.feedID, feedURL: feedURL, link: e.url, title: e.title,
                  contentHTML: e.contentHTML, summaryHTML: e.summaryHTML, firstSeenAt: e.firstSeenAt)
    }

    /// Words in the feed's own text.
    var feedWordCount: Int {
        guard let feedText else { return 0 }
        var count = 0
        var inWord = false
        for scalar in feedText.unicodeScalars {
            let space = scalar == " " || scalar == "\n" || scalar == "\t"
            if !space && !inWord { count += 1 }
            inWord = !space
        }
        return count
    }
}
