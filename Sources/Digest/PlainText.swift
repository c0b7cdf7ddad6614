/// Plain text from feed HTML, and the cleaning every string goes through before it is rendered.
///
/// Feed bodies are untrusted: this converter never interprets markup, it only keeps the text.
/// Script, style and other non-text elements are dropped with their content, comments are dropped,
/// block elements become paragraph breaks, and character references are decoded.
public enum PlainText {
    /// Converts HTML to paragraphs of plain text separated by blank lines (`"\n\n"`).
    ///
    /// ```swift
    /// PlainText.fromHTML("<p>One &amp; two.</p><script>x()</script><p>Three</p>") // "One & two.\n\nThree"
    /// ```
    public static func fromHTML(_ html: String) -> String {
        paragraphs(fromHTML: html).joined(separator: "\n\n")
    }

    /// The paragraphs of an HTML fragment, each on one line.
    public static func paragraphs(fromHTML html: String) -> [String] {
        var scanner = HTMLTextScanner(Array(html.unicodeScalars))
        return scanner.run()
    }

    /// The paragraphs of plain text (split at blank lines and single newlines), each on one line.
    public static func paragraphs(fromText text: String) -> [String] {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { singleLine(String($0)) }
            .filter { !$0.isEmpty }
    }

    /// One line: control characters removed, every whitespace run collapsed to one space, trimmed.
    public static func singleLine(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if isDropped(scalar) { continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(scalar)
        }
        return String(out)
    }

    /// Removes characters that must never reach output: C0/C1 controls (terminal escape sequences
    /// included) except tab and newline, characters XML 1.0 forbids, and bidirectional overrides
    /// that could make text display differently from what it is.
    public static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where scalar == "\n" || scalar == "\t" || !isDropped(scalar) {
            out.append(scalar == "\r" ? "\n" : scalar)
        }
        return String(out)
    }

    static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v <= 0x9F) { return true }
        if v == 0xFFFE || v == 0xFFFF { return true }
        if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) { return true }
        return false
    }
}

/// A single forward pass over HTML that collects text. Not a full HTML parser: it is tolerant of
/// broken markup and errs on the side of dropping, never of keeping markup.
struct HTMLTextScanner {
    private let s: [Unicode.Scalar]
    private var i = 0
    private var current = ""
    private var paragraphs: [String] = []

    /// Elements whose content is not text for a reader.
    private static let skippedContent: Set<String> = [
        "script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math",
        "textarea", "select", "title", "head", "button", "canvas", "video", "audio", "picture",
    ]
    /// Elements that end a paragraph.
    private static let blocks: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "pre", "table", "tr", "td", "th", "section", "article", "header", "footer",
        "aside", "nav", "figure", "figcaption", "hr", "main", "address", "details", "summary", "form",
    ]

    init(_ scalars: [Unicode.Scalar]) { s = scalars }

    mutating func run() -> [String] {
        while i < s.count {
            let c = s[i]
            if c == "<" {
                scanMarkup()
            } else if c == "&" {
                let (text, length) = HTMLEntities.decode(s, at: i)
                current += text
                i += length
            } else {
                current.unicodeScalars.append(c)
                i += 1
            }
        }
        endParagraph()
        return paragraphs
    }

    private mutating func endParagraph() {
        let line = PlainText.singleLine(current)
        if !line.isEmpty { paragraphs.append(line) }
        current = ""
    }

    private func starts(with text: String, at index: Int) -> Bool {
        var k = index
        for scalar in text.unicodeScalars {
            guard k < s.count, lower(s[k]) == scalar else { return false }
            k += 1
        }
        return true
    }

    private func lower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        (c.value >= 65 && c.value <= 90) ? Unicode.Scalar(c.value + 32)! : c
    }

    private func find(_ text: String, from index: Int) -> Int? {
        var k = index
        while k < s.count {
            if starts(with: text, at: k) { return k }
            k += 1
        }
        return nil
    }

    private static func isLetter(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 65 && c.value <= 90) || (c.value >= 97 && c.value <= 122)
    }

    private mutating func scanMarkup() {
        if starts(with: "<!--", at: i) {
            i = find("-->", from: i + 4).map { $0 + 3 } ?? s.count
            return
        }
        if starts(with: "<![cdata[", at: i) {
            let end = find("]]>", from: i + 9) ?? s.count
            current += String(String.UnicodeScalarView(s[(i + 9)..<end]))
            i = min(end + 3, s.count)
            return
        }
        guard i + 1 < s.count else { current += "<"; i += 1; return }
        let next = s[i + 1]
        guard Self.isLetter(next) || next == "/" || next == "!" || next == "?" else {
            current += "<"; i += 1; return
        }
        var j = i + 1
        let closing = next == "/"
        if closing { j += 1 }
        var name = ""
        while j < s.count, Self.isLetter(s[j]) || (s[j].value >= 48 && s[j].value <= 57) {
            name.unicodeScalars.append(lower(s[j])); j += 1
        }
        var quote: Unicode.Scalar?
        while j < s.count {
            let ch = s[j]
            if let q = quote {
                if ch == q { quote = nil }
            } else if ch == "\"" || ch == "'" {
                quote = ch
            } else if ch == ">" {
                break
            }
            j += 1
        }
        i = min(j + 1, s.count)
        if !closing, Self.skippedContent.contains(name) {
            if let end = find("</" + name, from: i) {
                i = find(">", from: end).map { $0 + 1 } ?? s.count
            } else {
                i = s.count
            }
            return
        }
        if Self.blocks.contains(name) { endParagraph() } else if !name.isEmpty { current += inlineSeparator(name) }
    }

    /// Inline elements that separate words visually (images, cells) get a space; others nothing.
    private func inlineSeparator(_ name: String) -> String {
        name == "img" || name == "wbr" ? " " : ""
    }
}
