import FeedParsing
import Foundation
import Testing
@testable import Pipeline

/// Entry content hashes are stored: an unchanged entry is recognised by its hash, so a changed hash
/// function would report every stored entry as updated. The values below were computed once with the
/// formula as it stood before the hash moved to SyndicCore, and must not change.
@Suite("stored hashes of the pipeline (pinned)")
struct StoredHashTests {
    @Test("an entry's content hash")
    func contentHash() throws {
        let feed = try FeedParser.parse(bytes: Array("""
            <rss version="2.0"><channel><title>T</title>
            <item><title>Strike at the port</title><link>https://a.example/1</link><author>Jane Doe</author>
            <pubDate>Wed, 01 May 2024 12:00:00 GMT</pubDate>
            <description>&lt;p&gt;Dockworkers walked out.&lt;/p&gt;</description></item>
            <item><title>Zürich — 東京</title></item>
            </channel></rss>
            """.utf8))
        #expect(feed.entries.map { EntryDrafting.draft($0).contentHash } == ["8fb9a2f2699720b4", "14df0ed565a58ff9"])
    }
}
