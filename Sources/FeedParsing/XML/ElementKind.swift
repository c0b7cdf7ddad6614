/// The elements the feed builder reacts to, decided once per distinct element name per document
/// (the SAX reader caches it), so the per-element work is an integer `switch`.
enum ElementKind: UInt8 {
    case rss, rdfRoot, feed, channel, item, entry, container
    case title, secondaryTitle, link, guid, id
    case rssDescription, dcDescription, summaryLike, subtitle, encodedContent, xhtmlBody, content
    case author, contributor, name, email, creator
    case published, updated, category, enclosure, mediaThumbnail, mediaContent, itunesImage
    case language, ttl, syPeriod, syFrequency
    case other

    /// Kind for a canonical element name (`content:encoded`, `title`, …).
    static func classify(_ name: String) -> ElementKind {
        table[name] ?? .other
    }

    private static let table: [String: ElementKind] = {
        var result: [String: ElementKind] = [:]
        for name in allNames { result[name] = slowClassify(name) }
        return result
    }()

    private static let allNames = [
        "rss", "rdf:rdf", "feed", "channel", "item", "entry", "image", "textinput", "source", "title", "dc:title",
        "media:title", "link", "guid", "id", "description", "dc:description", "summary", "itunes:summary",
        "media:description", "subtitle", "tagline", "content:encoded", "fullitem", "xhtml:body", "body", "content",
        "author", "contributor", "name", "email", "dc:creator", "dc:author", "itunes:author", "pubdate", "published",
        "issued", "dcterms:issued", "dc:date", "updated", "modified", "dcterms:modified", "lastbuilddate", "category",
        "dc:subject", "enclosure", "media:thumbnail", "media:content", "itunes:image", "language", "dc:language",
        "ttl", "sy:updateperiod", "sy:updatefrequency",
    ]

    private static func slowClassify(_ name: String) -> ElementKind {
        switch name {
        case "rss": return .rss
        case "rdf:rdf": return .rdfRoot
        case "feed": return .feed
        case "channel": return .channel
        case "item": return .item
        case "entry": return .entry
        case "image", "textinput", "source": return .container
        case "title": return .title
        case "dc:title", "media:title": return .secondaryTitle
        case "link": return .link
        case "guid": return .guid
        case "id": return .id
        case "description": return .rssDescription
        case "dc:description": return .dcDescription
        case "summary", "itunes:summary", "media:description": return .summaryLike
        case "subtitle", "tagline": return .subtitle
        case "content:encoded", "fullitem": return .encodedContent
        case "xhtml:body", "body": return .xhtmlBody
        case "content": return .content
        case "author": return .author
        case "contributor": return .contributor
        case "name": return .name
        case "email": return .email
        case "dc:creator", "dc:author", "itunes:author": return .creator
        case "pubdate", "published", "issued", "dcterms:issued": return .published
        case "dc:date", "updated", "modified", "dcterms:modified", "lastbuilddate": return .updated
        case "category", "dc:subject": return .category
        case "enclosure": return .enclosure
        case "media:thumbnail": return .mediaThumbnail
        case "media:content": return .mediaContent
        case "itunes:image": return .itunesImage
        case "language", "dc:language": return .language
        case "ttl": return .ttl
        case "sy:updateperiod": return .syPeriod
        case "sy:updatefrequency": return .syFrequency
        default: return .other
        }
    }
}

/// A resolved element name: canonical name, its kind, and the namespace URI as written.
struct ElementInfo {
    let name: String
    let kind: ElementKind
    let uri: String?
}
