import CLibXML2

/// The HTML elements the extractor treats specially, looked up from libxml2's (lowercased) tag name
/// without allocating: the name's first eight bytes are packed into an integer key.
enum HTMLTag: UInt8 {
    case other
    case html, head, body, title, meta, link, base
    case script, style, noscript, template, svg, math, iframe, object, embed, canvas, video, audio
    case select, option, textarea, button, input, label, dialog, map, rt, rp
    case p, div, section, article, main, header, footer, aside, nav, address, center, form, fieldset
    case h1, h2, h3, h4, h5, h6
    case ul, ol, li, dl, dt, dd, menu
    case blockquote, q, pre, code
    case table, thead, tbody, tfoot, tr, td, th, caption
    case figure, figcaption, picture, img
    case a, br, hr, time, span, strong, em, b, i, font, small, sup, sub

    /// Elements whose text is never story text and whose subtree is skipped entirely (`rt`/`rp`:
    /// ruby pronunciation glosses, which would otherwise be spliced into CJK sentences).
    var isSkipped: Bool {
        switch self {
        case .head, .script, .style, .noscript, .template, .svg, .math, .iframe, .object, .embed, .canvas,
             .video, .audio, .select, .option, .textarea, .button, .input, .dialog, .map, .rt, .rp:
            return true
        default:
            return false
        }
    }

    /// Elements that start a new text block (everything else is inline).
    var isBlock: Bool {
        switch self {
        case .p, .div, .section, .article, .main, .header, .footer, .aside, .nav, .address, .center, .form,
             .fieldset, .h1, .h2, .h3, .h4, .h5, .h6, .ul, .ol, .li, .dl, .dt, .dd, .menu, .blockquote, .pre,
             .table, .thead, .tbody, .tfoot, .tr, .caption, .figure, .figcaption, .body, .html,
             .hr, .br, .label:
            return true
        default:
            return false
        }
    }

    var isHeading: Bool {
        switch self {
        case .h1, .h2, .h3, .h4, .h5, .h6: return true
        default: return false
        }
    }

    static func of(name: UnsafePointer<xmlChar>) -> HTMLTag {
        var key: UInt64 = 0
        var index = 0
        while index < 8 {
            let byte = name[index]
            if byte == 0 { break }
            let lowered = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
            key |= UInt64(lowered) << (8 * UInt64(index))
            index += 1
        }
        if index == 8, name[8] != 0 {
            // Longer names: only these three matter.
            if matches(name, "blockquote") { return .blockquote }
            if matches(name, "figcaption") { return .figcaption }
            return .other
        }
        return lookup[key] ?? .other
    }

    private static func matches(_ name: UnsafePointer<xmlChar>, _ literal: StaticString) -> Bool {
        let bytes = literal.utf8Start
        for index in 0..<literal.utf8CodeUnitCount where name[index] | 0x20 != bytes[index] { return false }
        return name[literal.utf8CodeUnitCount] == 0
    }

    private static func key(_ name: String) -> UInt64 {
        var key: UInt64 = 0
        for (index, byte) in name.utf8.prefix(8).enumerated() { key |= UInt64(byte) << (8 * UInt64(index)) }
        return key
    }

    private static let lookup: [UInt64: HTMLTag] = {
        var table: [UInt64: HTMLTag] = [:]
        let names: [(String, HTMLTag)] = [
            ("html", .html), ("head", .head), ("body", .body), ("title", .title), ("meta", .meta), ("link", .link),
            ("base", .base), ("script", .script), ("style", .style), ("noscript", .noscript),
            ("template", .template), ("svg", .svg), ("math", .math), ("iframe", .iframe), ("object", .object),
            ("embed", .embed), ("canvas", .canvas), ("video", .video), ("audio", .audio), ("select", .select),
            ("option", .option), ("textarea", .textarea), ("button", .button), ("input", .input),
            ("label", .label), ("dialog", .dialog), ("map", .map), ("rt", .rt), ("rp", .rp), ("p", .p), ("div", .div),
            ("section", .section), ("article", .article), ("main", .main), ("header", .header),
            ("footer", .footer), ("aside", .aside), ("nav", .nav), ("address", .address), ("center", .center),
            ("form", .form), ("fieldset", .fieldset), ("h1", .h1), ("h2", .h2), ("h3", .h3), ("h4", .h4),
            ("h5", .h5), ("h6", .h6), ("ul", .ul), ("ol", .ol), ("li", .li), ("dl", .dl), ("dt", .dt),
            ("dd", .dd), ("menu", .menu), ("q", .q), ("pre", .pre), ("code", .code), ("table", .table),
            ("thead", .thead), ("tbody", .tbody), ("tfoot", .tfoot), ("tr", .tr), ("td", .td), ("th", .th),
            ("caption", .caption), ("figure", .figure), ("picture", .picture), ("img", .img), ("a", .a),
            ("br", .br), ("hr", .hr), ("time", .time), ("span", .span), ("strong", .strong), ("em", .em),
            ("b", .b), ("i", .i), ("font", .font), ("small", .small), ("sup", .sup), ("sub", .sub),
        ]
        for (name, tag) in names { table[key(name)] = tag }
        return table
    }()
}
