import Foundation
import Testing
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
            try gzip.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            gzip.waitUntilExit()
            return (name, [UInt8](data))
        }
    }
}

@Suite("MarkupReducer on real pages", .enabled(if: ExtractionCorpus.isPresent, "needs ../shared/corpus/extraction; skipped when absent"))
struct MarkupReducerCorpusTests {
    @Test("article text and metadata are identical with and without the pre-pass", arguments: [("aeb", 125), ("trafilatura", 100)])
    func identicalOnRealPages(corpus: String, limit: Int) throws {
        let pages = try ExtractionCorpus.pages(corpus, limit: limit)
        #expect(pages.count == limit)
        var reducedPages = 0
        for page in pages {
            let reduced = try? ArticleExtractor.extract(html: page.bytes, url: "https://corpus.example/page")
            let full = try? ArticleExtractor.extract(html: page.bytes, url: "https://corpus.example/page", reducingMarkup: false)
            let a = reduced?.article, b = full?.article
            #expect(a?.text == b?.text, "\(page.name): text differs")
            #expect(a?.title == b?.title && a?.byline == b?.byline && a?.published == b?.published
                    && a?.canonicalURL == b?.canonicalURL && a?.language == b?.language, "\(page.name): metadata differs")
            if page.bytes.withUnsafeBufferPointer(MarkupReducer.strip) != nil { reducedPages += 1 }
        }
        #expect(reducedPages * 10 >= pages.count * 9, "the pre-pass should cut something on nearly every real page")
    }
}
