import CLibXML2

/// A feed advertised by a web page (`<link rel="alternate" type="application/rss+xml" href="…">`).
public struct DiscoveredFeed: Sendable, Hashable {
    /// Absolute feed URL (resolved against the page URL and any `<base href>`).
    public let url: String
    /// The link's `title` attribute (often "RSS", "Comments feed"…), nil when absent.
    public let title: String?
    /// The declared MIME type, lower-cased (`application/rss+xml`).
    public let mimeType: String
    /// The feed format the MIME type announces.
    public let format: FeedFormat

    public init(url: String, title: String?, mimeType: String, format: FeedFormat) {
        self.url = url
        self.title = title
        self.mimeType = mimeType
        self.format = format
    }

    /// Discovery order (``FeedDiscovery/rank(ofMIMEType:)``).
    var rank: Int { FeedDiscovery.rank(ofMIMEType: mimeType) }
}

/// Feed autodiscovery on HTML pages, with libxml2's forgiving HTML parser (no network, no errors printed).
///
/// ```swift
/// let feeds = FeedDiscovery.feedLinks(html: pageBytes, baseURL: "https://example.org/blog/")
/// // [DiscoveredFeed(url: "https://example.org/blog/feed.xml", title: "Posts", …)]
/// ```
public enum FeedDiscovery {
    /// Feed links of the page, without duplicates: the specific feed types (RSS, Atom, JSON Feed) first,
    /// then RDF and the looser types (`application/rss`, `application/json`…), each group in document order.
    ///
    /// Every link is returned whatever its scheme (resolved against the page and any `<base href>`), so the
    /// caller can try them in order and say why it refused one (see `LinkRule` in SyndicCore): a
    /// `javascript:` first link must not hide a valid second one.
    public static func feedLinks(html: [UInt8], baseURL: String?) -> [DiscoveredFeed] {
        guard !html.isEmpty else { return [] }
        xmlInitParser() // idempotent; libxml2 wants it before concurrent use
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue
            | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue)
        let document: htmlDocPtr? = html.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(min(buffer.count, Int(Int32.max))), baseURL, nil, options)
            }
        }
        guard let document else { return [] }
        defer { xmlFreeDoc(document) }

        var links: [(rel: String, type: String, href: String, title: String?)] = []
        var base = baseURL
        visit(xmlDocGetRootElement(document)) { node in
            let name = String(cString: node.pointee.name).asciiLowercased
            if name == "base", let href = attribute(node, "href") {
                base = base.map { URLResolver.resolve(href.trimmedASCIIWhitespace, against: $0) } ?? href
            } else if name == "link", let href = attribute(node, "href") {
                links.append((attribute(node, "rel") ?? "", attribute(node, "type") ?? "", href, attribute(node, "title")))
            }
        }

        var seen = Set<String>()
        var result: [DiscoveredFeed] = []
        for link in links {
            let rels = link.rel.asciiLowercased.split(separator: " ")
            guard rels.contains("alternate"), !rels.contains("stylesheet") else { continue }
            let type = link.type.trimmedASCIIWhitespace.asciiLowercased
            guard let format = format(forMIMEType: type) else { continue }
            let href = link.href.trimmedASCIIWhitespace
            guard !href.isEmpty else { continue }
            let url = base.map { URLResolver.resolve(href, against: $0) } ?? href
            guard seen.insert(url).inserted else { continue }
            result.append(DiscoveredFeed(url: url, title: link.title.flatMap(HTMLText.collapse), mimeType: type, format: format))
        }
        // A stable sort: within a rank, document order.
        return result.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }.map(\.element)
    }

    /// The same for a page already decoded to a string.
    public static func feedLinks(html: String, baseURL: String?) -> [DiscoveredFeed] {
        feedLinks(html: Array(html.utf8), baseURL: baseURL)
    }

    /// How early a link of this MIME type is tried: 0 for the registered feed types, 1 for RDF and the
    /// unregistered spellings, 2 for plain `application/json` (often an API, not a feed).
    static func rank(ofMIMEType type: String) -> Int {
        switch type {
        case "application/rss+xml", "application/atom+xml", "application/feed+json": return 0
        case "application/json": return 2
        default: return 1
        }
    }

    /// Feed format announced by a `type` attribute, nil for anything that is not a feed type.
    static func format(forMIMEType type: String) -> FeedFormat? {
        switch type {
        case "application/rss+xml", "application/rss", "text/rss+xml": return .rss
        case "application/atom+xml", "application/atom": return .atom
        case "application/rdf+xml": return .rdf
        case "application/feed+json", "application/json": return .json
        default: return nil
        }
    }

    private static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { free(value) } // xmlFree is plain free() unless xmlMemSetup was called
        return String(cString: value)
    }

    /// Depth-first walk over element nodes (iterative: no recursion depth issue on deep pages).
    private static func visit(_ root: xmlNodePtr?, _ body: (xmlNodePtr) -> Void) {
        var stack: [xmlNodePtr] = []
        if let root { stack.append(root) }
        while let node = stack.popLast() {
            if node.pointee.type == XML_ELEMENT_NODE { body(node) }
            var children: [xmlNodePtr] = []
            var child = node.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE { children.append(c) }
                child = c.pointee.next
            }
            stack.append(contentsOf: children.reversed())
        }
    }
}
