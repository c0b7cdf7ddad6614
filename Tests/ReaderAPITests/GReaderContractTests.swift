import Foundation
import Testing
import TestSupport

/// The Google Reader API of `syndic serve`, endpoint by endpoint, with the request shapes clients
/// send (FreshRSS's `p/api/greader.php`, newsboat, NetNewsWire), over real HTTP on a real SQLite file.
@Suite("Google Reader API: contract", .serialized)
struct GReaderContractTests {
    @Test("ClientLogin: password or token → SID/LSID/Auth lines; a wrong password is 403 BadAuthentication")
    func clientLogin() async throws {
        let world = try await APIWorld()
        defer { _ = world.stop() }
        let url = world.base + "/accounts/ClientLogin"
        let login = try await Curl.call(url, post: true, form: [("Email", "ann"), ("Passwd", APIWorld.password)])
        #expect(login.status == 200, "\(login.body)")
        let lines = login.body.split(separator: "\n").map(String.init)
        #expect(lines.count == 3 && lines[0].hasPrefix("SID=") && lines[1].hasPrefix("LSID=") && lines[2].hasPrefix("Auth=ann/syn_"))
        let auth = String(lines.last?.dropFirst("Auth=".count) ?? "")
        let info = try await Curl.call(world.base + "/reader/api/0/user-info", headers: ["Authorization: GoogleLogin auth=\(auth)"])
        #expect(info.status == 200)
        #expect(try info.json()["userName"] as? String == "ann")
        // GET with the parameters in the query (FreshRSS accepts it), and a token as the password.
        let byToken = try await Curl.call(url, form: [("Email", "ann"), ("Passwd", world.token)])
        #expect(byToken.body.contains("Auth=ann/\(world.token)"))
        let wrong = try await Curl.call(url, post: true, form: [("Email", "ann"), ("Passwd", "nope")])
        #expect(wrong.status == 403 && wrong.body.contains("BadAuthentication"))
        let nobody = try await Curl.call(url, post: true, form: [("Email", "zed"), ("Passwd", "nope")])
        #expect(nobody.status == 403)
        let missing = try await Curl.call(url, post: true, form: [("Email", "ann")])
        #expect(missing.status == 400 && missing.body.contains("Passwd"))
    }

    @Test("no or a wrong auth token is 401; token, user-info answer a signed-in client")
    func auth() async throws {
        let world = try await APIWorld()
        defer { _ = world.stop() }
        let none = try await Curl.call(world.base + "/reader/api/0/user-info")
        #expect(none.status == 401 && none.body.contains("ClientLogin"))
        let bad = try await Curl.call(world.base + "/reader/api/0/user-info", headers: ["Authorization: GoogleLogin auth=ann/syn_" + String(repeating: "0", count: 64)])
        #expect(bad.status == 401)
        let token = try await world.actionToken()
        #expect(token.count == 57)
        let info = try await world.reader("user-info").json()
        #expect(info["userName"] as? String == "ann" && info["userId"] as? String == String(world.userID))
        let unknown = try await world.reader("no/such/thing")
        #expect(unknown.status == 404)
    }

