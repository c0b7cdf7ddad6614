/// Sorts uniformly distributed 64-bit hashes fast: one counting pass on the top bits scatters
/// them into ~one element per bucket, then an insertion sort fixes the few local inversions.
/// About 4× faster than the standard library sort on 500 shingle hashes (docs/DEDUP.md); any
/// input is sorted correctly, skewed input only costs more.
enum HashSorting {
    static func sortAndRemoveDuplicates(_ values: inout [UInt64], scratch: inout [UInt64], counts: inout [Int32]) {
        let n = values.count
        guard n > 1 else { return }
        if n > 1 << 16 {                      // huge documents: not worth a special path
            values.sort()
            dedupe(&values)
            return
        }
        var bits = 8
        while (1 << bits) < n && bits < 16 { bits += 1 }
        let buckets = 1 << bits
        let shift = UInt64(64 - bits)
        if counts.count < buckets + 1 { counts = [Int32](repeating: 0, count: buckets + 1) }
        if scratch.count < n { scratch = [UInt64](repeating: 0, count: n) }
        values.withUnsafeMutableBufferPointer { v in
            scratch.withUnsafeMutableBufferPointer { out in
                counts.withUnsafeMutableBufferPointer { c in
                    for b in 0...buckets { c[b] = 0 }
                    for x in v { c[Int(truncatingIfNeeded: x &>> shift) &+ 1] &+= 1 }
                    for b in 0..<buckets { c[b &+ 1] &+= c[b] }
                    for x in v {
                        let b = Int(truncatingIfNeeded: x &>> shift)
                        out[Int(c[b])] = x
                        c[b] &+= 1
                    }
                    // Insertion sort: elements are already in their bucket, so moves are short.
                    for i in 1..<n {
                        let x = out[i]
                        var j = i
                        while j > 0 && out[j &- 1] > x {
                            out[j] = out[j &- 1]
                            j &-= 1
                        }
                        out[j] = x
                    }
                    // Copy back without duplicates.
                    var w = 0
                    for i in 0..<n where w == 0 || out[i] != v[w &- 1] {
                        v[w] = out[i]
                        w &+= 1
                    }
                    c[0] = Int32(w)
                }
            }
        }
        values.removeLast(n - Int(counts[0]))
    }

    private static func dedupe(_ sorted: inout [UInt64]) {
        var kept = 1
        sorted.withUnsafeMutableBufferPointer { p in
            for r in 1..<p.count where p[r] != p[kept - 1] {
                p[kept] = p[r]
                kept += 1
            }
        }
        sorted.removeLast(sorted.count - kept)
    }
}
