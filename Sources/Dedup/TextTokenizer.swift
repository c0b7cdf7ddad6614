/// Splits text into normalized words and hashes each word to 64 bits, in one pass over UTF-8.
///
/// Normalization: ASCII letters are lower-cased through a table; every other scalar goes through
/// ``ScalarFold`` (compatibility decomposition, lower case, diacritics dropped), cached per scalar.
/// Punctuation, symbols and whitespace separate words and are dropped; digits are kept.
/// Characters of scripts written without spaces (CJK, Thai…) become one token each, so word
/// shingles over them are character n-grams.
///
/// Not thread-safe: it owns a cache. Use one tokenizer (or one ``SignatureBuilder``) per thread.
public struct TextTokenizer: Sendable {
    /// Byte → lower-cased byte for ASCII letters and digits, 0 for ASCII separators and for
    /// every byte ≥ 0x80 (the start of a scalar handled by the fold cache).
    @usableFromInline static let asciiTable: [UInt8] = (0..<256).map { (c: Int) -> UInt8 in
        switch c {
        case 0x30...0x39, 0x61...0x7A: return UInt8(c)
        case 0x41...0x5A: return UInt8(c + 32)
        default: return 0
        }
    }

    /// Folds of the non-ASCII scalars seen so far, as (kind, start, count) into `foldBytes`:
    /// a direct table below U+3000 (Latin, Greek, Cyrillic, punctuation), a dictionary above.
    /// Plain values, so the hot loop neither hashes nor retains for common scalars.
    private var lowFolds = [UInt64](repeating: 0, count: 0x3000)
    private var highFolds: [UInt32: UInt64] = [:]
    private var foldBytes: [UInt8] = []

    public init() {}

    /// Event codes passed to the byte visitor besides bytes 0…255.
    @usableFromInline static let endOfWord: UInt16 = 256
    @usableFromInline static let paragraphBreak: UInt16 = 257

    /// The normalized words of `text`, as strings (for tests and `syndic explain`).
    public mutating func words(of text: String) -> [String] {
        paragraphs(of: text).flatMap { $0 }
    }

    /// The normalized words of each paragraph of `text` (paragraphs end at a blank line).
    public mutating func paragraphs(of text: String) -> [[String]] {
        var sink = WordCollector()
        forEachWordByte(text, &sink)
        return sink.result.filter { !$0.isEmpty }
    }

    /// Appends the 64-bit hash of every normalized word of `text` to `hashes`, and the index (in
    /// `hashes`) where each paragraph after the first starts to `paragraphStarts`.
    public mutating func appendWordHashes(of text: String, to hashes: inout [UInt64],
                                          paragraphStarts: inout [Int]) {
        // Words ≤ bytes + 1 for any text (a scalar's fold never yields more words than its bytes),
        // so the sink writes through a raw pointer without per-word capacity checks.
        let bound = text.utf8.count + 1
        var sink = HashSink(capacity: bound)
        forEachWordByte(text, &sink)
        let offset = hashes.count
        hashes.append(contentsOf: UnsafeBufferPointer(start: sink.base, count: sink.count))
        sink.base.deallocate()
        for start in sink.paragraphStarts { paragraphStarts.append(offset + start) }
    }

    /// Appends the 64-bit hash of every normalized word of `text` to `hashes`.
    public mutating func appendWordHashes(of text: String, to hashes: inout [UInt64]) {
        var ignored: [Int] = []
        appendWordHashes(of: text, to: &hashes, paragraphStarts: &ignored)
    }

