import Testing
@testable import Dedup

/// Stored signatures depend on these exact values: a failure here means a format change
/// (bump DocumentSignature.formatVersion), not a flaky test.
@Suite("Hash and format stability")
struct HashStabilityTests {
    @Test("splitmix64 finalizer reference values")
    func mixReference() {
        // splitmix64 with state 0 then += golden: first output is mix(golden) = 0xE220A8397B1DCDAF.
        #expect(Hash64.mix(0x9E37_79B9_7F4A_7C15) == 0xE220_A839_7B1D_CDAF)
        #expect(Hash64.mix(0) == 0)
    }

    @Test("word hash fixed values")
    func wordHash() {
        #expect(Hash64.word(Array("syndic".utf8)) == HashStabilityTests.syndicHash)
        #expect(Hash64.word(Array("a".utf8)) != Hash64.word(Array("a\u{0}".utf8)))
        #expect(Hash64.word(Array("abcdefgh".utf8)) != Hash64.word(Array("abcdefghi".utf8)))
    }

    @Test("shingle hash is order sensitive and fixed")
    func shingleHash() {
        let words: [UInt64] = [1, 2, 3, 4]
        let reversed: [UInt64] = [4, 3, 2, 1]
        let h = words.withUnsafeBufferPointer { Hash64.shingle($0.baseAddress!, start: 0, count: 4) }
        let r = reversed.withUnsafeBufferPointer { Hash64.shingle($0.baseAddress!, start: 0, count: 4) }
        #expect(h != r)
        #expect(h == HashStabilityTests.shingle1234)
    }

    @Test("serialized header layout")
    func headerLayout() {
        var builder = SignatureBuilder()
        let bytes = builder.signature(of: "one two three four five six").serialize()
        #expect(Array(bytes[0..<4]) == Array("SYDS".utf8))
        #expect(bytes[4] == DocumentSignature.formatVersion)
        #expect(bytes[5] == MinHashScheme.onePermutation.rawValue)
        #expect(bytes[6] == 4)          // shingle size
        #expect(bytes[7] == 3)          // shingle set present (bit 0), paragraph numbers follow (bit 1)
        #expect(bytes[8] == 128 && bytes[9] == 0)
        #expect(bytes[12] == 3 && bytes[13] == 0)   // 3 distinct 4-shingles
    }

    static let syndicHash: UInt64 = 12_003_666_692_652_552_209
    static let shingle1234: UInt64 = 8_027_919_132_464_699_445
}
