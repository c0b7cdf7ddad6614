import Foundation
import Storage
import Testing
import TestSupport

/// Read and starred state at story level, on every backend.
@Suite("Store contract: read state per story")
struct ReadStateContractTests {
    /// `count` words of filler text in `paragraphs` paragraphs of HTML.
    static func text(words count: Int) -> String {
        "<p>" + (0..<count).map { "word\($0 % 97)" }.joined(separator: " ") + "</p>"
    }

    @Test("marking one copy read marks its story read, and every copy with it; unread and star are per story",
          arguments: TestStores.backends)
    func copyMarksStory(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        var seed = Seed(store)
        let bridge = try await seed.story([("a.org", "Bridge A"), ("b.org", "Bridge B"), ("c.org", "Bridge C")], at: Clock.base)
        let other = try await seed.story([("a.org", "Other")], at: Clock.at(hours: 1))
        let user = try await store.defaultUser()
        let copies = try await store.story(id: bridge).summary.copies.map(\.entryID)
        #expect(copies.count == 3)

        let missing = try await store.markEntries(userID: user.id, entryIDs: [copies[2], 9_999], read: true, now: Clock.at(hours: 2))
        #expect(missing == [9_999])
        let view = ReaderView(user: user)
        let listed = try await store.stories(StoryQuery(reader: view))
        #expect(listed.map(\.id) == [bridge, other])
        #expect(listed.map(\.reading) == [StoryReading(isRead: true, isStarred: false), StoryReading(isRead: false, isStarred: false)])
        #expect(try await store.stories(StoryQuery()).allSatisfy { $0.reading == nil }, "no reader, no reading")

        var unread = view; unread.filter = .unread
        var read = view; read.filter = .read
        #expect(try await store.stories(StoryQuery(reader: unread)).map(\.id) == [other])
        #expect(try await store.stories(StoryQuery(reader: read)).map(\.id) == [bridge])
        #expect(try await store.storyCount(StoryQuery(reader: unread)) == 1)

        // Another user's state is their own.
        let ann = try await store.addUser(name: "ann", passwordHash: nil, now: Clock.base)
        try await store.subscribe(userID: ann.id, feedID: try await seed.feed("b.org"), title: nil, tags: [], now: Clock.base)
        let annsUnread = ReaderView(user: ann, filter: .unread)
        #expect(try await store.stories(StoryQuery(reader: annsUnread)).map(\.id) == [bridge],
                "ann follows b.org only: she sees the bridge story, unread")

        #expect(try await store.markStories(userID: user.id, storyIDs: [bridge, 12_345], read: false, now: Clock.at(hours: 3)) == [12_345])
        #expect(try await store.stories(StoryQuery(reader: unread)).map(\.id) == [bridge, other])