    /// Calls `body` with each byte of each normalized word, ``endOfWord`` after each word and
    /// ``paragraphBreak`` before the first word after a blank line (two newlines in one gap).
    @inline(__always)
    private mutating func forEachWordByte<Sink: TokenSink>(_ text: String, _ sink: inout Sink) {
        @inline(__always) func body(_ event: UInt16) {
            if event < 256 { sink.byte(UInt8(truncatingIfNeeded: event)) }
            else if event == Self.endOfWord { sink.endOfWord() }
            else { sink.paragraphBreak() }
        }
        var text = text
        text.withUTF8 { utf8 in
            Self.asciiTable.withUnsafeBufferPointer { table in
                var inWord = false
                var anyWord = false
                var newlines = 0
                var i = 0
                let n = utf8.count
                while i < n {
                    // Separator run (ASCII): count newlines for paragraph breaks.
                    var byte = utf8[i]
                    if byte < 0x80 && table[Int(byte)] == 0 {
                        if inWord { body(Self.endOfWord); inWord = false }
                        repeat {
                            newlines &+= byte == 0x0A ? 1 : 0
                            i &+= 1
                            if i == n { break }
                            byte = utf8[i]
                        } while byte < 0x80 && table[Int(byte)] == 0
                        if i == n { break }
                    }
                    // ASCII word characters: a tight loop with no other branch.
                    var folded = table[Int(byte)]
                    if folded != 0 {
                        if !inWord {
                            if newlines >= 2 && anyWord { body(Self.paragraphBreak) }
                            newlines = 0
                            anyWord = true
                            inWord = true
                        }
                        // Eight bytes at a time while they are ASCII word characters (the same
                        // bytes reach the sink as one by one; see ``asciiWordBytes(_:)``).
                        while true {
                            if i &+ 8 <= n {
                                let x = UInt64(littleEndian: UnsafeRawPointer(utf8.baseAddress! + i).loadUnaligned(as: UInt64.self))
                                let count = Self.asciiWordBytes(x)
                                if count == 0 { break }
                                sink.bytes(x | Self.lowerCaseBits, count: count)
                                i &+= count
                                if count < 8 || i == n { break }
                            } else {
                                folded = table[Int(utf8[i])]
                                if folded == 0 { break }
                                body(UInt16(folded))
                                i &+= 1
                                if i == n { break }
                            }
                        }
                        continue
                    }
                    let (scalarValue, length) = Self.decode(utf8, at: i)
                    i &+= length
                    let packed = fold(scalarValue)
                    let kind = ScalarFold.Kind(rawValue: UInt8(truncatingIfNeeded: packed &>> 56) & 0x7F) ?? .separator
                    let start = Int(truncatingIfNeeded: (packed &>> 16) & 0x7F_FFFF_FFFF)
                    let end = start &+ Int(truncatingIfNeeded: packed & 0xFFFF)
                    if kind != .separator && end > start && !inWord {
                        if newlines >= 2 && anyWord { body(Self.paragraphBreak) }
                        newlines = 0
                        anyWord = true
                    }
                    switch kind {
                    case .separator:
                        if inWord { body(Self.endOfWord); inWord = false }
                    case .wordPart:
                        for index in start..<end {
                            let b = foldBytes[index]
                            if b == 0 {
                                if inWord { body(Self.endOfWord); inWord = false }
                            } else {
                                body(UInt16(b))
                                inWord = true
                            }
                        }
                    case .standalone:
                        if inWord { body(Self.endOfWord); inWord = false }
                        var any = false
                        for index in start..<end where foldBytes[index] != 0 { body(UInt16(foldBytes[index])); any = true }
                        if any { body(Self.endOfWord) }
                    }
                }
                if inWord { body(Self.endOfWord) }
            }
        }
    }

    /// 0x20 in every byte: ORed into ASCII letters and digits it lower-cases the letters and
    /// leaves the digits (which have the bit already) as they are.
    @usableFromInline static let lowerCaseBits: UInt64 = 0x2020_2020_2020_2020

