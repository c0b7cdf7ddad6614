import CLibXML2

/// Gathers the raw metadata signals of a page while the SAX walk passes by: `<meta>` values,
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
        if titleText == nil { titleText = collapse(String(decoding: Windows1252.mappingC1(bytes), as: UTF8.self)) }
    }

    mutating func finishScript(_ bytes: [UInt8]) {
        jsonLD.append(String(decoding: bytes, as: UTF8.self))
    }

    func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
