import Foundation
import Testing
import TestSupport

/// newsboat (a real Google Reader API client) against `syndic serve`: `urls-source "freshrss"` where
/// newsboat has it (2.22 and later), else `urls-source "feedhq"` (Debian 12's newsboat 2.21: the same
/// ClientLogin, subscription/list, edit-tag and token calls, with the streams read as
/// `reader/atom/STREAM`), with the server's URL.
///
/// Neither mode has a reading-list view (newsboat's freshrssapi.cpp and feedhqapi.cpp fetch each
/// subscription's stream): the test checks what newsboat shows: every subscription under the user's
/// title, each entry once, Syndic's story-level read state (reading one copy reads the others)
/// reaching newsboat's unread count, and marking read in newsboat itself (driven through tmux)
/// reaching Syndic for every copy.
@Suite("newsboat against the Google Reader API", .serialized)
struct NewsboatTests {
    static let newsboat = ["/usr/bin/newsboat", "/usr/local/bin/newsboat"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// `freshrss` from newsboat 2.22 on, else `feedhq`.
    static func mode() async throws -> String {
        let version = try await run(["-v"], home: FileManager.default.temporaryDirectory.path).stdout
        let numbers = version.split(separator: " ").dropFirst().first?.split(separator: ".").compactMap { Int($0) } ?? []
        return numbers.count >= 2 && (numbers[0], numbers[1]) >= (2, 22) ? "freshrss" : "feedhq"
    }

    /// A newsboat home with its config pointing at the server: (config, cache, home).
    static func setUp(_ world: APIWorld) async throws -> (config: String, cache: String, home: String) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("newsboat-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let config = home + "/config"
        let mode = try await mode()
        print("NewsboatTests: urls-source \(mode)")
        try """
            urls-source "\(mode)"
            \(mode)-url "\(world.base)"
            \(mode)-login "ann"
            \(mode)-password "\(world.token)"
            \(mode)-min-items 100
            \(mode)-show-special-feeds no
            show-read-feeds yes
            """.write(toFile: config, atomically: true, encoding: .utf8)
        try "".write(toFile: home + "/urls", atomically: true, encoding: .utf8)
        return (config, home + "/cache.db", home)
    }

    static func run(_ arguments: [String], home: String, timeout: TimeInterval = 120) async throws -> ProcessOutput {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result {
                    try ProcessRunner.run(URL(fileURLWithPath: newsboat!), arguments,
                                          environment: ["HOME": home, "XDG_CONFIG_HOME": home, "XDG_DATA_HOME": home, "TERM": "xterm"],
                                          timeout: timeout)
                })
            }.start()
        }
    }

    static func sqlite(_ database: String, _ query: String) async throws -> [String] {
        let output = try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/sqlite3"), [database, query]) }) }.start()
        }
        return output.stdout.split(separator: "\n").map(String.init)
    }

    static func unread(_ output: String) -> Int? {
        output.split(separator: "\n").compactMap { line -> Int? in
            guard line.contains("unread") else { return nil }
            return Int(line.split(separator: " ").first ?? "")
        }.last
    }

    @Test("newsboat -x reload logs in, lists the subscriptions with their tags, stores each entry once, and sees read stories read")
    func reloadAndPrintUnread() async throws {
        guard Self.newsboat != nil else {
            print("NewsboatTests: skipped: newsboat is not installed (scripts/test.sh installs it with apt-get)")
            return
        }
        let world = try await APIWorld()
        defer { _ = world.stop() }
        let (config, cache, home) = try await Self.setUp(world)
        let first = try await Self.run(["-C", config, "-c", cache, "-u", home + "/urls", "-x", "reload", "print-unread"], home: home)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(Self.unread(first.stdout) == 3, "three entries in three feeds, all unread: \(first.stdout)")
        let feeds = try await Self.sqlite(cache, "SELECT rssurl FROM rss_feed ORDER BY rssurl")
        #expect(feeds.count == 3 && feeds.allSatisfy { $0.contains("/stream/contents/feed%2F") || $0.contains("/reader/atom/feed%2F") }, "\(feeds)")
        let guids = try await Self.sqlite(cache, "SELECT guid FROM rss_item ORDER BY guid")
        #expect(guids.sorted() == [world.bridgeWire, world.bridgeDaily, world.lone].map(GReaderIDForTests.long).sorted(), "each entry once")
        let titles = try await Self.sqlite(cache, "SELECT title FROM rss_item ORDER BY title")
        #expect(titles == ["Bridge approved by council", "Council approves new bridge", "New chip announced"])
        // Read one copy through the API: newsboat then counts both copies read.
        _ = try await world.change("edit-tag", [("i", String(world.bridgeDaily)), ("a", "user/-/state/com.google/read")])
        let second = try await Self.run(["-C", config, "-c", cache, "-u", home + "/urls", "-x", "reload", "print-unread"], home: home)
        #expect(Self.unread(second.stdout) == 1, "both copies of the bridge read: \(second.stdout)")
    }

    @Test("marking an article read in newsboat (tmux send-keys) marks the story read in Syndic, all copies")
    func markReadInNewsboat() async throws {
        guard Self.newsboat != nil, let tmux = Self.tmux else {
            print("NewsboatTests: skipped: newsboat or tmux is not installed")
            return
        }
        let world = try await APIWorld()
        defer { _ = world.stop() }
        let (config, cache, home) = try await Self.setUp(world)
        _ = try await Self.run(["-C", config, "-c", cache, "-u", home + "/urls", "-x", "reload"], home: home)
        let session = "syndic-\(UUID().uuidString.prefix(8))"
        func tmuxRun(_ arguments: [String]) async throws -> ProcessOutput {
            try await withCheckedThrowingContinuation { continuation in
                Thread {
                    continuation.resume(with: Result {
                        try ProcessRunner.run(URL(fileURLWithPath: tmux), arguments, environment: ["HOME": home, "TERM": "xterm"])
                    })
                }.start()
            }
        }
        let command = "HOME=\(home) \(Self.newsboat!) -C \(config) -c \(cache) -u \(home)/urls -d \(home)/log -l 6"
        // Through bash, every inherited descriptor closed: the tmux server it forks must not hold this
        // process's pipes (those of ProcessRunner and of the running `syndic serve`) open.
        let script = #"for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-" 2>/dev/null; done; "#
            + "exec \(tmux) new-session -d -s \(session) -x 120 -y 40 '\(command)' >/dev/null 2>&1 </dev/null"
        let started = try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result {
                    try ProcessRunner.run(URL(fileURLWithPath: "/bin/bash"), ["-c", script],
                                          environment: ["HOME": home, "TERM": "xterm"])
                })
            }.start()
        }
        #expect(started.status == 0, "\(started.stderr)")
        let panePID = Int32(try await tmuxRun(["list-panes", "-t", session, "-F", "#{pane_pid}"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        defer {
            _ = try? ProcessRunner.run(URL(fileURLWithPath: tmux), ["kill-session", "-t", session])
            if panePID > 0 { kill(panePID, SIGKILL) }  // newsboat, started by this test, never outlives it
        }
        func screen() async throws -> String { try await tmuxRun(["capture-pane", "-p", "-t", session]).stdout }
        func waitFor(_ text: String) async throws -> Bool {
            for _ in 0..<60 {
                if try await screen().contains(text) { return true }
                try await Task.sleep(for: .milliseconds(250))
            }
            return false
        }
        let listed = try await waitFor("Daily")
        let feedList = try await screen()
        #expect(listed, "newsboat shows the feed list: \(feedList)")
        // The second feed (Daily, by feed id), then its only article: newsboat marks it read on the server.
        for keys in [["Down"], ["Enter"], ["Enter"]] {
            _ = try await tmuxRun(["send-keys", "-t", session] + keys)
            try await Task.sleep(for: .milliseconds(700))
        }
        // newsboat sends the mark when the article is left (or at the latest when it quits): back
        // out step by step, checking Syndic after each.
        var read = false
        for _ in 0..<3 where !read {
            _ = try await tmuxRun(["send-keys", "-t", session, "q"])
            for _ in 0..<20 where !read {
                try await Task.sleep(for: .milliseconds(250))
                read = try await world.isRead(story: world.bridgeWire)
            }
        }
        let shown = try await screen()
        let log = (try? String(contentsOfFile: home + "/log", encoding: .utf8)) ?? ""
        let posts = log.split(separator: "\n").filter { $0.contains("edit-tag") || $0.contains("mark_article") }.suffix(5)
        #expect(read, "opening the Daily copy in newsboat marks the bridge story read: \(shown)\n\(posts)")
    }
}