    @Test("subscription/list (output=json) and tag/list: the user's titles and labels")
    func subscriptionsAndTags() async throws {
        let world = try await APIWorld()
        defer { _ = world.stop() }
        let list = try await world.reader("subscription/list", form: [("output", "json")]).json()
        let subscriptions = try #require(list["subscriptions"] as? [[String: Any]])
        #expect(subscriptions.count == 3)
        let daily = try #require(subscriptions.first { $0["id"] as? String == "feed/\(world.dailyFeed)" })
        #expect(daily["title"] as? String == "Daily")
        #expect(daily["url"] as? String == "https://daily.example/feed.xml")
        let labels = (daily["categories"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(labels.sorted() == ["user/-/label/Local", "user/-/label/News"])
        let tags = try await world.reader("tag/list", form: [("output", "json")]).json()
        let ids = (tags["tags"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(ids == ["user/-/state/com.google/starred", "user/-/label/Local", "user/-/label/News", "user/-/label/Tech"])
    }

    @Test("reading-list: one item per story (its representative, also reported by the other copy); feed streams hold their own entries")
    func deduplicatedReadingList() async throws {
        let world = try await APIWorld()
        defer { _ = world.stop() }
        let readingList = try await world.reader("stream/contents/user/-/state/com.google/reading-list", form: [("n", "50")]).json()
        let items = try #require(readingList["items"] as? [[String: Any]])
        let ids = try items.map { try GReaderIDForTests.parse($0["id"] as? String ?? "") }
        #expect(ids == [world.lone, world.bridgeWire], "newest story first; the bridge once, as its representative")
        let bridge = try #require(items.last)
        let content = (bridge["summary"] as? [String: Any])?["content"] as? String ?? ""
        #expect(content.contains("The council approved the bridge.") && content.contains("Also reported by"))
        #expect(content.contains("https://example.org/daily-bridge") && content.contains("Daily"), "links the other copy, under the user's title")
        #expect((bridge["origin"] as? [String: Any])?["streamId"] as? String == "feed/\(world.wireFeed)")
        #expect((bridge["categories"] as? [String] ?? []).contains("user/-/state/com.google/reading-list"))
        #expect(bridge["timestampUsec"] is String && bridge["crawlTimeMsec"] is String && bridge["published"] is Int)
        // Each feed's stream has that feed's own entry, by either id form of the feed.
        #expect(try await world.streamIDs("feed/\(world.dailyFeed)") == [world.bridgeDaily])
        #expect(try await world.streamIDs("feed/https://wire.example/feed.xml") == [world.bridgeWire])
        #expect(try await world.streamIDs("feed%2F\(world.wireFeed)") == [world.bridgeWire], "a percent-encoded stream id")
        // A label's stream is deduplicated too: News holds the bridge once.
        #expect(try await world.streamIDs("user/-/label/News") == [world.bridgeWire])
        #expect(try await world.streamIDs("user/-/label/Tech") == [world.lone])
    }

    @Test("marking one copy read (edit-tag, short id) marks the story: the other feed's copy and the reading list show it read")
    func readFollowsStory() async throws {
        let world = try await APIWorld()
        defer { _ = world.stop() }
        let marked = try await world.change("edit-tag", [("i", String(world.bridgeDaily)), ("a", "user/-/state/com.google/read")])
        #expect(marked.status == 200 && marked.body == "OK")
        #expect(try await world.isRead(story: world.bridgeWire))
        let wire = try await world.reader("stream/contents/feed/\(world.wireFeed)").json()
        let categories = ((wire["items"] as? [[String: Any]])?.first?["categories"] as? [String]) ?? []
        #expect(categories.contains("user/-/state/com.google/read"), "the wire copy is read too")
        let unread = try await world.streamIDs("user/-/state/com.google/reading-list", [("xt", "user/-/state/com.google/read")])
        #expect(unread == [world.lone])
        #expect(try await world.streamIDs("feed/\(world.wireFeed)", [("xt", "user/-/state/com.google/read")]).isEmpty)
        #expect(try await world.streamIDs("user/-/state/com.google/read") == [world.bridgeWire])
        // Unread again, by the long id of the other copy.
        _ = try await world.change("edit-tag", [("i", GReaderIDForTests.long(world.bridgeWire)), ("r", "user/-/state/com.google/read")])
        #expect(try await !world.isRead(story: world.bridgeWire))
        // Starred, the same way; the starred stream holds the story once.
        _ = try await world.change("edit-tag", [("i", String(world.bridgeDaily)), ("i", String(world.lone)), ("a", "user/-/state/com.google/starred")])
        #expect(try await world.streamIDs("user/-/state/com.google/starred") == [world.lone, world.bridgeWire])
    }

    @Test("item labels (edit-tag a=/r= user/-/label/NAME) are the story's: every copy shows them, tag/list and the label's stream hold them")
    func itemLabels() async throws {
        let world = try await APIWorld()
        defer { _ = world.stop() }
        func categories(_ stream: String) async throws -> [Int64: [String]] {
            let items = try await world.reader("stream/contents/\(stream)").json()["items"] as? [[String: Any]] ?? []
            var out: [Int64: [String]] = [:]
            for item in items { out[try GReaderIDForTests.parse(item["id"] as? String ?? "")] = item["categories"] as? [String] ?? [] }
            return out
        }
        let labelled = try await world.change("edit-tag", [("i", String(world.bridgeDaily)), ("a", "user/-/label/Keep")])
        #expect(labelled.status == 200 && labelled.body == "OK")
        #expect(try await categories("user/-/state/com.google/reading-list")[world.bridgeWire]?.contains("user/-/label/Keep") == true,
                "the reading list's item (the wire copy) carries the label put on the daily copy")
        #expect(try await categories("feed/\(world.dailyFeed)")[world.bridgeDaily]?.contains("user/-/label/Keep") == true)
        #expect(try await categories("user/-/state/com.google/reading-list")[world.lone]?.contains("user/-/label/Keep") == false)
        #expect(try await world.streamIDs("user/-/label/Keep") == [world.bridgeWire], "a label no feed has: the labelled stories")
        let tags = try await world.reader("tag/list").json()["tags"] as? [[String: Any]] ?? []
        #expect(tags.contains { $0["id"] as? String == "user/-/label/Keep" && $0["type"] as? String == "tag" })
        #expect(tags.contains { $0["id"] as? String == "user/-/label/News" && $0["type"] as? String == "folder" })
        // A label that is also a folder: the folder's feeds and the stories labelled so.
        _ = try await world.change("edit-tag", [("i", String(world.lone)), ("a", "user/-/label/News")])
        #expect(try await world.streamIDs("user/-/label/News") == [world.lone, world.bridgeWire])
        // Taken off (from the other copy): gone everywhere; the label's stream no longer exists.
        _ = try await world.change("edit-tag", [("i", GReaderIDForTests.long(world.bridgeWire)), ("r", "user/-/label/Keep")])
        #expect(try await categories("feed/\(world.dailyFeed)")[world.bridgeDaily]?.contains("user/-/label/Keep") == false)
        #expect(try await world.reader("stream/contents/user/-/label/Keep").status == 400)
        // Bad labels are a 400 with a reason.
        let long = try await world.change("edit-tag", [("i", String(world.lone)), ("a", "user/-/label/" + String(repeating: "x", count: 201))])
        #expect(long.status == 400 && long.body.contains("200 characters"))
    }

    @Test("edit-tag and the other changes need POST and the T token (the auth token is accepted as T, as FreshRSS does)")
    func actionToken() async throws {
        let world = try await APIWorld()
        defer { _ = world.stop() }
        let form = [("i", String(world.lone)), ("a", "user/-/state/com.google/read")]
        let noT = try await world.reader("edit-tag", post: true, form: form)
        #expect(noT.status == 401 && noT.headers["google-bad-token"] == "true")
        let wrongT = try await world.reader("edit-tag", post: true, form: form + [("T", "x")])
        #expect(wrongT.status == 401)
        let get = try await world.reader("edit-tag", form: form + [("T", try await world.actionToken())])
        #expect(get.status == 400)
        #expect(try await !world.isRead(story: world.lone))
        let authAsT = try await world.reader("edit-tag", post: true, form: form + [("T", "ann/" + world.token)])
        #expect(authAsT.status == 200)
        #expect(try await world.isRead(story: world.lone))
    }

    @Test("stream/contents: n, c continuation, r=o, ot and nt")
    func paging() async throws {
        let world = try await APIWorld()
        defer { _ = world.stop() }
        var seen: [Int64] = []
        var continuation: String?
        repeat {
            var form = [("n", "1")]
            if let continuation { form.append(("c", continuation)) }
            let page = try await world.reader("stream/contents/user/-/state/com.google/reading-list", form: form).json()
            let items = page["items"] as? [[String: Any]] ?? []
            #expect(items.count <= 1)
            seen += try items.map { try GReaderIDForTests.parse($0["id"] as? String ?? "") }
            continuation = page["continuation"] as? String
        } while continuation != nil && seen.count < 10
        #expect(seen == [world.lone, world.bridgeWire])
        #expect(try await world.streamIDs("user/-/state/com.google/reading-list", [("r", "o")]) == [world.bridgeWire, world.lone])
        let cutoff = String(Int(Date().timeIntervalSince1970) - 5400)  // 1.5 hours ago: between the two stories
        #expect(try await world.streamIDs("user/-/state/com.google/reading-list", [("ot", cutoff)]) == [world.lone])
        #expect(try await world.streamIDs("user/-/state/com.google/reading-list", [("nt", cutoff)]) == [world.bridgeWire])
        let bad = try await world.reader("stream/contents/user/-/state/com.google/reading-list", form: [("c", "garbage")])
        #expect(bad.status == 400 && bad.body.contains("continuation"))
    }

    @Test("stream/items/ids (short ids) and stream/items/contents (i= repeated, both forms)")
    func itemIDsAndContents() async throws {
        let world = try await APIWorld()
        defer { _ = world.stop() }
        let refs = try await world.reader("stream/items/ids", form: [("s", "user/-/state/com.google/reading-list"), ("n", "1000"),
                                                                    ("xt", "user/-/state/com.google/read")]).json()
        let ids = (refs["itemRefs"] as? [[String: Any]] ?? []).compactMap { ($0["id"] as? String).flatMap { Int64($0) } }
        #expect(ids == [world.lone, world.bridgeWire])
        let contents = try await world.reader("stream/items/contents", post: true,
                                              form: [("i", String(world.bridgeDaily)), ("i", GReaderIDForTests.long(world.lone))]).json()
        let items = contents["items"] as? [[String: Any]] ?? []
        #expect(try items.map { try GReaderIDForTests.parse($0["id"] as? String ?? "") } == [world.bridgeDaily, world.lone])
        #expect(items.first?["title"] as? String == "Bridge approved by council")
        let missing = try await world.reader("stream/items/ids")
        #expect(missing.status == 400)
    }

    @Test("unread-count: per feed, per label and the deduplicated reading list")
    func unreadCount() async throws {
        let world = try await APIWorld()
        defer { _ = world.stop() }
        let counts = try await world.reader("unread-count", form: [("output", "json")]).json()
        let list = counts["unreadcounts"] as? [[String: Any]] ?? []
        func count(_ id: String) -> Int? { list.first { $0["id"] as? String == id }?["count"] as? Int }
        #expect(count("user/-/state/com.google/reading-list") == 2, "two stories, though three entries")
        #expect(count("feed/\(world.wireFeed)") == 1 && count("feed/\(world.dailyFeed)") == 1)
        #expect(count("user/-/label/News") == 2)
        #expect(counts["max"] as? Int == 2)
    }

    @Test("mark-all-as-read: a feed (its story's copies elsewhere too), then the reading list with ts")
    func markAllAsRead() async throws {
        let world = try await APIWorld()
        defer { _ = world.stop() }
        let feed = try await world.change("mark-all-as-read", [("s", "feed/\(world.dailyFeed)")])
        #expect(feed.status == 200 && feed.body == "OK")
        #expect(try await world.isRead(story: world.bridgeWire))
        #expect(try await !world.isRead(story: world.lone))
        let before = String(Int64((Date().timeIntervalSince1970 - 7200) * 1_000_000))
        _ = try await world.change("mark-all-as-read", [("s", "user/-/state/com.google/reading-list"), ("ts", before)])
        #expect(try await !world.isRead(story: world.lone), "ts is older than the lone story")
        _ = try await world.change("mark-all-as-read", [("s", "user/-/state/com.google/reading-list")])
        #expect(try await world.isRead(story: world.lone))
    }

    @Test("subscription/edit (edit, subscribe, unsubscribe) and quickadd change only this user's subscriptions")
    func subscriptionEdit() async throws {
        let world = try await APIWorld()
        defer { _ = world.stop() }
        let edited = try await world.change("subscription/edit", [("ac", "edit"), ("s", "feed/\(world.loneFeed)"), ("t", "Chips"),
                                                                 ("a", "user/-/label/Science"), ("r", "user/-/label/Tech")])
        #expect(edited.status == 200, "\(edited.body)")
        func subscriptions() async throws -> [[String: Any]] {
            try await world.reader("subscription/list", form: [("output", "json")]).json()["subscriptions"] as? [[String: Any]] ?? []
        }
        let lone = try await subscriptions().first { $0["id"] as? String == "feed/\(world.loneFeed)" }
        #expect(lone?["title"] as? String == "Chips")
        #expect((lone?["categories"] as? [[String: Any]])?.compactMap { $0["label"] as? String } == ["Science"])
        let added = try await world.change("subscription/edit", [("ac", "subscribe"), ("s", "feed/https://new.example/rss"),
                                                                ("t", "New"), ("a", "user/-/label/News")])
        #expect(added.status == 200)
        #expect(try await subscriptions().contains { $0["url"] as? String == "https://new.example/rss" && $0["title"] as? String == "New" })
        let quick = try await world.change("subscription/quickadd", [("quickadd", "https://quick.example/feed")]).json()
        #expect(quick["numResults"] as? Int == 1 && (quick["streamId"] as? String)?.hasPrefix("feed/") == true)
        _ = try await world.change("subscription/edit", [("ac", "unsubscribe"), ("s", "feed/\(world.dailyFeed)")])
        let after = try await subscriptions().compactMap { $0["id"] as? String }
        #expect(!after.contains("feed/\(world.dailyFeed)") && after.count == 4)
        let badURL = try await world.change("subscription/edit", [("ac", "subscribe"), ("s", "feed/javascript:alert(1)")])
        #expect(badURL.status == 400)
        // Unsubscribed from daily: the bridge now comes from wire alone, still once.
        #expect(try await world.streamIDs("user/-/state/com.google/reading-list") == [world.lone, world.bridgeWire])
    }
}
