import Foundation
import Storage
import Testing
import TestSupport

/// Users, tokens and per-user subscriptions, on every backend.
@Suite("Store contract: users, tokens and subscriptions")
struct UserStoreContractTests {
    @Test("a new database has its default user; users are added, found, listed and removed", arguments: TestStores.backends)
    func users(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        let standard = try await store.defaultUser()
        #expect(standard.name == User.defaultName && standard.isDefault && standard.passwordHash == nil)
        #expect(standard.reopen == .standard)

        let ann = try await store.addUser(name: "ann", passwordHash: "$scrypt$x", now: Clock.base)
        #expect(ann.name == "ann" && !ann.isDefault && ann.passwordHash == "$scrypt$x" && ann.createdAt == Clock.base)
        await #expect(throws: StorageError.duplicateUser("ann")) { try await store.addUser(name: "ann", passwordHash: nil, now: Clock.base) }
        let bob = try await store.addUser(name: "bob", passwordHash: nil, now: Clock.base)
        #expect(try await store.listUsers().map(\.name) == ["default", "ann", "bob"])
        #expect(try await store.user(named: "ann") == ann)
        #expect(try await store.user(id: bob.id)?.name == "bob")
        #expect(try await store.user(named: "carol") == nil)
        #expect(try await store.user(namedOrDefault: nil) == standard)
        await #expect(throws: StorageError.userNotFound("carol")) { try await store.user(namedOrDefault: "carol") }

        try await store.setPassword(userID: bob.id, hash: "$scrypt$y")
        try await store.setFeverKey(userID: bob.id, key: "0123abcd")
        try await store.setReopenRule(userID: bob.id, .never)
        let changed = try #require(try await store.user(id: bob.id))
        #expect(changed.passwordHash == "$scrypt$y" && changed.feverKey == "0123abcd" && changed.reopen == .never)
        #expect(try await store.user(feverKey: "0123abcd")?.id == bob.id)
        #expect(try await store.user(feverKey: "ffff") == nil)
        try await store.setReopenRule(userID: bob.id, ReopenRule(addedWords: 20, growthPercent: 10))
        #expect(try await store.user(id: bob.id)?.reopen == ReopenRule(addedWords: 20, growthPercent: 10))

        await #expect(throws: StorageError.defaultUserStays) { try await store.removeUser(id: standard.id) }
        try await store.removeUser(id: ann.id)
        await #expect(throws: StorageError.userNotFound(String(ann.id))) { try await store.removeUser(id: ann.id) }
        #expect(try await store.listUsers().map(\.name) == ["default", "bob"])
        let readOnly = try await TestStores.reopen(store, .readOnly)
        #expect(try await readOnly.listUsers().map(\.name) == ["default", "bob"])
        await #expect(throws: StorageError.self) { try await readOnly.addUser(name: "dan", passwordHash: nil, now: Clock.base) }
    }

    @Test("tokens: stored by hash, found while live, revoked per user", arguments: TestStores.backends)
    func tokens(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        let ann = try await store.addUser(name: "ann", passwordHash: nil, now: Clock.base)
        let bob = try await store.addUser(name: "bob", passwordHash: nil, now: Clock.base)
        let phone = try await store.addToken(userID: ann.id, label: "phone", tokenHash: "hash-1", now: Clock.base)
        let laptop = try await store.addToken(userID: ann.id, label: "laptop", tokenHash: "hash-2", now: Clock.at(hours: 1))
        #expect(try await store.tokens(userID: ann.id).map(\.label) == ["phone", "laptop"])
        #expect(try await store.tokens(userID: bob.id).isEmpty)
        #expect(try await store.user(tokenHash: "hash-1")?.id == ann.id)
        #expect(try await store.user(tokenHash: "hash-3") == nil)

        await #expect(throws: StorageError.tokenNotFound(phone.id)) { try await store.revokeToken(userID: bob.id, tokenID: phone.id, now: Clock.base) }
        try await store.revokeToken(userID: ann.id, tokenID: phone.id, now: Clock.at(hours: 2))
        #expect(try await store.user(tokenHash: "hash-1") == nil, "a revoked token authenticates nothing")
        #expect(try await store.user(tokenHash: "hash-2")?.id == ann.id)
        let listed = try await store.tokens(userID: ann.id)
        #expect(listed.map(\.revokedAt) == [Clock.at(hours: 2), nil] && listed[1] == laptop)

        try await store.removeUser(id: ann.id)
        #expect(try await store.user(tokenHash: "hash-2") == nil, "a removed user's tokens go with them")
    }

    @Test("subscriptions: per user title and tags on one shared feed; the default user follows every feed",
          arguments: TestStores.backends)
    func subscriptions(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        let standard = try await store.defaultUser()
        let ann = try await store.addUser(name: "ann", passwordHash: nil, now: Clock.base)
        let bob = try await store.addUser(name: "bob", passwordHash: nil, now: Clock.base)
        let world = try await store.addFeed(url: "https://a.org/feed.xml", title: "A World", tags: ["world"], now: Clock.base)
        let tech = try await store.addFeed(url: "https://b.org/feed.xml", title: "B Tech", now: Clock.base)

        try await store.subscribe(userID: ann.id, feedID: world.id, title: "My world", tags: ["news", "daily"], now: Clock.base)
        try await store.subscribe(userID: bob.id, feedID: world.id, title: nil, tags: [], now: Clock.base)
        try await store.subscribe(userID: bob.id, feedID: tech.id, title: nil, tags: ["tech"], now: Clock.base)
        await #expect(throws: StorageError.feedNotFound("999")) {
            try await store.subscribe(userID: ann.id, feedID: 999, title: nil, tags: [], now: Clock.base)
        }
        #expect(try await store.listFeeds().count == 2, "one feed however many users follow it")

        let anns = try await store.subscriptions(userID: ann.id)
        #expect(anns.map(\.feedID) == [world.id] && anns[0].title == "My world" && anns[0].tags == ["news", "daily"])
        let bobs = try await store.subscriptions(userID: bob.id)
        #expect(bobs.map(\.feedID) == [world.id, tech.id] && bobs[0].title == "A World" && bobs[1].tags == ["tech"])
        let defaults = try await store.subscriptions(userID: standard.id)
        #expect(defaults.map(\.feedID) == [world.id, tech.id] && defaults[0].tags == ["world"] && defaults[0].feedURL == world.url)

        try await store.subscribe(userID: ann.id, feedID: world.id, title: nil, tags: ["later"], now: Clock.base)
        #expect(try await store.subscriptions(userID: ann.id).map(\.tags) == [["later"]])
        #expect(try await store.unsubscribe(userID: bob.id, feedID: world.id))
        #expect(try await !store.unsubscribe(userID: bob.id, feedID: world.id))
        #expect(try await store.subscriptions(userID: bob.id).map(\.feedID) == [tech.id])
        #expect(try await store.feed(id: world.id) != nil, "unsubscribing leaves the feed for the others")

        try await store.removeFeed(id: tech.id)
        #expect(try await store.subscriptions(userID: bob.id).isEmpty, "a removed feed leaves every user's subscriptions")
    }
}
