import Foundation
import Testing
@testable import Digest

/// Leads from real news texts: the dedup corpus's story texts (headline, blank line, paragraphs).
/// Reads `../shared/corpus/dedup/texts` relative to the package root; skipped when absent.
@Suite("Leads on the corpus")
struct CorpusLeadTests {
    static let textsFolder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus/dedup/texts")

    static var available: Bool { FileManager.default.fileExists(atPath: textsFolder.path) }

    @Test("every story text gives a lead of 1-3 whole sentences within the budget",
          .enabled(if: available, "corpus not found at ../shared/corpus/dedup/texts"))
    func corpusLeads() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.textsFolder.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(files.count > 100)
        var cut = 0, endsCleanly = 0, sentenceCounts = [0, 0, 0, 0]
        for file in files {
            let text = try String(contentsOf: Self.textsFolder.appendingPathComponent(file), encoding: .utf8)
            let parts = text.components(separatedBy: "\n\n")
            let headline = parts.first ?? ""
            let lead = Lead.make(articleText: parts.dropFirst().joined(separator: "\n\n"), contentHTML: nil, summaryHTML: nil,
                                 headline: headline)
            #expect(!lead.isEmpty, "\(file)")
            #expect(lead.count <= 361, "\(file)")
            if lead.hasSuffix("…") { cut += 1; continue }
            let count = SentenceSplitter.sentences(in: lead).count
            sentenceCounts[min(count, 3)] += 1
            if let last = lead.last, ".!?\"”’)".contains(last) { endsCleanly += 1 }
        }
        let whole = files.count - cut
        print("corpus leads: \(files.count) texts, \(cut) first sentences cut, of the rest \(endsCleanly) end with sentence punctuation; sentences 1/2/3: \(sentenceCounts[1])/\(sentenceCounts[2])/\(sentenceCounts[3])")
        #expect(Double(endsCleanly) >= 0.9 * Double(whole))
        #expect(cut <= files.count / 10)
    }
}
