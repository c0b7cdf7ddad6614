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
