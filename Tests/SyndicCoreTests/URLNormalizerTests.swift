import Foundation
import Testing
@testable import SyndicCore

@Suite("URL normalization")
struct URLNormalizerTests {
    @Test("equivalent spellings normalize to one", arguments: [
        ("HTTP://Example.ORG/feed.xml", "http://example.org/feed.xml"),
        ("https://example.org:443/a?b=C#frag", "https://example.org/a?b=C"),
        ("http://example.org:80", "http://example.org/"),
        ("http://example.org:8080/x", "http://example.org:8080/x"),
        ("  https://example.org/Feed  ", "https://example.org/Feed"),
    ])
    func normalizes(input: String, expected: String) throws {
        #expect(try URLNormalizer.normalize(input) == expected)
    }

    @Test("file paths become file URLs")
    func filePaths() throws {
        #expect(try URLNormalizer.normalize("/tmp/a/../feed.xml") == "file:///tmp/feed.xml")
    }

    @Test("dot segments are removed from http(s) and file URLs and paths (RFC 3986 §5.2.4)", arguments: [
        ("http://127.0.0.1:8080/nnw/../nnw/macworld.rss", "http://127.0.0.1:8080/nnw/macworld.rss"),
        ("https://example.org/a/./b/../c?x=/../y", "https://example.org/a/c?x=/../y"),
        ("https://example.org/a/b/..", "https://example.org/a/"),
        ("https://example.org/a/b/.", "https://example.org/a/b/"),
        ("https://example.org/../../a", "https://example.org/a"),
        ("https://example.org/..", "https://example.org/"),
        ("https://example.org/a/..b/.c/", "https://example.org/a/..b/.c/"),
        ("https://example.org/a/%2E%2E/b", "https://example.org/a/%2E%2E/b"),
        ("file:///srv/feeds/nnw/../nnw/macworld.rss", "file:///srv/feeds/nnw/macworld.rss"),
        ("file://localhost/srv/./a.xml", "file:///srv/a.xml"),
        ("/srv/feeds/nnw/../nnw/./macworld.rss", "file:///srv/feeds/nnw/macworld.rss"),
    ])
    func dotSegments(input: String, expected: String) throws {
        #expect(try URLNormalizer.normalize(input) == expected)
        #expect(try URLNormalizer.normalize(expected) == expected)
    }

    /// RFC 3986 §5.4's examples, as paths (the merge step done by hand).
    @Test("removingDotSegments follows the RFC's algorithm", arguments: [
        ("/a/b/c/./../../g", "/a/g"), ("mid/content=5/../6", "mid/6"), ("/a/b/c/../..", "/a/"),
        ("/a/b/c/g/", "/a/b/c/g/"), ("/./g", "/g"), ("/../g", "/g"), ("/a/b/c/g.", "/a/b/c/g."),
        ("/a/b/c/.g", "/a/b/c/.g"), ("/a/b/c/..g", "/a/b/c/..g"), ("/a/b/g/", "/a/b/g/"), ("", ""), ("/", "/"),
        ("/..//a", "//a"), ("../", ""), ("./a", "a"),
    ])
    func removeDotSegments(path: String, expected: String) {
        #expect(URLNormalizer.removingDotSegments(path) == expected)
        #expect(URLNormalizer.removingDotSegments(expected) == expected)
    }

    @Test("normalizing twice gives what normalizing once gives, for dot-laden and odd URLs")
    func idempotent() throws {
        let segments = ["", ".", "..", "a", "%2E", "..a", "b.", "%2e%2E", "?q=/../x", "#f/..", ";p"]
        var inputs: [String] = []
        for base in ["http://H.example", "https://h.example:443", "file://", "file://localhost", ""] {
            for a in segments { for b in segments { for c in segments { inputs.append(base + "/" + a + "/" + b + "/" + c) } } }
        }
        var checked = 0
        for input in inputs {
            guard let once = try? URLNormalizer.normalize(input) else { continue }
            checked += 1
            #expect(try URLNormalizer.normalize(once) == once, "\(input) → \(once)")
            let path = URLComponents(string: once)?.percentEncodedPath ?? once
            #expect(!(path + "/").contains("/../") && !(path + "/").contains("/./"), "\(input) → \(once)")
        }
        #expect(checked > inputs.count / 2)
    }

    @Test("unusable URLs are refused with the reason")
    func refusals() {
        #expect(throws: URLNormalizer.Failure.unsupportedScheme("ftp://x/y", scheme: "ftp")) {
            try URLNormalizer.normalize("ftp://x/y")
        }
        #expect(throws: URLNormalizer.Failure.notAURL("not a url")) { try URLNormalizer.normalize("not a url") }
        #expect(throws: URLNormalizer.Failure.missingHost("http:///path")) { try URLNormalizer.normalize("http:///path") }
    }
}

@Suite("Timestamps")
struct TimestampTests {
    @Test("RFC 3339 formatting matches known instants", arguments: [
        (Int64(0), "1970-01-01T00:00:00Z"),
        (Int64(951_782_400), "2000-02-29T00:00:00Z"),
        (Int64(1_796_189_682), "2026-12-02T05:34:42Z"),
        (Int64(-1), "1969-12-31T23:59:59Z"),
    ])
    func formats(seconds: Int64, expected: String) {
        #expect(Timestamp.rfc3339(unixSeconds: seconds) == expected)
        #expect(Timestamp.parseRFC3339(expected)?.timeIntervalSince1970 == Double(seconds))
    }

    @Test("durations parse with units and refuse garbage")
    func durations() {
        #expect(Timestamp.parseDuration("15m") == 900)
        #expect(Timestamp.parseDuration("7d") == 604_800)
        #expect(Timestamp.parseDuration("24x") == nil)
        #expect(Timestamp.parseDuration("") == nil)
    }
}
