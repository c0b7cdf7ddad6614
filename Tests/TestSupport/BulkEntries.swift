import Foundation
import Storage

/// Many large entries in a store, to give a database some size (prune and vacuum tests).
public enum BulkEntries {
    /// `count` entries of about 4 KB each on `https://big.example/feed.xml`, first seen at `time`.
    public static func fill(_ store: any SyndicStore, count: Int, at time: Date) async throws {
        let url = "https://big.example/feed.xml"
        var feed = try await store.feed(matching: url)
        if feed == nil { feed = try await store.addFeed(url: url, now: time) }
        guard let feed else { return }
        let body = String(repeating: "<p>Words that take room in the database, and more of them.</p>", count: 64)
        let stamp = Int(time.timeIntervalSince1970)
        for batch in stride(from: 0, to: count, by: 250) {
            let drafts = (batch..<min(count, batch + 250)).map { i in
                EntryDraft(guid: "g\(stamp)-\(i)", url: "https://big.example/\(stamp)/\(i)", title: "Entry \(i)", author: nil,
                           publishedAt: nil, updatedAt: nil, summaryHTML: nil, contentHTML: body + String(i), contentHash: "h\(i)")
            }
            _ = try await store.upsertEntries(feedID: feed.id, drafts, now: time)
        }
    }
}
