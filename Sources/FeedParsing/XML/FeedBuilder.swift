import CLibXML2
import Foundation

/// Turns the element events of an RSS / RDF / Atom document into a `ParsedFeed`.
///
/// Element names arrive canonicalised (`content:encoded`, `dc:creator`, Atom elements without prefix,
/// lower-cased). Only the text of elements Syndic keeps is collected; everything else costs one
/// `switch` per element. Semantics follow feedparser where it is right (see docs/FEEDS.md).
final class FeedBuilder {
    private(set) var format: FeedFormat?
    private(set) var version: String?
    @exclusivity(unchecked) private var feed = FeedDraft()
    @exclusivity(unchecked) private var entries: [ParsedEntry] = []
    @exclusivity(unchecked) private var entry: EntryDraft?
    @exclusivity(unchecked) private var entryDepth = 0

    @exclusivity(unchecked) private var depth = 0
    @exclusivity(unchecked) private var capture: TextCapture?
    /// Depths of elements whose children describe something else (image, textinput, source).
    @exclusivity(unchecked) private var ignoredDepth = 0
    @exclusivity(unchecked) private var authorDepth = 0
    @exclusivity(unchecked) private var authorDraft = AuthorDraft()
    private var feedDepth = 0
    @exclusivity(unchecked) private var baseStack: [(depth: Int, base: String)] = []
    private let documentURL: String?

    // libxml2 glue state (see SAXFeedReader.swift).
    @exclusivity(unchecked) var nameCache = ElementNameCache()
    @exclusivity(unchecked) var parserContext: xmlParserCtxtPtr?
    @exclusivity(unchecked) var sawXMLError = false
    var firstXMLError: String?
    private var reserveHint: Int

    init(documentURL: String?, expectedEntries: Int = 16) {
        self.documentURL = documentURL
        self.reserveHint = expectedEntries
    }

    // MARK: - Events

