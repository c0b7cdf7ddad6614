import Testing
@testable import Dedup

@Suite("Signature serialization")
struct SerializationTests {
    static let text = "Storm Ciarán hit the coast of Brittany on Thursday, cutting power to 1.2 million homes, officials said."

    @Test("round trip with shingle set")
    func roundTrip() throws {
        var builder = SignatureBuilder()
        let signature = builder.signature(of: Self.text)
        let decoded = try DocumentSignature(bytes: signature.serialize())
        #expect(decoded == signature)
        #expect(decoded.hasShingleSet)
    }

    @Test("compact form keeps lanes and counts only")
    func compact() throws {
        var builder = SignatureBuilder()
        let signature = builder.signature(of: Self.text)
        let bytes = signature.serialize(includingShingles: false)
        let decoded = try DocumentSignature(bytes: bytes)
        #expect(decoded.minHash == signature.minHash)
        #expect(decoded.shingleCount == signature.shingleCount)
        #expect(decoded.shingles.isEmpty)
        #expect(bytes.count == 16 + 128 * 4 + signature.containmentSample.count * 8)
    }

    @Test("damaged bytes are refused with a reason")
    func damaged() {
        var builder = SignatureBuilder()
        var bytes = builder.signature(of: Self.text).serialize()
        #expect(throws: SignatureDecodingError.tooShort(3)) { try DocumentSignature(bytes: [1, 2, 3]) }
        #expect(throws: SignatureDecodingError.inconsistentLength(expected: bytes.count, actual: bytes.count - 1)) {
            try DocumentSignature(bytes: Array(bytes.dropLast()))
        }
        bytes[4] = 99
        #expect(throws: SignatureDecodingError.unsupportedVersion(99)) { try DocumentSignature(bytes: bytes) }
        bytes[0] = 0
        #expect(throws: SignatureDecodingError.badMagic) { try DocumentSignature(bytes: bytes) }
    }
}
