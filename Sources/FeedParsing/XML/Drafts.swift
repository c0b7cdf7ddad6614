import Foundation

/// Channel-level fields collected while parsing.
struct FeedDraft {
    var id: String?
    var title: String?
    var link: String?
    var selfLink: String?
    var hubs: [String] = []
    var description: String?
    var language: String?
    var updated: Int64?
    var ttl: String?
    var syPeriod: String?
    var syFrequency: String?
}

/// Entry fields collected while parsing; `build` applies the fallbacks. A class so the builder
/// updates fields in place.
final class EntryDraft {
    var id: String?
    var guidIsPermalink = false
    var link: String?
    var title: String?
    var author: String?
    var published: Int64?
    var updated: Int64?
    var summary: String?
    var summaryIsHTML = true
    var content: String?
    var contentIsHTML = true
    /// A content element was seen (feedparser's `hasContent`): later summary-like elements stay summaries.
    var hasContent = false
    var categories: [String] = []
    var enclosures: [FeedEnclosure] = []
    var image: String?

    func addEnclosure(_ enclosure: FeedEnclosure) {
        guard !enclosure.url.isEmpty, !enclosures.contains(where: { $0.url == enclosure.url }) else { return }
        enclosures.append(enclosure)
    }

    /// The entry, with an RSS permalink `guid` standing in for a missing `link`.
    func build(resolvedLink: (String) -> String) -> ParsedEntry {
        var link = self.link
        if link == nil, guidIsPermalink, let id, URLResolver.hasScheme(id) || id.hasPrefix("/") {
            link = resolvedLink(id)
        }
        func date(_ seconds: Int64?) -> Date? { seconds.map { Date(timeIntervalSince1970: TimeInterval($0)) } }
        return ParsedEntry(
            id: id, link: link, title: title, author: author, published: date(published), updated: date(updated),
            summary: summary, summaryIsHTML: summaryIsHTML, content: content, contentIsHTML: contentIsHTML,
            categories: categories, enclosures: enclosures, imageURL: image)
    }
}

/// An Atom `<author>` (name, email, or bare text as RSS writes it).
struct AuthorDraft {
    var name: String?
    var email: String?
    var text: [UInt8] = []

    func displayName() -> String? {
        if let name, !name.isEmpty { return name }
        let raw = String(decoding: text, as: UTF8.self)
        if let fromText = Self.displayName(fromRSS: raw) { return fromText }
        return email
    }

    /// RSS `author` text → display name, as feedparser reads it: `jane@example.org (Jane Doe)` → `Jane Doe`,
    /// `Jane Doe <jane@example.org>` → `Jane Doe`; a bare address stays the address.
    static func displayName(fromRSS raw: String) -> String? {
        guard let text = HTMLText.collapse(raw) else { return nil }
        guard let at = text.firstIndex(of: "@") else { return text }
        // Expand around '@' to the e-mail address (feedparser's character class).
        func isEmailChar(_ c: Character) -> Bool {
            c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-" || c == "." || c == "+")
        }
        var start = at
        while start > text.startIndex, isEmailChar(text[text.index(before: start)]) { start = text.index(before: start) }
        var end = text.index(after: at)
        while end < text.endIndex, isEmailChar(text[end]) { end = text.index(after: end) }
        guard start < at, text.index(after: at) < end else { return text }
        var rest = String(text[..<start]) + String(text[end...])
        for junk in ["mailto:", "()", "<>", "&lt;&gt;"] where rest.contains(junk) {
            rest = rest.replacing(junk, with: "")
        }
        rest = rest.trimmedASCIIWhitespace
        if rest.hasPrefix("(") { rest.removeFirst() }
        if rest.hasSuffix(")") { rest.removeLast() }
        rest = rest.trimmedASCIIWhitespace
        return rest.isEmpty ? text : rest
    }
}