        #expect(try await store.starStories(userID: user.id, storyIDs: [other], starred: true, now: Clock.at(hours: 4)).isEmpty)
        var starred = view; starred.starredOnly = true
        #expect(try await store.stories(StoryQuery(reader: starred)).map(\.id) == [other])
        let states = try await store.readStates(userID: user.id, storyIDs: [bridge, other])
        #expect(states.map(\.storyID) == [bridge, other] && states[0].readAt == nil && states[1].starredAt == Clock.at(hours: 4))
        try await store.starStories(userID: user.id, storyIDs: [other], starred: false, now: Clock.at(hours: 5))
        #expect(try await store.stories(StoryQuery(reader: starred)).isEmpty)
    }

    @Test("unread first: the listing puts the reader's unread stories before the read ones", arguments: TestStores.backends)
    func unreadFirst(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        var seed = Seed(store)
        let big = try await seed.story([("a.org", "Big A"), ("b.org", "Big B")], at: Clock.base)
        let small = try await seed.story([("c.org", "Small")], at: Clock.base)
        let user = try await store.defaultUser()
        try await store.markStories(userID: user.id, storyIDs: [big], read: true, now: Clock.at(hours: 1))
        #expect(try await store.stories(StoryQuery(reader: ReaderView(user: user))).map(\.id) == [big, small])
        let first = try await store.storyDetails(StoryQuery(limit: 1, reader: ReaderView(user: user, unreadFirst: true)))
        #expect(first.map(\.summary.id) == [small])
        #expect(try await store.stories(StoryQuery(reader: ReaderView(user: user, unreadFirst: true))).map(\.id) == [small, big])

        let before = try await store.storyStamp(StoryQuery(reader: ReaderView(user: user)))
        try await store.markStories(userID: user.id, storyIDs: [small], read: true, now: Clock.at(hours: 2))
        let after = try await store.storyStamp(StoryQuery(reader: ReaderView(user: user)))
        #expect(before.token != after.token, "a change of read state changes the listing's validator")
        #expect(after.latestReadChange == Clock.at(hours: 2).timeIntervalSince1970)
    }

    @Test("a later copy keeps a read story read unless it is substantially longer (the user's reopen rule)",
          arguments: TestStores.backends)
    func laterCopies(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        var seed = Seed(store)
        let first = try await seed.entry("a.org", title: "Storm", content: Self.text(words: 300), at: Clock.base)
        try await store.applyStoryAssignments([StoryAssignment(entryID: first, storyID: first, similarity: 1)], now: Clock.base)
        let user = try await store.defaultUser()
        try await store.markEntries(userID: user.id, entryIDs: [first], read: true, now: Clock.at(hours: 1))
        #expect(try await store.readStates(userID: user.id, storyIDs: [first]).first?.readWords == 300, "the longest text: 300 words")

        func join(_ site: String, words: Int, at hours: Double) async throws {
            let id = try await seed.entry(site, title: "Storm", content: Self.text(words: words), at: Clock.at(hours: hours))
            try await store.applyStoryAssignments([StoryAssignment(entryID: id, storyID: first, similarity: 0.8)], now: Clock.at(hours: hours))
        }
        func isRead(_ rule: ReopenRule = .standard) async throws -> Bool? {
            try await store.stories(StoryQuery(reader: ReaderView(userID: user.id, reopen: rule))).first?.reading?.isRead
        }

        try await join("b.org", words: 320, at: 2)          // a re-syndicated copy with a footer: stays read
        #expect(try await isRead() == true)
        try await join("c.org", words: 440, at: 3)          // +139 words, +46 %: not enough on either count
        #expect(try await isRead() == true)
        try await join("d.org", words: 460, at: 4)          // +159 words, +53 %: the story grew
        #expect(try await isRead() == false)
        #expect(try await isRead(.never) == true, "with --reopen never read stays read")
        #expect(try await isRead(ReopenRule(addedWords: 200, growthPercent: 10)) == true)

        // Reading it again takes the new length as the base.
        try await store.markStories(userID: user.id, storyIDs: [first], read: true, now: Clock.at(hours: 5))
        #expect(try await isRead() == true)
        #expect(try await store.readStates(userID: user.id, storyIDs: [first]).first?.readWords == 460)

        // An extracted article that arrives later and is much longer counts as the copy growing.
        let late = try await seed.entry("e.org", title: "Storm", summary: "<p>Short teaser.</p>", at: Clock.at(hours: 6))
        try await store.applyStoryAssignments([StoryAssignment(entryID: late, storyID: first, similarity: 0.7)], now: Clock.at(hours: 6))
        #expect(try await isRead() == true)
        try await store.saveArticle(StoredArticle(entryID: late, text: Self.text(words: 800), status: .ok, fetchedAt: Clock.at(hours: 7)))
        #expect(try await isRead() == false)
    }

    @Test("removing a user removes their read state; removing a story's feeds removes its state", arguments: TestStores.backends)
    func cascades(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        var seed = Seed(store)
        let story = try await seed.story([("a.org", "Only")], at: Clock.base)
        let ann = try await store.addUser(name: "ann", passwordHash: nil, now: Clock.base)
        try await store.markStories(userID: ann.id, storyIDs: [story], read: true, now: Clock.base)
        try await store.starStories(userID: ann.id, storyIDs: [story], starred: true, now: Clock.base)
        #expect(try await store.readStates(userID: ann.id, storyIDs: [story]).count == 1)
        try await store.removeUser(id: ann.id)
        #expect(try await store.readStates(userID: ann.id, storyIDs: [story]).isEmpty)
        let user = try await store.defaultUser()
        try await store.markStories(userID: user.id, storyIDs: [story], read: true, now: Clock.base)
        try await store.removeFeed(id: try await seed.feed("a.org"))
        #expect(try await store.readStates(userID: user.id, storyIDs: [story]).isEmpty)
        #expect(try await store.integrityCheck() == ["ok"])
    }

    @Test("a merge carries each user's state: read or starred when either story was, every label of both; a story that keeps copies keeps its own",
          arguments: TestStores.backends)
    func mergeCarriesState(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        var seed = Seed(store)
        let absorbed = try await seed.story([("a.org", "Early bridge"), ("b.org", "Early bridge B")], at: Clock.base)
        let survivor = try await seed.story([("c.org", "Bridge")], at: Clock.at(hours: 1))
        let split = try await seed.story([("d.org", "Split"), ("e.org", "Split E")], at: Clock.at(hours: 2))
        let user = try await store.defaultUser()
        let ann = try await store.addUser(name: "ann", passwordHash: nil, now: Clock.base)
        try await store.markStories(userID: user.id, storyIDs: [absorbed, split], read: true, now: Clock.at(hours: 3))
        try await store.starStories(userID: ann.id, storyIDs: [absorbed], starred: true, now: Clock.at(hours: 3))
        try await store.labelStories(userID: user.id, storyIDs: [absorbed], label: "Keep", labelled: true, now: Clock.at(hours: 3))
        try await store.labelStories(userID: user.id, storyIDs: [survivor], label: "Own", labelled: true, now: Clock.at(hours: 3))

        // Both copies of `absorbed` move to `survivor` (a merge); one copy of `split` moves too.
        let moved = try await store.story(id: absorbed).summary.copies.map(\.entryID)
        let splitCopy = try await store.story(id: split).summary.copies.map(\.entryID)[1]
        try await store.applyStoryAssignments(moved.map { StoryAssignment(entryID: $0, storyID: survivor, similarity: 0.8) }
                                              + [StoryAssignment(entryID: splitCopy, storyID: survivor, similarity: 0.8)], now: Clock.at(hours: 4))
        await #expect(throws: StorageError.self) { try await store.story(id: absorbed) }
        let states = try await store.readStates(userID: user.id, storyIDs: [survivor, split])
        #expect(states.first { $0.storyID == survivor }?.readAt != nil, "the absorbed story was read: the merged one is")
        #expect(states.first { $0.storyID == split }?.readAt != nil, "a story that keeps copies keeps its state")
        #expect(try await store.readStates(userID: ann.id, storyIDs: [survivor]).first?.starredAt != nil, "ann's star went along")
        #expect(try await store.storyLabels(userID: user.id, storyIDs: [survivor])[survivor] == ["Keep", "Own"])
        #expect(try await store.storyLabels(userID: ann.id, storyIDs: [survivor]).isEmpty)
    }
}
