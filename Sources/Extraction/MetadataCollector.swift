import CLibXML2

/// Gathers the raw metadata signals of a page while the walker passes by: `<meta>` values,
/// `<link rel>` targets, `<title>`, `<html lang>`, JSON-LD scripts, the first `<h1>` and `time[datetime]`.
struct MetadataCollector {
    /// Lowercased `property` / `name` / `itemprop` / `http-equiv` → first `content` seen.
    var metas: [String: String] = [:]
    var canonicalLink: String?
    var authorLink: String?
    var titleText: String?
    var htmlLanguage: String?
    var jsonLD: [String] = []
    var firstH1: String?
    var firstTimeDatetime: String?

    /// Metadata from an element's start tag (SAX). `<title>` and JSON-LD text arrive later through
    /// ``finishTitle(_:)`` and ``finishScript(_:)``.
    mutating func visit(tag: HTMLTag, attributes: SAXAttributes) {
        switch tag {
        case .meta:
            guard let content = attributes.string("content") else { return }
            for key in ["property", "name", "itemprop", "http-equiv"] as [StaticString] {
                if let name = attributes.string(key) {
                    let lowered = name.lowercased()
                    if metas[lowered] == nil { metas[lowered] = content }
                }
            }
        case .link:
            guard let rel = attributes.value("rel"), let href = attributes.string("href") else { return }
            if DOM.equalsIgnoringCase(rel, "canonical"), canonicalLink == nil { canonicalLink = href }
            if DOM.equalsIgnoringCase(rel, "author"), authorLink == nil { authorLink = href }
        case .time:
            if firstTimeDatetime == nil, let value = attributes.string("datetime"), !value.isEmpty {
                firstTimeDatetime = value
            }
        case .html:
            if htmlLanguage == nil { htmlLanguage = attributes.string("lang") ?? attributes.string("xml:lang") }
        default:
            break
        }
    }

    mutating func finishTitle(_ bytes: [UInt8]) {
        if titleText == nil { titleText = collapse(String(decoding: bytes, as: UTF8.self)) }
    }

    mutating func finishScript(_ bytes: [UInt8]) {
        jsonLD.append(String(decoding: bytes, as: UTF8.self))
    }

    mutating func visit(_ node: xmlNodePtr, tag: HTMLTag) {
        switch tag {
        case .meta:
            guard let content = DOM.attributeString(node, "content") else { return }
            for key in ["property", "name", "itemprop", "http-equiv"] as [StaticString] {
                if let name = DOM.attributeString(node, key) {
                    let lowered = name.lowercased()
                    if metas[lowered] == nil { metas[lowered] = content }
                }
            }
        case .link:
            guard let rel = DOM.attribute(node, "rel"), let href = DOM.attributeString(node, "href") else { return }
            if DOM.equalsIgnoringCase(rel, "canonical"), canonicalLink == nil { canonicalLink = href }
            if DOM.equalsIgnoringCase(rel, "author"), authorLink == nil { authorLink = href }
        case .title:
            if titleText == nil, node.pointee.parent.map({ HTMLTag.of($0) }) != .some(.svg) {
                titleText = collapse(DOM.textContent(node, limit: 4096))
            }
        case .script:
            if let type = DOM.attribute(node, "type"), DOM.contains(type, "ld+json") {
                jsonLD.append(DOM.textContent(node))
            }
        case .time:
            if firstTimeDatetime == nil, let value = DOM.attributeString(node, "datetime"), !value.isEmpty {
                firstTimeDatetime = value
            }
        case .html:
            if htmlLanguage == nil {
                htmlLanguage = DOM.attributeString(node, "lang") ?? DOM.attributeString(node, "xml:lang")
            }
        default:
            break
        }
    }

    /// Walks `<head>` (which the block walker skips) for metadata only.
    mutating func visitHead(_ head: xmlNodePtr) {
        var current = head.pointee.children
        var depth = 0
        while let node = current {
            if node.pointee.type == XML_ELEMENT_NODE {
                let tag = HTMLTag.of(node)
                visit(node, tag: tag)
                if tag != .script, tag != .style, tag != .title, let child = node.pointee.children, depth < 64 {
                    depth += 1
                    current = child
                    continue
                }
            }
            var climbing: xmlNodePtr? = node
            current = nil
            while let up = climbing {
                if let next = up.pointee.next { current = next; break }
                climbing = up.pointee.parent
                depth -= 1
                if climbing == head || depth < 0 { climbing = nil }
            }
        }
    }

    func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
