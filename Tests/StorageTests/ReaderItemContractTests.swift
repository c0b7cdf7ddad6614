import Foundation
import Storage
import Testing
import TestSupport

/// The reader APIs' streams (``ReaderItemStore``) on every backend: deduplicated story streams,
/// per-feed entry streams, keyset paging, filters and counts.
@Suite("Store contract: reader streams")
struct ReaderItemContractTests {
    @Test("a stories stream has one item per story (the representative, else the earliest allowed copy); entries streams every entry",
          arguments: TestStores.backends)
    func streams(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        var seed = Seed(store)
        let bridge = try await seed.story([("a.org", "Bridge A"), ("b.org", "Bridge B")], at: Clock.base)
        let other = try await seed.story([("a.org", "Other")], at: Clock.at(hours: 1))
        let third = try await seed.story([("c.org", "Third")], at: Clock.at(hours: 2))
        let copies = try await store.story(id: bridge).summary.copies.map(\.entryID)
        let user = try await store.defaultUser()
        let view = ReaderView(user: user)

        let all = try await store.readerItemRefs(ReaderItemQuery(reader: view, scope: .stories(feedIDs: nil)))
        #expect(all.map(\.entryID) == [third, other, bridge], "newest story first, the bridge once as its representative")
        #expect(try await store.readerItemRefs(ReaderItemQuery(reader: view, scope: .stories(feedIDs: nil), order: .oldestFirst))
                    .map(\.entryID) == [bridge, other, third])
        let b = try await seed.feed("b.org")
        #expect(try await store.readerItemRefs(ReaderItemQuery(reader: view, scope: .stories(feedIDs: [b]))).map(\.entryID) == [copies[1]],
                "b.org alone: its own copy stands for the story")
        let entries = try await store.readerItemRefs(ReaderItemQuery(reader: view, scope: .entries(feedIDs: nil), order: .idAscending))
        #expect(entries.map(\.entryID) == [copies[0], copies[1], other, third].sorted())
        #expect(try await store.readerItemCount(ReaderItemQuery(reader: view, scope: .stories(feedIDs: nil))) == 3)

        // Keyset paging: one item at a time through the cursor gives the whole stream once.
        var seen: [Int64] = []
        var query = ReaderItemQuery(reader: view, scope: .stories(feedIDs: nil), limit: 1)
        while let ref = try await store.readerItemRefs(query).first, seen.count < 10 {
            seen.append(ref.entryID)
            query.after = ref.cursor(in: query.scope)
        }
        #expect(seen == [third, other, bridge])

        // Read state follows the story: mark the b.org copy, both copies are read.
        try await store.markEntries(userID: user.id, entryIDs: [copies[1]], read: true, now: Clock.at(hours: 3))
        var unread = view; unread.filter = .unread
        #expect(try await store.readerItemRefs(ReaderItemQuery(reader: unread, scope: .entries(feedIDs: nil), order: .idAscending))
                    .map(\.entryID) == [other, third])
        let counts = try await store.readerUnreadCounts(view)
        #expect(counts.map(\.count).reduce(0, +) == 2 && !counts.contains { $0.feedID == b })

        // Items: the entry, its state and the story's other copies.
        let items = try await store.readerItems(entryIDs: [copies[0], 9_999], reader: view)
        #expect(items.count == 1 && items[0].isRead && items[0].otherCopies.map(\.entryID) == [copies[1]])
        #expect(items[0].feedURL == "https://a.org/feed.xml")
        // Labels on stories: the item carries them; a stories stream with storyLabel adds the labelled
        // stories to its feeds' (here: c.org's feeds hold `third`, `other` is labelled).
        try await store.labelStories(userID: user.id, storyIDs: [other, 9_999], label: "Keep", labelled: true, now: Clock.at(hours: 3))
        #expect(try await store.labelStories(userID: user.id, storyIDs: [other], label: "Keep", labelled: true, now: Clock.at(hours: 4)).isEmpty,
                "labelling twice is harmless")
        #expect(try await store.readerItems(entryIDs: [other], reader: view).first?.labels == ["Keep"])
        #expect(try await store.storyLabelNames(userID: user.id).map(\.label) == ["Keep"])
        let c = try await seed.feed("c.org")
        let labelStream = ReaderItemQuery(reader: view, scope: .stories(feedIDs: [c]), storyLabel: "Keep")
        #expect(try await store.readerItemRefs(labelStream).map(\.entryID) == [third, other])
        #expect(try await store.readerItemCount(labelStream) == 2)
        try await store.labelStories(userID: user.id, storyIDs: [other], label: "Keep", labelled: false, now: Clock.at(hours: 5))
        #expect(try await store.storyLabels(userID: user.id, storyIDs: [other]).isEmpty)
        #expect(try await store.readerItemRefs(labelStream).map(\.entryID) == [third])

        // 600 ids, over one IN list (512) and padded in each: every existing entry once, no other.
        let present: [Int64] = [copies[0], copies[1], other, third]
        let many: [Int64] = (0..<600).map { (i: Int) -> Int64 in i % 3 == 0 ? present[i % 4] : Int64(100_000 + i) }
        let found = try await store.readerItems(entryIDs: many, reader: view).map(\.entry.id)
        #expect(found.sorted() == present.sorted(), "\(found)")

        // Time bounds.
        let newer = try await store.readerItemRefs(ReaderItemQuery(reader: view, scope: .stories(feedIDs: nil), newerThan: Clock.at(hours: 0.5)))
        #expect(newer.map(\.entryID) == [third, other])
        #expect(try await store.readerItemRefs(ReaderItemQuery(reader: view, scope: .entries(feedIDs: nil), order: .idDescending, idBelow: third))
                    .map(\.entryID) == [other, copies[1], copies[0]].sorted(by: >))
    }

    @Test("a user's streams hold only their subscriptions, titled their way", arguments: TestStores.backends)
    func subscribedOnly(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        var seed = Seed(store)
        let bridge = try await seed.story([("a.org", "Bridge A"), ("b.org", "Bridge B")], at: Clock.base)
        _ = try await seed.story([("a.org", "Other")], at: Clock.at(hours: 1))
        let copies = try await store.story(id: bridge).summary.copies.map(\.entryID)
        let ann = try await store.addUser(name: "ann", passwordHash: nil, now: Clock.base)
        try await store.subscribe(userID: ann.id, feedID: try await seed.feed("b.org"), title: "Bee", tags: [], now: Clock.base)
        let view = ReaderView(user: ann)
        #expect(try await store.readerItemRefs(ReaderItemQuery(reader: view, scope: .stories(feedIDs: nil))).map(\.entryID) == [copies[1]])
        let items = try await store.readerItems(entryIDs: [copies[1]], reader: view)
        #expect(items.first?.feedTitle == "Bee")
        #expect(items.first?.otherCopies.first?.feedTitle == "A.ORG")
    }
}
