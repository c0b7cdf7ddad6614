import SyndicCore

/// The digest as an Atom 1.0 feed (RFC 4287). Item ids are tag URIs that never change for a story;
/// `updated` is the story's `updatedAt`, so a reader shows a story again only when it gained sources.
public enum AtomRenderer {
    public static func render(_ document: DigestDocument) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        out += "  <id>\(Markup.escape(document.feedID))</id>\n"
        out += "  <title type=\"text\">\(Markup.escape(document.title))</title>\n"
        out += "  <updated>\(InternetDate.rfc3339(document.updated))</updated>\n"
        out += "  <author><name>Syndic</name></author>\n"
        out += "  <generator version=\"\(Markup.escape(SyndicVersion.current))\">Syndic</generator>\n"
        if let selfURL = document.selfURL {
            out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(Markup.escape(selfURL))\"/>\n"
        }
        if let home = document.homeURL {
            out += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(Markup.escape(home))\"/>\n"
        }
        for item in document.items {
            out += "  <entry>\n"
            out += "    <id>\(Markup.escape(document.itemID(item)))</id>\n"
            out += "    <title type=\"text\">\(Markup.escape(item.headline))</title>\n"
            out += "    <updated>\(InternetDate.rfc3339(item.updatedAt))</updated>\n"
            out += "    <published>\(InternetDate.rfc3339(item.publishedAt))</published>\n"
            if let link = item.link {
                out += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(Markup.escape(link))\"/>\n"
            }
            for source in item.sources.dropFirst() {
                if let url = source.url, url != item.link {
                    out += "    <link rel=\"related\" href=\"\(Markup.escape(url))\" title=\"\(Markup.escape(source.site))\"/>\n"
                }
            }
            if !item.lead.isEmpty { out += "    <summary type=\"text\">\(Markup.escape(item.lead))</summary>\n" }
            out += "    <content type=\"html\">\(Markup.escape(SourcesHTML.body(item)))</content>\n"
            out += "  </entry>\n"
        }
        out += "</feed>\n"
        return out
    }
}
