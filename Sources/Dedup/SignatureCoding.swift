/// Why stored signature bytes could not be read back.
public enum SignatureDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    case tooShort(Int)
    case badMagic
    case unsupportedVersion(UInt8)
    case inconsistentLength(expected: Int, actual: Int)

    public var description: String {
        switch self {
        case .tooShort(let n):
            return "stored signature is \(n) bytes, too short; re-run deduplication to rebuild it"
        case .badMagic:
            return "stored bytes are not a Syndic signature; re-run deduplication to rebuild it"
        case .unsupportedVersion(let v):
            return "stored signature has format version \(v), this Syndic reads \(DocumentSignature.formatVersion); re-run deduplication to rebuild it"
        case .inconsistentLength(let expected, let actual):
            return "stored signature should be \(expected) bytes but is \(actual); re-run deduplication to rebuild it"
        }
    }
}

/// Byte format (little-endian):
///
///     0  "SYDS"               magic
///     4  u8 format version    (DocumentSignature.formatVersion)
///     5  u8 scheme            (MinHashScheme raw value)
///     6  u8 shingle size k
///     7  u8 flags             bit 0: shingle set present; bit 1: paragraph numbers follow it
///     8  u16 lane count n,  10 u16 lead sample count s
///    12  u32 shingle count m
///    16  n × u32 lanes, s × u64 lead sample, then (if bit 0) m × u64 sorted shingles,
///        then (if bit 1) m × u16 paragraph numbers (``DocumentSignature/paragraphOf``)
extension DocumentSignature {
    static let magic: [UInt8] = Array("SYDS".utf8)
    static let headerSize = 16

    /// The signature as bytes, for a BLOB column. `includingShingles: false` writes the compact
    /// form (lanes and counts only, ~0.5 KB for 128 lanes).
    public func serialize(includingShingles: Bool = true) -> [UInt8] {
        let withSet = includingShingles && hasShingleSet
        let withParagraphs = withSet && hasParagraphs
        var out: [UInt8] = []
        out.reserveCapacity(Self.headerSize + minHash.count * 4 + containmentSample.count * 8 + (withSet ? shingles.count * 10 : 0))
        out += Self.magic
        out.append(Self.formatVersion)
        out.append(scheme.rawValue)
        out.append(UInt8(truncatingIfNeeded: shingleSize))
        out.append((withSet ? 1 : 0) | (withParagraphs ? 2 : 0))
        appendLE(UInt16(minHash.count), to: &out)
        appendLE(UInt16(containmentSample.count), to: &out)
        appendLE(UInt32(shingleCount), to: &out)
        for lane in minHash { appendLE(lane, to: &out) }
        for hash in containmentSample { appendLE(hash, to: &out) }
        if withSet { for hash in shingles { appendLE(hash, to: &out) } }
        if withParagraphs { for p in paragraphOf { appendLE(p, to: &out) } }
        return out
    }

    /// Reads bytes written by ``serialize(includingShingles:)``.
    public init(bytes: [UInt8]) throws(SignatureDecodingError) {
        guard bytes.count >= Self.headerSize else { throw .tooShort(bytes.count) }
        guard Array(bytes[0..<4]) == Self.magic else { throw .badMagic }
        guard bytes[4] == Self.formatVersion else { throw .unsupportedVersion(bytes[4]) }
        guard let scheme = MinHashScheme(rawValue: bytes[5]) else { throw .badMagic }
        let k = Int(bytes[6])
        let withSet = bytes[7] & 1 == 1
        let withParagraphs = withSet && bytes[7] & 2 == 2
        let lanes = Int(readLE(bytes, 8, as: UInt16.self))
        let leads = Int(readLE(bytes, 10, as: UInt16.self))
        let count = Int(readLE(bytes, 12, as: UInt32.self))
        let expected = Self.headerSize + lanes * 4 + leads * 8 + (withSet ? count * 8 : 0) + (withParagraphs ? count * 2 : 0)
        guard bytes.count == expected else { throw .inconsistentLength(expected: expected, actual: bytes.count) }
        var offset = Self.headerSize
        var minHash = [UInt32](repeating: 0, count: lanes)
        for i in 0..<lanes { minHash[i] = readLE(bytes, offset, as: UInt32.self); offset += 4 }
        var lead = [UInt64](repeating: 0, count: leads)
        for i in 0..<leads { lead[i] = readLE(bytes, offset, as: UInt64.self); offset += 8 }
        var shingles: [UInt64] = []
        if withSet {
            shingles = [UInt64](repeating: 0, count: count)
            for i in 0..<count { shingles[i] = readLE(bytes, offset, as: UInt64.self); offset += 8 }
        }
        var paragraphOf: [UInt16] = []
        if withParagraphs {
            paragraphOf = [UInt16](repeating: 0, count: count)
            for i in 0..<count { paragraphOf[i] = readLE(bytes, offset, as: UInt16.self); offset += 2 }
        }
        self.init(minHash: minHash, shingles: shingles, shingleCount: count, containmentSample: lead,
                  shingleSize: k, scheme: scheme, paragraphOf: paragraphOf)
    }
}

private func appendLE<T: FixedWidthInteger>(_ value: T, to out: inout [UInt8]) {
    var v = value
    for _ in 0..<(T.bitWidth / 8) {
        out.append(UInt8(truncatingIfNeeded: v))
        v >>= 8
    }
}

private func readLE<T: FixedWidthInteger>(_ bytes: [UInt8], _ offset: Int, as: T.Type) -> T {
    var v: T = 0
    for i in stride(from: T.bitWidth / 8 - 1, through: 0, by: -1) {
        v = (v << 8) | T(bytes[offset + i])
    }
    return v
}
