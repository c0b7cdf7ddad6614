/// Escaping for every markup Syndic writes. Untrusted text only ever reaches output through these.
public enum Markup {
    /// Escapes text for HTML or XML element content and quoted attribute values (`&`, `<`, `>`, `"`, `'`),
    /// after removing characters that XML forbids and terminals would interpret.
    ///
    /// ```swift
    /// Markup.escape("<script>") // "&lt;script&gt;"
    /// ```
    public static func escape(_ text: String) -> String {
        // Most text (titles, names, URLs) is printable ASCII with nothing to escape: returned as it is.
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F && $0 != 0x26 && $0 != 0x3C && $0 != 0x3E && $0 != 0x22 && $0 != 0x27)
                                  || $0 == 0x0A || $0 == 0x09 }) {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default:
                if !PlainText.isDropped(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    private static let markdownSpecial: Set<Unicode.Scalar> = [
        "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "<", ">", "&", "~", "|", "!",
    ]
    private static let markdownLineStart: Set<Unicode.Scalar> = ["#", "-", "+", "="]

    /// Escapes text for Markdown so that no character starts emphasis, a link, raw HTML, an entity,
    /// a heading, a list or a table cell; the result shows the text as written, on one line.
    public static func escapeMarkdown(_ text: String) -> String {
        var out = ""
        let line = PlainText.singleLine(text)
        let leadingDigits = line.prefix(while: { $0.isASCII && $0.isNumber }).count
        for (offset, scalar) in line.unicodeScalars.enumerated() {
            if Self.markdownSpecial.contains(scalar)
                || (offset == 0 && Self.markdownLineStart.contains(scalar))
                || (scalar == "." && offset == leadingDigits && leadingDigits > 0) {
                out += "\\"
            }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
