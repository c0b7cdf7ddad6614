import Foundation
import SQLiteStore
import Storage
import Testing
import TestSupport

/// `syndic users …`, `read`, `unread`, `star`, `unstar` and `stories --unread|--starred|--user`,
/// through the built binary on a real SQLite file.
@Suite("syndic users and read state (end to end)")
struct ReaderCLITests {
    /// Two stories: one carried by three sites (ids of its copies returned), one by a single site.
    static func seeded() async throws -> (CLIRunner, bridge: Int64, copies: [Int64], other: Int64) {
        let cli = try CLIRunner()
        let db = try SQLiteStore(path: cli.databasePath)
        let now = Date()
        var copies: [Int64] = []
        for (index, site) in ["wire.example", "daily.example", "gazette.example"].enumerated() {
            let feed = try await db.addFeed(url: "https://\(site)/feed.xml", now: now)
            let draft = EntryDraft(guid: "bridge", url: "https://\(site)/bridge", title: "Bridge approved (\(site))", author: nil,
                                   publishedAt: now.addingTimeInterval(-3600), updatedAt: nil, summaryHTML: nil,
                                   contentHTML: "<p>The council approved the bridge.</p>", contentHash: "h\(index)")
            copies.append(try await db.upsertEntries(feedID: feed.id, [draft], now: now)[0].entryID)
        }
        try await db.applyStoryAssignments(copies.map { StoryAssignment(entryID: $0, storyID: copies[0], similarity: $0 == copies[0] ? 1 : 0.9) },
                                           now: now)
        let lone = try await db.addFeed(url: "https://lone.example/feed.xml", now: now)
        let draft = EntryDraft(guid: "other", url: "https://lone.example/other", title: "Other news", author: nil,
                               publishedAt: now.addingTimeInterval(-600), updatedAt: nil, summaryHTML: "<p>Other.</p>",
                               contentHTML: nil, contentHash: "o")
        let other = try await db.upsertEntries(feedID: lone.id, [draft], now: now)[0].entryID
        try await db.applyStoryAssignments([StoryAssignment(entryID: other, storyID: other, similarity: 1)], now: now)
        await db.close()
        return (cli, copies[0], copies, other)
    }

    /// The ids of a `stories` table, in order.
    static func ids(_ output: String) -> [Int64] {
        output.split(separator: "\n").compactMap { Int64($0.prefix(7).trimmingCharacters(in: CharacterSet(charactersIn: " *-"))) }
    }

    @Test("every new command's help has an example")
    func help() async throws {
        let cli = try CLIRunner()
        for command in [["users"], ["users", "add"], ["users", "list"], ["users", "remove"], ["users", "passwd"], ["users", "edit"],
                        ["users", "tokens"], ["users", "tokens", "create"], ["read"], ["unread"], ["star"], ["unstar"]] {
            let help = try await cli.run(command + ["--help"])
            #expect(help.status == 0, "\(command)")
            #expect(help.stdout.contains("Example"), "\(command)")
        }
    }

    @Test("users add, list, passwd, remove: passwords stored as scrypt hashes only; the default user stays")
    func users() async throws {
        let cli = try CLIRunner()
        let secret = try cli.write("pw.txt", "hunter2-very-secret\n")
        let added = try await cli.run(["users", "add", "ann", "--password-file", secret])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("added user ann"))
        #expect(try await cli.run(["users", "add", "ann", "--password-file", secret]).status == 65, "a duplicate name")
        let invalid = try await cli.run(["users", "add", "Ann Smith", "--password-file", secret])
        #expect(invalid.status == 64 && invalid.stderr.contains("cannot name a user"))
        let empty = try cli.write("empty.txt", "\n")
        #expect(try await cli.run(["users", "add", "bob", "--password-file", empty]).status == 64)
        #expect(try await cli.run(["users", "add", "bob", "--password-file", "-"], stdin: "from-stdin\n").status == 0)
        let noTerminal = try await cli.run(["users", "add", "carol"], wrapper: ["/usr/bin/setsid", "--wait"])
        #expect(noTerminal.status == 66 && noTerminal.stderr.contains("--password-file"), "\(noTerminal.stderr)")

