import Dispatch
import Foundation

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

    /// Signatures of `texts`, in order, built on all cores (one builder per chunk of texts).
    public static func sign(_ texts: [String], configuration: DedupConfiguration = DedupConfiguration()) -> [DocumentSignature] {
        let chunks = min(texts.count, max(1, ProcessInfo.processInfo.activeProcessorCount) * 4)
        guard chunks > 1 else {
            var builder = SignatureBuilder(configuration: configuration)
            return texts.map { builder.signature(of: $0) }
        }
        var results = [DocumentSignature?](repeating: nil, count: texts.count)
        results.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var builder = SignatureBuilder(configuration: configuration)
                for i in stride(from: chunk, to: texts.count, by: chunks) { out[i] = builder.signature(of: texts[i]) }
            }
        }
        return results.map { $0! }
    }

    public static func cluster(_ texts: [(name: String, text: String)],
                               configuration: DedupConfiguration = DedupConfiguration()) -> Result {
        let signatures = sign(texts.map(\.text), configuration: configuration)
        let order = texts.indices.sorted {
            let a = signatures[$0].shingleCount, b = signatures[$1].shingleCount
            return a != b ? a > b : texts[$0].name < texts[$1].name
        }
        let clusterer = StoryClusterer(configuration: configuration, expectedDocuments: texts.count)
        var assignments = [Assignment](repeating: .newStory(storyKey: 0), count: texts.count)
        var merges: [StoryMerge] = []
        for (arrival, index) in order.enumerated() {
            assignments[index] = clusterer.add(document: Int64(index), signature: signatures[index],
                                               timestamp: Double(arrival), hasFullText: true)
            merges += clusterer.lastMerges
        }
        // A merge moves documents placed earlier: each one's story is read back at the end.
        let storyOf = texts.indices.map { Int(clusterer.storyKey(of: Int64($0)) ?? Int64($0)) }
        var keys: [Int64] = []
        var seen = Set<Int64>()
        for key in storyOf where seen.insert(Int64(key)).inserted { keys.append(Int64(key)) }
        var roundups: [Int: [Int]] = [:]
        for index in texts.indices {
            if let stories = clusterer.roundupOverlaps(of: Int64(index)) { roundups[index] = stories.map { Int($0) } }
        }
        return Result(storyOf: storyOf, assignments: assignments,
                      stories: keys.compactMap { clusterer.story($0) }, roundups: roundups, merges: merges)
    }
}
