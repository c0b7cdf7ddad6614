/// Strict UTF-8 validation (no overlongs, no surrogates, ≤ U+10FFFF) with an 8-bytes-at-a-time
/// ASCII fast path; used to decide whether a document that claims Latin-1, or nothing, is really UTF-8.
enum UTF8Validation {
    /// (valid, containsNonASCII)
    static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> (valid: Bool, nonASCII: Bool) {
        guard let base = bytes.baseAddress else { return (true, false) }
        let n = bytes.count
        var i = 0
        var nonASCII = false
        let raw = UnsafeRawPointer(base)
        while i < n {
            if i + 8 <= n {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            let b0 = bytes[i]
            if b0 < 0x80 { i += 1; continue }
            nonASCII = true
            let length: Int
            var minimum: UInt32
            var value: UInt32
            switch b0 {
            case 0xC2...0xDF: length = 2; value = UInt32(b0 & 0x1F); minimum = 0x80
            case 0xE0...0xEF: length = 3; value = UInt32(b0 & 0x0F); minimum = 0x800
            case 0xF0...0xF4: length = 4; value = UInt32(b0 & 0x07); minimum = 0x10000
            default: return (false, true)
            }
            guard i + length <= n else { return (false, true) }
            for k in 1..<length {
                let b = bytes[i + k]
                guard b & 0xC0 == 0x80 else { return (false, true) }
                value = value << 6 | UInt32(b & 0x3F)
            }
            if value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) { return (false, true) }
            minimum = 0
            i += length
        }
        return (true, nonASCII)
    }
}
