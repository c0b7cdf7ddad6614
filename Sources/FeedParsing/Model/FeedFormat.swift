/// The syndication family a document belongs to, as the corpus schema names it.
public enum FeedFormat: String, Sendable, Hashable, Codable {
    case rss
    case rdf
    case atom
    case json
}
