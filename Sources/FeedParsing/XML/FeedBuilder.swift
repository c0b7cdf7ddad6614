import Foundation

/// Turns the element events of an RSS / RDF / Atom document into a `ParsedFeed`.
///
/// Element names arrive canonicalised (`content:encoded`, `dc:creator`, Atom elements without prefix,
/// lower-cased). Only the text of elements Syndic keeps is collected; everything else costs one
/// `switch` per element. Semantics follow feedparser where it is right (see docs/FEEDS.md).
final class FeedBuilder {
    private(set) var format: FeedFormat?
    private(set) var version: String?
    private var feed = FeedDraft()
    private var entries: [ParsedEntry] = []
    private var entry: EntryDraft?
    private var entryDepth = 0

    private var depth = 0
    private var capture: TextCapture?
    /// Depths of elements whose children describe something else (image, textinput, source).
    private var ignoredDepth = 0
    private var authorDepth = 0
    private var authorDraft = AuthorDraft()
    private var feedDepth = 0
    private var baseStack: [(depth: Int, base: String)] = []
    private let documentURL: String?
    private var reserveHint: Int

    init(documentURL: String?, expectedEntries: Int = 16) {
        self.documentURL = documentURL
        self.reserveHint = expectedEntries
    }

    // MARK: - Events

