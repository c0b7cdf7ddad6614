import Foundation
import Testing
@testable import Dedup

/// The labelled syndication corpus, read from `../shared/corpus/dedup` beside the package (never copied).
enum DedupCorpus {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }         // …/Tests/DedupTests/CorpusTests.swift → package
        return url.deletingLastPathComponent().appendingPathComponent("shared/corpus/dedup")
    }()

    static var isPresent: Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("labels.json").path)
    }
}

@Suite("Labelled corpus (texts)", .enabled(if: DedupCorpus.isPresent, "needs ../shared/corpus/dedup; skipped when absent"))
struct CorpusTests {
    @Test("texts cluster exactly as labelled (pairwise F1 = 1)")
    func textsClusterPerfectly() throws {
        let labelsData = try Data(contentsOf: DedupCorpus.root.appendingPathComponent("labels.json"))
        let labels = try #require(try JSONSerialization.jsonObject(with: labelsData) as? [String: [String: Any]])
        let folder = DedupCorpus.root.appendingPathComponent("texts")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        var documents: [(name: String, text: String)] = []
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            documents.append((String(file.dropLast(4)), text))
        }
        #expect(documents.count == labels.count)
        let result = BatchClustering.cluster(documents)
        let gold = documents.map { labels[$0.name]?["cluster"] as? String ?? "?" }
        let score = PairwiseScore(gold: gold, predicted: result.storyOf)
        #expect(score.precision == 1 && score.recall == 1, "P \(score.precision) R \(score.recall)")
    }
}
