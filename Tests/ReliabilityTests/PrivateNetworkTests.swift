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
        let run = try SyndicRun.run(["poll", "--deny-private-networks", "--full-text", "never"], database: path)
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
        let allowed = try SyndicRun.run(["poll", "--force", "--feed", String(ids[0]), "--full-text", "never"], database: path)
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
        do { try process.run() } catch {
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
}
