import Digest
import Foundation
import Storage

/// One item as the Google Reader API writes it (FreshRSS's shape), its content ending with the
/// story's other copies so a client showing the deduplicated reading list still reaches every source.
enum GReaderItemJSON {
    /// The item's JSON object, written field by field in sorted key order (the order
    /// ``JSONText`` gives every object, so the bytes are what a dictionary would have produced).
    static func item(_ item: ReaderItem, user: User) -> JSONText.Fragment {
        let entry = item.entry
        var out: [UInt8] = []
        out.reserveCapacity(1024 + (entry.contentHTML?.utf8.count ?? entry.summaryHTML?.utf8.count ?? 0))
        var first = true
        func key(_ name: StaticString) {
            out.append(UInt8(ascii: first ? "{" : ","))
            first = false
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(contentsOf: "\":".utf8)
        }
        func text(_ value: String) { JSONText.string(value, into: &out) }
        func link(_ pairs: KeyValuePairs<String, String>) {
            out.append(contentsOf: "[{".utf8)
            for (index, (name, value)) in pairs.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                text(name); out.append(UInt8(ascii: ":")); text(value)
            }
            out.append(contentsOf: "}]".utf8)
        }
        if let url = entry.url { key("alternate"); link(["href": url, "type": "text/html"]) }
        if let author = entry.author { key("author"); text(author) }
        if let url = entry.url { key("canonical"); link(["href": url]) }
        key("categories")
        out.append(UInt8(ascii: "["))
        text(GReaderStream.readingListID)
        if item.isRead { out.append(UInt8(ascii: ",")); text(GReaderStream.readID) }
        if item.isStarred { out.append(UInt8(ascii: ",")); text(GReaderStream.starredID) }
        for label in item.labels { out.append(UInt8(ascii: ",")); text(GReaderStream.labelID(label)) }
        out.append(UInt8(ascii: "]"))
        key("crawlTimeMsec"); text(String(Int64(entry.firstSeenAt.timeIntervalSince1970 * 1000)))
        key("id"); text(GReaderItemID.long(entry.id))
        key("origin")
        out.append(contentsOf: "{\"htmlUrl\":".utf8); text(item.feedSiteURL ?? item.feedURL)
        out.append(contentsOf: ",\"streamId\":".utf8); text(GReaderStream.feedID(entry.feedID))
        out.append(contentsOf: ",\"title\":".utf8); text(item.feedTitle ?? item.feedURL)
        out.append(UInt8(ascii: "}"))
        key("published"); out.append(contentsOf: String(Int64(item.published.timeIntervalSince1970)).utf8)
        key("summary"); out.append(contentsOf: "{\"content\":".utf8); text(content(item)); out.append(UInt8(ascii: "}"))
        key("timestampUsec"); text(String(Int64(item.published.timeIntervalSince1970 * 1_000_000)))
        key("title"); text(entry.title ?? "(untitled)")
        key("updated"); out.append(contentsOf: String(Int64((entry.updatedAt ?? item.published).timeIntervalSince1970)).utf8)
        out.append(UInt8(ascii: "}"))
        return JSONText.Fragment(bytes: out)
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
