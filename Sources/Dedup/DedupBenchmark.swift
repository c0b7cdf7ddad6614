import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Throughput and scale measurements behind `syndic dedup --bench` (figures in docs/DEDUP.md).
///
/// Not a test: timings are printed, never asserted. Uses only the standard library clock.
public struct DedupBenchmark {
    public enum Mode: String, Sendable, CaseIterable {
        case all, signature, lsh, scale
    }

    private let words: [Substring]
    private let wordsPerDocument: Int

    /// - Parameter corpusText: any running text; documents are consecutive windows of its words.
    public init(corpusText: String, wordsPerDocument: Int = 500) {
        words = corpusText.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
        self.wordsPerDocument = max(1, wordsPerDocument)
    }

    /// Runs the benchmarks of `mode` over `documents` documents, printing one line per figure.
    public func run(mode: Mode, documents: Int, print: (String) -> Void) {
        if mode == .all || mode == .signature { signatures(documents, print) }
        if mode == .all || mode == .lsh { lsh(documents, print) }
        if mode == .scale { scale(documents, print) }
    }

    // MARK: Signatures

    private func windows() -> [String] {
        let n = max(1, words.count / wordsPerDocument)
        return (0..<n).map { c in
            let end = min(words.count, (c + 1) * wordsPerDocument)
            return words[(c * wordsPerDocument)..<end].joined(separator: " ")
        }
    }

    private func signatures(_ count: Int, _ print: (String) -> Void) {
        let texts = windows()
        guard !texts.isEmpty else { return print("corpus too short") }
        var sink: UInt64 = 0
        var shingles = 0
        for scheme in MinHashScheme.allCases {
            var config = DedupConfiguration()
            config.scheme = scheme
            var builder = SignatureBuilder(configuration: config)
            var lanes: [UInt32] = []
            let full = Self.time {
                for d in 0..<count {
                    let s = builder.signature(of: texts[d % texts.count])
                    sink &+= UInt64(s.minHash[d & 127]) &+ s.shingles[0]
                    shingles &+= s.shingleCount
                }
            }
            let lanesOnly = Self.time {
                for d in 0..<count {
                    _ = builder.minHashLanes(of: texts[d % texts.count], into: &lanes)
                    sink &+= UInt64(lanes[d & 127])
                }
            }
            print("signature \(scheme.rawValue == 0 ? "one-permutation" : "multiply-shift ")  full (sorted set + lanes) \(Self.rate(count, full))   lanes only \(Self.rate(count, lanesOnly))")
        }
        // Digest of every window's signature parts: equal across runs means deterministic output.
        var digest = (words: UInt64(0), shingles: UInt64(0), onePermutation: UInt64(0), multiplyShift: UInt64(0))
        var check = TextTokenizer()
        var msConfig = DedupConfiguration()
        msConfig.scheme = .multiplyShift
        var oph = SignatureBuilder(), ms = SignatureBuilder(configuration: msConfig)
        for text in texts {
            var words: [UInt64] = []
            check.appendWordHashes(of: text, to: &words)
            for h in words { digest.words = Hash64.mix(digest.words ^ h) }
            let s = oph.signature(of: text)
            for h in s.shingles { digest.shingles = Hash64.mix(digest.shingles ^ h) }
            for l in s.minHash { digest.onePermutation = Hash64.mix(digest.onePermutation ^ UInt64(l)) }
            for l in ms.signature(of: text).minHash { digest.multiplyShift = Hash64.mix(digest.multiplyShift ^ UInt64(l)) }
        }
        print("digest of \(texts.count) windows: words \(digest.words % 100_000) shingles \(digest.shingles % 100_000) one-permutation \(digest.onePermutation % 100_000) multiply-shift \(digest.multiplyShift % 100_000)")
        var tokenizer = TextTokenizer()
        var hashes: [UInt64] = []
        let tokenize = Self.time {
            for d in 0..<count {
                hashes.removeAll(keepingCapacity: true)
                tokenizer.appendWordHashes(of: texts[d % texts.count], to: &hashes)
                sink &+= hashes[0]
            }
        }
        print("tokenize + word hashes only \(Self.rate(count, tokenize))  (docs=\(count), words/doc=\(wordsPerDocument), shingles/doc=\(shingles / (2 * count)), sink \(sink & 0xFF))")
    }

