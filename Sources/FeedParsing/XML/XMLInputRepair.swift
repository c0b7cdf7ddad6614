import Foundation

/// A linear pre-pass over feed bytes that fixes what libxml2 would otherwise drop or choke on,
/// the way feedparser's loose parser tolerates it:
///
/// - HTML named entities (`&nbsp;`, `&eacute;`) are undeclared in XML: rewritten as numeric references;
/// - a bare `&` (`AT&T`, `?a=1&b=2`) is rewritten as `&amp;` so the text after it survives;
/// - NUL bytes are removed (outside UTF-16 documents);
/// - CDATA sections are, for UTF-8 input, taken out of libxml2's hands (see `extractCDATA`), which
///   also keeps control characters inside them from making libxml2 abandon the section;
/// - whitespace before the XML declaration is removed.
///
/// `&` inside CDATA is literal. The input is only copied when something needs changing.
enum XMLInputRepair {
    /// What the pre-pass produced: new bytes (nil when the input needed no change) and, when CDATA
    /// extraction was requested, the byte ranges (in the *input*) of the CDATA sections it replaced.
    struct Result {
        var bytes: [UInt8]?
        var cdata: [Range<Int>] = []
        var strippedNUL = false
    }

    /// The pre-pass.
    /// - Parameter extractCDATA: replace every `<![CDATA[…]]>` by a processing instruction `<?syndic-cdata N?>`
    ///   whose content range is returned; the builder then appends those bytes itself. libxml2 decodes
    ///   CDATA one character at a time (its slowest path), so this is the biggest single speed-up for
    ///   feeds, which put most of their text in CDATA. Only valid for input already known to be UTF-8.
    static func repair(_ input: UnsafeBufferPointer<UInt8>, extractCDATA: Bool) -> Result {
        let n = input.count
        guard n > 0, let base = input.baseAddress else { return Result(bytes: nil) }
        if n >= 2, input[0] == 0 || input[1] == 0 || (input[0] == 0xFE && input[1] == 0xFF) || (input[0] == 0xFF && input[1] == 0xFE) {
            return Result(bytes: nil) // UTF-16/32: leave it to libxml2's decoder.
        }
        var out: [UInt8]? = nil
        var copied = 0 // input[0..<copied] is already in `out`
        func ensureOut(upTo end: Int) {
            if out == nil { out = []; out!.reserveCapacity(n + 64) }
            if end > copied { out!.append(contentsOf: UnsafeBufferPointer(rebasing: input[copied..<end])) }
            copied = max(copied, end)
        }

        // Leading whitespace before "<?xml" (after an optional UTF-8 BOM).
        var start = 0
        if n >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF { start = 3 }
        var firstNonSpace = start
        while firstNonSpace < n, input[firstNonSpace] == 0x20 || input[firstNonSpace] == 0x0A
                || input[firstNonSpace] == 0x0D || input[firstNonSpace] == 0x09 { firstNonSpace += 1 }
        if firstNonSpace > start, firstNonSpace + 5 <= n, memcmp(base + firstNonSpace, "<?xml", 5) == 0 {
            ensureOut(upTo: start)
            copied = firstNonSpace
        }

        // An internal DTD subset lives in the prolog: only look for entity declarations if a DOCTYPE
        // appears near the start.
        let hasInternalSubset = find(base, min(n, 2048), "<!DOCTYPE") != nil && find(base, n, "<!ENTITY") != nil
        let hasNUL = memchr(base, 0, n) != nil
        var ranges: [Range<Int>] = []
        /// Next '&' (or NUL) at or after `from`, or n.
        func nextSpecial(_ from: Int) -> Int {
            guard from < n else { return n }
            if hasNUL {
                var p = from
                while p < n, input[p] != 0x26, input[p] != 0 { p += 1 }
                return p
            }
            guard let hit = memchr(base + from, 0x26, n - from) else { return n }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        var nextCDATA = findCDATA(base, n, from: firstNonSpace)
        var p = nextSpecial(firstNonSpace)
        while true {
            if nextCDATA < p {
                let s = nextCDATA
                guard let endPointer = find(base + s + 9, n - s - 9, "]]>") else { break } // unterminated: libxml2's problem
                let e = base.distance(to: endPointer.assumingMemoryBound(to: UInt8.self)) + 3
                if extractCDATA {
                    ensureOut(upTo: s)
                    out!.append(contentsOf: "<?syndic-cdata \(ranges.count)?>".utf8)
                    ranges.append((s + 9)..<(e - 3))
                    copied = e
                } else if hasNUL {
                    ensureOut(upTo: s)
                    for k in s..<e where input[k] != 0 { out!.append(input[k]) }
                    copied = e
                }
                nextCDATA = findCDATA(base, n, from: e)
                if p < e { p = nextSpecial(e) }
                continue
            }
            if p >= n { break }
            if input[p] == 0 {
                ensureOut(upTo: p)
                copied = p + 1
            } else {
                switch classifyReference(input, at: p, hasInternalSubset: hasInternalSubset) {
                case .keep:
                    break
                case .escapeAmpersand:
                    ensureOut(upTo: p)
                    out!.append(contentsOf: "&amp;".utf8)
                    copied = p + 1
                case let .replace(length, scalars):
                    ensureOut(upTo: p)
                    for scalar in scalars.unicodeScalars { out!.append(contentsOf: "&#\(scalar.value);".utf8) }
                    copied = p + length
                }
            }
            p = nextSpecial(p + 1)
        }
        guard out != nil else { return Result(bytes: nil, cdata: ranges, strippedNUL: hasNUL) }
        ensureOut(upTo: n)
        return Result(bytes: out, cdata: ranges, strippedNUL: hasNUL)
    }

    /// First occurrence of an ASCII needle (memchr on its first byte, then memcmp); glibc's memmem is
    /// not visible to Swift without _GNU_SOURCE.
    static func find(_ haystack: UnsafePointer<UInt8>, _ count: Int, _ needle: StaticString) -> UnsafeRawPointer? {
        let m = needle.utf8CodeUnitCount
        var offset = 0
        while count - offset >= m {
            guard let hit = memchr(haystack + offset, Int32(needle.utf8Start.pointee), count - offset - m + 1) else { return nil }
            if memcmp(hit, needle.utf8Start, m) == 0 { return UnsafeRawPointer(hit) }
            offset = UnsafeRawPointer(haystack).distance(to: UnsafeRawPointer(hit)) + 1
        }
        return nil
    }

    /// Offset of the next `<![CDATA[` at or after `from`, or Int.max. Anchored on the rare `[` byte
    /// (memchr) rather than on `<`, which is everywhere in XML.
    private static func findCDATA(_ base: UnsafePointer<UInt8>, _ n: Int, from: Int) -> Int {
        var offset = from + 2
        while offset + 7 <= n {
            guard let hit = memchr(base + offset, 0x5B, n - offset - 6) else { return Int.max }
            let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            if base[at - 1] == 0x21, base[at - 2] == 0x3C, memcmp(base + at, "[CDATA[", 7) == 0 { return at - 2 }
            offset = at + 1
        }
        return Int.max
    }

    enum Fix {
        case keep
        case escapeAmpersand
        case replace(length: Int, with: String)
    }

    @inline(__always)
    static func isForbiddenControl(_ b: UInt8) -> Bool { b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D }

    static func isNameByte(_ b: UInt8) -> Bool {
        (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || (b >= 0x30 && b <= 0x39) || b == 0x5F || b == 0x2D || b == 0x2E || b >= 0x80
    }

    static func classifyReference(_ input: UnsafeBufferPointer<UInt8>, at p: Int, hasInternalSubset: Bool) -> Fix {
        let n = input.count
        var j = p + 1
        if j < n, input[j] == 0x23 { // &#...;
            j += 1
            let hex = j < n && (input[j] | 0x20) == 0x78
            if hex { j += 1 }
            let digitsStart = j
            while j < n, (input[j] >= 0x30 && input[j] <= 0x39) || (hex && (input[j] | 0x20) >= 0x61 && (input[j] | 0x20) <= 0x66) { j += 1 }
            if j > digitsStart, j < n, input[j] == 0x3B, j - digitsStart <= 8 { return .keep }
            return .escapeAmpersand
        }
        while j < n, j - p <= 40, isNameByte(input[j]) { j += 1 }
        guard j > p + 1, j < n, input[j] == 0x3B else { return .escapeAmpersand }
        if isPredefined(input, from: p + 1, to: j) { return .keep }
        let name = String(decoding: UnsafeBufferPointer(rebasing: input[(p + 1)..<j]), as: UTF8.self)
        switch name {
        case "amp", "lt", "gt", "quot", "apos": return .keep
        default: break
        }
        if let value = HTMLEntities.value(forName: name) { return .replace(length: j + 1 - p, with: value) }
        return hasInternalSubset ? .keep : .escapeAmpersand
    }

    /// `amp`, `lt`, `gt`, `quot`, `apos` without building a String.
    @inline(__always)
    static func isPredefined(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        switch to - from {
        case 2: return (b[from] == 0x6C || b[from] == 0x67) && b[from + 1] == 0x74            // lt gt
        case 3: return b[from] == 0x61 && b[from + 1] == 0x6D && b[from + 2] == 0x70           // amp
        case 4: return (b[from] == 0x71 && b[from + 1] == 0x75 && b[from + 2] == 0x6F && b[from + 3] == 0x74)
                || (b[from] == 0x61 && b[from + 1] == 0x70 && b[from + 2] == 0x6F && b[from + 3] == 0x73)
        default: return false
        }
    }

    /// The encoding named in the XML declaration (`<?xml … encoding="…"?>`), if any.
    static func declaredEncoding(_ input: UnsafeBufferPointer<UInt8>) -> String? {
        let limit = min(input.count, 256)
        guard limit > 6 else { return nil }
        var start = 0
        if input[0] == 0xEF, input.count > 3, input[1] == 0xBB, input[2] == 0xBF { start = 3 }
        let head = String(decoding: UnsafeBufferPointer(rebasing: input[start..<limit]), as: UTF8.self)
        guard head.hasPrefix("<?xml"), let close = head.range(of: "?>") else { return nil }
        let decl = head[..<close.lowerBound]
        guard let key = decl.range(of: "encoding") else { return nil }
        var rest = decl[key.upperBound...].drop(while: { $0 == " " || $0 == "=" })
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        rest = rest.dropFirst()
        guard let end = rest.firstIndex(of: quote) else { return nil }
        return String(rest[..<end])
    }
}
