/// A file attached to an entry: RSS `<enclosure>`, Atom `<link rel="enclosure">`, JSON Feed attachment.
public struct FeedEnclosure: Sendable, Hashable {
    /// Absolute URL when the feed URL or `xml:base` allowed resolving it, otherwise as written.
    public let url: String
    /// MIME type as written (e.g. `audio/mpeg`), nil when absent.
    public let type: String?
    /// Size in bytes, nil when absent or not a number.
    public let length: Int64?

    public init(url: String, type: String?, length: Int64?) {
        self.url = url
        self.type = type
        self.length = length
    }
}
