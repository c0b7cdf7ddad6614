import Foundation
import Storage
import Testing
import TestSupport

@Suite("Store contract: entries, articles, signatures")
struct EntryStoreContractTests {
    static func draft(_ guid: String, title: String, hash: String, url: String? = nil) -> EntryDraft {
        EntryDraft(guid: guid, url: url ?? "https://a.org/\(guid)", title: title, author: "Ann Author",
                   publishedAt: Clock.at(hours: -2), updatedAt: Clock.at(hours: -1), summaryHTML: "<p>sum</p>",
                   contentHTML: "<p>body ✓</p>", contentHash: hash)
    }

    @Test("upsert: new, unchanged and updated by content hash; a repeated id in one batch is stored once",
          arguments: TestStores.backends)
    func upsert(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        let feed = try await store.addFeed(url: "https://a.org/feed.xml")
        let first = try await store.upsertEntries(feedID: feed.id, [Self.draft("1", title: "One", hash: "h1"),
                                                                    Self.draft("2", title: "Two", hash: "h2"),
                                                                    Self.draft("1", title: "One again", hash: "hx")], now: Clock.base)
        guard case .new(let one) = first[0], case .new(let two) = first[1] else { Issue.record("not new: \(first)"); return }
        #expect(first.count == 2)
        let stored = try #require(try await store.entry(id: one))
        #expect(stored.feedID == feed.id && stored.guid == "1" && stored.title == "One" && stored.author == "Ann Author")
        #expect(stored.url == "https://a.org/1" && stored.contentHTML == "<p>body ✓</p>" && stored.summaryHTML == "<p>sum</p>")
        #expect(stored.publishedAt == Clock.at(hours: -2) && stored.updatedAt == Clock.at(hours: -1))
        #expect(stored.firstSeenAt == Clock.base && stored.lastSeenAt == Clock.base && stored.storyID == nil)

        let later = Clock.at(hours: 1)
        let second = try await store.upsertEntries(feedID: feed.id, [Self.draft("1", title: "One", hash: "h1"),
                                                                     Self.draft("2", title: "Two, edited", hash: "h2b")], now: later)
        #expect(second == [.unchanged(entryID: one), .updated(entryID: two)])
        let touched = try #require(try await store.entry(id: one))
        #expect(touched.firstSeenAt == Clock.base && touched.lastSeenAt == later)
        #expect(try await store.entry(id: two)?.title == "Two, edited")
        #expect(try await store.entryCount() == 2)
        #expect(Set(try await store.entries(ids: [two, one, 999_999]).map(\.id)) == [one, two])
        #expect(try await store.entries(ids: []).isEmpty)
        #expect(try await store.entry(id: 999_999) == nil)
    }

    @Test("the fields cut to their size caps are stored with the entry and follow its updates", arguments: TestStores.backends)
    func cutFields(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        let feed = try await store.addFeed(url: "https://a.org/feed.xml")
        var cut = Self.draft("1", title: "Long", hash: "h1")
        cut.cutFields = [.title, .content]
        let ids = try await store.upsertEntries(feedID: feed.id, [cut, Self.draft("2", title: "Short", hash: "h2")], now: Clock.base)
        #expect(try await store.entry(id: ids[0].entryID)?.cutFields == [.title, .content])
        #expect(try await store.entry(id: ids[1].entryID)?.cutFields == [])
        var whole = Self.draft("1", title: "Short now", hash: "h1b")
        whole.cutFields = []
        _ = try await store.upsertEntries(feedID: feed.id, [whole], now: Clock.at(hours: 1))
        #expect(try await store.entry(id: ids[0].entryID)?.cutFields == [], "an update that fits clears the record")
        #expect(try await store.entries(ids: [ids[0].entryID]).first?.cutFields == [])
    }

    @Test("an article is saved, replaced, and gives the entry its canonical URL", arguments: TestStores.backends)
    func articles(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        var seed = Seed(store)
        let id = try await seed.entry("a.org", title: "A", at: Clock.base)
        #expect(try await store.article(entryID: id) == nil)
        let failed = StoredArticle(entryID: id, finalURL: "https://a.org/x", status: .failed, error: "HTTP 500", fetchedAt: Clock.base)
        try await store.saveArticle(failed)
        #expect(try await store.article(entryID: id) == failed)
        let ok = StoredArticle(entryID: id, finalURL: "https://a.org/x?utm=1", canonicalURL: "https://a.org/x", title: "A",
                               byline: "By Ann", publishedAt: Clock.at(hours: -3), language: "en", text: "Text.\n\nMore text.",
                               status: .ok, fetchedAt: Clock.at(hours: 1))
        try await store.saveArticle(ok)
        #expect(try await store.article(entryID: id) == ok)
        #expect(try await store.entry(id: id)?.canonicalURL == "https://a.org/x")
    }

    @Test("a signature's bytes come back exactly, and saving again replaces it", arguments: TestStores.backends)
    func signatures(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        var seed = Seed(store)
        let id = try await seed.entry("a.org", title: "A", at: Clock.base)
        #expect(try await store.signature(entryID: id) == nil)
        let bytes: [UInt8] = [0, 255, 1, 0, 0, 128] + (0..<1000).map { UInt8($0 % 256) }
        let signature = StoredSignature(entryID: id, minhash: bytes, shingleCount: 321, source: .summary, fullText: false)
        try await store.saveSignature(signature)
        #expect(try await store.signature(entryID: id) == signature)
        let replaced = StoredSignature(entryID: id, minhash: [7], shingleCount: 1, source: .article, fullText: true)
        try await store.saveSignature(replaced)
        #expect(try await store.signature(entryID: id) == replaced)
    }

    @Test("U+0000 in a feed's text is dropped, the same on every backend, and the rest is kept", arguments: TestStores.backends)
    func nulCharacters(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        let feed = try await store.addFeed(url: "https://a.org/feed.xml", title: "Feed\u{0} title")
        let draft = EntryDraft(guid: "g\u{0}1", url: nil, title: "Ti\u{0}tle ✓", author: "\u{0}", publishedAt: nil, updatedAt: nil,
                               summaryHTML: "<p>a\u{0}b</p>", contentHTML: nil, contentHash: "h")
        let id = try await store.upsertEntries(feedID: feed.id, [draft])[0].entryID
        let stored = try #require(try await store.entry(id: id))
        #expect(stored.title == "Title ✓" && stored.summaryHTML == "<p>ab</p>" && stored.author == "" && stored.guid == "g1")
        #expect(try await store.feed(id: feed.id)?.title == "Feed title")
    }
}
