import CLibXML2

/// Decides which character encoding to hand libxml2 for a page's bytes.
///
/// Order, as browsers do it: byte-order mark, then the HTTP `Content-Type` charset, then
/// `<meta charset>` / `<meta http-equiv content="…; charset=…">` in the first 4 KB, else UTF-8.
/// Labels that the WHATWG Encoding standard maps to Windows-1252 (ISO-8859-1, ASCII) are mapped
/// the same way, and a page claiming (or defaulting to) UTF-8 whose bytes are not valid UTF-8
/// is read as Windows-1252, which every byte sequence is. A page claiming a single-byte encoding
/// whose bytes are valid multi-byte UTF-8 is read as UTF-8 (a mislabelled UTF-8 page).
enum CharsetDetector {
    /// The encoding to parse with, and whether the bytes need U+FFFD repair first (a UTF-8 page
    /// with a few broken sequences stays UTF-8 rather than turning every accent into mojibake).
    static func plan(for bytes: UnsafeBufferPointer<UInt8>, httpCharset: String?) -> (encoding: String, repair: Bool) {
        let chosen = encoding(for: bytes, httpCharset: httpCharset)
        guard chosen == "windows-1252" else { return (chosen, false) }
        let declared = httpCharset.flatMap(canonicalLabel) ?? metaCharset(in: bytes).flatMap(canonicalLabel)
        guard declared == nil || declared == "UTF-8" else { return (chosen, false) }
        let census = utf8Census(bytes, repairInto: nil)
        return census.valid >= census.invalid && census.valid > 0 ? ("UTF-8", true) : (chosen, false)
    }

