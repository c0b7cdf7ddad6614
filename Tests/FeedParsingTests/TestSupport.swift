import Foundation
@testable import FeedParsing

/// Parses an inline fixture (UTF-8 string) and fails the test on a thrown error.
func parse(_ xml: String, url: String? = nil, httpCharset: String? = nil) throws -> ParsedFeed {
    try FeedParser.parse(bytes: Array(xml.utf8), url: url, httpCharset: httpCharset)
}

/// Parses raw bytes.
func parse(bytes: [UInt8], url: String? = nil, httpCharset: String? = nil) throws -> ParsedFeed {
    try FeedParser.parse(bytes: bytes, url: url, httpCharset: httpCharset)
}

/// `2024-05-01T12:00:00Z` for an optional date (nil stays nil), for readable expectations.
func iso(_ date: Date?) -> String? {
    date.map { SyndicISO.format($0) }
}

enum SyndicISO {
    static func format(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970)
        return unixString(seconds)
    }

    static func unixString(_ seconds: Int64) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}

/// The corpus folder `../shared/corpus/feeds` next to the package, or nil when it is not there.
func corpusDirectory() -> URL? {
    var root = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { root.deleteLastPathComponent() } // Tests/FeedParsingTests/TestSupport.swift → package root
    let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpus/feeds")
    return FileManager.default.fileExists(atPath: corpus.path) ? corpus : nil
}
