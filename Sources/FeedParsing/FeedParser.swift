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
        let encoding = encodingOverride(bytes, httpCharset: httpCharset)
        if let repaired = XMLInputRepair.repair(bytes) {
            return try repaired.withUnsafeBufferPointer { buffer throws(FeedParsingError) in
                try SAXFeedReader.parse(buffer, encoding: encoding, documentURL: url)
            }
        }
        return try SAXFeedReader.parse(bytes, encoding: encoding, documentURL: url)
    }

    /// The encoding to force on libxml2, or nil to let it follow the BOM and XML declaration.
    ///
    /// - an HTTP charset wins over the declaration (RFC 3023), unless a BOM says otherwise;
    /// - a declaration libxml2 cannot decode, or plain US-ASCII (which real feeds violate), is read as
    ///   UTF-8; libxml2 then falls back to ISO-8859-1 for bytes that are not UTF-8.
    static func encodingOverride(_ bytes: UnsafeBufferPointer<UInt8>, httpCharset: String?) -> String? {
        let hasBOM = bytes.count >= 2 && ((bytes[0] == 0xEF && bytes.count >= 3 && bytes[1] == 0xBB && bytes[2] == 0xBF)
            || (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE))
        if hasBOM { return nil }
        if let httpCharset = httpCharset?.trimmingCharacters(in: .whitespaces), !httpCharset.isEmpty,
           xmlFindCharEncodingHandler(httpCharset) != nil {
            return httpCharset
        }
        guard let declared = XMLInputRepair.declaredEncoding(bytes) else { return nil }
        switch declared.lowercased() {
        case "us-ascii", "ascii", "iso-646", "iso646-us", "ansi_x3.4-1968":
            return "UTF-8"
        default:
            return xmlFindCharEncodingHandler(declared) == nil ? "UTF-8" : nil
        }
    }
}
