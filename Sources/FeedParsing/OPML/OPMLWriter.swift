/// Writes subscriptions as OPML 2.0 (http://opml.org/spec2.opml), which every feed reader imports.
///
/// Tags become folders, the structure newsboat (`newsboat -i`), Miniflux and most readers read: each
/// feed is one `<outline type="rss">` (`text`, `title`, `xmlUrl`, `htmlUrl` when known) inside an
/// outline named after its first tag; its other tags are in `category` (comma-separated), which
/// Syndic's import reads too, so `feeds export | feeds import` keeps URLs, titles, site URLs and tags.
/// Feeds without tags sit directly in `<body>`. Folders appear where their first feed would.
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
        // Folders in the order of their first feed; untagged feeds in their own places.
        var units: [(folder: String?, feeds: [Feed])] = []
        var folderIndex: [String: Int] = [:]
        for feed in feeds {
            guard let folder = feed.tags.first(where: { !$0.isEmpty }) else { units.append((nil, [feed])); continue }
            if let index = folderIndex[folder] {
                units[index].feeds.append(feed)
            } else {
                folderIndex[folder] = units.count
                units.append((folder, [feed]))
            }
        }
        for unit in units {
            guard let folder = unit.folder else { out += outline(unit.feeds[0], folder: nil, indent: "    "); continue }
            out += "    <outline text=\"\(escape(folder))\" title=\"\(escape(folder))\">\n"
            for feed in unit.feeds { out += outline(feed, folder: folder, indent: "      ") }
            out += "    </outline>\n"
        }
        out += "  </body>\n</opml>\n"
        return out
    }

    /// One feed's outline; `folder` (its first tag) is left out of its categories.
    private static func outline(_ feed: Feed, folder: String?, indent: String) -> String {
        let label = feed.title ?? feed.url
        var out = indent + "<outline type=\"rss\" text=\"\(escape(label))\""
        if let title = feed.title { out += " title=\"\(escape(title))\"" }
        out += " xmlUrl=\"\(escape(feed.url))\""
        if let site = feed.siteURL { out += " htmlUrl=\"\(escape(site))\"" }
        var rest = feed.tags.filter { !$0.isEmpty }
        if let folder, let index = rest.firstIndex(of: folder) { rest.remove(at: index) }
        // A category is a comma-separated list of /-paths: commas and slashes inside a tag become spaces.
        let categories = rest.map { $0.replacingAll(",", with: " ").replacingAll("/", with: " ") }
        if !categories.isEmpty { out += " category=\"\(escape(categories.joined(separator: ",")))\"" }
        return out + "/>\n"
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
