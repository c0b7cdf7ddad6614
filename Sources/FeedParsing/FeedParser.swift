import CLibXML2
import Foundation

/// Feed bytes → `ParsedFeed`, for every format Syndic reads.
///
/// ```swift
/// let feed = try FeedParser.parse(data: body, url: "https://example.org/feed.xml", httpCharset: "utf-8")
/// for entry in feed.entries { print(entry.stableID, entry.title ?? "") }
/// ```
///
/// Liberal like feedparser: ill-formed documents are recovered and flagged `bozo` instead of rejected.
/// Thread-safe: every call uses its own libxml2 parser context.
public enum FeedParser {
    /// Bodies larger than this are refused (the fetcher caps bodies well below it).
    public static let maximumBytes = 64 << 20

    /// Parses one fetched feed body.
    /// - Parameters:
    ///   - data: the body bytes as fetched (any encoding, BOM or not).
    ///   - url: the feed's URL; relative links are resolved against it (and against `xml:base`).
    ///   - httpCharset: the `charset` of the HTTP `Content-Type`, which overrides the XML declaration.
    public static func parse(data: Data, url: String? = nil, httpCharset: String? = nil) throws(FeedParsingError) -> ParsedFeed {
        let result: Result<ParsedFeed, FeedParsingError> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            do throws(FeedParsingError) { return .success(try parse(bytes: bytes, url: url, httpCharset: httpCharset)) }
            catch { return .failure(error) }
        }
        return try result.get()
    }

    /// The same as `parse(data:url:httpCharset:)` for a byte array.
    public static func parse(bytes: [UInt8], url: String? = nil, httpCharset: String? = nil) throws(FeedParsingError) -> ParsedFeed {
        let result: Result<ParsedFeed, FeedParsingError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(FeedParsingError) { return .success(try parse(bytes: buffer, url: url, httpCharset: httpCharset)) }
            catch { return .failure(error) }
        }
        return try result.get()
    }

    /// The same for borrowed memory (no copy unless the bytes need repairing).
    public static func parse(bytes: UnsafeBufferPointer<UInt8>, url: String? = nil, httpCharset: String? = nil) throws(FeedParsingError) -> ParsedFeed {
        guard bytes.count <= maximumBytes else { throw .tooLarge(bytes: bytes.count, limit: maximumBytes) }
        guard let first = FeedSniffer.firstSignificantByte(bytes) else { throw .emptyDocument }
        if first == UInt8(ascii: "{") {
            return JSONFeedParser.parse(bytes)
        }
        let charset = CharsetDecision.decide(bytes, httpCharset: httpCharset)
        if let transcoded = charset.transcoded {
            return try transcoded.withUnsafeBufferPointer { buffer throws(FeedParsingError) in
                try parseXML(buffer, encoding: charset.override, url: url, utf8: true)
            }
        }
        return try parseXML(bytes, encoding: charset.override, url: url, utf8: charset.isVerifiedUTF8)
    }

    private static func parseXML(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String?, url: String?, utf8: Bool) throws(FeedParsingError) -> ParsedFeed {
        let repair = XMLInputRepair.repair(bytes, extractCDATA: utf8)
        let cdata = CDATASections(source: bytes, ranges: repair.cdata, stripNUL: repair.strippedNUL)
        if let repaired = repair.bytes {
            return try repaired.withUnsafeBufferPointer { buffer throws(FeedParsingError) in
                try SAXFeedReader.parse(buffer, encoding: encoding, documentURL: url, cdata: cdata)
            }
        }
        return try SAXFeedReader.parse(bytes, encoding: encoding, documentURL: url, cdata: cdata)
    }
}
