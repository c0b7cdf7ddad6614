/// The formats a digest renders to.
public enum DigestFormat: String, CaseIterable, Sendable {
    case markdown, html, json, atom, rss, jsonfeed, text

    /// Renders the document in this format. Pure: the same document always gives the same text.
    public func render(_ document: DigestDocument) -> String {
        switch self {
        case .markdown: return MarkdownRenderer.render(document)
        case .html: return HTMLDigestRenderer.render(document)
        case .json: return JSONDigestRenderer.render(document)
        case .atom: return AtomRenderer.render(document)
        case .rss: return RSSRenderer.render(document)
        case .jsonfeed: return JSONFeedRenderer.render(document)
        case .text: return TextRenderer.render(document)
        }
    }

    /// The HTTP media type, with charset.
    public var mediaType: String {
        switch self {
        case .markdown: return "text/markdown; charset=utf-8"
        case .html: return "text/html; charset=utf-8"
        case .json: return "application/json; charset=utf-8"
        case .atom: return "application/atom+xml; charset=utf-8"
        case .rss: return "application/rss+xml; charset=utf-8"
        case .jsonfeed: return "application/feed+json; charset=utf-8"
        case .text: return "text/plain; charset=utf-8"
        }
    }

    /// The usual file extension.
    public var fileExtension: String {
        switch self {
        case .markdown: return "md"
        case .html: return "html"
        case .json: return "json"
        case .atom: return "atom"
        case .rss: return "rss"
        case .jsonfeed: return "json"
        case .text: return "txt"
        }
    }
}
