/// Strict UTF-8 validation (no overlongs, no surrogates, ≤ U+10FFFF) with an 8-bytes-at-a-time
/// ASCII fast path; used to decide whether a document that claims Latin-1, or nothing, is really UTF-8.
enum UTF8Validation {
    /// Whether the bytes are valid UTF-8, whether they contain non-ASCII, and whether they contain
    /// C0 control characters other than tab, LF and CR (forbidden in XML). When invalid, the scan stops
    /// early and `controls` is answered by a separate scan.
    static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> (valid: Bool, nonASCII: Bool, controls: Bool) {
        guard let base = bytes.baseAddress else { return (true, false, false) }
        let n = bytes.count
        var i = 0
        var nonASCII = false
        var controls = false
        let raw = UnsafeRawPointer(base)
        func invalid() -> (valid: Bool, nonASCII: Bool, controls: Bool) {
            (false, true, bytes.contains(where: XMLInputRepair.isForbiddenControl))
        }
        while i < n {
            if i + 8 <= n {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    // Any byte below 0x20 in this ASCII word? Then look closer.
                    if !controls, (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080 != 0 {
                        for k in 0..<8 where XMLInputRepair.isForbiddenControl(bytes[i + k]) { controls = true }
                    }
                    i += 8
                    continue
                }
            }
            let b0 = bytes[i]
            if b0 < 0x80 {
                if XMLInputRepair.isForbiddenControl(b0) { controls = true }
                i += 1
                continue
            }
            nonASCII = true
            let length: Int
            var minimum: UInt32
            var value: UInt32
            switch b0 {
            case 0xC2...0xDF: length = 2; value = UInt32(b0 & 0x1F); minimum = 0x80
            case 0xE0...0xEF: length = 3; value = UInt32(b0 & 0x0F); minimum = 0x800
            case 0xF0...0xF4: length = 4; value = UInt32(b0 & 0x07); minimum = 0x10000
            default: return invalid()
            }
            guard i + length <= n else { return invalid() }
            for k in 1..<length {
                let b = bytes[i + k]
                guard b & 0xC0 == 0x80 else { return invalid() }
                value = value << 6 | UInt32(b & 0x3F)
            }
            if value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) { return invalid() }
            minimum = 0
            i += length
        }
        return (true, nonASCII, controls)
    }
}
