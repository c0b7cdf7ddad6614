import Foundation

/// Links (Atom-style `<link href rel type>`), URL resolution against `xml:base`, RSS versions.
extension FeedBuilder {
    func handleAtomLink(href rawHref: String, attributes: SAXAttributes) {
        let rel = attributes.value("rel")?.trimmedASCIIWhitespace.asciiLowercased ?? "alternate"
        let type = attributes.value("type")?.asciiLowercased
        let href = resolve(rawHref.trimmedASCIIWhitespace) ?? rawHref.trimmedASCIIWhitespace
        let isHTMLType = type == nil || type == "text/html" || type == "application/xhtml+xml"
        if entry != nil {
            switch rel {
            case "alternate":
                if isHTMLType { entry!.link = href }
            case "enclosure":
                entry!.addEnclosure(FeedEnclosure(
                    url: href, type: attributes.value("type"),
                    length: attributes.value("length").flatMap { Int64($0.trimmedASCIIWhitespace) }))
            default:
                break
            }
        } else {
            switch rel {
            case "alternate": if isHTMLType { feed.link = href }
            case "self": if feed.selfLink == nil { feed.selfLink = href }
            case "hub": feed.hubs.append(href)
            default: break
            }
        }
    }

    /// `link` resolved against the innermost `xml:base`, else the document URL; nil if nothing to do.
    func resolve(_ link: String) -> String? {
        guard let base = baseStack.last?.base ?? documentURL else { return nil }
        return URLResolver.resolve(link, against: base)
    }

    static func rssVersion(_ attribute: String?) -> String {
        switch attribute?.trimmedASCIIWhitespace {
        case "2.0", "2", "2.0.1", "2.01": return "rss20"
        case "0.91": return "rss091u"
        case "0.92": return "rss092"
        case "0.93": return "rss093"
        case "0.94": return "rss094"
        case "0.90", "0.9": return "rss090"
        default: return "rss"
        }
    }
}
