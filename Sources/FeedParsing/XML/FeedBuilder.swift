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
    @exclusivity(unchecked) var feed = FeedDraft()
    @exclusivity(unchecked) var entries: [ParsedEntry] = []
    @exclusivity(unchecked) var entry: EntryDraft?
    @exclusivity(unchecked) var entryDepth = 0

    @exclusivity(unchecked) var depth = 0
    @exclusivity(unchecked) var capture: TextCapture?
    /// Text of the current capture (reused from one capture to the next).
    @exclusivity(unchecked) var captureBytes: [UInt8] = []
    /// Depths of elements whose children describe something else (image, textinput, source).
    @exclusivity(unchecked) var ignoredDepth = 0
    @exclusivity(unchecked) var authorDepth = 0
    @exclusivity(unchecked) var authorDraft = AuthorDraft()
    @exclusivity(unchecked) var baseStack: [(depth: Int, base: String)] = []
    let documentURL: String?

    // libxml2 glue state (see SAXFeedReader.swift).
    @exclusivity(unchecked) var nameCache = ElementNameCache()
    @exclusivity(unchecked) var parserContext: xmlParserCtxtPtr?
    @exclusivity(unchecked) var sawXMLError = false
    var firstXMLError: String?
    @exclusivity(unchecked) var cdata = CDATASections.none

    init(documentURL: String?) {
        self.documentURL = documentURL
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
            }
        case .channel:
            if format == nil { format = .rss; version = "rss" }
            if format == .rdf { version = uri == FeedNamespaces.rss090 ? "rss090" : "rss10" }
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
            if inEntry { entry!.guidIsPermalink = true; begin(.id, mode: .plain) } else { begin(.id, mode: .plain) }
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
                Self.appendEscaped(bytes, to: &captureBytes)
            } else {
                captureBytes.append(contentsOf: bytes)
            }
        } else if authorDepth != 0, authorDepth == depth {
            authorDraft.text.append(contentsOf: bytes)
        }
    }

    // MARK: - Result

    /// The largest `<ttl>` taken seriously: ten years, in minutes.
    static let maxTTLMinutes = 10 * 366 * 24 * 60

    func result(bozoReason: String?) -> ParsedFeed {
        if let draft = entry { // unterminated last entry
            entries.append(draft.build(resolvedLink: { [self] in resolve($0) ?? $0 }))
            entry = nil
        }
        // A ttl is minutes; one outside 0 ... 10 years is noise (and must not overflow when turned into seconds).
        let ttl = feed.ttl.flatMap { Int($0.trimmedASCIIWhitespace) }.flatMap { (0...Self.maxTTLMinutes).contains($0) ? $0 : nil }
        var interval = ttl.flatMap { UpdateInterval(seconds: $0 * 60) }
        if feed.syPeriod != nil || feed.syFrequency != nil,
           let sy = UpdateInterval(syndicationPeriod: feed.syPeriod, frequency: feed.syFrequency),
           sy.seconds > (interval?.seconds ?? 0) {
            interval = sy
        }
        // A feed `id` that is a web URL stands in for a missing site link (feedparser does this for any id).
        if feed.link == nil, let id = feed.id, id.hasPrefix("http://") || id.hasPrefix("https://") { feed.link = id }
        let reason = bozoReason ?? (format == nil ? "not a recognised feed (no rss, rdf:RDF or feed root element)" : nil)
        return ParsedFeed(
            format: format, version: version, title: feed.title, siteLink: feed.link, selfLink: feed.selfLink,
            hubs: feed.hubs, description: feed.description, language: feed.language,
            updated: feed.updated.map { Date(timeIntervalSince1970: TimeInterval($0)) },
            ttlMinutes: ttl, updateInterval: interval, entries: entries,
            bozo: reason != nil, bozoReason: reason)
    }

    // MARK: - Capture

    func begin(_ target: CaptureTarget, mode: TextMode, attributes: SAXAttributes? = nil) {
        capture = TextCapture(target: target, depth: depth, mode: mode, forEntry: entry != nil)
        captureBytes.removeAll(keepingCapacity: true)
        // Atom 0.3 `mode="base64"`.
        if let attributes, attributes.count > 0, Self.isBase64(mode: attributes.value("mode"), type: attributes.value("type")) {
            capture!.isBase64 = true
        }
    }

    /// Atom 0.3 `mode="base64"`, or an Atom content type that is neither text nor XML (RFC 4287 §4.1.3.3).
    static func isBase64(mode: String?, type: String?) -> Bool {
        if mode?.asciiLowercased == "base64" { return true }
        guard let type = type?.asciiLowercased.trimmedASCIIWhitespace, !type.isEmpty else { return false }
        switch type {
        case "text", "html", "xhtml": return false
        default: return !(type.hasPrefix("text/") || type.hasSuffix("+xml") || type.hasSuffix("/xml"))
        }
    }

    private func titleMode(_ attributes: SAXAttributes) -> TextMode {
        let type = attributes.value("type")
        if type == nil, format != .atom { return .plain }
        return TextMode.fromAtomType(type, mode: attributes.value("mode"), defaultMode: .plain)
    }

    private func appendStartTag(_ name: String, attributes: SAXAttributes) {
        capture!.sawElement = true
        guard capture!.mode != .plain else { return }
        captureBytes.append(0x3C)
        captureBytes.append(contentsOf: Self.localPart(name).utf8)
        for (key, value) in attributes.all() {
            captureBytes.append(0x20)
            captureBytes.append(contentsOf: key.utf8)
            captureBytes.append(contentsOf: "=\"".utf8)
            captureBytes.append(contentsOf: HTMLText.escape(value).utf8)
            captureBytes.append(0x22)
        }
        captureBytes.append(0x3E)
    }

    private static func localPart(_ name: String) -> Substring {
        guard let colon = name.utf8.lastIndex(of: 0x3A) else { return name[...] }
        return name[name.index(after: colon)...]
    }

    private func appendEndTag(_ name: String) {
        guard capture!.mode != .plain else { return }
        captureBytes.append(contentsOf: "</".utf8)
        captureBytes.append(contentsOf: Self.localPart(name).utf8)
        captureBytes.append(0x3E)
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
}
