/// A subscription's own choice of when to fetch article pages for full text, set with
/// `syndic feeds edit --full-text`; it takes precedence over the poll's `--full-text` for that feed.
public enum FeedFullText: String, Sendable, CaseIterable {
    /// When the feed's own text is short (a summary or teaser).
    case auto
    /// For every new entry (a feed that only ever sends teasers).
    case always
    /// Never (a feed whose text is complete, or a site that refuses robots).
    case never
}
