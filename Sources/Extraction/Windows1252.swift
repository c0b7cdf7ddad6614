/// The HTML standard's windows-1252 table for the C1 range, for numeric character references.
///
/// `&#133;` means "…" on every browser: the standard maps references 0x80–0x9F through windows-1252
/// (https://html.spec.whatwg.org/#numeric-character-reference-end-state), because pages written in
/// that encoding used them for its punctuation. libxml2 2.9 returns the raw C1 control (U+0085)
/// instead, invisible and unsearchable. Raw C1 controls in a page's text are mapped the same way:
/// in real text they are the same windows-1252 punctuation, double-decoded.
enum Windows1252 {
    /// The scalar for C1 code point `0x80 + index`; 0 where windows-1252 leaves it undefined
    /// (0x81, 0x8D, 0x8F, 0x90, 0x9D), which the standard keeps as it is.
    private static let c1: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// The UTF-8 bytes that replace the C1 character encoded as `0xC2, second`, or nil when there is none.
    @inline(__always)
    static func replacement(forC1 second: UInt8) -> (UInt8, UInt8, UInt8)? {
        guard second >= 0x80, second <= 0x9F else { return nil }
        let scalar = c1[Int(second - 0x80)]
        guard scalar != 0 else { return nil }
        if scalar < 0x800 { return (UInt8(0xC0 | (scalar >> 6)), UInt8(0x80 | (scalar & 0x3F)), 0) }
        return (UInt8(0xE0 | (scalar >> 12)), UInt8(0x80 | ((scalar >> 6) & 0x3F)), UInt8(0x80 | (scalar & 0x3F)))
    }

    /// `bytes` (UTF-8) with every defined C1 character replaced by its windows-1252 character.
    static func mappingC1(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0xC2) else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0xC2, index + 1 < bytes.count, let mapped = replacement(forC1: bytes[index + 1]) {
                output.append(mapped.0)
                output.append(mapped.1)
                if mapped.2 != 0 { output.append(mapped.2) }
                index += 2
                continue
            }
            output.append(bytes[index])
            index += 1
        }
        return output
    }
}
