/// HTML fragment → plain text by the corpus text rules (mirrors `html_to_text()` and `collapse()` of
/// `eval/feeds/compare.py`, which sit on Python's `html.parser`):
/// `<script>`, `<style>`, `<template>` contents dropped; tags removed, block-level tags become a space;
/// character references decoded; whitespace runs (including NBSP) collapsed to one space; trimmed.
///
/// A hand-written single pass over UTF-8 bytes, no DOM: linear in the input.
public enum HTMLText {
    /// Plain text of an HTML fragment, nil when nothing but whitespace remains.
    public static func toText(_ html: String) -> String? {
        var input = html
        return input.withUTF8 { bytes -> String? in
            var out = [UInt8]()
            out.reserveCapacity(bytes.count)
            strip(bytes, into: &out)
            return collapse(String(decoding: out, as: UTF8.self))
        }
    }

    /// All whitespace runs (Python's `str.split()` set, including NBSP) to one space, trimmed;
    /// nil when the result is empty. Works on UTF-8 bytes; returns the input itself when it is already
    /// collapsed.
    public static func collapse(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            let n = bytes.count
            var out: [UInt8]? = nil
            var i = 0
            var pendingSpace = false
            var wrote = 0 // bytes of output so far (virtual while `out` is nil)
            while i < n {
                let b = bytes[i]
                let spaceLength = whitespaceLength(bytes, i)
                if spaceLength > 0 {
                    // A single ASCII space between two words needs no rewrite.
                    if out == nil, b == 0x20, spaceLength == 1, wrote > 0, i + 1 < n, whitespaceLength(bytes, i + 1) == 0 {
                        wrote += 1
                        i += 1
                        continue
                    }
                    if out == nil {
                        out = []
                        out!.reserveCapacity(n)
                        out!.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<i]))
                    }
                    pendingSpace = wrote > 0
                    i += spaceLength
                    continue
                }
                if out != nil {
                    if pendingSpace { out!.append(0x20); wrote += 1; pendingSpace = false }
                    out!.append(b)
                }
                wrote += 1
                i += 1
            }
            if wrote == 0 { return nil }
            guard let out else { return nil }
            return String(decoding: out, as: UTF8.self)
        } ?? (text.isEmpty || isAllWhitespace(text) ? nil : text)
    }

    private static func isAllWhitespace(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(isPythonWhitespace)
    }

    /// Length in bytes of the whitespace character at `i` (0 when not whitespace).
    @inline(__always)
    static func whitespaceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = b[i]
        if c < 0x80 { return (c == 0x20 || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F)) ? 1 : 0 }
        let n = b.count
        if c == 0xC2, i + 1 < n { return b[i + 1] == 0xA0 || b[i + 1] == 0x85 ? 2 : 0 }
        if c == 0xE1, i + 2 < n { return b[i + 1] == 0x9A && b[i + 2] == 0x80 ? 3 : 0 }
        if c == 0xE2, i + 2 < n {
            let c1 = b[i + 1], c2 = b[i + 2]
            if c1 == 0x80 { return (c2 >= 0x80 && c2 <= 0x8A) || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF ? 3 : 0 }
            if c1 == 0x81 { return c2 == 0x9F ? 3 : 0 }
            return 0
        }
        if c == 0xE3, i + 2 < n { return b[i + 1] == 0x80 && b[i + 2] == 0x80 ? 3 : 0 }
        return 0
    }

    /// `&`, `<`, `>`, `"` escaped, for putting plain text into HTML.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    static func isPythonWhitespace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) || (v >= 0x1C && v <= 0x1F) }
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    // MARK: - Tag stripping

    static let blockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
        "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
        "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    ]

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    /// Copies text of `bytes` into `out`, following Python's HTMLParser tokenisation closely enough
    /// for the corpus rules.
    static func strip(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let n = bytes.count
        var i = 0
        var skipDepth = 0
        var textStart = 0
        func flushText(_ end: Int) {
            if skipDepth == 0, end > textStart { decodeReferences(bytes, textStart, end, into: &out) }
        }
        while i < n {
            guard bytes[i] == 0x3C, i + 1 < n else { i += 1; continue }
            let next = bytes[i + 1]
            if isLetter(next) || (next == 0x2F && i + 2 < n && isLetter(bytes[i + 2])) {
                let isEnd = next == 0x2F
                var j = i + (isEnd ? 2 : 1)
                let nameStart = j
                while j < n, !(bytes[j] == 0x20 || bytes[j] == 0x2F || bytes[j] == 0x3E
                               || (bytes[j] >= 0x09 && bytes[j] <= 0x0D) || bytes[j] == 0) { j += 1 }
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<j]), as: UTF8.self).lowercased()
                // Find the closing '>' honouring quoted attribute values.
                var quote: UInt8 = 0
                var k = j
                while k < n {
                    let b = bytes[k]
                    if quote != 0 { if b == quote { quote = 0 } } else if b == 0x22 || b == 0x27 {
                        if !isEnd, k > j, bytes[k - 1] == 0x3D || bytes[k - 1] == 0x20 { quote = b }
                    } else if b == 0x3E { break }
                    k += 1
                }
                if k >= n { i += 1; continue } // an unterminated tag is text
                flushText(i)
                let selfClosing = k > i && bytes[k - 1] == 0x2F
                if name == "script" || name == "style" {
                    if !isEnd && !selfClosing {
                        // Raw text until the matching end tag.
                        let close = Array("</\(name)".utf8)
                        var m = k + 1
                        var found = n
                        while m + close.count <= n {
                            if bytes[m] == 0x3C {
                                var ok = true
                                for t in 1..<close.count where (bytes[m + t] | (t > 1 ? 0x20 : 0)) != close[t] { ok = false; break }
                                if ok { found = m; break }
                            }
                            m += 1
                        }
                        var e = found
                        while e < n, bytes[e] != 0x3E { e += 1 }
                        i = min(e + 1, n)
                        textStart = i
                        continue
                    }
                } else if name == "template" {
                    if isEnd { skipDepth = max(0, skipDepth - 1) } else if !selfClosing { skipDepth += 1 }
                } else if skipDepth == 0, blockTags.contains(name) {
                    out.append(0x20)
                }
                i = k + 1
                textStart = i
            } else if next == 0x21 {
                // Comment, doctype, CDATA-like or bogus comment: up to "-->" for comments, else '>'.
                flushText(i)
                var k = i + 2
                if k + 1 < n, bytes[k] == 0x2D, bytes[k + 1] == 0x2D {
                    k += 2
                    while k + 2 < n, !(bytes[k] == 0x2D && bytes[k + 1] == 0x2D && bytes[k + 2] == 0x3E) { k += 1 }
                    i = min(k + 3, n)
                } else {
                    while k < n, bytes[k] != 0x3E { k += 1 }
                    i = min(k + 1, n)
                }
                textStart = i
            } else if next == 0x3F || (next == 0x2F) {
                // Processing instruction, or "</" not followed by a letter (bogus comment / "</>").
                flushText(i)
                var k = i + 2
                while k < n, bytes[k] != 0x3E { k += 1 }
                i = min(k + 1, n)
                textStart = i
            } else {
                i += 1
            }
        }
        flushText(n)
    }

    /// Appends bytes[start..<end] with character references decoded (HTML5 rules, simplified).
    static func decodeReferences(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into out: inout [UInt8]) {
        var i = start
        var copyFrom = start
        while i < end {
            guard bytes[i] == 0x26 else { i += 1; continue }
            if let (scalarText, consumed) = reference(bytes, at: i, end: end) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copyFrom..<i]))
                out.append(contentsOf: scalarText.utf8)
                i += consumed
                copyFrom = i
            } else {
                i += 1
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copyFrom..<end]))
    }

    /// Decodes one character reference starting at the `&` at `i`: its text and how many bytes it spans.
    static func reference(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (String, Int)? {
        var j = i + 1
        guard j < end else { return nil }
        if bytes[j] == 0x23 { // '#'
            j += 1
            var hex = false
            if j < end, bytes[j] | 0x20 == 0x78 { hex = true; j += 1 }
            var value: UInt32 = 0
            let digitsStart = j
            while j < end {
                let b = bytes[j]
                let d: UInt32
                if b >= 0x30 && b <= 0x39 { d = UInt32(b - 0x30) }
                else if hex, (b | 0x20) >= 0x61, (b | 0x20) <= 0x66 { d = UInt32((b | 0x20) - 0x61 + 10) }
                else { break }
                value = min(value &* (hex ? 16 : 10) &+ d, 0x110000)
                j += 1
            }
            guard j > digitsStart else { return nil }
            if j < end, bytes[j] == 0x3B { j += 1 }
            return (String(Unicode.Scalar(numericReplacement(value)) ?? "\u{FFFD}"), j - i)
        }
        while j < end, j - i < 40, isLetter(bytes[j]) || (bytes[j] >= 0x30 && bytes[j] <= 0x39) { j += 1 }
        guard j > i + 1 else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<j]), as: UTF8.self)
        if j < end, bytes[j] == 0x3B, let value = HTMLEntities.value(forName: name) {
            return (value, j + 1 - i)
        }
        // Legacy names that may appear without ';' (longest prefix wins), as html.unescape does.
        var length = name.count
        while length >= 2 {
            let prefix = String(name.prefix(length))
            if HTMLEntities.isLegacyName(prefix), let value = HTMLEntities.value(forName: prefix) {
                return (value, length + 1)
            }
            length -= 1
        }
        return nil
    }

    /// HTML5's replacements for numeric references to C1 controls and invalid code points.
    static func numericReplacement(_ value: UInt32) -> UInt32 {
        if value >= 0x80 && value <= 0x9F { return Windows1252.table[Int(value - 0x80)] }
        if value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) { return 0xFFFD }
        return value
    }
}
