import Testing
@testable import Dedup

@Suite("LSH banding and index")
struct LSHTests {
    /// datasketch 1.x `MinHashLSH._optimal_param(threshold, 128, 0.5, 0.5)`, computed by the same
    /// integrals (midpoint rule, step 0.001) in Python; 0.5 → 25 × 5 is also in eval/dedup/README.md.
    static let expected: [(threshold: Double, bands: Int, rows: Int)] = [
        (0.3, 37, 3), (0.4, 32, 4), (0.5, 25, 5), (0.7, 14, 9), (0.9, 5, 25),
    ]

    @Test("band choice matches datasketch", arguments: expected.indices)
    func optimalBanding(_ i: Int) {
        let e = Self.expected[i]
        #expect(LSHBanding.optimal(threshold: e.threshold, laneCount: 128) == LSHBanding(bands: e.bands, rows: e.rows))
    }

    @Test("candidate probability is an S-curve around the threshold")
    func sCurve() {
        let b = LSHBanding(bands: 25, rows: 5)
        #expect(b.candidateProbability(0.2) < 0.01)
        #expect(b.candidateProbability(0.8) > 0.999)
    }

    @Test("insert finds near copies, query agrees, remove forgets")
    func insertQueryRemove() {
        let banding = LSHBanding(bands: 25, rows: 5)
        var index = LSHIndex(banding: banding, expectedDocuments: 4)
        var rng = SplitMix(seed: 11)
        let base = (0..<128).map { _ in UInt32(truncatingIfNeeded: rng.next()) }
        var copy = base
        for j in stride(from: 0, to: 128, by: 10) { copy[j] = UInt32(truncatingIfNeeded: rng.next()) }  // ~90% equal
        let other = (0..<128).map { _ in UInt32(truncatingIfNeeded: rng.next()) }

        var seen: [Int32] = []
        index.insert(slot: 0, lanes: base) { seen.append($0) }
        #expect(seen.isEmpty)
        index.insert(slot: 1, lanes: other) { seen.append($0) }
        #expect(seen.isEmpty)
        index.insert(slot: 2, lanes: copy) { seen.append($0) }
        #expect(seen == [0])

        var queried: [Int32] = []
        index.query(lanes: base) { queried.append($0) }
        #expect(queried.sorted() == [0, 2])

        index.remove(slot: 0, lanes: base)
        queried = []
        index.query(lanes: base) { queried.append($0) }
        #expect(queried == [2])
        index.remove(slot: 2, lanes: copy)
        index.remove(slot: 1, lanes: other)
        #expect(index.bucketCount == 0)
    }

    @Test("many documents in one bucket survive removals in any order")
    func bucketChains() {
        var index = LSHIndex(banding: LSHBanding(bands: 2, rows: 2), expectedDocuments: 1)
        let lanes: [UInt32] = [1, 2, 3, 4]
        for slot in 0..<50 { index.insert(slot: Int32(slot), lanes: lanes) { _ in } }
        for slot in stride(from: 0, to: 50, by: 2) { index.remove(slot: Int32(slot), lanes: lanes) }
        var found: [Int32] = []
        index.query(lanes: lanes) { found.append($0) }
        #expect(found.sorted() == Array(stride(from: 1, to: 50, by: 2)).map(Int32.init))
    }
}
