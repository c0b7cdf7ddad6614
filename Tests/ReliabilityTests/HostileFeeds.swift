import Foundation

/// Hostile documents, generated so the repository holds no megabyte fixtures.
enum HostileFeeds {
    /// An RSS feed with the given items (already XML) and an optional DOCTYPE.
    static func rss(doctype: String = "", items: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        \(doctype)
        <rss version="2.0"><channel><title>Hostile</title><link>http://example.invalid/</link><description>d</description>
        \(items)
        </channel></rss>
        """
    }

    static func item(_ guid: String, title: String, description: String, link: String? = nil) -> String {
        "<item><guid>\(guid)</guid><title>\(title)</title>" + (link.map { "<link>\($0)</link>" } ?? "")
            + "<description>\(description)</description></item>"
    }

    /// The classic billion laughs: ten levels of ten references, 10^9 "lol"s if expanded.
    static func billionLaughs() -> String {
        var doctype = "<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n<!ENTITY lol1 \"" + String(repeating: "&lol;", count: 10) + "\">\n"
        for level in 2...9 {
            doctype += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        doctype += "]>"
        return rss(doctype: doctype, items: item("laughs", title: "&lol9;", description: "&lol9;"))
    }

    /// Quadratic blow-up: one 100 KB entity referenced 20,000 times (2 GB if expanded), no nesting.
    static func quadraticBlowup() -> String {
        let doctype = "<!DOCTYPE rss [<!ENTITY big \"" + String(repeating: "x", count: 100_000) + "\">]>"
        return rss(doctype: doctype, items: item("quadratic", title: "t", description: String(repeating: "&big;", count: 20_000)))
    }

    /// `depth` nested elements inside an item's description, never closed.
    static func deepXML(depth: Int) -> String {
        rss(items: "<item><guid>deep</guid><title>deep</title><description>" + String(repeating: "<a>", count: depth) + "</description></item>")
    }

    /// A JSON Feed whose one item carries `depth` nested arrays.
    static func deepJSON(depth: Int) -> String {
        #"{"version":"https://jsonfeed.org/version/1.1","title":"deep","items":[{"id":"1","content_text":"x","_deep":"#
            + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}]}"
    }

    /// An HTML page with `depth` nested divs around its text.
    static func deepHTML(depth: Int) -> String {
        "<!DOCTYPE html><html><head><title>deep</title></head><body>" + String(repeating: "<div>", count: depth)
            + "<p>" + String(repeating: "Deep page text that should survive. ", count: 20) + "</p></body></html>"
    }
}
