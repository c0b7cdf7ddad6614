import Foundation
import Testing
import TestSupport
@testable import Extraction

/// The extraction dev pages, read from `../shared/corpus/extraction` beside the package (never copied).
enum ExtractionCorpus {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // …/Tests/ExtractionTests/<file> → package
        return url.deletingLastPathComponent().appendingPathComponent("shared/corpus/extraction")
    }()

    static var isPresent: Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("aeb/html").path)
    }

    /// The first `limit` pages of a sub-corpus, uncompressed with gzip.
    static func pages(_ corpus: String, limit: Int) throws -> [(name: String, bytes: [UInt8])] {
        let folder = root.appendingPathComponent("\(corpus)/html")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html.gz") }.sorted()
        return try names.prefix(limit).map { name in
            let gzip = Process()
            gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
            gzip.arguments = ["-dc", folder.appendingPathComponent(name).path]
            let pipe = Pipe()
            gzip.standardOutput = pipe
            try ProcessLaunch.run(gzip)
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            gzip.waitUntilExit()
            return (name, [UInt8](data))
        }
    }
}

@Suite("MarkupReducer on real pages", .enabled(if: ExtractionCorpus.isPresent, "needs ../shared/corpus/extraction; skipped when absent"))
struct MarkupReducerCorpusTests {
    struct Comparison: Sendable {
        var differences: [String] = []
        var pages = 0
        var reducedPages = 0
    }

    /// Extracts every page twice, on a thread of its own: seconds of CPU and a gzip child per page must not
    /// hold one of Swift's cooperative threads (two on a 2-core machine) while other tests wait for them.
    static func compare(_ corpus: String, limit: Int) async throws -> Comparison {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                do {
                    var comparison = Comparison()
                    for page in try ExtractionCorpus.pages(corpus, limit: limit) {
                        comparison.pages += 1
                        let a = (try? ArticleExtractor.extract(html: page.bytes, url: "https://corpus.example/page"))?.article
                        let b = (try? ArticleExtractor.extract(html: page.bytes, url: "https://corpus.example/page",
                                                               reducingMarkup: false))?.article
                        if a?.text != b?.text { comparison.differences.append("\(page.name): text") }
                        if a?.title != b?.title || a?.byline != b?.byline || a?.published != b?.published
                            || a?.canonicalURL != b?.canonicalURL || a?.language != b?.language {
                            comparison.differences.append("\(page.name): metadata")
                        }
                        if page.bytes.withUnsafeBufferPointer(MarkupReducer.strip) != nil { comparison.reducedPages += 1 }
                    }
                    continuation.resume(returning: comparison)
                } catch {
                    continuation.resume(throwing: error)
                }
            }.start()
        }
    }

    @Test("article text and metadata are identical with and without the pre-pass", arguments: [("aeb", 60), ("trafilatura", 60)])
    func identicalOnRealPages(corpus: String, limit: Int) async throws {
        let comparison = try await Self.compare(corpus, limit: limit)
        #expect(comparison.pages == limit)
        #expect(comparison.differences.isEmpty, "\(comparison.differences)")
        #expect(comparison.reducedPages * 10 >= comparison.pages * 9, "the pre-pass should cut something on nearly every real page")
    }
}
