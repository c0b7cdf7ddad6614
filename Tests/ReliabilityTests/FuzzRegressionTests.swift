import Extraction
import FeedParsing
import Foundation
import SyndicCore
import Testing
import TestSupport

/// Inputs that scripts/fuzz.sh found crashing, hanging or leaking, replayed through the real module APIs.
/// Each fixture lives in Fixtures/fuzz-regressions/, named after its target and what it triggered.
@Suite("fuzz regressions")
struct FuzzRegressionTests {
    /// The seed corpora of scripts/fuzz.sh, replayed through every target: all return.
    @Test("every seed of every fuzz target replays without a crash", arguments: ["feed", "html", "opml", "date", "url", "digest"])
    func seedsReplay(target: String) async throws {
        let folder = Reliability.packageRoot.appendingPathComponent("Tests/Fixtures/Fuzz/\(target)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { folder.appendingPathComponent($0).path }
        #expect(!files.isEmpty)
        let run = try await FuzzReplay.run(target: target, files: files)
        #expect(run.status == 0, "\(run.describe)")
        #expect(run.output.split(separator: "\n").filter { $0.contains(": ok (") }.count == files.count, "\(run.output)")
    }

    @Test("feed-leak-entity-decl: an internal entity declaration parses, and leaves no libxml2 document behind")
    func entityDeclarationLeak() async throws {
        let data = try Reliability.fixture("fuzz-regressions/feed-leak-entity-decl.xml")
        let parsed = try FeedParser.parse(data: data, url: "http://example.invalid/feed.xml")
        #expect(parsed.bozo, "the fuzzed input is not well-formed")

        // libxml2 builds a document for the entity declarations (SAX mode, "expat compatibility"), which
        // SAXFeedReader.parse never freed (~12 KB each).
        try await Self.expectNoLeak(feed: "feed-leak-entity-decl.xml")
    }

    @Test("url-percent25-not-idempotent: normalizing a URL twice gives the same URL as normalizing it once")
    func percentEncodedPercent() throws {
        let fuzzed = String(decoding: try Reliability.fixture("fuzz-regressions/url-percent25-not-idempotent.txt"), as: UTF8.self)
        // A file URL with a host is not a local file: refused (the fuzzer's input is one).
        #expect(throws: URLNormalizer.Failure.self) { try URLNormalizer.normalize("file://%2541/") }
        for input in [fuzzed, "http://Example.org/%2541", "http://%41.example/", "file:///tmp/%2541.xml"] {
            guard let once = try? URLNormalizer.normalize(input) else { continue }
            let twice = try URLNormalizer.normalize(once)
            #expect(twice == once, "\(input) → \(once) → \(twice)")
        }
    }

    @Test("url-file-relative-path: a file URL with a relative path (file:../) is refused, not normalized to file:// (which is then refused)")
    func fileURLWithRelativePath() throws {
        let fuzzed = String(decoding: try Reliability.fixture("fuzz-regressions/url-file-relative-path.txt"), as: UTF8.self)
        for input in [fuzzed, "file:..", "file:a/b.xml", "file:./x", "FILE:../../etc/passwd"] {
            #expect(throws: URLNormalizer.Failure.self, "\(input)") { try URLNormalizer.normalize(input) }
        }
        #expect(try URLNormalizer.normalize("file:/tmp/../feeds/a.xml") == "file:///feeds/a.xml")
        #expect(try URLNormalizer.normalize("file:///..") == "file:///")
        for input in ["file:/x/..", "file://localhost/a/./b", "file:///"] {
            let once = try URLNormalizer.normalize(input)
            #expect(try URLNormalizer.normalize(once) == once, "\(input) → \(once)")
        }
    }

    @Test("feed-iconv-leak: a feed in an iconv-backed encoding (windows-1251) leaves no converter behind")
    func iconvHandleLeak() async throws {
        let data = try Reliability.fixture("fuzz-regressions/feed-iconv-leak-windows-1251.xml")
        let parsed = try FeedParser.parse(data: data, url: "http://example.invalid/feed.xml")
        #expect(parsed.entries.count == 1)

        // Found as an out-of-memory in the feed target (iconv_open held 213 MB after 186,000 inputs).
        // CharsetDecision checks `xmlFindCharEncodingHandler(claimed) != nil` and never calls
        // xmlCharEncCloseFunc, so every iconv-backed charset (windows-1251, ISO-8859-2, KOI8-R, EUC-JP) leaks
        // one converter (about 12 KB) per parse; built-in ones (UTF-8, UTF-16, ASCII) do not.
        try await Self.expectNoLeak(feed: "feed-iconv-leak-windows-1251.xml")
    }

    /// Parses the fixture `name` 2,000 times in a child process (`SyndicFuzz feed`) and checks nothing leaks.
    /// A normal build judges by resident memory: it must grow by less than 1 MB (the leaks were about 12 KB a
    /// parse, 25 MB in all). Under AddressSanitizer resident memory measures ASan's allocator instead (its
    /// quarantine of freed blocks: 140-170 MB here without any leak), so LeakSanitizer judges: the child exits
    /// non-zero with a report when a block is left unreachable.
    static func expectNoLeak(feed name: String) async throws {
        let path = Reliability.packageRoot.appendingPathComponent("Tests/ReliabilityTests/Fixtures/fuzz-regressions/\(name)").path
        if Sanitizer.name == "address" {
            let run = try await FuzzReplay.run(target: "feed", files: [path], environment: ["SYNDIC_FUZZ_REPEAT": "2000", "ASAN_OPTIONS": "detect_leaks=1"])
            #expect(run.status == 0 && !run.output.contains("LeakSanitizer"), "\(run.describe)")
            return
        }
        let run = try await FuzzReplay.run(target: "feed", files: [path], environment: ["SYNDIC_FUZZ_REPEAT": "2000", "ASAN_OPTIONS": "detect_leaks=0"])
        #expect(run.status == 0, "\(run.describe)")
        let growth = run.output.split(separator: "heap-growth=").last.flatMap { Int($0.prefix { $0.isNumber || $0 == "-" }) }
        let bytes = try #require(growth, "\(run.output)")
        #expect(bytes < 1_000_000, "heap grew by \(bytes) bytes over 2,000 parses")
    }

    @Test("date-zone-offset-overflow: a numeric zone with dozens of digits is refused, not an arithmetic overflow")
    func zoneOffsetOverflow() throws {
        let text = String(decoding: try Reliability.fixture("fuzz-regressions/date-zone-offset-overflow.txt"), as: UTF8.self)
        #expect(FeedDate.parse(text) == nil)
        #expect(FeedDate.parse("Mon, 02 Mar 2026 10:00:00 -99999999999999999999999") == nil)
        #expect(FeedDate.parse("Mon, 02 Mar 2026 10:00:00 -0500") != nil)
    }

    @Test("feed-ttl-overflow: a <ttl> of -555555555555555555 minutes is ignored, not an arithmetic overflow")
    func ttlOverflow() throws {
        let parsed = try FeedParser.parse(bytes: Array(try Reliability.fixture("fuzz-regressions/feed-ttl-overflow.xml")), url: "https://fuzz.example/feed")
        #expect(parsed.ttlMinutes == nil && parsed.updateInterval == nil)
        func rss(ttl: String) -> [UInt8] {
            Array("<rss version=\"2.0\"><channel><title>t</title><ttl>\(ttl)</ttl></channel></rss>".utf8)
        }
        for hostile in ["999999999999999999", "-5", "9223372036854775807"] {
            let feed = try FeedParser.parse(bytes: rss(ttl: hostile), url: "https://fuzz.example/feed")
            #expect(feed.ttlMinutes == nil && feed.updateInterval == nil, "ttl \(hostile)")
        }
        let sane = try FeedParser.parse(bytes: rss(ttl: "90"), url: "https://fuzz.example/feed")
        #expect(sane.ttlMinutes == 90 && sane.updateInterval?.seconds == 5_400)
    }
}
