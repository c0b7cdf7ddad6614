import Foundation

/// The rule that keeps a feed's old items out of "new": an entry whose feed dates it more than the
/// poll's window (`--window`, 7 days) before Syndic first sees it is backlog.
///
/// Backlog is what a feed's first poll brings (a blog's posts of years past), and what a feed adds
/// with an old date later. It is stored and placed in stories like any entry, so `syndic story`, the
/// web view and `--since all` show it under its real date, but a poll does not count it as new
/// (`entries: N new, M backlog`) nor its stories as new or grown, and since listings and digests
/// select stories by published time, `--since 24h` does not list it either. An entry without a date
/// counts as published when first seen, so it is never backlog.
enum Backlog {
    static func contains(published: Date?, firstSeenAt: Date, window: TimeInterval) -> Bool {
        guard let published else { return false }
        return published < firstSeenAt.addingTimeInterval(-window)
    }
}
