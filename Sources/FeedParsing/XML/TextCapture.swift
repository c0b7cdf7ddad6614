/// How the text of a captured element is to be read.
enum TextMode {
    /// Plain text (Atom `type="text"`, RSS titles): child tags are dropped, their text kept.
    case plain
    /// HTML as text (RSS `description`, Atom `type="html"`): child elements, if any, are kept as tags.
    case html
    /// Inline XHTML (Atom `type="xhtml"`): children kept as tags, character data re-escaped.
    case xhtml

    /// Atom / Atom 0.3 `type` (and `mode`) attributes → mode; `defaultMode` when absent or unknown.
    static func fromAtomType(_ type: String?, mode: String?, defaultMode: TextMode) -> TextMode {
        guard let type = type?.asciiLowercased else {
            return mode?.asciiLowercased == "escaped" ? .html : defaultMode
        }
        switch type {
        case "text", "text/plain": return .plain
        case "html", "text/html": return .html
        case "xhtml", "application/xhtml+xml": return mode?.asciiLowercased == "escaped" ? .html : .xhtml
        default: return type.hasPrefix("text/") ? .plain : defaultMode
        }
    }
}

/// Which field a captured element's text goes to.
enum CaptureTarget {
    case title, link, id, summary, content, author, authorName, authorEmail
    case published, updated, category, description, language, ttl, syPeriod, syFrequency
}

/// The element whose text is being collected (and its descendants when it holds markup). Plain
/// data: the bytes themselves go to one reusable buffer in the builder, so a capture costs no
/// allocation.
struct TextCapture {
    let target: CaptureTarget
    let depth: Int
    let mode: TextMode
    let forEntry: Bool
    var sawElement = false
    /// Atom 0.3 `mode="base64"` or a non-text Atom type: the text is base64-decoded before use.
    var isBase64 = false
}
