/// The 64-bit FNV-1a hash (Fowler–Noll–Vo, variant 1a): Syndic's one hash for values that are stored
/// or sent and must therefore be the same in every run, process and version.
///
/// Entry stable ids (`hash:…` for entries without GUID or link), entry content hashes, page and
/// template-block hashes, and the web view's ETags are all computed here. Swift's `Hasher` is seeded
/// per process and cannot be used for any of them. A change to this type changes stored keys (every
/// entry without a GUID would be announced again), so its values are pinned by `FNV1a64Tests`.
///
/// ```swift
/// var hasher = FNV1a64()
/// hasher.combine(field: title)       // bytes, then a terminator byte, so ("ab","c") ≠ ("a","bc")
/// hasher.combine(bytes: body)
/// let key = hasher.hex               // 16 lower-case hex digits
/// FNV1a64.hash("foobar")             // 0x85944171f73967e8
/// ```
public struct FNV1a64: Sendable, Equatable {
    /// The FNV-1a 64-bit offset basis: the state before any byte.
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The FNV 64-bit prime.
    public static let prime: UInt64 = 0x0000_0100_0000_01B3
    /// The byte ``combine(field:terminator:)`` appends by default (ASCII unit separator).
    public static let fieldTerminator: UInt8 = 0x1F

    /// The hash of everything combined so far.
    @inlinable public var value: UInt64 { state }
    @usableFromInline var state: UInt64

    /// A hasher in the FNV-1a start state, or continuing from `seed` (e.g. to chain two keys).
    @inlinable
    public init(seed: UInt64 = FNV1a64.offsetBasis) {
        state = seed
    }

    /// Mixes one byte in.
    @inlinable @inline(__always)
    public mutating func combine(byte: UInt8) {
        state = (state ^ UInt64(byte)) &* Self.prime
    }

    /// Mixes a sequence of bytes in, in order.
    @inlinable
    public mutating func combine<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        var v = state
        for byte in bytes { v = (v ^ UInt64(byte)) &* Self.prime }
        state = v
    }

    /// Mixes the UTF-8 bytes of `text` in (no terminator).
    @inlinable
    public mutating func combine(utf8 text: String) {
        combine(bytes: text.utf8)
    }

    /// Mixes the UTF-8 bytes of `text` in, then `terminator`, so consecutive fields cannot run together.
    @inlinable
    public mutating func combine(field text: String, terminator: UInt8 = FNV1a64.fieldTerminator) {
        combine(bytes: text.utf8)
        combine(byte: terminator)
    }

    /// ``value`` as exactly 16 lower-case hexadecimal digits (zero-padded).
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The FNV-1a hash of the UTF-8 bytes of `text`.
    @inlinable
    public static func hash(_ text: String) -> UInt64 {
        var hasher = FNV1a64()
        hasher.combine(bytes: text.utf8)
        return hasher.value
    }

    /// The FNV-1a hash of `bytes`.
    @inlinable
    public static func hash<Bytes: Sequence>(bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hasher = FNV1a64()
        hasher.combine(bytes: bytes)
        return hasher.value
    }
}