        let list = try await cli.run(["users", "list"])
        #expect(list.status == 0)
        let rows = list.stdout.split(separator: "\n").map(String.init)
        #expect(rows.count == 4 && rows[1].contains("default (default)") && rows[2].contains("ann") && rows[3].contains("bob"))
        #expect(rows[2].contains("set") && rows[1].contains("+150 words and +50%"))
        #expect(!list.stdout.contains("hunter2") && !list.stdout.contains("$scrypt"))
        let json = try await cli.run(["users", "list", "--format", "json"])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(parsed.map { $0["name"] as? String } == ["default", "ann", "bob"])
        #expect(parsed[1]["password"] as? Bool == true && parsed[0]["password"] as? Bool == false && parsed[1]["fever"] as? Bool == false)

        let store = try SQLiteStore(path: cli.databasePath, access: .readOnly)
        let ann = try #require(try await store.user(named: "ann"))
        let hash = try #require(ann.passwordHash)
        #expect(hash.hasPrefix("$scrypt$ln=15,r=8,p=1$") && !hash.contains("hunter2"))
        let file = try Data(contentsOf: URL(fileURLWithPath: cli.databasePath))
        #expect(file.range(of: Data("hunter2".utf8)) == nil, "the password is nowhere in the database")

        let other = try cli.write("pw2.txt", "another-one\n")
        #expect(try await cli.run(["users", "passwd", "ann", "--password-file", other]).status == 0)
        let fever = try cli.write("fever.txt", "fever-pass\n")
        #expect(try await cli.run(["users", "passwd", "ann", "--fever", "--password-file", fever]).status == 0)
        let changed = try #require(try await SQLiteStore(path: cli.databasePath, access: .readOnly).user(named: "ann"))
        #expect(changed.passwordHash != hash && changed.passwordHash?.hasPrefix("$scrypt$") == true)
        // md5("ann:fever-pass"), the Fever protocol's key.
        #expect(changed.feverKey == "49e5a6c95065c6ee95446203fbf3174d")
        #expect(try await cli.run(["users", "passwd", "ann", "--fever", "--clear"]).status == 0)
        #expect(try await SQLiteStore(path: cli.databasePath, access: .readOnly).user(named: "ann")?.feverKey == nil)
        #expect(try await cli.run(["users", "passwd", "zed", "--password-file", other]).status == 66)

