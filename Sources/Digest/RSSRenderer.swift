import SyndicCore

/// The digest as an RSS 2.0 channel. `guid` is the story's tag URI (not a permalink), so readers
/// never show a story twice; `pubDate` is when the story was first seen.
///
/// RSS readers often treat `title` as HTML, so titles here are plain text with all markup removed
/// before escaping; `description` is escaped HTML built only from escaped text and checked links.
public enum RSSRenderer {
    /// A plain-text title as RSS readers will read it back. Readers (feedparser, Syndic's own parser)
    /// decode a title as HTML when it looks like HTML (a `</` or an `&…;`), so such a title is escaped
    /// as HTML first, then as XML: "Bold &amp4; news" reads back as itself, not as "Bold &4; news".
    /// Other titles ("AT&T wins") are escaped once, so readers that take titles as plain text show them right.
    static func title(_ plain: String) -> String {
        Markup.escape(HTMLSniff.looksLikeHTML(plain) ? Markup.escape(plain) : plain)
    }

    public static func render(_ document: DigestDocument) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        out += "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n"
        out += "  <title>\(title(document.title))</title>\n"
        if let link = document.homeURL ?? document.selfURL {
            out += "  <link>\(Markup.escape(link))</link>\n"
        }
        out += "  <description>\(Markup.escape(document.title)): each story once, with every source that carried it.</description>\n"
        out += "  <lastBuildDate>\(InternetDate.rfc822(document.updated))</lastBuildDate>\n"
        out += "  <generator>Syndic \(Markup.escape(SyndicVersion.current))</generator>\n"
        if let selfURL = document.selfURL {
            out += "  <atom:link rel=\"self\" type=\"application/rss+xml\" href=\"\(Markup.escape(selfURL))\"/>\n"
        }
        for item in document.items {
            out += "  <item>\n"
            out += "    <title>\(title(item.headline))</title>\n"
            if let link = item.link { out += "    <link>\(Markup.escape(link))</link>\n" }
            out += "    <guid isPermaLink=\"false\">\(Markup.escape(document.itemID(item)))</guid>\n"
            out += "    <pubDate>\(InternetDate.rfc822(item.publishedAt))</pubDate>\n"
            out += "    <description>\(Markup.escape(SourcesHTML.body(item)))</description>\n"
            out += "  </item>\n"
        }
        out += "</channel>\n</rss>\n"
        return out
    }
}
