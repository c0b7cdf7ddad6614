/// The 64-bit hash functions behind every shingle: fast, seedless, stable across runs and platforms.
///
/// Stability matters: signatures are stored in the database, so a change here is a format change
/// (bump ``DocumentSignature/formatVersion``). The mixer is the splitmix64 finalizer, whose output
/// bits each depend on every input bit; words are hashed 8 bytes at a time through it.
public enum Hash64 {
    /// Golden-ratio increment, used as a seed and to spread sequential integers.
    @usableFromInline static let golden: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The splitmix64 finalizer: a bijective avalanche mix of one 64-bit value.
    @inlinable @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x &>> 30
        x &*= 0xBF58_476D_1CE4_E5B9
        x ^= x &>> 27
        x &*= 0x94D0_49BB_1331_11EB
        x ^= x &>> 31
        return x
    }

    /// Rotates left by `count` bits.
    @inlinable @inline(__always)
    static func rotateLeft(_ x: UInt64, _ count: UInt64) -> UInt64 {
        (x &<< count) | (x &>> (64 &- count))
    }

    /// Hash of a byte string (a normalized word), equal to feeding the bytes to ``WordHasher``.
    public static func word<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hasher = WordHasher()
        for byte in bytes { hasher.append(byte) }
        return hasher.finish()
    }

    /// Order-sensitive hash of `count` consecutive word hashes starting at `words[start]`.
    ///
    /// Each word is rotated by a different amount before the XOR, so "a b" and "b a" differ;
    /// one finalizer then spreads the result.
    @inlinable @inline(__always)
    public static func shingle(_ words: UnsafePointer<UInt64>, start: Int, count: Int) -> UInt64 {
        if count == 4 {     // the default shingle size, unrolled (same value as the loop)
            let w = words + start
            return mix(4 &* golden ^ w[0] ^ rotateLeft(w[1], 13) ^ rotateLeft(w[2], 26) ^ rotateLeft(w[3], 39))
        }
        var h: UInt64 = UInt64(truncatingIfNeeded: count) &* golden
        var rotation: UInt64 = 0
        for offset in 0..<count {
            h ^= rotateLeft(words[start &+ offset], rotation)
            rotation = (rotation &+ 13) & 63
        }
        return mix(h)
    }
}

/// Incremental hash of one word's bytes, fed a byte at a time as the tokenizer folds them.
///
/// Bytes are packed little-endian into a 64-bit lane; each full lane is mixed into the state.
/// The length enters the final mix so "a" and "a\0" differ.
public struct WordHasher: Sendable {
    @usableFromInline var state: UInt64 = Hash64.golden
    @usableFromInline var lane: UInt64 = 0
    @usableFromInline var laneShift: UInt64 = 0
    /// Full 8-byte lanes mixed so far (the length is `8 × fullLanes + laneShift / 8`).
    @usableFromInline var fullLanes: UInt64 = 0

    @inlinable public init() {}

    /// True when no byte has been appended since the last ``finish()``.
    @inlinable public var isEmpty: Bool { fullLanes == 0 && laneShift == 0 }

    @inlinable @inline(__always)
    public mutating func append(_ byte: UInt8) {
        lane |= UInt64(byte) &<< laneShift
        laneShift &+= 8
        if laneShift == 64 {
            state = Hash64.mix(state ^ lane)
            lane = 0
            laneShift = 0
            fullLanes &+= 1
        }
    }

    /// The word's hash; resets the hasher for the next word.
    @inlinable @inline(__always)
    public mutating func finish() -> UInt64 {
        let length = fullLanes &<< 3 &+ laneShift &>> 3
        let h = Hash64.mix(state ^ lane ^ (length &* 0xFF51_AFD7_ED55_8CCD))
        self = WordHasher()
        return h
    }
}
