/// The digest as plain text for a terminal or an e-mail body: numbered stories, wrapped at 78 columns.
public enum TextRenderer {
    public static func render(_ document: DigestDocument) -> String {
        var out = document.title + "\n"
        let n = document.items.count
        out += "\(n) \(n == 1 ? "story" : "stories")"
        if n > 0 { out += ", updated \(InternetDate.short(document.updated))" }
        out += "\n"
        for (index, item) in document.items.enumerated() {
            out += "\n"
            let number = "\(index + 1). "
            let indent = String(repeating: " ", count: number.count)
            out += wrap(item.headline + " [\(item.sourceCount) \(item.sourceCount == 1 ? "source" : "sources")]",
                        first: number, rest: indent)
            if !item.lead.isEmpty { out += wrap(item.lead, first: indent, rest: indent) }
            for source in item.sources {
                out += wrap("- \(source.site) · \(InternetDate.short(source.time)) · \(source.title)",
                            first: indent, rest: indent + "  ")
                if let url = source.url { out += indent + "  " + url + "\n" }
            }
        }
        return out
    }

    /// Greedy word wrap; every line is prefixed and at most `width` characters unless one word is longer.
    static func wrap(_ text: String, first: String, rest: String, width: Int = 78) -> String {
        var out = ""
        var line = first
        var lineHasWord = false
        for word in PlainText.singleLine(text).split(separator: " ") {
            if lineHasWord, line.count + 1 + word.count > width {
                out += line + "\n"
                line = rest
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        return out + line + "\n"
    }
}