    // MARK: LSH

    /// Synthetic lanes in groups of three near-copies (30% of lanes differ), so buckets look real.
    private static func syntheticLanes(_ d: Int, laneCount: Int) -> [UInt32] {
        let group = UInt64(d / 3)
        return (0..<laneCount).map { j in
            let base = Hash64.mix(group &* 1_000_003 &+ UInt64(j))
            let perturbed = Hash64.mix(base ^ UInt64(d) &* Hash64.golden)
            return UInt32(truncatingIfNeeded: (perturbed % 10 < 3 && d % 3 != 0) ? perturbed : base)
        }
    }

    private func lsh(_ count: Int, _ print: (String) -> Void) {
        let config = DedupConfiguration()
        let lanes = (0..<count).map { Self.syntheticLanes($0, laneCount: config.laneCount) }
        for threshold in [0.3, 0.5] {
            let banding = LSHBanding.optimal(threshold: threshold, laneCount: config.laneCount)
            var index = LSHIndex(banding: banding, expectedDocuments: count)
            var candidates = 0
            let t = Self.time {
                for d in 0..<count { index.insert(slot: Int32(d), lanes: lanes[d]) { _ in candidates += 1 } }
            }
            print("LSH insert+query (threshold \(threshold), \(banding)) \(Self.rate(count, t))  (docs=\(count), candidates/doc \(String(Double(candidates) / Double(count)).prefix(4)))")
        }
    }

    // MARK: Scale

