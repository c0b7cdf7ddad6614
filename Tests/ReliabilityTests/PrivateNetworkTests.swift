import Foundation
import SQLiteStore
import Storage
import Testing
import TestSupport

/// `syndic poll --deny-private-networks`: loopback, private, link-local and unique-local addresses are
/// refused before any connection, whether written as an address, reached through DNS, or through a redirect.
@Suite("--deny-private-networks", .serialized)
struct PrivateNetworkTests {
    @Test("loopback, private, link-local and unique-local feeds are refused with a clear recorded error; nothing is requested")
    func refusesPrivateAddresses() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        let path = try Reliability.folder("db").appendingPathComponent("s.sqlite").path
        let urls = [
            server.url("/ok"),                          // loopback, by address
            server.url("/ok", host: "localhost"),       // loopback, through DNS
            "http://[::1]:\(server.port)/ok",           // IPv6 loopback
            "http://10.1.2.3/feed.xml",                 // RFC 1918
            "http://192.168.1.1/feed.xml",
            "http://169.254.169.254/latest/meta-data/", // link-local (cloud metadata)
            "http://[fd00::1]/feed.xml",                // unique-local
            "http://[fe80::1]/feed.xml",                // IPv6 link-local
        ]
        var ids: [Int64] = []
        do {
            let db = try SQLiteStore(path: path)
            for url in urls { ids.append(try await db.addFeed(url: url).id) }
        }
        let started = Date()
        let run = try await SyndicRun.run(["poll", "--deny-private-networks", "--full-text", "never"], database: path)
        let elapsed = Date().timeIntervalSince(started)
        #expect(run.status == 0, "feed failures are recorded, the poll itself ran: \(run.stderr)")
        #expect(run.stdout.contains("polled \(urls.count) feeds (0 not modified, \(urls.count) failed)"), "\(run.stdout)")
        #expect(run.stderr.contains("refuses to fetch"), "\(run.stderr)")
        #expect(elapsed < 20, "refusals should not wait for connections (\(elapsed) s)")
        #expect(try server.stats().requests == 0, "the loopback server was contacted")
        let db = try SQLiteStore(path: path)
        for (url, id) in zip(urls, ids) {
            let error = try await db.feed(id: id)?.lastError ?? ""
            #expect(error.contains("private or local address"), "\(url): \(error)")
        }