    static func encoding(for bytes: UnsafeBufferPointer<UInt8>, httpCharset: String?) -> String {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return "UTF-8" }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return "UTF-16LE" }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return "UTF-16BE" }
        let declared = httpCharset.flatMap(canonicalLabel) ?? metaCharset(in: bytes).flatMap(canonicalLabel)
        if let declared, declared != "UTF-8" {
            if isSingleByte(declared), isMultiByteUTF8(bytes) { return "UTF-8" }
            return isSupported(declared) ? declared : fallback(for: bytes)
        }
        return fallback(for: bytes)
    }

    /// Whether a label names a single-byte encoding (windows-125x, ISO-8859-x, KOI8, Mac, DOS code pages).
    static func isSingleByte(_ label: String) -> Bool {
        ["windows-125", "WINDOWS-125", "ISO-8859-", "ISO8859-", "ISO_8859-", "KOI8", "CP125", "CP8", "IBM8", "MAC", "X-MAC"]
            .contains { label.hasPrefix($0) }
    }

    /// Valid UTF-8 holding at least one multi-byte sequence: what a page in a single-byte encoding
    /// practically never is (its accented letters would have to pair up as UTF-8 lead and continuation
    /// bytes everywhere), and what a UTF-8 page mislabelled as Latin-1 always is. Browsers that sniff
    /// read such a page as UTF-8; the label alone turns every "ü" into "Ã¼".
    static func isMultiByteUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let census = utf8Census(bytes, repairInto: nil)
        return census.invalid == 0 && census.valid > 0
    }

    /// UTF-8 when the bytes are valid UTF-8, else Windows-1252.
    private static func fallback(for bytes: UnsafeBufferPointer<UInt8>) -> String {
        isValidUTF8(bytes) ? "UTF-8" : "windows-1252"
    }

    /// Normalizes a charset label; nil for empty or implausible labels.
    static func canonicalLabel(_ raw: String) -> String? {
        let label = raw.trimmingASCIIQuotesAndSpaces().lowercased()
        guard !label.isEmpty, label.count < 40 else { return nil }
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8": return "UTF-8"
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp1252",
             "windows-1252", "x-cp1252", "iso_8859-1", "ansi_x3.4-1968":
            return "windows-1252"
        case "gb2312", "gbk", "x-gbk": return "GB18030"
        case "shift_jis", "sjis", "x-sjis": return "SHIFT_JIS"
        default: return label.uppercased()
        }
    }

    private static func isSupported(_ label: String) -> Bool {
        guard let handler = xmlFindCharEncodingHandler(label) else { return false }
        xmlCharEncCloseFunc(handler)
        return true
    }

    /// Finds `charset=` inside a `<meta` tag in the first 4 KB.
    static func metaCharset(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let limit = min(bytes.count, 4096)
        var index = 0
        while index + 5 < limit {
            // "<meta", case-insensitive
            if bytes[index] == UInt8(ascii: "<"), lower(bytes[index + 1]) == UInt8(ascii: "m"),
               lower(bytes[index + 2]) == UInt8(ascii: "e"), lower(bytes[index + 3]) == UInt8(ascii: "t"),
               lower(bytes[index + 4]) == UInt8(ascii: "a") {
                var end = index + 5
                while end < limit, bytes[end] != UInt8(ascii: ">") { end += 1 }
                if let value = charsetValue(in: bytes, from: index + 5, to: end) { return value }
                index = end
            }
            index += 1
        }
        return nil
    }

    private static func charsetValue(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> String? {
        let key = Array("charset".utf8)
        var index = start
        while index + key.count < end {
            var matches = true
            for offset in 0..<key.count where lower(bytes[index + offset]) != key[offset] {
                matches = false
                break
            }
            if matches {
                var cursor = index + key.count
                while cursor < end, bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
                guard cursor < end, bytes[cursor] == UInt8(ascii: "=") else { index += 1; continue }
                cursor += 1
                while cursor < end, bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\"")
                    || bytes[cursor] == UInt8(ascii: "'") { cursor += 1 }
                var valueEnd = cursor
                while valueEnd < end, isLabelByte(bytes[valueEnd]) { valueEnd += 1 }
                guard valueEnd > cursor else { return nil }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[cursor..<valueEnd]), as: UTF8.self)
            }
            index += 1
        }
        return nil
    }

    private static func isLabelByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: ":")
    }

    @inline(__always)
    private static func lower(_ byte: UInt8) -> UInt8 {
        (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
    }

    /// Strict UTF-8 validation (no overlongs, no surrogates, nothing above U+10FFFF).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        utf8Census(bytes, repairInto: nil).invalid == 0
    }

    /// Counts well-formed multi-byte sequences and invalid bytes; with `repairInto`, also writes
    /// the bytes with every invalid sequence replaced by U+FFFD, as browsers decode UTF-8.
    static func utf8Census(
        _ bytes: UnsafeBufferPointer<UInt8>, repairInto output: UnsafeMutablePointer<[UInt8]>?
    ) -> (valid: Int, invalid: Int) {
        var index = 0
        let count = bytes.count
        var valid = 0
        var invalid = 0
        let raw = UnsafeRawBufferPointer(bytes)
        while index < count {
            // Fast path for validation: skip ASCII eight bytes at a time.
            if output == nil {
                while index + 8 <= count,
                      raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                }
                if index >= count { break }
            }
            let byte = bytes[index]
            if byte < 0x80 {
                output?.pointee.append(byte)
                index += 1
                continue
            }
            var length = 0
            var minimum: UInt32 = 0
            var scalar: UInt32 = 0
            if byte & 0xE0 == 0xC0 { length = 2; minimum = 0x80; scalar = UInt32(byte & 0x1F) }
            else if byte & 0xF0 == 0xE0 { length = 3; minimum = 0x800; scalar = UInt32(byte & 0x0F) }
            else if byte & 0xF8 == 0xF0 { length = 4; minimum = 0x10000; scalar = UInt32(byte & 0x07) }
            var ok = length > 0
            // A sequence cut off by the end of a truncated download is tolerated.
            if ok, index + length > count { break }
            if ok {
                for offset in 1..<length {
                    let next = bytes[index + offset]
                    guard next & 0xC0 == 0x80 else { ok = false; break }
                    scalar = scalar << 6 | UInt32(next & 0x3F)
                }
            }
            if ok, scalar < minimum || scalar > 0x10FFFF || (scalar >= 0xD800 && scalar <= 0xDFFF) { ok = false }
            if ok {
                valid += 1
                output?.pointee.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
                index += length
            } else {
                invalid += 1
                output?.pointee.append(contentsOf: [0xEF, 0xBF, 0xBD])
                index += 1
            }
        }
        return (valid, invalid)
    }
}

extension String {
    func trimmingASCIIQuotesAndSpaces() -> String {
        let drop: Set<Character> = [" ", "\"", "'", "\t", "\n", "\r", ";"]
        var slice = Substring(self)
        while let first = slice.first, drop.contains(first) { slice.removeFirst() }
        while let last = slice.last, drop.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