    /// End to end: generate `count` documents in groups of known copies, sign, cluster (compact
    /// mode), score pairwise against the known groups.
    private func scale(_ count: Int, _ print: (String) -> Void) {
        let generator = SyntheticStories(vocabulary: words, wordsPerDocument: wordsPerDocument)
        let config = DedupConfiguration.compact
        let clusterer = StoryClusterer(configuration: config, expectedDocuments: count)
        var groups = [Int32](repeating: 0, count: count)
        var clusters = [Int64](repeating: 0, count: count)
        var generateTime = Duration.zero, signTime = Duration.zero, clusterTime = Duration.zero
        var generateCPU = 0.0, signCPU = 0.0, clusterCPU = 0.0
        let clock = ContinuousClock()
        let workers = 2
        var builders = (0..<workers).map { _ in SignatureBuilder(configuration: config) }
        var doc = 0
        var nextGroup = 0
        let groupsPerBatch = 1024
        while doc < count {
            // Generate and sign a batch of groups on two threads (one builder each), then add
            // them to the clusterer in group order, which keeps the run deterministic.
            let t0 = clock.now
            let c0 = Self.processCPUSeconds()
            let first = nextGroup
            var texts = [[String]](repeating: [], count: groupsPerBatch)
            texts.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let out = out
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    for g in stride(from: worker, to: groupsPerBatch, by: workers) { out[g] = generator.group(first + g) }
                }
            }
            let tGenerated = clock.now
            let cGenerated = Self.processCPUSeconds()
            let generated = texts
            var batch = [[DocumentSignature]](repeating: [], count: groupsPerBatch)
            batch.withUnsafeMutableBufferPointer { out in
                builders.withUnsafeMutableBufferPointer { b in
                    nonisolated(unsafe) let out = out
                    nonisolated(unsafe) let b = b
                    DispatchQueue.concurrentPerform(iterations: workers) { worker in
                        for g in stride(from: worker, to: groupsPerBatch, by: workers) {
                            out[g] = generated[g].map { b[worker].signature(of: $0).compacted }
                        }
                    }
                }
            }
            nextGroup += groupsPerBatch
            let t1 = clock.now
            let c1 = Self.processCPUSeconds()
            for (g, signatures) in batch.enumerated() {
                for signature in signatures where doc < count {
                    groups[doc] = Int32(first + g)
                    clusters[doc] = clusterer.add(document: Int64(doc), signature: signature,
                                                  timestamp: Double(doc), hasFullText: true).storyKey
                    doc += 1
                }
            }
            let t2 = clock.now
            let c2 = Self.processCPUSeconds()
            generateTime += tGenerated - t0; signTime += t1 - tGenerated; clusterTime += t2 - t1
            generateCPU += cGenerated - c0; signCPU += c1 - cGenerated; clusterCPU += c2 - c1
        }
        let score = PairwiseScore(gold: groups, predicted: clusters)
        print("scale docs=\(count) groups=\(Set(groups).count) stories=\(clusterer.storyCount) (compact mode, \(config.banding))")
        print("  generate texts (\(workers) threads) \(Self.seconds(generateTime)) s   sign (\(workers) threads) \(Self.seconds(signTime)) s   cluster (1 thread) \(Self.seconds(clusterTime)) s   sign+cluster \(Self.seconds(signTime + clusterTime)) s")
        print("  CPU seconds: generate \(Self.round2(generateCPU))   sign \(Self.round2(signCPU))   cluster \(Self.round2(clusterCPU))   (on 2 idle cores sign+cluster ≈ \(Self.round2(signCPU / Double(workers) + clusterCPU)) s)")
        print("  pairwise precision \(score.precision) recall \(score.recall) F1 \(score.f1)")
    }

    // MARK: Helpers

    /// Wall-clock and thread CPU time of `body`. On a shared machine the CPU time is the fairer
    /// "one core" figure: it excludes the time other processes held the core.
    static func time(_ body: () -> Void) -> Timing {
        let clock = ContinuousClock()
        let cpuStart = threadCPUSeconds()
        let start = clock.now
        body()
        let wall = clock.now - start
        return Timing(wall: wall, cpuSeconds: threadCPUSeconds() - cpuStart)
    }

    struct Timing {
        var wall: Duration
        var cpuSeconds: Double
    }

    static func round2(_ x: Double) -> String { String(Double(Int(x * 100)) / 100) }

    static func processCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static func seconds(_ d: Duration) -> String {
        let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        return String(Double(Int(s * 100)) / 100)
    }

    /// "W docs/s wall (C per CPU-second)".
    static func rate(_ count: Int, _ t: Timing) -> String {
        let s = Double(t.wall.components.seconds) + Double(t.wall.components.attoseconds) / 1e18
        let wall = s > 0 ? Int(Double(count) / s) : 0
        let cpu = t.cpuSeconds > 0 ? Int(Double(count) / t.cpuSeconds) : 0
        return "\(wall) docs/s wall (\(cpu) per CPU-s)"
    }
}

/// Pairwise precision / recall / F1 of a clustering against gold groups.
public struct PairwiseScore: Sendable {
    public let precision: Double, recall: Double, f1: Double

    public init<G: Hashable, P: Hashable>(gold: [G], predicted: [P]) {
        var cells: [[AnyHashable]: Int] = [:]
        var goldSizes: [G: Int] = [:], predSizes: [P: Int] = [:]
        for i in gold.indices {
            cells[[AnyHashable(gold[i]), AnyHashable(predicted[i])], default: 0] += 1
            goldSizes[gold[i], default: 0] += 1
            predSizes[predicted[i], default: 0] += 1
        }
        func pairs(_ n: Int) -> Double { Double(n) * Double(n - 1) / 2 }
        let tp = cells.values.reduce(0) { $0 + pairs($1) }
        let goldPairs = goldSizes.values.reduce(0) { $0 + pairs($1) }
        let predPairs = predSizes.values.reduce(0) { $0 + pairs($1) }
        precision = predPairs == 0 ? 1 : tp / predPairs
        recall = goldPairs == 0 ? 1 : tp / goldPairs
        f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }
}
