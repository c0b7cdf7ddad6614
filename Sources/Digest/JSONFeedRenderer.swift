import SyndicCore

/// The digest as JSON Feed 1.1 (https://jsonfeed.org/version/1.1).
public enum JSONFeedRenderer {
    public static func render(_ document: DigestDocument) -> String {
        var feed: [(String, JSONValue)] = [
            ("version", .string("https://jsonfeed.org/version/1.1")),
            ("title", .string(document.title)),
        ]
        if let home = document.homeURL { feed.append(("home_page_url", .string(home))) }
        if let selfURL = document.selfURL { feed.append(("feed_url", .string(selfURL))) }
        feed.append(("description", .string("Each story once, with every source that carried it.")))
        feed.append(("authors", .array([.object([("name", .string("Syndic"))])])))
        feed.append(("items", .array(document.items.map { item($0, id: document.itemID($0)) })))
        return JSONValue.object(feed).serialized(pretty: true) + "\n"
    }

    static func item(_ item: DigestItem, id: String) -> JSONValue {
        var fields: [(String, JSONValue)] = [("id", .string(id))]
        if let link = item.link { fields.append(("url", .string(link))) }
        fields.append(("title", .string(item.headline)))
        fields.append(("content_html", .string(SourcesHTML.body(item))))
        fields.append(("content_text", .string(contentText(item))))
        if !item.lead.isEmpty { fields.append(("summary", .string(item.lead))) }
        fields.append(("date_published", .string(InternetDate.rfc3339(item.publishedAt))))
        fields.append(("date_modified", .string(InternetDate.rfc3339(item.updatedAt))))
        fields.append(("tags", .array(item.sites.map(JSONValue.string))))
        return .object(fields)
    }

    static func contentText(_ item: DigestItem) -> String {
        var lines: [String] = []
        if !item.lead.isEmpty { lines.append(item.lead); lines.append("") }
        for source in item.sources {
            lines.append("- \(source.site): \(source.title) (\(InternetDate.short(source.time)))" + (source.url.map { " \($0)" } ?? ""))
        }
        return lines.joined(separator: "\n")
    }
}
