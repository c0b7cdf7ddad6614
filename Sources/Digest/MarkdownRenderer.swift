/// The digest as CommonMark: a heading per story, the lead, and a list of sources with links.
/// Every piece of feed text is escaped, so no feed can inject links, HTML or formatting.
public enum MarkdownRenderer {
    public static func render(_ document: DigestDocument) -> String {
        var out = "# \(Markup.escapeMarkdown(document.title))\n\n"
        let n = document.items.count
        out += "\(n) \(n == 1 ? "story" : "stories")"
        if n > 0 { out += ", updated \(InternetDate.short(document.updated))" }
        out += "\n"
        for item in document.items {
            out += "\n## "
            out += link(item.headline, item.link)
            out += "\n\n*\(item.sourceCount) \(item.sourceCount == 1 ? "source" : "sources"), first seen \(InternetDate.short(item.firstSeenAt))*\n\n"
            if !item.lead.isEmpty { out += Markup.escapeMarkdown(item.lead) + "\n\n" }
            for source in item.sources {
                out += "- " + link(source.site, source.url) + " — \(Markup.escapeMarkdown(source.title)) · \(InternetDate.short(source.time))\n"
            }
        }
        return out
    }

    /// `[text](<url>)` with the URL in angle brackets (already percent-encoded by ``SafeURL``), or the escaped text.
    static func link(_ text: String, _ url: String?) -> String {
        let label = Markup.escapeMarkdown(text)
        guard let url else { return label }
        return "[\(label)](<\(url)>)"
    }
}
