import Foundation

/// JSON Feed 1.0 / 1.1 (https://www.jsonfeed.org/version/1.1/) → `ParsedFeed`, with Foundation's
/// `JSONSerialization`. A JSON document without a `jsonfeed.org/version/` version is not a feed (bozo).
enum JSONFeedParser {
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> ParsedFeed {
        let data = Data(buffer: bytes)
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
              let doc = object as? [String: Any] else {
            return notAFeed("the JSON could not be decoded")
        }
        guard let versionURL = doc["version"] as? String, versionURL.contains("jsonfeed.org/version/") else {
            return notAFeed("JSON without a jsonfeed.org version is not a JSON Feed")
        }
        let version = versionURL.hasSuffix("1.1") || versionURL.hasSuffix("1.1/") ? "json11" : "json10"
        var entries: [ParsedEntry] = []
        for case let item as [String: Any] in doc["items"] as? [Any] ?? [] {
            entries.append(entry(item))
        }
        let hubs = (doc["hubs"] as? [Any] ?? []).compactMap { ($0 as? [String: Any])?["url"] as? String }
        return ParsedFeed(
            format: .json, version: version, title: (doc["title"] as? String).flatMap(HTMLText.collapse),
            siteLink: doc["home_page_url"] as? String, selfLink: doc["feed_url"] as? String, hubs: hubs,
            description: (doc["description"] as? String).flatMap(HTMLText.collapse),
            language: doc["language"] as? String, updated: nil, ttlMinutes: nil, updateInterval: nil,
            entries: entries, bozo: false, bozoReason: nil)
    }

    private static func entry(_ item: [String: Any]) -> ParsedEntry {
        var id: String?
        switch item["id"] {
        case let s as String: id = s
        case let n as NSNumber: id = n.stringValue
        default: id = nil
        }
        let enclosures: [FeedEnclosure] = (item["attachments"] as? [Any] ?? []).compactMap { any in
            guard let a = any as? [String: Any], let url = a["url"] as? String else { return nil }
            return FeedEnclosure(url: url, type: a["mime_type"] as? String, length: (a["size_in_bytes"] as? NSNumber)?.int64Value)
        }
        let html = item["content_html"] as? String
        let text = item["content_text"] as? String
        func date(_ key: String) -> Date? {
            guard let s = item[key] as? String else { return nil }
            return ISO8601DateParser.unixSeconds(s.trimmingCharacters(in: .whitespaces)).map { Date(timeIntervalSince1970: TimeInterval($0)) }
        }
        return ParsedEntry(
            id: id.flatMap(HTMLText.collapse), link: item["url"] as? String ?? item["external_url"] as? String,
            title: (item["title"] as? String).flatMap(HTMLText.collapse), author: firstAuthor(item),
            published: date("date_published"), updated: date("date_modified"),
            summary: item["summary"] as? String, summaryIsHTML: false,
            content: html ?? text, contentIsHTML: html != nil,
            categories: (item["tags"] as? [Any] ?? []).compactMap { $0 as? String },
            enclosures: enclosures, imageURL: item["image"] as? String ?? item["banner_image"] as? String)
    }

    private static func firstAuthor(_ item: [String: Any]) -> String? {
        if let authors = item["authors"] as? [Any], let first = authors.first as? [String: Any] {
            return (first["name"] as? String).flatMap(HTMLText.collapse)
        }
        return ((item["author"] as? [String: Any])?["name"] as? String).flatMap(HTMLText.collapse)
    }

    private static func notAFeed(_ reason: String) -> ParsedFeed {
        ParsedFeed(format: nil, version: nil, title: nil, siteLink: nil, selfLink: nil, hubs: [], description: nil,
                   language: nil, updated: nil, ttlMinutes: nil, updateInterval: nil, entries: [], bozo: true,
                   bozoReason: reason)
    }
}
