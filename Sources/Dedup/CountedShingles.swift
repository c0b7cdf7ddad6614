/// The document being compared, as verification counts it at this moment: its non-boilerplate
/// shingles per paragraph, and a hash table from each shingle to its paragraph (or to "boilerplate").
///
/// Built once per ``StoryClusterer`` `add` for the new document, so neither the stoplist nor a
/// merge of sorted sets runs once per shingle per comparison (those were 40 % and 30 % of
/// clustering time): each candidate's shingles are looked up in the table (one probe each, in
/// a table that stays in L1/L2). ``ParagraphAlignment/measure(_:_:_:rawTotalsB:stopsB:)`` gives the
/// same figures as the per-shingle path ``ParagraphAlignment/measure(_:_:_:)``.
struct CountedShingles {
    /// Counted (non-boilerplate) shingles per paragraph.
    var totals: [Int32]
    /// Open addressing on the hash's low bits; key 0 marks an empty entry (shingle 0 is kept in `zeroValue`).
    private(set) var keys: [UInt64]
    /// Paragraph of the shingle in `keys` at the same index, or -1 for a boilerplate shingle.
    private(set) var values: [Int32]
    private(set) var mask: Int
    /// What `values` would hold for shingle hash 0; `absent` when the document has none.
    private(set) var zeroValue: Int32

    static let absent = Int32.min
    static let empty = CountedShingles()

    private init() {
        totals = []; keys = [0]; values = [0]; mask = 0; zeroValue = Self.absent
    }

    /// Shingles per paragraph of `signature`, boilerplate included.
    static func rawTotals(_ signature: DocumentSignature) -> [Int32] {
        var totals = [Int32](repeating: 0, count: signature.paragraphCount)
        for p in signature.paragraphOf { totals[Int(p)] &+= 1 }
        return totals
    }

    /// `signature` (with paragraphs) with the shingles at positions `stops` set aside as boilerplate.
    init(_ signature: DocumentSignature, rawTotals: [Int32], stops: [Int32]) {
        totals = rawTotals
        var capacity = 64
        while capacity < signature.shingles.count * 2 { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
        zeroValue = Self.absent
        var isStop = [Bool](repeating: false, count: signature.shingles.count)
        for s in stops {
            isStop[Int(s)] = true
            totals[Int(signature.paragraphOf[Int(s)])] -= 1
        }
        for (i, h) in signature.shingles.enumerated() {
            let value = isStop[i] ? -1 : Int32(signature.paragraphOf[i])
            if h == 0 { zeroValue = value; continue }
            var e = Int(truncatingIfNeeded: h) & mask
            while keys[e] != 0 { e = (e + 1) & mask }
            keys[e] = h
            values[e] = value
        }
    }

    /// The paragraph of shingle `h` (-1: boilerplate), or ``absent``.
    @inline(__always) static func lookup(_ h: UInt64, keys: UnsafeBufferPointer<UInt64>, values: UnsafeBufferPointer<Int32>,
                                         mask: Int, zeroValue: Int32) -> Int32 {
        if h == 0 { return zeroValue }
        var e = Int(truncatingIfNeeded: h) & mask
        while true {
            let k = keys[e]
            if k == h { return values[e] }
            if k == 0 { return absent }
            e = (e &+ 1) & mask
        }
    }
}