    func startElement(_ name: String, uri: String?, attributes: SAXAttributes) {
        depth += 1
        if let xmlBase = attributes.xmlBase() {
            baseStack.append((depth, resolve(xmlBase) ?? xmlBase))
        }
        if capture != nil {
            appendStartTag(name, attributes: attributes)
            return
        }
        if ignoredDepth != 0 { return }
        let inEntry = entry != nil
        switch name {
        case "rss":
            format = .rss
            version = Self.rssVersion(attributes.value("version"))
        case "rdf:rdf":
            if format == nil { format = .rdf; version = "rss10" }
        case "feed":
            if format == nil {
                format = .atom
                version = uri == FeedNamespaces.atom10 ? "atom10" : uri == FeedNamespaces.atom03 ? "atom03" : "atom"
                feedDepth = depth
            }
        case "channel":
            if format == nil { format = .rss; version = "rss" }
            if format == .rdf { version = uri == FeedNamespaces.rss090 ? "rss090" : "rss10" }
            if feedDepth == 0 { feedDepth = depth }
        case "item", "entry":
            guard !inEntry else { return }
            if format == nil, name == "entry" { format = .atom; version = "atom" }
            entry = EntryDraft()
            entryDepth = depth
            if let about = attributes.value("about") { entry!.id = about }
        case "image", "textinput", "source":
            ignoredDepth = depth
        case "title", "dc:title", "media:title":
            if name != "title", inEntry ? entry!.title != nil : feed.title != nil { return }
            begin(.title, mode: titleMode(attributes))
        case "link":
            if let href = attributes.value("href") {
                handleAtomLink(href: href, attributes: attributes)
            } else {
                begin(.link, mode: .plain)
            }
        case "guid":
            guard inEntry else { return }
            entry!.guidIsPermalink = attributes.value("ispermalink").map { $0 == "true" } ?? true
            begin(.id, mode: .plain)
        case "id":
            // feedparser reads Atom `id` like an RSS guid: it stands in for a missing link.
            if inEntry { entry!.guidIsPermalink = true; begin(.id, mode: .plain) }
        case "description", "dc:description", "summary", "itunes:summary", "media:description":
            // feedparser's rule: a second summary-like element, before any content, is content.
            if inEntry {
                let defaultMode: TextMode = name == "description" || name == "dc:description" ? .html : .plain
                let mode = name == "description" ? TextMode.html
                    : TextMode.fromAtomType(attributes.value("type"), mode: attributes.value("mode"), defaultMode: defaultMode)
                begin(entry!.summary != nil && !entry!.hasContent ? .content : .summary, mode: mode)
            } else if name == "description" || name == "dc:description" {
                begin(.description, mode: .html)
            }
        case "subtitle", "tagline":
            if !inEntry {
                begin(.description, mode: TextMode.fromAtomType(attributes.value("type"), mode: attributes.value("mode"), defaultMode: .plain))
            }
        case "content:encoded", "xhtml:body", "body", "fullitem":
            if inEntry {
                entry!.hasContent = true
                begin(.content, mode: name == "content:encoded" || name == "fullitem" ? .html : .xhtml)
            }
        case "content":
            if inEntry {
                let mode = TextMode.fromAtomType(attributes.value("type"), mode: attributes.value("mode"), defaultMode: .plain)
                entry!.hasContent = true
                begin(.content, mode: mode)
            }
        case "author", "contributor":
            if inEntry, name == "author", entry!.author == nil {
                authorDepth = depth
                authorDraft = AuthorDraft()
            }
        case "name":
            if authorDepth != 0 { begin(.authorName, mode: .plain) }
        case "email":
            if authorDepth != 0 { begin(.authorEmail, mode: .plain) }
        case "dc:creator", "dc:author", "itunes:author":
            if inEntry, entry!.author == nil { begin(.author, mode: .plain) }
        case "pubdate", "published", "issued", "dcterms:issued":
            begin(.published, mode: .plain)
        case "dc:date", "updated", "modified", "dcterms:modified", "lastbuilddate":
            begin(.updated, mode: .plain)
        case "category", "dc:subject":
            if inEntry {
                if let term = attributes.value("term") {
                    entry!.categories.append(term)
                } else {
                    begin(.category, mode: .plain)
                }
            }
        case "enclosure":
            if inEntry, let url = attributes.value("url") ?? attributes.value("href") {
                entry!.addEnclosure(FeedEnclosure(
                    url: resolve(url.trimmingCharacters(in: .whitespacesAndNewlines)) ?? url,
                    type: attributes.value("type"),
                    length: attributes.value("length").flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }))
            }
        case "media:thumbnail":
            if inEntry, entry!.image == nil, let url = attributes.value("url") { entry!.image = resolve(url) ?? url }
        case "media:content":
            if inEntry, entry!.image == nil, let url = attributes.value("url") {
                let medium = attributes.value("medium") ?? ""
                let type = attributes.value("type") ?? ""
                if medium == "image" || type.hasPrefix("image/") { entry!.image = resolve(url) ?? url }
            }
        case "itunes:image":
            if inEntry, entry!.image == nil, let url = attributes.value("href") { entry!.image = resolve(url) ?? url }
        case "language", "dc:language":
            if !inEntry { begin(.language, mode: .plain) }
        case "ttl":
            if !inEntry { begin(.ttl, mode: .plain) }
        case "sy:updateperiod":
            if !inEntry { begin(.syPeriod, mode: .plain) }
        case "sy:updatefrequency":
            if !inEntry { begin(.syFrequency, mode: .plain) }
        default:
            break
        }
    }

    func endElement(_ name: String) {
        defer {
            if let last = baseStack.last, last.depth == depth { baseStack.removeLast() }
            depth -= 1
        }
        if var current = capture {
            if current.depth == depth {
                capture = nil
                finish(&current)
            } else {
                appendEndTag(name)
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
        if capture != nil {
            if capture!.mode == .xhtml && capture!.sawElement {
                appendEscaped(bytes)
            } else {
                capture!.bytes.append(contentsOf: bytes)
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
        let ttl = feed.ttl.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
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

    private func begin(_ target: CaptureTarget, mode: TextMode) {
        capture = TextCapture(target: target, depth: depth, mode: mode, forEntry: entry != nil)
    }

    private func titleMode(_ attributes: SAXAttributes) -> TextMode {
        let type = attributes.value("type")
        if type == nil, format != .atom { return .plain }
        return TextMode.fromAtomType(type, mode: attributes.value("mode"), defaultMode: .plain)
    }

    private func appendStartTag(_ name: String, attributes: SAXAttributes) {
        capture!.sawElement = true
        guard capture!.mode != .plain else { return }
        let local = name.split(separator: ":").last.map(String.init) ?? name
        var tag = "<" + local
        for (key, value) in attributes.all() {
            tag += " \(key)=\"\(HTMLText.escape(value))\""
        }
        tag += ">"
        capture!.bytes.append(contentsOf: tag.utf8)
    }

    private func appendEndTag(_ name: String) {
        guard capture!.mode != .plain else { return }
        let local = name.split(separator: ":").last.map(String.init) ?? name
        capture!.bytes.append(contentsOf: "</\(local)>".utf8)
    }

    private func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        for b in bytes {
            switch b {
            case 0x26: capture!.bytes.append(contentsOf: "&amp;".utf8)
            case 0x3C: capture!.bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: capture!.bytes.append(contentsOf: "&gt;".utf8)
            default: capture!.bytes.append(b)
            }
        }
    }

    private func finish(_ c: inout TextCapture) {
        let raw = String(decoding: c.bytes, as: UTF8.self)
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
                entry!.content = existing + "\n" + raw
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
        let rel = attributes.value("rel")?.trimmingCharacters(in: .whitespaces).lowercased() ?? "alternate"
        let type = attributes.value("type")?.lowercased()
        let href = resolve(rawHref.trimmingCharacters(in: .whitespacesAndNewlines)) ?? rawHref
        let isHTMLType = type == nil || type == "text/html" || type == "application/xhtml+xml"
        if entry != nil {
            switch rel {
            case "alternate":
                if isHTMLType { entry!.link = href }
            case "enclosure":
                entry!.addEnclosure(FeedEnclosure(
                    url: href, type: attributes.value("type"),
                    length: attributes.value("length").flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }))
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
        switch attribute?.trimmingCharacters(in: .whitespaces) {
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