        // Off by default: the same loopback feed is fetched without the flag (self-hosters poll their own network).
        let allowed = try await SyndicRun.run(["poll", "--force", "--feed", String(ids[0]), "--full-text", "never"], database: path)
        #expect(allowed.status == 0)
        #expect(try server.stats().requests >= 1)
        #expect(!(try await db.feed(id: ids[0])?.lastError ?? "").contains("private"))
    }

    @Test("a public address that redirects to 127.0.0.1 is refused after the redirect (in a private network namespace)")
    func refusesAfterRedirect() async throws {
        let folder = try Reliability.folder("redirect")
        let path = folder.appendingPathComponent("s.sqlite").path
        let serverScript = Reliability.packageRoot.appendingPathComponent("Tests/TestServer/test_server.py").path
        let syndic = Reliability.binary("syndic").path
        // In a new network namespace: 198.51.100.7 (a documentation address, public as far as Syndic can
        // tell) serves a redirect to a server on 127.0.0.1. Nothing leaves the namespace.
        let script = """
        set -e
        # The servers serve until their stdin (a fifo a sleep keeps open) ends; all three are killed at the end.
        ip link set lo up
        ip addr add 198.51.100.7/32 dev lo
        mkfifo '\(folder.path)/stdin'
        sleep 10 > '\(folder.path)/stdin' 2>/dev/null &
        sleep_pid=$!
        python3 '\(serverScript)' --port 0 --bind 198.51.100.7 > '\(folder.path)/public.port' 2>/dev/null < '\(folder.path)/stdin' &
        public_pid=$!
        python3 '\(serverScript)' --port 0 --bind 127.0.0.1 > '\(folder.path)/private.port' 2>/dev/null < '\(folder.path)/stdin' &
        private_pid=$!
        for i in $(seq 50); do [ -s '\(folder.path)/public.port' ] && [ -s '\(folder.path)/private.port' ] && break; sleep 0.1; done
        pub=$(head -1 '\(folder.path)/public.port'); priv=$(head -1 '\(folder.path)/private.port')
        export SYNDIC_DB='\(path)' NO_COLOR=1
        '\(syndic)' feeds add --no-check "http://198.51.100.7:$pub/redirect/302?to=http://127.0.0.1:$priv/ok" >/dev/null
        '\(syndic)' poll --deny-private-networks --full-text never > '\(folder.path)/denied.out' 2>&1
        echo "denied-exit=$?"
        curl -s "http://127.0.0.1:$priv/_stats"; echo
        '\(syndic)' poll --force --full-text never > '\(folder.path)/allowed.out' 2>&1 || true
        curl -s "http://127.0.0.1:$priv/_stats"; echo
        kill $public_pid $private_pid $sleep_pid 2>/dev/null || true
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["unshare", "-n", "bash", "-c", script]
        let log = folder.appendingPathComponent("script.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: log)
        process.standardOutput = logHandle
        process.standardError = logHandle
        process.standardInput = FileHandle.nullDevice
        do { try ProcessLaunch.run(process) } catch {
            print("skipped: unshare is not available, so no public address can be simulated")
            return
        }
        process.waitUntilExit()
        try logHandle.close()
        let output = try String(contentsOf: log, encoding: .utf8)
        if output.contains("Operation not permitted") || output.contains("unshare failed") {
            print("skipped: creating a network namespace is not permitted here (\(output.prefix(200)))")
            return
        }
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("denied-exit=0"), "\(output)")
        let stats = output.split(separator: "\n").filter { $0.hasPrefix("{") }.map(String.init)
        #expect(stats.count == 2, "\(output)")
        #expect(stats.first?.contains("\"requests\": 0") == true, "the private server was contacted despite --deny-private-networks: \(stats)")
        #expect(stats.last?.contains("\"requests\": 1") == true, "control: without the flag the redirect reaches it: \(stats)")
        let db = try SQLiteStore(path: path)
        let feed = try #require(try await db.listFeeds().first?.feed)
        // The last poll (without the flag) replaced the error; the denied one is in denied.out.
        let denied = try String(contentsOfFile: folder.appendingPathComponent("denied.out").path, encoding: .utf8)
        #expect(denied.contains("private or local address 127.0.0.1"), "\(denied)")
        #expect(!(feed.lastError ?? "").contains("private"))
    }

    /// Issue 15 item 2: one network policy for every command that fetches. `news.example` stands for a
    /// public site: it is mapped to the test server (SYNDIC_RESOLVE) and that one address is allowed
    /// (`--allow-address 127.0.0.1:PORT`), so only the redirect into loopback (another port) is private.
    @Test("a public-named URL that redirects into loopback is refused by feeds add, poll, fetch and extract; import refuses file: and private literals")
    func everyCommandAppliesThePolicy() async throws {
        let site = try TestHTTPServer(), canary = try TestHTTPServer()
        defer { site.stop(); canary.stop() }
        let path = try Reliability.folder("policy").appendingPathComponent("s.sqlite").path
        let url = "http://news.example:\(site.port)/redirect/302?to=\(canary.url("/canary/private"))"
        let mapped = ["SYNDIC_RESOLVE": "news.example:\(site.port):127.0.0.1", "SYNDIC_RESOLVE_ONLY": "1"]
        let flags = ["--deny-private-networks", "--allow-address", "127.0.0.1:\(site.port)"]
        func run(_ args: [String], _ env: [String: String] = [:]) async throws -> ProcessOutput {
            try await ProcessRunner.run(Reliability.binary("syndic"), args,
                                  environment: mapped.merging(["SYNDIC_DB": path, "NO_COLOR": "1"]) { $1 }.merging(env) { $1 })
        }

        // The allowed address itself is reachable under the name: the policy is not simply "deny all".
        let direct = try await run(["fetch"] + flags + ["http://news.example:\(site.port)/ok"])
        #expect(direct.status == 0, "\(direct.stderr)")
        #expect(direct.stdout.contains("200  http://news.example:\(site.port)/ok"), "\(direct.stdout)")

        let add = try await run(["feeds", "add"] + flags + [url])
        #expect(add.status == 1, "\(add.stderr)")
        #expect(add.stderr.contains("private or local address 127.0.0.1"), "\(add.stderr)")
        let fetch = try await run(["fetch"] + flags + [url])
        #expect(fetch.status == 1 && fetch.stderr.contains("refuses to fetch"), "\(fetch.stderr)")
        let extract = try await run(["extract"] + flags + [url])
        #expect(extract.status == 1 && extract.stderr.contains("refuses to fetch"), "\(extract.stderr)")
        // Set once for the instance: the environment alone does the same.
        let byEnvironment = try await run(["fetch", url], ["SYNDIC_DENY_PRIVATE_NETWORKS": "1", "SYNDIC_ALLOW_ADDRESSES": "127.0.0.1:\(site.port)"])
        #expect(byEnvironment.status == 1 && byEnvironment.stderr.contains("refuses to fetch"), "\(byEnvironment.stderr)")
        let bad = try await run(["fetch", url], ["SYNDIC_ALLOW_ADDRESSES": "not-an-address"])
        #expect(bad.status == 64 && bad.stderr.contains("SYNDIC_ALLOW_ADDRESSES: 'not-an-address' is not an address"), "\(bad.stderr)")

        await #expect(try run(["feeds", "add", "--no-check", url]).status == 0)
        let poll = try await run(["poll", "--full-text", "never"] + flags)
        #expect(poll.status == 0, "\(poll.stderr)")
        let db = try SQLiteStore(path: path)
        let feed = try #require(try await db.listFeeds().first?.feed)
        #expect(feed.lastError?.contains("private or local address 127.0.0.1") == true, "\(feed.lastError ?? "no error")")
        #expect(try canary.stats().requests == 0, "the loopback canary was reached under the policy")

        let list = try Reliability.folder("import").appendingPathComponent("urls")
        try "file:///etc/passwd\nhttp://10.0.0.1/feed.xml\nhttp://news.example/feed.xml\n".write(to: list, atomically: true, encoding: .utf8)
        let imported = try await run(["feeds", "import", "--deny-private-networks", list.path])
        #expect(imported.stdout.contains("imported: 1 added, 0 already present, 2 invalid"), "\(imported.stdout)\(imported.stderr)")
        #expect(imported.stderr.contains("file:///etc/passwd") && imported.stderr.contains("http://10.0.0.1/feed.xml"))

        // Control: without the policy the redirect reaches the canary.
        let open = try await run(["fetch", url])
        #expect(open.status == 0, "\(open.stderr)")
        #expect(try canary.stats().requests == 1)
    }
}
