import Digest
import Foundation
import Hummingbird
import Storage

/// `reader/atom/STREAM`: a stream as Google Reader's Atom feed, for the clients that read that form
/// (newsboat's FeedHQ, The Old Reader and Inoreader modes). Same stream ids and parameters as
/// `stream/contents`; read and starred come as `<category scheme="http://www.google.com/reader/">`.
enum GReaderAtom {
    static func feed(id: String, title: String, items: [ReaderItem], continuation: String?, updated: Date) -> Response {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:gr="http://www.google.com/schemas/reader/atom/">
            <id>tag:google.com,2005:reader/\(Markup.escape(id))</id>
            <title>\(Markup.escape(title))</title>
            <updated>\(stamp(updated))</updated>

            """
        if let continuation { xml += "<gr:continuation>\(Markup.escape(continuation))</gr:continuation>\n" }
        for item in items { xml += entry(item) }
        xml += "</feed>\n"
        return Response(status: .ok, headers: [.contentType: "application/atom+xml; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: xml)))
    }

    static func entry(_ item: ReaderItem) -> String {
        let entry = item.entry
        var xml = "<entry gr:crawl-timestamp-msec=\"\(Int64(entry.firstSeenAt.timeIntervalSince1970 * 1000))\">\n"
        xml += "<id gr:original-id=\"\(Markup.escape(entry.guid))\">\(GReaderItemID.long(entry.id))</id>\n"
        xml += "<category term=\"\(GReaderStream.readingListID)\" scheme=\"http://www.google.com/reader/\" label=\"reading-list\"/>\n"
        if item.isRead { xml += "<category term=\"\(GReaderStream.readID)\" scheme=\"http://www.google.com/reader/\" label=\"read\"/>\n" }
        if item.isStarred { xml += "<category term=\"\(GReaderStream.starredID)\" scheme=\"http://www.google.com/reader/\" label=\"starred\"/>\n" }
        xml += "<title type=\"html\">\(Markup.escape(entry.title ?? "(untitled)"))</title>\n"
        xml += "<published>\(stamp(item.published))</published>\n<updated>\(stamp(entry.updatedAt ?? item.published))</updated>\n"
        if let url = entry.url { xml += "<link rel=\"alternate\" href=\"\(Markup.escape(url))\" type=\"text/html\"/>\n" }
        xml += "<content type=\"html\">\(Markup.escape(GReaderItemJSON.content(item)))</content>\n"
        if let author = entry.author { xml += "<author><name>\(Markup.escape(author))</name></author>\n" }
        xml += "<source gr:stream-id=\"\(GReaderStream.feedID(entry.feedID))\"><id>tag:google.com,2005:reader/\(GReaderStream.feedID(entry.feedID))</id>"
        xml += "<title>\(Markup.escape(item.feedTitle ?? item.feedURL))</title><link rel=\"alternate\" href=\"\(Markup.escape(item.feedSiteURL ?? item.feedURL))\"/></source>\n"
        return xml + "</entry>\n"
    }

    static func stamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
