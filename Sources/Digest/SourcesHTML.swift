/// The HTML body of a feed item (Atom `content`, RSS `description`, JSON Feed `content_html`):
/// the lead and the list of sources, built only from escaped text and checked links.
enum SourcesHTML {
    static func body(_ item: DigestItem) -> String {
        var out = ""
        if !item.lead.isEmpty { out += "<p>\(Markup.escape(item.lead))</p>" }
        out += "<p>\(item.sourceCount) \(item.sourceCount == 1 ? "source" : "sources"):</p><ul>"
        for source in item.sources {
            out += "<li>\(HTMLPage.link(source.site, to: source.url)) — \(Markup.escape(source.title)) (\(InternetDate.short(source.time)))</li>"
        }
        out += "</ul>"
        return out
    }
}
