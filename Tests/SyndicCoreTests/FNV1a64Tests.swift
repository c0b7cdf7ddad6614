import Testing
import SyndicCore

/// The values of Syndic's one stored-key hash, pinned: entry ids, content hashes and template-block
/// hashes are stored, so a change here would make every stored key look new.
@Suite("FNV-1a 64 (stored keys)")
struct FNV1a64Tests {
    /// Reference values of the 64-bit FNV-1a function (the FNV authors' test vectors for "", "a",
    /// "foobar"; the others computed once with an independent implementation).
    @Test("pinned values", arguments: [
        ("", 0xcbf2_9ce4_8422_2325),
        ("a", 0xaf63_dc4c_8601_ec8c),
        ("foobar", 0x8594_4171_f739_67e8),
        ("Zürich — 東京 🗞️", 0xf714_d4c8_6a44_89e4),
        (String(repeating: "The quick brown fox jumps over the lazy dog. ", count: 100), 0x1eb9_d9eb_611e_4bc1),
    ] as [(String, UInt64)])
    func pinned(text: String, expected: UInt64) {
        #expect(FNV1a64.hash(text) == expected)
        #expect(FNV1a64.hash(bytes: Array(text.utf8)) == expected)
        var byByte = FNV1a64()
        for byte in text.utf8 { byByte.combine(byte: byte) }
        #expect(byByte.value == expected)
        var incremental = FNV1a64()
        incremental.combine(utf8: String(text.prefix(3)))
        incremental.combine(utf8: String(text.dropFirst(3)))
        #expect(incremental.value == expected, "hashing in pieces is hashing the concatenation")
    }

    @Test("hex is 16 zero-padded lower-case digits")
    func hex() {
        #expect(FNV1a64().hex == "cbf29ce484222325")
        #expect(FNV1a64(seed: 0xab).hex == "00000000000000ab")
        var h = FNV1a64()
        h.combine(utf8: "foobar")
        #expect(h.hex == "85944171f73967e8")
    }

    @Test("fields are terminated, so their boundaries count")
    func fields() {
        var ab = FNV1a64(), a = FNV1a64()
        ab.combine(field: "ab"); ab.combine(field: "c")
        a.combine(field: "a"); a.combine(field: "bc")
        #expect(ab.value != a.value)
        var manual = FNV1a64()
        manual.combine(utf8: "ab"); manual.combine(byte: 0x1F)
        var field = FNV1a64()
        field.combine(field: "ab")
        #expect(field.value == manual.value)
        #expect(field.hex == "e7200e1905420ecf")
    }
}