        let removeDefault = try await cli.run(["users", "remove", "default"])
        #expect(removeDefault.status == 65 && removeDefault.stderr.contains("cannot be removed"))
        #expect(try await cli.run(["users", "remove", "bob"]).stdout.contains("removed user bob"))
        #expect(try await cli.run(["users", "remove", "bob"]).status == 66)
        #expect(!(try await cli.run(["users"]).stdout.contains("bob")), "`users` alone lists")
    }

    @Test("users tokens: shown once, stored as a hash, listed, revoked")
    func tokens() async throws {
        let cli = try CLIRunner()
        #expect(try await cli.run(["users", "add", "ann", "--password-file", try cli.write("pw", "pw\n")]).status == 0)
        let created = try await cli.run(["users", "tokens", "create", "ann", "--label", "phone"])
        #expect(created.status == 0)
        let token = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.hasPrefix("syn_") && token.count == 68, "\(token)")
        #expect(created.stderr.contains("shown only now"))
        let file = try Data(contentsOf: URL(fileURLWithPath: cli.databasePath))
        #expect(file.range(of: Data(token.utf8)) == nil, "only the token's hash is stored")
        let list = try await cli.run(["users", "tokens", "list", "ann"])
        #expect(list.stdout.contains("phone") && list.stdout.contains("live") && !list.stdout.contains(token))
        let reader = try SQLiteStore(path: cli.databasePath, access: .readOnly)
        let ann = try #require(try await reader.user(named: "ann"))
        let id = try #require(try await reader.tokens(userID: ann.id).first?.id)
        #expect(try await cli.run(["users", "tokens", "revoke", "ann", String(id)]).stdout.contains("revoked token \(id)"))
        #expect(try await cli.run(["users", "tokens", "list", "ann"]).stdout.contains("revoked 20"))
        #expect(try await cli.run(["users", "tokens", "revoke", "ann", "999"]).status == 66)
        #expect(try await cli.run(["users", "list"]).stdout.split(separator: "\n")[2].contains("     0  "), "no live token left")
    }

    @Test("read, unread, star, unstar and stories --unread/--read/--starred, per story and per user")
    func readState() async throws {
        let (cli, bridge, copies, other) = try await Self.seeded()
        #expect(Self.ids(try await cli.run(["stories"]).stdout) == [bridge, other])
        #expect(Self.ids(try await cli.run(["stories", "--unread"]).stdout) == [bridge, other])

        let read = try await cli.run(["read", "--entry", String(copies[2])])
        #expect(read.status == 0 && read.stdout.contains("read the story of entry \(copies[2])"), "\(read.stderr)")
        #expect(Self.ids(try await cli.run(["stories", "--unread"]).stdout) == [other], "one copy read marks its story read")
        #expect(Self.ids(try await cli.run(["stories", "--read"]).stdout) == [bridge])
        let marked = try await cli.run(["stories", "--user", "default"])
        #expect(marked.stdout.contains("-" + String(bridge).leftPadded(6)), "\(marked.stdout)")
        let plain = try await cli.run(["stories"])
        #expect(plain.stdout.contains(" " + String(bridge).leftPadded(6)), "a listing without a reader has no marks")

        let json = try await cli.run(["stories", "--format", "json", "--user", "default"])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(parsed.map { $0["read"] as? Bool } == [true, false])
        let noReader = try #require(try JSONSerialization.jsonObject(with: Data(try await cli.run(["stories", "--format", "json"]).stdout.utf8)) as? [[String: Any]])
        #expect(noReader[0]["read"] == nil, "the plain JSON shape is unchanged")

        #expect(try await cli.run(["unread", String(bridge)]).stdout.contains("unread story \(bridge)"))
        #expect(Self.ids(try await cli.run(["stories", "--unread"]).stdout) == [bridge, other])
        let missing = try await cli.run(["read", String(bridge), "424242"])
        #expect(missing.status == 66 && missing.stderr.contains("no story has id 424242"))
        #expect(Self.ids(try await cli.run(["stories", "--unread"]).stdout) == [other], "the ids that exist are marked anyway")

        #expect(try await cli.run(["star", String(other)]).status == 0)
        #expect(Self.ids(try await cli.run(["stories", "--starred"]).stdout) == [other])
        #expect(try await cli.run(["stories", "--starred"]).stdout.contains("*" + String(other).leftPadded(6)))
        #expect(try await cli.run(["unstar", String(other)]).status == 0)
        #expect(try await cli.run(["stories", "--starred"]).stdout.contains("No stories match"))
        #expect(try await cli.run(["star", "--entry", String(copies[0])]).status == 64)

        // Another user: their own state, and only the stories of feeds they follow (none yet).
        #expect(try await cli.run(["users", "add", "ann", "--password-file", try cli.write("pw", "pw\n")]).status == 0)
        #expect(try await cli.run(["stories", "--user", "ann"]).stdout.contains("No stories match"))
        let store = try SQLiteStore(path: cli.databasePath)
        let ann = try #require(try await store.user(named: "ann"))
        let daily = try #require(try await store.feed(matching: "https://daily.example/feed.xml"))
        try await store.subscribe(userID: ann.id, feedID: daily.id, title: nil, tags: [], now: Date())
        await store.close()
        #expect(Self.ids(try await cli.run(["stories", "--user", "ann", "--unread"]).stdout) == [bridge], "ann has not read it")
        #expect(try await cli.run(["read", String(bridge), "--user", "ann"]).stdout.contains("for ann"))
        #expect(try await cli.run(["stories", "--user", "ann", "--unread"]).stdout.contains("No stories match"))
        #expect(try await cli.run(["read", "1", "--user", "nobody"]).status == 66)
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
