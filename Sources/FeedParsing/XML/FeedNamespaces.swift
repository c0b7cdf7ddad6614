/// Namespace URIs → the short prefixes feedparser uses for them, so element handling does not depend
/// on the prefix a feed happens to declare (`<a10:updated>` is Atom's `updated`, `<dc:date>` is
/// `dc:date` whatever the document calls the Dublin Core namespace).
///
/// The core namespaces of the formats themselves (Atom, RSS 1.0, RSS 0.90, Userland RSS 2) map to
/// the empty prefix, as in feedparser: `atom:link` inside RSS is handled as `link`.
enum FeedNamespaces {
    static let atom10 = "http://www.w3.org/2005/Atom"
    static let atom03 = "http://purl.org/atom/ns#"
    static let rss10 = "http://purl.org/rss/1.0/"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    static let xml = "http://www.w3.org/XML/1998/namespace"

    /// The canonical prefix for a namespace URI, or the document's own prefix for unknown namespaces.
    static func canonicalPrefix(uri: String, declaredPrefix: String?) -> String {
        if let known = table[uri] { return known }
        let lowered = uri.lowercased()
        if let known = table[lowered] { return known }
        if lowered.hasSuffix("/"), let known = table[String(lowered.dropLast())] { return known }
        if let known = table[lowered + "/"] { return known }
        return declaredPrefix?.lowercased() ?? ""
    }

    private static let table: [String: String] = [
        atom10: "", atom03: "", rss10: "", rss090: "",
        "http://backend.userland.com/rss2": "", "http://blogs.law.harvard.edu/tech/rss": "",
        "http://backend.userland.com/rss": "", "http://purl.org/net/rss1.1#": "",
        "http://purl.org/rss/1.0/modules/content/": "content",
        "http://purl.org/dc/elements/1.1/": "dc",
        "http://purl.org/dc/terms/": "dcterms",
        "http://search.yahoo.com/mrss/": "media", "http://search.yahoo.com/mrss": "media",
        "http://tools.search.yahoo.com/mrss/": "media",
        "http://www.itunes.com/dtds/podcast-1.0.dtd": "itunes", "http://example.com/dtds/podcast-1.0.dtd": "itunes",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
        "http://purl.org/rss/1.0/modules/syndication/": "sy",
        "http://www.w3.org/1999/xhtml": "xhtml",
        xml: "xml",
        "http://rssnamespace.org/feedburner/ext/1.0": "feedburner",
        "http://purl.org/syndication/thread/1.0": "thr",
        "http://wellformedweb.org/commentapi/": "wfw",
        "http://purl.org/rss/1.0/modules/slash/": "slash",
        "http://www.georss.org/georss": "georss",
        "http://www.google.com/schemas/reader/atom/": "gr",
        "http://purl.org/rss/1.0/modules/image/": "image",
        "http://webns.net/mvcb/": "admin",
        "http://www.youtube.com/xml/schemas/2015": "yt",
        "http://podcastindex.org/namespace/1.0": "podcast",
    ]
}
