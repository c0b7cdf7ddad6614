/// The story a news page carries, stripped of the page chrome around it.
///
/// Produced by ``ArticleExtractor``; a plain value, safe to hand across threads and to store.
public struct Article: Sendable, Equatable {
    /// The headline: `og:title`, else the first `<h1>`, else `<title>` without the site-name suffix.
    public var title: String?
    /// Who wrote it, as the page states it (`meta name=author`, JSON-LD `author`, `rel=author`).
    public var byline: String?
    /// When it was first published, as the page states it (ISO 8601 when the page gives that).
    public var published: String?
    /// When it was last modified, as the page states it.
    public var modified: String?
    /// The page's own idea of its address (`rel=canonical`, `og:url`), resolved against the page URL.
    public var canonicalURL: String?
    /// Language tag (`<html lang>`, `og:locale`, `content-language`), e.g. `en` or `de-DE`.
    public var language: String?
    /// The publication's name (`og:site_name`, JSON-LD publisher).
    public var siteName: String?
    /// The main picture (`og:image`, `twitter:image`), resolved against the page URL.
    public var leadImage: String?
    /// The story as structured text blocks, in reading order.
    public var blocks: [TextBlock]

    public init(
        title: String? = nil, byline: String? = nil, published: String? = nil, modified: String? = nil,
        canonicalURL: String? = nil, language: String? = nil, siteName: String? = nil,
        leadImage: String? = nil, blocks: [TextBlock] = []
    ) {
        self.title = title
        self.byline = byline
        self.published = published
        self.modified = modified
        self.canonicalURL = canonicalURL
        self.language = language
        self.siteName = siteName
        self.leadImage = leadImage
        self.blocks = blocks
    }

    /// The story as plain text: blocks joined by blank lines.
    public var text: String {
        blocks.map(\.text).joined(separator: "\n\n")
    }
}

/// One unit of story text with its role, so headings, list items and quotes stay recognisable.
public struct TextBlock: Sendable, Equatable {
    /// What kind of block the text came from.
    public enum Kind: String, Sendable, Equatable {
        case paragraph, heading, listItem, quote
    }

    public var kind: Kind
    /// The block's text, whitespace collapsed to single spaces.
    public var text: String

    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }
}

/// A block the extractor left out of the article, and why: the material of `syndic extract --explain`.
public struct RemovedBlock: Sendable, Equatable {
    /// The block's text (whitespace collapsed).
    public var text: String
    /// Why it went, e.g. `class/id "share-buttons"`, `link density 0.82`, `site template`.
    public var reason: String

    public init(text: String, reason: String) {
        self.text = text
        self.reason = reason
    }
}

/// Everything one extraction yields.
public struct ExtractionResult: Sendable {
    /// The story and its metadata.
    public var article: Article
    /// Text blocks dropped as chrome, with reasons, in document order.
    public var removed: [RemovedBlock]
    /// The text of every block on the page, story and chrome alike, in document order.
    var pageBlockTexts: [String]

    /// ``TemplateBlock/hash(normalizedText:)`` of every distinct text block on the page (story and
    /// chrome alike), in document order, for the caller's per-host template counts. Computed on
    /// first use, so callers that do not learn templates do not pay for it.
    public var blockHashes: [UInt64] {
        var seen = Set<UInt64>()
        var hashes: [UInt64] = []
        for text in pageBlockTexts {
            let hash = TemplateBlock.hash(text: text)
            if seen.insert(hash).inserted { hashes.append(hash) }
        }
        return hashes
    }
}
