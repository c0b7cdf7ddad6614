/// Content sniffing: is a fetched body a feed, or a web page that may link to one?
public enum FeedSniffer {
    /// True when the body is RSS, RDF, Atom or JSON Feed: decided by parsing it, as `syndic parse` and a
    /// poll read it, never by byte patterns (JSON may spell `https://jsonfeed.org/version/1` as
    /// `https:\/\/jsonfeed.org\/version\/1`, XML may declare its namespaces anywhere).
    ///
    /// `syndic feeds add` uses it to decide between subscribing to the body and running
    /// `FeedDiscovery.feedLinks` on it as a page.
    public static func looksLikeFeed(_ bytes: some Collection<UInt8>, url: String? = nil, httpCharset: String? = nil) -> Bool {
        parsedFeed(Array(bytes), url: url, httpCharset: httpCharset) != nil
    }

    /// The body parsed as a feed, or nil when it is not one (a web page, an API answer, nothing).
    public static func parsedFeed(_ bytes: [UInt8], url: String? = nil, httpCharset: String? = nil) -> ParsedFeed? {
        guard let parsed = try? FeedParser.parse(bytes: bytes, url: url, httpCharset: httpCharset), parsed.isFeed else {
            return nil
        }
        return parsed
    }

    /// The first byte that is not a BOM or whitespace, nil for an empty body.
    static func firstSignificantByte(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
        var i = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        while i < bytes.count {
            let b = bytes[i]
            if b != 0x20, b != 0x0A, b != 0x0D, b != 0x09, b != 0 { return b }
            i += 1
        }
        return nil
    }
}
