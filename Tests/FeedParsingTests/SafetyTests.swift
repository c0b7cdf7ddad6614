import Foundation
import Testing
@testable import FeedParsing

/// Hostile documents: no entity expansion, no file or network access, bounded depth.
@Suite("Parser safety")
struct SafetyTests {
    @Test("billion laughs: entities are never expanded (well under 10 MB and 1 s)")
    func billionLaughs() throws {
        var dtd = "<!DOCTYPE rss [<!ENTITY lol0 \"lol\">"
        for level in 1...9 {
            dtd += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        dtd += "]>"
        let xml = "<?xml version=\"1.0\"?>" + dtd + "<rss version=\"2.0\"><channel><item><title>&lol9;</title><description>&lol9;&lol9;</description></item></channel></rss>"
        let start = Date()
        let feed = try parse(xml)
        #expect(Date().timeIntervalSince(start) < 1.0)
        let produced = (feed.entries.first?.title?.utf8.count ?? 0) + (feed.entries.first?.summary?.utf8.count ?? 0)
        #expect(produced < 10_000_000)
        #expect(produced < 100, "entity references must not be expanded")
        #expect(feed.entries.count == 1)
    }

    @Test("external entities are not loaded")
    func externalEntity() throws {
        let xml = """
        <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <rss version="2.0"><channel><item><title>&xxe;x</title></item></channel></rss>
        """
        let title = try parse(xml).entries.first?.title ?? ""
        #expect(!title.contains("root:"))
    }

    @Test("deep nesting is bounded, not a crash")
    func deepNesting() throws {
        let depth = 100_000
        let xml = "<rss version=\"2.0\"><channel><item><title>ok</title></item>" + String(repeating: "<x>", count: depth)
            + String(repeating: "</x>", count: depth) + "</channel></rss>"
        let feed = try parse(xml)
        #expect(feed.entries.first?.title == "ok")
        #expect(feed.bozo)
    }

    @Test("a very long text is handled linearly")
    func longText() throws {
        let body = String(repeating: "word &amp; ", count: 200_000)
        let feed = try parse("<rss version=\"2.0\"><channel><item><description>\(body)</description></item></channel></rss>")
        #expect(feed.entries.first?.summary?.utf8.count == 200_000 * 7)
    }
}

@Suite("Concurrency")
struct ConcurrencyTests {
    @Test("parsing from many threads at once gives the same result as one thread")
    func concurrentParses() throws {
        let xml = Array(RSSParsingTests.podcast.utf8)
        let expected = try FeedParser.parse(bytes: xml).entries.map(\.stableID)
        let results = ResultBox(count: 64)
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            results.set(i, (try? FeedParser.parse(bytes: xml))?.entries.map(\.stableID))
        }
        for i in 0..<64 { #expect(results.get(i) == expected) }
    }
}

/// A lock-protected array the concurrent iterations write into.
final class ResultBox: @unchecked Sendable {
    private var values: [[String]?]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: [String]?) { lock.lock(); values[i] = value; lock.unlock() }
    func get(_ i: Int) -> [String]? { lock.lock(); defer { lock.unlock() }; return values[i] }
}