    func startElement(_ element: ElementInfo, attributes: SAXAttributes) {
        let uri = element.uri
        depth += 1
        if let xmlBase = attributes.xmlBase() {
            baseStack.append((depth, resolve(xmlBase) ?? xmlBase))
        }
        if capture != nil {
            appendStartTag(element.name, attributes: attributes)
            return
        }
        if ignoredDepth != 0 { return }
        let inEntry = entry != nil
        switch element.kind {
        case .rss:
            format = .rss
            version = Self.rssVersion(attributes.value("version"))
        case .rdfRoot:
            if format == nil { format = .rdf; version = "rss10" }
        case .feed:
            if format == nil {
                format = .atom
                version = uri == FeedNamespaces.atom10 ? "atom10" : uri == FeedNamespaces.atom03 ? "atom03" : "atom"
                feedDepth = depth
            }
        case .channel:
            if format == nil { format = .rss; version = "rss" }
            if format == .rdf { version = uri == FeedNamespaces.rss090 ? "rss090" : "rss10" }
            if feedDepth == 0 { feedDepth = depth }
        case .item, .entry:
            guard !inEntry else { return }
            if format == nil, element.kind == .entry { format = .atom; version = "atom" }
            entry = EntryDraft()
            entryDepth = depth
            if let about = attributes.value("about") { entry!.id = about }
        case .container:
            ignoredDepth = depth
        case .title, .secondaryTitle:
            if element.kind == .secondaryTitle, inEntry ? entry!.title != nil : feed.title != nil { return }
            begin(.title, mode: titleMode(attributes), attributes: attributes)
        case .link:
            if let href = attributes.value("href") {
                handleAtomLink(href: href, attributes: attributes)
            } else {
                begin(.link, mode: .plain)
            }
        case .guid:
            guard inEntry else { return }
            entry!.guidIsPermalink = attributes.value("ispermalink").map { $0 == "true" } ?? true
            begin(.id, mode: .plain)
        case .id:
            // feedparser reads Atom `id` like an RSS guid: it stands in for a missing link.
            if inEntry { entry!.guidIsPermalink = true; begin(.id, mode: .plain) }
        case .rssDescription, .dcDescription, .summaryLike:
            // feedparser's rule: a second summary-like element, before any content, is content.
            if inEntry {
                let defaultMode: TextMode = element.kind == .summaryLike ? .plain : .html
                let mode = element.kind == .rssDescription ? TextMode.html
                    : TextMode.fromAtomType(attributes.value("type"), mode: attributes.value("mode"), defaultMode: defaultMode)
                begin(entry!.summary != nil && !entry!.hasContent ? .content : .summary, mode: mode, attributes: attributes)
            } else if element.kind != .summaryLike {
                begin(.description, mode: .html)
            }
        case .subtitle:
            if !inEntry {
                begin(.description, mode: TextMode.fromAtomType(attributes.value("type"), mode: attributes.value("mode"), defaultMode: .plain))
            }
        case .encodedContent, .xhtmlBody:
            if inEntry {
                entry!.hasContent = true
                begin(.content, mode: element.kind == .encodedContent ? .html : .xhtml)
            }
        case .content:
            if inEntry {
                let mode = TextMode.fromAtomType(attributes.value("type"), mode: attributes.value("mode"), defaultMode: .plain)
                entry!.hasContent = true
                begin(.content, mode: mode, attributes: attributes)
            }
        case .author, .contributor:
            if inEntry, element.kind == .author, entry!.author == nil {
                authorDepth = depth
                authorDraft = AuthorDraft()
            }
        case .name:
            if authorDepth != 0 { begin(.authorName, mode: .plain) }
        case .email:
            if authorDepth != 0 { begin(.authorEmail, mode: .plain) }
        case .creator:
            if inEntry, entry!.author == nil { begin(.author, mode: .plain) }
        case .published:
            begin(.published, mode: .plain)
        case .updated:
            begin(.updated, mode: .plain)
        case .category:
            if inEntry {
                if let term = attributes.value("term") {
                    entry!.categories.append(term)
                } else {
                    begin(.category, mode: .plain)
                }
            }
        case .enclosure:
            if inEntry, let url = attributes.value("url") ?? attributes.value("href") {
                entry!.addEnclosure(FeedEnclosure(
                    url: resolve(url.trimmedASCIIWhitespace) ?? url,
                    type: attributes.value("type"),
                    length: attributes.value("length").flatMap { Int64($0.trimmedASCIIWhitespace) }))
            }
        case .mediaThumbnail:
            if inEntry, entry!.image == nil, let url = attributes.value("url") { entry!.image = resolve(url) ?? url }
        case .mediaContent:
            if inEntry, entry!.image == nil, let url = attributes.value("url") {
                let medium = attributes.value("medium") ?? ""
                let type = attributes.value("type") ?? ""
                if medium == "image" || type.hasPrefix("image/") { entry!.image = resolve(url) ?? url }
            }
        case .itunesImage:
            if inEntry, entry!.image == nil, let url = attributes.value("href") { entry!.image = resolve(url) ?? url }
        case .language:
            if !inEntry { begin(.language, mode: .plain) }
        case .ttl:
            if !inEntry { begin(.ttl, mode: .plain) }
        case .syPeriod:
            if !inEntry { begin(.syPeriod, mode: .plain) }
        case .syFrequency:
            if !inEntry { begin(.syFrequency, mode: .plain) }
        case .other:
            break
        }
    }

