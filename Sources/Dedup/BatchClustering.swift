import Dispatch
import Foundation
import Synchronization

/// Clusters a finished collection of texts at once (`syndic dedup`, tests, the dev-set score).
///
/// Longer documents are added first (ties by name) so each story's representative is its
/// fullest copy and every shorter copy is checked against it.
public enum BatchClustering {
    public struct Result: Sendable {
        /// Index (into the input) of each document's story key document.
        public var storyOf: [Int]
        /// How each document was assigned.
        public var assignments: [Assignment]
        public var stories: [StorySnapshot]
        /// For each document kept apart as a roundup, the (input indices of the) story keys it
        /// shares one paragraph each with.
        public var roundups: [Int: [Int]]
        /// Stories found to be one by a later document that was a near-whole copy of both, in order.
        public var merges: [StoryMerge] = []
    }

    /// Threads ``sign(count:threads:configuration:text:)`` uses by default: one per active core.
    public static var defaultThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Signatures of `texts`, in order, built on all cores (one builder per thread).
    public static func sign(_ texts: [String], configuration: DedupConfiguration = DedupConfiguration()) -> [DocumentSignature] {
        sign(count: texts.count, configuration: configuration) { texts[$0] }
    }

    /// Signatures of documents `0..<count`, in order, built on `threads` threads: each thread has
    /// its own ``SignatureBuilder`` and takes the next block of documents from a shared counter,
    /// calling `text(i)` (which may read a file) and signing it. A signature depends only on its
    /// text, so the result is the same for any number of threads (tested); only the work is spread.
    ///
    /// `text` is called once per document, from several threads at once: it must be safe for that.
    public static func sign(count: Int, threads: Int = defaultThreads,
                            configuration: DedupConfiguration = DedupConfiguration(),
                            text: (Int) -> String) -> [DocumentSignature] {
        let workers = min(max(1, threads), max(1, count / blockSize))
        guard workers > 1 else {
            var builder = SignatureBuilder(configuration: configuration)
            return (0..<count).map { builder.signature(of: text($0)) }
        }
        return withoutActuallyEscaping(text) { text in
            nonisolated(unsafe) let text = text
            let next = Atomic<Int>(0)
            return [DocumentSignature](unsafeUninitializedCapacity: count) { buffer, initialized in
                nonisolated(unsafe) let out = buffer
                DispatchQueue.concurrentPerform(iterations: workers) { _ in
                    var builder = SignatureBuilder(configuration: configuration)
                    while true {
                        let start = next.wrappingAdd(blockSize, ordering: .relaxed).oldValue
                        guard start < count else { break }
                        for i in start..<min(count, start + blockSize) {
                            (out.baseAddress! + i).initialize(to: builder.signature(of: text(i)))
                        }
                    }
                }
                initialized = count
            }
        }
    }

    /// Documents a signing thread takes at a time: large enough that the shared counter is rare,
    /// small enough that both threads finish together.
    static let blockSize = 16

    public static func cluster(_ texts: [(name: String, text: String)],
                               configuration: DedupConfiguration = DedupConfiguration()) -> Result {
        cluster(names: texts.map(\.name), signatures: sign(texts.map(\.text), configuration: configuration),
                configuration: configuration)
    }

    /// Clusters documents already signed (``sign(count:threads:configuration:text:)``) on one
    /// thread: longest first, ties by name, so the result does not depend on how they were signed.
    public static func cluster(names: [String], signatures: [DocumentSignature],
                               configuration: DedupConfiguration = DedupConfiguration()) -> Result {
        precondition(names.count == signatures.count, "one name per signature")
        let order = names.indices.sorted {
            let a = signatures[$0].shingleCount, b = signatures[$1].shingleCount
            return a != b ? a > b : names[$0] < names[$1]
        }
        let clusterer = StoryClusterer(configuration: configuration, expectedDocuments: names.count)
        var assignments = [Assignment](repeating: .newStory(storyKey: 0), count: names.count)
        var merges: [StoryMerge] = []
        for (arrival, index) in order.enumerated() {
            assignments[index] = clusterer.add(document: Int64(index), signature: signatures[index],
                                               timestamp: Double(arrival), hasFullText: true)
            merges += clusterer.lastMerges
        }
        // A merge moves documents placed earlier: each one's story is read back at the end.
        let storyOf = names.indices.map { Int(clusterer.storyKey(of: Int64($0)) ?? Int64($0)) }
        var keys: [Int64] = []
        var seen = Set<Int64>()
        for key in storyOf where seen.insert(Int64(key)).inserted { keys.append(Int64(key)) }
        var roundups: [Int: [Int]] = [:]
        for index in names.indices {
            if let stories = clusterer.roundupOverlaps(of: Int64(index)) { roundups[index] = stories.map { Int($0) } }
        }
        return Result(storyOf: storyOf, assignments: assignments,
                      stories: keys.compactMap { clusterer.story($0) }, roundups: roundups, merges: merges)
    }
}
