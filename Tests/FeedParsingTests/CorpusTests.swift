import Foundation
import Testing
@testable import FeedParsing

/// Every file of ../shared/corpus/feeds parses without crashing and gives a consistent result.
/// Agreement with the oracle is measured by eval/feeds/compare.py, not here.
@Suite("Feed corpus")
struct CorpusTests {
    @Test("every corpus file parses to a consistent result (skipped when the corpus is absent)")
    func wholeCorpus() throws {
        guard let corpus = corpusDirectory() else {
            print("CorpusTests: ../shared/corpus/feeds not found next to the package; skipping the corpus run.")
            return
        }
        let files = FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: [.isRegularFileKey])!
            .compactMap { $0 as? URL }
            .filter { !$0.lastPathComponent.hasSuffix(".expected.json") && !$0.lastPathComponent.hasSuffix(".md") }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
        #expect(files.count > 1000)
        var feeds = 0
        for file in files {
            let data = try Data(contentsOf: file)
            do {
                let feed = try FeedParser.parse(data: data, url: "https://example.org/feed")
                if feed.isFeed { feeds += 1 }
                for entry in feed.entries {
                    #expect(!entry.stableID.isEmpty, "\(file.lastPathComponent): empty stable id")
                }
                #expect(FeedCorpusJSON.encode(feed).hasPrefix("{"), "\(file.lastPathComponent)")
            } catch FeedParsingError.emptyDocument {
                continue
            }
        }
        #expect(feeds > files.count * 9 / 10)
    }
}