    /// How many of the eight bytes of `x` (first byte in the low bits), from the first, are ASCII
    /// letters or digits: the bytes ``asciiTable`` maps to themselves or to their lower case.
    /// Bytewise range checks without carries between bytes (each byte is below 0x80 when tested).
    @inline(__always)
    static func asciiWordBytes(_ x: UInt64) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let low7 = x & ~high
        @inline(__always) func inRange(_ v: UInt64, _ lo: UInt64, _ hi: UInt64) -> UInt64 {
            (v &+ (0x80 - lo) &* ones) & ~(v &+ (0x7F - hi) &* ones) & high
        }
        let letters = inRange(low7 | lowerCaseBits, 0x61, 0x7A)
        let digits = inRange(low7, 0x30, 0x39)
        let word = (letters | digits) & ~x & high
        return (~word & high).trailingZeroBitCount &>> 3
    }

    /// The fold of scalar `value`, packed as kind << 56 | start << 16 | count (into `foldBytes`).
    @inline(__always)
    private mutating func fold(_ value: UInt32) -> UInt64 {
        if value < 0x3000 {
            let cached = lowFolds[Int(value)]
            if cached != 0 { return cached }
        } else if let cached = highFolds[value] {
            return cached
        }
        return computeFold(value)
    }

    private mutating func computeFold(_ value: UInt32) -> UInt64 {
        let computed = Unicode.Scalar(value).map(ScalarFold.compute) ?? .separator
        let packed = UInt64(computed.kind.rawValue) << 56 | UInt64(foldBytes.count) << 16 | UInt64(computed.bytes.count)
        foldBytes.append(contentsOf: computed.bytes)
        // Kind .separator is raw value 0; the table's 0 means "not computed", so mark separators with bit 55.
        let stored = packed | 1 << 55
        if value < 0x3000 { lowFolds[Int(value)] = stored } else { highFolds[value] = stored }
        return stored
    }

    /// Decodes the scalar starting at a non-ASCII byte; invalid sequences decode as U+FFFD, length 1.
    @inline(__always)
    private static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(utf8[i])
        let n = utf8.count
        if b0 & 0xE0 == 0xC0, i + 1 < n {
            return (((b0 & 0x1F) << 6) | (UInt32(utf8[i + 1]) & 0x3F), 2)
        }
        if b0 & 0xF0 == 0xE0, i + 2 < n {
            return (((b0 & 0x0F) << 12) | ((UInt32(utf8[i + 1]) & 0x3F) << 6) | (UInt32(utf8[i + 2]) & 0x3F), 3)
        }
        if b0 & 0xF8 == 0xF0, i + 3 < n {
            let v = ((b0 & 0x07) << 18) | ((UInt32(utf8[i + 1]) & 0x3F) << 12)
                | ((UInt32(utf8[i + 2]) & 0x3F) << 6) | (UInt32(utf8[i + 3]) & 0x3F)
            return (v, 4)
        }
        return (0xFFFD, 1)
    }
}

/// Receives the tokenizer's output; generic so each use is specialized and inlined.
protocol TokenSink {
    mutating func byte(_ byte: UInt8)
    /// The first `count` (1–8) bytes of `chunk` (first byte in the low bits), in order.
    mutating func bytes(_ chunk: UInt64, count: Int)
    mutating func endOfWord()
    mutating func paragraphBreak()
}

/// Hashes words as their bytes arrive (the hot path), into a buffer the caller frees.
struct HashSink: TokenSink {
    var base: UnsafeMutablePointer<UInt64>
    var capacity: Int
    var count = 0
    var paragraphStarts: [Int] = []
    var hasher = WordHasher()

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    @inline(__always) mutating func byte(_ byte: UInt8) { hasher.append(byte) }
    @inline(__always) mutating func bytes(_ chunk: UInt64, count: Int) {
        // A word's lanes start at its first byte: a chunk at a lane boundary is the lane itself.
        if hasher.laneShift == 0 {
            if count == 8 {
                hasher.state = Hash64.mix(hasher.state ^ chunk)
                hasher.fullLanes &+= 1
            } else {
                hasher.lane = chunk & ((1 &<< UInt64(count &* 8)) &- 1)
                hasher.laneShift = UInt64(count &* 8)
            }
        } else {
            for k in 0..<count { hasher.append(UInt8(truncatingIfNeeded: chunk &>> UInt64(k &* 8))) }
        }
    }
    @inline(__always) mutating func endOfWord() {
        if count == capacity { grow() }
        base[count] = hasher.finish()
        count &+= 1
    }
    @inline(__always) mutating func paragraphBreak() { paragraphStarts.append(count) }

    /// Never expected (see the bound in `appendWordHashes`), kept so no input can overflow.
    private mutating func grow() {
        let bigger = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity * 2)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }
}

/// Collects words as strings, per paragraph (tests, `syndic explain`).
struct WordCollector: TokenSink {
    var result: [[String]] = [[]]
    var current: [UInt8] = []

    mutating func byte(_ byte: UInt8) { current.append(byte) }
    mutating func bytes(_ chunk: UInt64, count: Int) {
        for k in 0..<count { current.append(UInt8(truncatingIfNeeded: chunk &>> UInt64(k &* 8))) }
    }
    mutating func endOfWord() {
        result[result.count - 1].append(String(decoding: current, as: UTF8.self))
        current.removeAll(keepingCapacity: true)
    }
    mutating func paragraphBreak() { result.append([]) }
}
