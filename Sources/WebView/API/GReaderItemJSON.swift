import Digest
import Foundation
import Storage

/// One item as the Google Reader API writes it (FreshRSS's shape), its content ending with the
/// story's other copies so a client showing the deduplicated reading list still reaches every source.
enum GReaderItemJSON {
    static func item(_ item: ReaderItem, user: User) -> [String: Any] {
        let entry = item.entry
        var categories = [GReaderStream.readingListID]
        if item.isRead { categories.append(GReaderStream.readID) }
        if item.isStarred { categories.append(GReaderStream.starredID) }
        let published = Int64(item.published.timeIntervalSince1970)
        var json: [String: Any] = [
            "id": GReaderItemID.long(entry.id),
            "crawlTimeMsec": String(Int64(entry.firstSeenAt.timeIntervalSince1970 * 1000)),
            "timestampUsec": String(Int64(item.published.timeIntervalSince1970 * 1_000_000)),
            "published": published,
            "updated": Int64((entry.updatedAt ?? item.published).timeIntervalSince1970),
            "title": entry.title ?? "(untitled)",
            "categories": categories,
            "origin": ["streamId": GReaderStream.feedID(entry.feedID), "title": item.feedTitle ?? item.feedURL,
                       "htmlUrl": item.feedSiteURL ?? item.feedURL],
            "summary": ["content": content(item)],
        ]
        if let url = entry.url {
            json["canonical"] = [["href": url]]
            json["alternate"] = [["href": url, "type": "text/html"]]
        }
        if let author = entry.author { json["author"] = author }
        return json
    }

    /// The entry's HTML (content, else summary) and, when the story has other copies, an "Also
    /// reported by" list linking each.
    static func content(_ item: ReaderItem) -> String {
        var html = item.entry.contentHTML ?? item.entry.summaryHTML ?? ""
        guard !item.otherCopies.isEmpty else { return html }
        html += "\n<hr><p>Also reported by:</p>\n<ul>\n"
        for copy in item.otherCopies {
            let label = Markup.escape(copy.feedTitle ?? copy.site) + (copy.title.map { " \u{2014} " + Markup.escape($0) } ?? "")
            if let url = copy.url {
                html += "<li><a href=\"\(Markup.escape(url))\">\(label)</a></li>\n"
            } else {
                html += "<li>\(label)</li>\n"
            }
        }
        return html + "</ul>"
    }
}
