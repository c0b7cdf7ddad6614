/// Writes subscriptions as OPML 2.0 (http://opml.org/spec2.opml), which every feed reader imports.
///
/// Each feed is one `<outline type="rss">` with `text`, `title`, `xmlUrl`, `htmlUrl` when known, and its
/// tags in `category` (comma-separated), so `feeds export | feeds import` keeps URLs, titles and tags.
public enum OPMLWriter {
    public struct Feed: Sendable {
        public var url: String
        public var title: String?
        public var siteURL: String?
        public var tags: [String]
        public init(url: String, title: String?, siteURL: String?, tags: [String]) {
            self.url = url; self.title = title; self.siteURL = siteURL; self.tags = tags
        }
    }

    public static func write(_ feeds: [Feed], title: String = "Syndic subscriptions", dateCreated: String) -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="2.0">
          <head>
            <title>\(escape(title))</title>
            <dateCreated>\(escape(dateCreated))</dateCreated>
          </head>
          <body>

        """
        for feed in feeds {
            let label = feed.title ?? feed.url
            out += "    <outline type=\"rss\" text=\"\(escape(label))\""
            if let title = feed.title { out += " title=\"\(escape(title))\"" }
            out += " xmlUrl=\"\(escape(feed.url))\""
            if let site = feed.siteURL { out += " htmlUrl=\"\(escape(site))\"" }
            let tags = feed.tags.map { $0.replacingAll(",", with: " ").replacingAll("/", with: " ") }
            if !tags.isEmpty { out += " category=\"\(escape(tags.joined(separator: ",")))\"" }
            out += "/>\n"
        }
        out += "  </body>\n</opml>\n"
        return out
    }

    /// Escapes text for an XML attribute or element; drops characters XML 1.0 cannot carry.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\t": out += "&#9;"
            default:
                let v = scalar.value
                if v < 0x20 && v != 0x0D { continue }
                if v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }
}
