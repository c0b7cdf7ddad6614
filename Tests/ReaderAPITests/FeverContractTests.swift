import Foundation
import Testing
import TestSupport

/// The Fever API (`/api/fever.php?api`) with the requests Fever clients send, over real HTTP.
@Suite("Fever API: contract", .serialized)
struct FeverContractTests {
    static func ids(_ text: Any?) -> [Int64] {
        ((text as? String) ?? "").split(separator: ",").compactMap { Int64($0) }
    }

    @Test("a wrong or missing key is auth 0 (and nothing else); the right one is auth 1 with api_version 3")
    func auth() async throws {
        let world = try await APIWorld()
        defer { _ = world.stop() }
        let bad = try await world.fever("feeds", key: String(repeating: "0", count: 32)).json()
        #expect(bad["auth"] as? Int == 0 && bad["feeds"] == nil)
        let garbage = try await world.fever("", key: "not-a-key").json()
        #expect(garbage["auth"] as? Int == 0)
        let good = try await world.fever("").json()
        #expect(good["auth"] as? Int == 1 && good["api_version"] as? Int == 3 && good["last_refreshed_on_time"] is Int)
        let noAPI = try await Curl.call(world.server.baseURL + "api/fever.php", post: true, form: [("api_key", world.feverKey)])
        #expect(noAPI.status == 400)
    }

    @Test("groups and feeds with feeds_groups; favicons is an empty list")
    func groupsAndFeeds() async throws {
        let world = try await APIWorld()
        defer { _ = world.stop() }
        let answer = try await world.fever("groups&feeds&favicons").json()
        let groups = answer["groups"] as? [[String: Any]] ?? []
        #expect(groups.compactMap { $0["title"] as? String } == ["Local", "News", "Tech"])
        let news = try #require(groups.first { $0["title"] as? String == "News" }?["id"] as? Int)
        let feedsGroups = answer["feeds_groups"] as? [[String: Any]] ?? []
        let newsFeeds = feedsGroups.first { $0["group_id"] as? Int == news }?["feed_ids"]
        #expect(Self.ids(newsFeeds).sorted() == [world.wireFeed, world.dailyFeed].sorted())
        let feeds = answer["feeds"] as? [[String: Any]] ?? []
        #expect(feeds.count == 3 && feeds.contains { $0["title"] as? String == "Wire" && $0["url"] as? String == "https://wire.example/feed.xml" })
        #expect((answer["favicons"] as? [Any])?.isEmpty == true)
        // The same ids on the next call (stable).
        let again = try await world.fever("groups").json()
        #expect((again["groups"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int } == groups.compactMap { $0["id"] as? Int })
    }

    @Test("items: since_id, max_id and with_ids; total_items; unread and saved ids")
    func items() async throws {
        let world = try await APIWorld()
        defer { _ = world.stop() }
        let all = try await world.fever("items").json()
        let allIDs = (all["items"] as? [[String: Any]] ?? []).compactMap { ($0["id"] as? Int).map(Int64.init) }
        #expect(allIDs.sorted() == [world.bridgeWire, world.bridgeDaily, world.lone].sorted(), "Fever items are entries, each feed its own")
        #expect(all["total_items"] as? Int == 3)
        let since = try await world.fever("items&since_id=\(world.bridgeWire)").json()
        #expect((since["items"] as? [[String: Any]] ?? []).compactMap { ($0["id"] as? Int).map(Int64.init) } == [world.bridgeDaily, world.lone])
        let max = try await world.fever("items&max_id=\(world.lone)").json()
        #expect((max["items"] as? [[String: Any]] ?? []).compactMap { ($0["id"] as? Int).map(Int64.init) } == [world.bridgeDaily, world.bridgeWire])
        let with = try await world.fever("items&with_ids=\(world.lone),\(world.bridgeWire)").json()
        let items = with["items"] as? [[String: Any]] ?? []
        #expect(items.compactMap { ($0["id"] as? Int).map(Int64.init) } == [world.lone, world.bridgeWire])
        let bridge = try #require(items.last)
        #expect(bridge["feed_id"] as? Int == Int(world.wireFeed) && bridge["is_read"] as? Int == 0 && bridge["created_on_time"] is Int)
        #expect((bridge["html"] as? String ?? "").contains("Also reported by"))
        let unread = try await world.fever("unread_item_ids").json()
        #expect(Self.ids(unread["unread_item_ids"]).sorted() == [world.bridgeWire, world.bridgeDaily, world.lone].sorted())
        let badIDs = try await world.fever("items&with_ids=1,x")
        #expect(badIDs.status == 400)
    }

    @Test("mark=item read marks the story (both copies leave unread_item_ids); saved/unsaved; unread again")
    func markItem() async throws {
        let world = try await APIWorld()
        defer { _ = world.stop() }
        let marked = try await world.fever("unread_item_ids", [("mark", "item"), ("as", "read"), ("id", String(world.bridgeDaily))]).json()
        #expect(Self.ids(marked["unread_item_ids"]) == [world.lone])
        #expect(try await world.isRead(story: world.bridgeWire))
        let saved = try await world.fever("saved_item_ids", [("mark", "item"), ("as", "saved"), ("id", String(world.lone))]).json()
        #expect(Self.ids(saved["saved_item_ids"]) == [world.lone])
        let unsaved = try await world.fever("saved_item_ids", [("mark", "item"), ("as", "unsaved"), ("id", String(world.lone))]).json()
        #expect(Self.ids(unsaved["saved_item_ids"]).isEmpty)
        let reopened = try await world.fever("unread_item_ids", [("mark", "item"), ("as", "unread"), ("id", String(world.bridgeWire))]).json()
        #expect(Self.ids(reopened["unread_item_ids"]).sorted() == [world.bridgeWire, world.bridgeDaily, world.lone].sorted())
    }

    @Test("mark=feed and mark=group read, with before=; group 0 is every feed")
    func markFeedAndGroup() async throws {
        let world = try await APIWorld()
        defer { _ = world.stop() }
        let old = String(Int(Date().timeIntervalSince1970) - 36_000)
        _ = try await world.fever("", [("mark", "feed"), ("as", "read"), ("id", String(world.dailyFeed)), ("before", old)])
        #expect(try await !world.isRead(story: world.bridgeWire), "before= is older than every item")
        _ = try await world.fever("", [("mark", "feed"), ("as", "read"), ("id", String(world.dailyFeed)), ("before", String(Int(Date().timeIntervalSince1970) + 60))])
        #expect(try await world.isRead(story: world.bridgeWire))
        let groups = try await world.fever("groups").json()["groups"] as? [[String: Any]] ?? []
        let tech = try #require(groups.first { $0["title"] as? String == "Tech" }?["id"] as? Int)
        let answer = try await world.fever("unread_item_ids", [("mark", "group"), ("as", "read"), ("id", String(tech)),
                                                               ("before", String(Int(Date().timeIntervalSince1970) + 60))]).json()
        #expect(Self.ids(answer["unread_item_ids"]).isEmpty)
        _ = try await world.fever("", [("mark", "item"), ("as", "unread"), ("id", String(world.lone))])
        _ = try await world.fever("", [("mark", "group"), ("as", "read"), ("id", "0"), ("before", String(Int(Date().timeIntervalSince1970) + 60))])
        #expect(try await world.isRead(story: world.lone))
        let badGroup = try await world.fever("", [("mark", "group"), ("as", "read"), ("id", "12345")])
        #expect(badGroup.status == 400)
    }
}
