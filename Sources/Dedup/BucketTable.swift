/// A hash multimap from 64-bit keys to nodes, built for LSH buckets: open addressing over one
/// flat array (one cache line per probe), each key heading a singly linked list of node numbers
/// kept in a second flat array. No per-bucket allocation; removal unlinks in place.
///
/// Node numbers are chosen by the caller (e.g. `slot × bands + band`), so a node's owner is
/// arithmetic, not a lookup.
struct BucketTable: Sendable {
    /// 8 bytes: the key is kept to 32 bits. Two band keys that agree there but differ above only
    /// make an extra candidate, which verification rejects (at 25 million keys, ~0.6 % per probe).
    private struct Entry {
        var key: UInt32 = 0     // 0 = empty (callers never use key 0: see `storedKey`)
        var head: Int32 = -1
    }

    private var entries: [Entry]
    private var mask: Int
    private(set) var keyCount = 0
    /// Next node in the same bucket, or -1; indexed by node number.
    private var next: [Int32] = []

    init(expectedKeys: Int = 1024) {
        var capacity = 16
        while capacity * 3 < expectedKeys * 4 { capacity <<= 1 }
        entries = [Entry](repeating: Entry(), count: capacity)
        mask = capacity - 1
    }

    @inline(__always) static func storedKey(_ key: UInt64) -> UInt32 {
        let k = UInt32(truncatingIfNeeded: key ^ (key &>> 32))
        return k == 0 ? 1 : k
    }

    /// Home slot of a stored key (multiplicative hashing spreads the 32 bits over the table).
    @inline(__always) private func home(_ key: UInt32) -> Int {
        Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) &>> 32) & mask
    }

    /// Makes node numbers `0..<count` addressable.
    mutating func reserveNodes(_ count: Int) {
        if next.count < count {
            let grown = max(count, next.count * 3 / 2)
            next.append(contentsOf: repeatElement(-1, count: grown - next.count))
        }
    }

    /// Calls `body` with the nodes in `key`'s bucket (newest first, at most `limit`), then adds `node` to it.
    @inline(__always)
    mutating func insert(key rawKey: UInt64, node: Int32, limit: Int = .max, visitingExisting body: (Int32) -> Void) {
        let key = Self.storedKey(rawKey)
        if (keyCount + 1) * 4 > entries.count * 3 { grow() }
        var i = home(key)
        while true {
            let k = entries[i].key
            if k == key {
                var n = entries[i].head
                var visited = 0
                while n >= 0 && visited < limit { body(n); n = next[Int(n)]; visited &+= 1 }
                next[Int(node)] = entries[i].head
                entries[i].head = node
                return
            }
            if k == 0 {
                entries[i] = Entry(key: key, head: node)
                next[Int(node)] = -1
                keyCount += 1
                return
            }
            i = (i + 1) & mask
        }
    }

    /// Calls `body` with every node in `key`'s bucket.
    @inline(__always)
    func forEach(key rawKey: UInt64, _ body: (Int32) -> Void) {
        let key = Self.storedKey(rawKey)
        var i = home(key)
        while true {
            let k = entries[i].key
            if k == key {
                var n = entries[i].head
                while n >= 0 { body(n); n = next[Int(n)] }
                return
            }
            if k == 0 { return }
            i = (i + 1) & mask
        }
    }

    /// Loads `key`'s home entry and returns its key bits. Callers touch all the keys of a document
    /// before inserting them so the cache misses overlap instead of queueing one after another.
    @inline(__always)
    func touch(key rawKey: UInt64) -> UInt32 {
        entries[home(Self.storedKey(rawKey))].key
    }

    /// Unlinks `node` from `key`'s bucket; drops the key when its bucket empties.
    mutating func remove(key rawKey: UInt64, node: Int32) {
        let key = Self.storedKey(rawKey)
        var i = home(key)
        while entries[i].key != key {
            if entries[i].key == 0 { return }
            i = (i + 1) & mask
        }
        if entries[i].head == node {
            entries[i].head = next[Int(node)]
        } else {
            var n = entries[i].head
            while n >= 0 {
                let after = next[Int(n)]
                if after == node { next[Int(n)] = next[Int(node)]; break }
                n = after
            }
        }
        next[Int(node)] = -1
        if entries[i].head < 0 { deleteEntry(at: i) }
    }

    /// Backward-shift deletion: keeps every probe sequence unbroken without tombstones.
    private mutating func deleteEntry(at index: Int) {
        var hole = index
        var j = index
        while true {
            j = (j + 1) & mask
            let k = entries[j].key
            if k == 0 { break }
            let h = home(k)
            // Move j into the hole if its home is not cyclically in (hole, j].
            let inRange = hole <= j ? (h > hole && h <= j) : (h > hole || h <= j)
            if !inRange {
                entries[hole] = entries[j]
                hole = j
            }
        }
        entries[hole] = Entry()
        keyCount -= 1
    }

    private mutating func grow() {
        let old = entries
        entries = [Entry](repeating: Entry(), count: old.count * 2)
        mask = entries.count - 1
        for e in old where e.key != 0 {
            var i = home(e.key)
            while entries[i].key != 0 { i = (i + 1) & mask }
            entries[i] = e
        }
    }
}
