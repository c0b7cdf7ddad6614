import Foundation

/// The digest as one self-contained HTML page (see ``HTMLPage``).
public enum HTMLDigestRenderer {
    public static func render(_ document: DigestDocument) -> String {
        var body = "<header class=\"top\"><h1>\(Markup.escape(document.title))</h1>\n"
        body += "<p class=\"meta\">\(countLine(document))</p></header>\n<main>\n"
        if document.items.isEmpty {
            body += "<p>No stories match. Poll your feeds with <code>syndic poll</code>, or widen the time window.</p>\n"
        }
        for item in document.items {
            body += article(item, headlineHref: item.link)
        }
        body += "</main>\n"
        return HTMLPage.render(title: document.title, body: body, footer: "Made by Syndic from your subscriptions.")
    }

    /// "12 stories · updated 2026-11-29 05:34 UTC", escaped.
    static func countLine(_ document: DigestDocument) -> String {
        let n = document.items.count
        var line = "\(n) \(n == 1 ? "story" : "stories")"
        if !document.items.isEmpty { line += " · updated " + HTMLPage.time(document.updated) }
        return line
    }

    /// One story card. `headlineHref` is either a checked external URL or a site-relative path
    /// built by the caller (the web view links to `/story/ID`).
    public static func article(_ item: DigestItem, headlineHref: String?, internalLink: Bool = false) -> String {
        var out = "<article class=\"story\" id=\"story-\(item.storyID)\">\n<h2>"
        if internalLink, let href = headlineHref {
            out += "<a href=\"\(Markup.escape(href))\">\(Markup.escape(item.headline))</a>"
        } else {
            out += HTMLPage.link(item.headline, to: headlineHref)
        }
        out += "</h2>\n<p class=\"meta\"><span class=\"badge\">\(item.sourceCount) \(item.sourceCount == 1 ? "source" : "sources")</span> · "
        out += "first seen \(HTMLPage.time(item.firstSeenAt))</p>\n"
        if !item.lead.isEmpty { out += "<p class=\"lead\">\(Markup.escape(item.lead))</p>\n" }
        out += sourceList(item.sources)
        out += "</article>\n"
        return out
    }

    /// The list of every copy: site (linked when safe), its title, its time.
    public static func sourceList(_ sources: [DigestSource]) -> String {
        var out = "<ul class=\"sources\">\n"
        for source in sources {
            out += "<li><span class=\"site\">\(HTMLPage.link(source.site, to: source.url))</span> — "
            out += "\(Markup.escape(source.title)) · \(HTMLPage.time(source.time))</li>\n"
        }
        out += "</ul>\n"
        return out
    }
}
