/// The windows-1252 code page's 0x80–0x9F range (the rest equals ISO-8859-1), used for byte fallbacks
/// and for HTML's numeric references to C1 controls.
enum Windows1252 {
    static let table: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Decodes single-byte windows-1252 text into UTF-8 bytes.
    static func toUTF8(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 { out.append(b); continue }
            let v = b <= 0x9F ? table[Int(b - 0x80)] : UInt32(b)
            if v < 0x800 {
                out.append(UInt8(0xC0 | (v >> 6)))
                out.append(UInt8(0x80 | (v & 0x3F)))
            } else {
                out.append(UInt8(0xE0 | (v >> 12)))
                out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (v & 0x3F)))
            }
        }
        return out
    }

    /// UTF-8 where the bytes are valid UTF-8, windows-1252 for every byte that is not: the repair for
    /// documents that mix both (a Latin-1 template around UTF-8 content, or the reverse).
    static func mixedToUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + bytes.count / 16)
        let n = bytes.count
        var i = 0
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 { out.append(b0); i += 1; continue }
            let length: Int
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            var valid = length > 0 && i + length <= n
            if valid {
                for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { valid = false; break }
            }
            if valid, length == 3 {
                let b1 = bytes[i + 1]
                if (b0 == 0xE0 && b1 < 0xA0) || (b0 == 0xED && b1 >= 0xA0) { valid = false }
            } else if valid, length == 4 {
                let b1 = bytes[i + 1]
                if (b0 == 0xF0 && b1 < 0x90) || (b0 == 0xF4 && b1 >= 0x90) { valid = false }
            }
            if valid {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
                i += length
            } else {
                let v = b0 <= 0x9F ? table[Int(b0 - 0x80)] : UInt32(b0)
                if v < 0x800 {
                    out.append(UInt8(0xC0 | (v >> 6)))
                    out.append(UInt8(0x80 | (v & 0x3F)))
                } else {
                    out.append(UInt8(0xE0 | (v >> 12)))
                    out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                    out.append(UInt8(0x80 | (v & 0x3F)))
                }
                i += 1
            }
        }
        return out
    }
}
