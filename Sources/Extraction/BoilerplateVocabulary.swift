/// What an element's `class` and `id` say about it.
struct AttributeVerdict: Sendable {
    /// Readability-style weight: positive for content names, negative for chrome names.
    var weight: Int
    /// The chrome word that marks the whole subtree as boilerplate, if any.
    var boilerplate: String?
}

/// Class/id vocabulary for page chrome and story containers, in several languages.
///
/// A `class`/`id` token marks a subtree as chrome when it contains one of ``chromeWords``, unless the
/// same attribute also names story content (``contentWords``). Tokens are split on whitespace, so
/// `post-comments` is chrome but `entry-content comments-open` (a WordPress post class) is not.
enum BoilerplateVocabulary {
    /// Substrings of a class/id token that mean chrome.
    static let chromeWords: [String] = [
        // English
        "comment", "disqus", "respond", "reply", "replies", "share", "sharing", "social", "sociable",
        "related", "recommend", "more-stories", "read-more", "readmore", "read-next", "also-read",
        "author-bio", "authorbio", "author-box", "authorbox", "about-author", "about-the-author", "author-info",
        "author-card", "bio-box", "newsletter", "subscribe", "subscription", "signup", "sign-up", "cookie",
        "consent", "gdpr", "promo", "advert", "sponsor", "breadcrumb", "tagcloud", "tag-cloud", "post-tags",
        "article-tags", "entry-tags", "tags-", "-tags", "pagination", "pager", "post-nav", "postnav",
        "nav-links", "navigation", "prev-next", "previous-post", "next-post", "widget", "sidebar",
        "footer", "masthead", "navbar", "topbar", "menu", "popup", "modal", "overlay", "banner",
        "outbrain", "taboola", "zergnet", "trending", "most-popular", "mostpopular", "popular-posts",
        "caption", "credit", "wp-caption", "byline", "dateline", "post-meta", "entry-meta", "article-meta",
        "print", "rating", "toolbar", "skip-link", "screen-reader", "sr-only", "visually-hidden", "inline-ad", "ad-container", "ad-slot", "adslot", "ad-wrapper", "ad-unit",
        "adunit", "dfp", "googlead", "follow-us", "jp-relatedposts", "sharedaddy", "addtoany", "a2a",
        "shariff", "facebook", "twitter", "whatsapp", "pinterest", "linkedin",
        // German
        "kommentar", "teilen", "verwandt", "werbung", "anzeige", "weitere", "empfehl", "fusszeile",
        // French
        "commentaire", "partage", "publicite", "pub-", "articles-lies", "a-lire",
        // Spanish / Portuguese / Italian
        "compartir", "comentario", "relacionad", "publicidad", "compartilh", "condividi", "commenti",
        "correlat", "pubblicita",
        // Polish
        "komentarz", "udostepnij", "powiazane", "reklama",
    ]

    /// Whole class/id tokens that mean chrome (too short to match as substrings).
    static let chromeTokens: Set<String> = [
        "ad", "ads", "adv", "nav", "tags", "tag", "meta", "share", "social", "aside", "foot", "header",
        "bio", "author", "related", "comments", "footer", "sidebar", "promo", "newsletter", "hide", "noprint", "dialog",
    ]

    private static let enabledChromeTokens = Set(RuleSwitch.enabled("chromeTokens", chromeTokens))

    /// Substrings that mean story content; they veto chrome words in the same attribute.
    static let contentWords: [String] = [
        "article-body", "articlebody", "article__body", "article-content", "article_content", "articlecontent",
        "article-text", "article__text", "entry-content", "entry_content", "post-content", "post_content",
        "postcontent", "post-body", "post_body", "postbody", "story-body", "storybody", "story-content",
        "story__body", "story-text", "main-content", "maincontent", "content-body", "body-text", "bodytext",
        "article__content", "text-content", "field-body", "field-name-body", "single-content", "blog-content",
        "td-post-content", "rich-text", "richtext", "paywall-content", "artikel", "article-detail",
        "entry__content", "post__content", "post__body", "content__body", "story__content", "article__text",
        "entry__body", "article-main", "articlemain", "post-text", "posttext", "news-text", "newstext",
        "news-content", "news-body", "detail-content", "text-body", "textbody", "commentary",
    ]

    /// Weaker words that raise a container's score but veto nothing.
    static let positiveWords: [String] = [
        "article", "content", "entry", "post", "story", "text", "body", "main", "blog", "hentry", "page",
    ]

    /// What one lowercased class/id token says on its own.
    struct TokenVerdict: Sendable {
        var content = false
        var chrome = false
        var positive = false
    }

    /// One scan for the three lists: bit 1 content, 2 chrome, 4 positive.
    private static let vocabularyMatcher = WordMatcher(
        tagged: contentWords.map { ($0, 1) } + RuleSwitch.enabled("chromeWords", chromeWords).map { ($0, 2) } + positiveWords.map { ($0, 4) })

    static func verdict(forToken token: String) -> TokenVerdict {
        var verdict = TokenVerdict()
        var token = token
        token.withUTF8 { bytes in
            let tags = vocabularyMatcher.tags(in: bytes)
            verdict.content = tags & 1 != 0
            verdict.chrome = tags & 2 != 0
            verdict.positive = tags & 4 != 0
        }
        if !verdict.chrome, enabledChromeTokens.contains(token) { verdict.chrome = true }
        if verdict.chrome, describesLayoutState(token) { verdict.chrome = false }
        return verdict
    }

    /// Parts of a token that make it a layout or state class of a container ("content-with-sidebar",
    /// "has-comments", "comments-open") rather than the name of a chrome element.
    static let layoutStateParts: Set<Substring> = [
        "with", "has", "no", "without", "enabled", "disabled", "open", "closed", "layout", "template", "active",
        "wrp", "show", "allowed", "count", "embed", "embedded", "tweet", "instagram", "media",
    ]

    static func describesLayoutState(_ token: String) -> Bool {
        var start = token.startIndex
        var index = token.startIndex
        while true {
            let atEnd = index == token.endIndex
            if atEnd || token[index] == "-" || token[index] == "_" {
                if start < index, layoutStateParts.contains(token[start..<index]) { return true }
                if atEnd { return false }
                start = token.index(after: index)
            }
            index = token.index(after: index)
        }
    }

    /// Combines token verdicts: content words veto chrome words anywhere in the same attributes.
    static func combine(_ tokens: [(String, TokenVerdict)]) -> AttributeVerdict {
        let hasContent = tokens.contains { $0.1.content }
        let chrome = tokens.first { $0.1.chrome }?.0
        var weight = hasContent ? 25 : 0
        if chrome != nil {
            weight -= 25
        } else if !hasContent, tokens.contains(where: { $0.1.positive }) {
            weight += 10
        }
        return AttributeVerdict(weight: weight, boilerplate: hasContent ? nil : chrome)
    }
}
