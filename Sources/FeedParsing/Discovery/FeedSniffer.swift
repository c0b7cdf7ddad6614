/// Cheap content sniffing: is a fetched body a feed, or a web page that may link to one?
public enum FeedSniffer {
    /// True when the body looks like RSS, RDF, Atom or JSON Feed (looks at the first 1 KiB only).
    ///
    /// `syndic feeds add` uses it to decide between parsing the body as a feed and running
    /// `FeedDiscovery.feedLinks` on it as a page.
    public static func looksLikeFeed(_ bytes: some Collection<UInt8>) -> Bool {
        let head = Array(bytes.prefix(1024))
        return head.withUnsafeBufferPointer { buffer -> Bool in
            guard let first = firstSignificantByte(buffer) else { return false }
            let text = String(decoding: buffer, as: UTF8.self).lowercased()
            if first == UInt8(ascii: "{") { return text.contains("jsonfeed.org/version") }
            if text.contains("<html") || text.contains("<!doctype html") { return false }
            return text.contains("<rss") || text.contains("<rdf:rdf") || text.contains("<feed")
                || text.contains("<channel") || text.contains("purl.org/rss/1.0")
        }
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