    func endElement(_ element: ElementInfo) {
        defer {
            if let last = baseStack.last, last.depth == depth { baseStack.removeLast() }
            depth -= 1
        }
        if let current = capture {
            if current.depth == depth {
                capture = nil
                finish(current)
            } else {
                appendEndTag(element.name)
            }
            return
        }
        if ignoredDepth != 0 {
            if ignoredDepth == depth { ignoredDepth = 0 }
            return
        }
        if authorDepth == depth {
            authorDepth = 0
            if entry != nil, entry!.author == nil { entry!.author = authorDraft.displayName() }
            return
        }
        if entryDepth == depth, let draft = entry {
            entries.append(draft.build(resolvedLink: { [self] in resolve($0) ?? $0 }))
            entry = nil
            entryDepth = 0
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let c = capture {
            if c.mode == .xhtml && c.sawElement {
                Self.appendEscaped(bytes, to: &c.bytes)
            } else {
                c.bytes.append(contentsOf: bytes)
            }
        } else if authorDepth != 0, authorDepth == depth {
            authorDraft.text.append(contentsOf: bytes)
        }
    }

    // MARK: - Result

    func result(bozoReason: String?) -> ParsedFeed {
        if let draft = entry { // unterminated last entry
            entries.append(draft.build(resolvedLink: { [self] in resolve($0) ?? $0 }))
            entry = nil
        }
        let ttl = feed.ttl.flatMap { Int($0.trimmedASCIIWhitespace) }
        var interval = ttl.flatMap { UpdateInterval(seconds: $0 * 60) }
        if feed.syPeriod != nil || feed.syFrequency != nil,
           let sy = UpdateInterval(syndicationPeriod: feed.syPeriod, frequency: feed.syFrequency),
           sy.seconds > (interval?.seconds ?? 0) {
            interval = sy
        }
        let reason = bozoReason ?? (format == nil ? "not a recognised feed (no rss, rdf:RDF or feed root element)" : nil)
        return ParsedFeed(
            format: format, version: version, title: feed.title, siteLink: feed.link, selfLink: feed.selfLink,
            hubs: feed.hubs, description: feed.description, language: feed.language,
            updated: feed.updated.map { Date(timeIntervalSince1970: TimeInterval($0)) },
            ttlMinutes: ttl, updateInterval: interval, entries: entries,
            bozo: reason != nil, bozoReason: reason)
    }

    // MARK: - Capture

    private func begin(_ target: CaptureTarget, mode: TextMode, attributes: SAXAttributes? = nil) {
        capture = TextCapture(target: target, depth: depth, mode: mode, forEntry: entry != nil)
        // Atom 0.3 `mode="base64"`.
        if let attributes, attributes.count > 0, attributes.value("mode")?.asciiLowercased == "base64" { capture!.isBase64 = true }
    }

    private func titleMode(_ attributes: SAXAttributes) -> TextMode {
        let type = attributes.value("type")
        if type == nil, format != .atom { return .plain }
        return TextMode.fromAtomType(type, mode: attributes.value("mode"), defaultMode: .plain)
    }

    private func appendStartTag(_ name: String, attributes: SAXAttributes) {
        capture!.sawElement = true
        guard capture!.mode != .plain else { return }
        capture!.bytes.append(0x3C)
        capture!.bytes.append(contentsOf: Self.localPart(name).utf8)
        for (key, value) in attributes.all() {
            capture!.bytes.append(0x20)
            capture!.bytes.append(contentsOf: key.utf8)
            capture!.bytes.append(contentsOf: "=\"".utf8)
            capture!.bytes.append(contentsOf: HTMLText.escape(value).utf8)
            capture!.bytes.append(0x22)
        }
        capture!.bytes.append(0x3E)
    }

    private static func localPart(_ name: String) -> Substring {
        guard let colon = name.utf8.lastIndex(of: 0x3A) else { return name[...] }
        return name[name.index(after: colon)...]
    }

    private func appendEndTag(_ name: String) {
        guard capture!.mode != .plain else { return }
        capture!.bytes.append(contentsOf: "</".utf8)
        capture!.bytes.append(contentsOf: Self.localPart(name).utf8)
        capture!.bytes.append(0x3E)
    }

    /// Character data re-escaped for inline XHTML (runs without `& < >` are copied in one go).
    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var runStart = 0
        for i in 0..<bytes.count {
            let b = bytes[i]
            guard b == 0x26 || b == 0x3C || b == 0x3E else { continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
            out.append(contentsOf: b == 0x26 ? "&amp;".utf8 : b == 0x3C ? "&lt;".utf8 : "&gt;".utf8)
            runStart = i + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }

    private func finish(_ c: TextCapture) {
        var raw = String(decoding: c.bytes, as: UTF8.self)
        if c.isBase64, let data = Data(base64Encoded: raw, options: .ignoreUnknownCharacters) {
            raw = String(decoding: data, as: UTF8.self)
        }
        if c.forEntry, entry != nil {
            finishEntryField(c, raw)
        } else if !c.forEntry, entry == nil {
            finishFeedField(c, raw)
        }
    }

    private func plainText(_ raw: String, mode: TextMode) -> String? {
        switch mode {
        case .plain:
            return format == .atom ? HTMLText.collapse(raw)
                : (HTMLText.looksLikeHTML(raw) ? HTMLText.toText(raw) : HTMLText.collapse(raw))
        case .html, .xhtml:
            return HTMLText.toText(raw)
        }
    }

    private func finishEntryField(_ c: TextCapture, _ raw: String) {
        switch c.target {
        case .title:
            if entry!.title == nil { entry!.title = plainText(raw, mode: c.mode) }
        case .link:
            if let link = HTMLText.collapse(raw) { entry!.link = resolve(link) ?? link }
        case .id:
            entry!.id = HTMLText.collapse(raw)
        case .summary:
            entry!.summary = raw
            entry!.summaryIsHTML = c.mode != .plain
        case .content:
            if let existing = entry!.content {
                // feedparser keeps every content element; joined here as one body of one type.
                let isHTML = c.mode != .plain
                switch (entry!.contentIsHTML, isHTML) {
                case (true, false): entry!.content = existing + "\n" + HTMLText.escape(raw)
                case (false, true): entry!.content = HTMLText.escape(existing) + "\n" + raw
                default: entry!.content = existing + "\n" + raw
                }
                entry!.contentIsHTML = entry!.contentIsHTML || isHTML
            } else {
                entry!.content = raw
                entry!.contentIsHTML = c.mode != .plain
            }
        case .author:
            if entry!.author == nil { entry!.author = AuthorDraft.displayName(fromRSS: raw) }
        case .authorName:
            authorDraft.name = HTMLText.collapse(raw)
        case .authorEmail:
            authorDraft.email = HTMLText.collapse(raw)
        case .published:
            if entry!.published == nil { entry!.published = FeedDate.unixSeconds(raw) }
        case .updated:
            if entry!.updated == nil { entry!.updated = FeedDate.unixSeconds(raw) }
        case .category:
            if let label = HTMLText.collapse(raw) { entry!.categories.append(label) }
        case .description, .language, .ttl, .syPeriod, .syFrequency:
            break
        }
    }

    private func finishFeedField(_ c: TextCapture, _ raw: String) {
        switch c.target {
        case .title:
            if feed.title == nil { feed.title = plainText(raw, mode: c.mode) }
        case .link:
            if feed.link == nil, let link = HTMLText.collapse(raw) { feed.link = resolve(link) ?? link }
        case .description:
            if feed.description == nil { feed.description = plainText(raw, mode: c.mode) }
        case .language:
            feed.language = HTMLText.collapse(raw)
        case .updated:
            if feed.updated == nil { feed.updated = FeedDate.unixSeconds(raw) }
        case .ttl:
            feed.ttl = raw
        case .syPeriod:
            feed.syPeriod = raw
        case .syFrequency:
            feed.syFrequency = raw
        default:
            break
        }
    }

    // MARK: - Links

    private func handleAtomLink(href rawHref: String, attributes: SAXAttributes) {
        let rel = attributes.value("rel")?.trimmedASCIIWhitespace.asciiLowercased ?? "alternate"
        let type = attributes.value("type")?.asciiLowercased
        let href = resolve(rawHref.trimmedASCIIWhitespace) ?? rawHref.trimmedASCIIWhitespace
        let isHTMLType = type == nil || type == "text/html" || type == "application/xhtml+xml"
        if entry != nil {
            switch rel {
            case "alternate":
                if isHTMLType { entry!.link = href }
            case "enclosure":
                entry!.addEnclosure(FeedEnclosure(
                    url: href, type: attributes.value("type"),
                    length: attributes.value("length").flatMap { Int64($0.trimmedASCIIWhitespace) }))
            default:
                break
            }
        } else {
            switch rel {
            case "alternate": if isHTMLType { feed.link = href }
            case "self": if feed.selfLink == nil { feed.selfLink = href }
            case "hub": feed.hubs.append(href)
            default: break
            }
        }
    }

    /// `link` resolved against the innermost `xml:base`, else the document URL; nil if nothing to do.
    private func resolve(_ link: String) -> String? {
        guard let base = baseStack.last?.base ?? documentURL else { return nil }
        return URLResolver.resolve(link, against: base)
    }

    static func rssVersion(_ attribute: String?) -> String {
        switch attribute?.trimmedASCIIWhitespace {
        case "2.0", "2", "2.0.1", "2.01": return "rss20"
        case "0.91": return "rss091u"
        case "0.92": return "rss092"
        case "0.93": return "rss093"
        case "0.94": return "rss094"
        case "0.90", "0.9": return "rss090"
        default: return "rss"
        }
    }
}
