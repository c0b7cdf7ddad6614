import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import Testing
import TestSupport
@testable import WebView

/// The reader APIs' security rules: off without users, rate-limited logins, no credentials in
/// logs, no plain HTTP on a non-loopback address unless asked.
@Suite("Reader APIs: security", .serialized)
struct APISecurityTests {
    @Test("without a user who has a password, every API path answers 404 saying how to add one; the web view still works")
    func offWithoutUsers() async throws {
        let world = try await APIWorld(users: false)
        defer { _ = world.stop() }
        for path in ["api/greader.php/accounts/ClientLogin", "api/greader.php/reader/api/0/stream/contents/user/-/state/com.google/reading-list",
                     "api/fever.php?api"] {
            let answer = try await Curl.call(world.server.baseURL + path, post: true, form: [("Email", "default"), ("Passwd", "x")])
            #expect(answer.status == 404, "\(path)")
            #expect(answer.body.contains("syndic users add"), "\(path)")
        }
        let page = try await Curl.call(world.server.baseURL + "?since=all")
        #expect(page.status == 200 && page.body.contains("Council approves new bridge"))
    }

    @Test("a serve started without users turns the API on when `syndic users add` runs, without a restart")
    func onWhenFirstUserAdded() async throws {
        let world = try await APIWorld(users: false)
        defer { _ = world.stop() }
        let login = world.base + "/accounts/ClientLogin"
        #expect(try await Curl.call(login, post: true, form: [("Email", "bob"), ("Passwd", APIWorld.password)]).status == 404)
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("pw-\(UUID().uuidString)")
        try (APIWorld.password + "\n").write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        let added = try await ProcessRunner.run(BuiltProducts.executable("syndic"), ["users", "add", "bob", "--password-file", secret.path],
                                                environment: ["SYNDIC_DB": world.path], timeout: 60)
        #expect(added.status == 0, "\(added.stderr)")
        // The server looks at the users again at most once a second: a few tries, then it must answer.
        var answer = try await Curl.call(login, post: true, form: [("Email", "bob"), ("Passwd", APIWorld.password)])
        for _ in 0..<20 where answer.status == 404 {
            try await Task.sleep(for: .milliseconds(250))
            answer = try await Curl.call(login, post: true, form: [("Email", "bob"), ("Passwd", APIWorld.password)])
        }
        #expect(answer.status == 200 && answer.body.contains("Auth=bob/"), "\(answer.status) \(answer.body)")
        let token = answer.body.split(separator: "\n").last.map { String($0.dropFirst("Auth=".count)) } ?? ""
        let list = try await Curl.call(world.base + "/reader/api/0/subscription/list?output=json", headers: ["Authorization: GoogleLogin auth=\(token)"])
        #expect(list.status == 200, "the API reads and writes through the store opened for writing: \(list.body)")
        let mark = try await Curl.call(world.base + "/reader/api/0/token", headers: ["Authorization: GoogleLogin auth=\(token)"])
        #expect(mark.status == 200)
    }

    @Test("5 failed logins a minute from one address, then 429 with Retry-After, even for the right password (and for Fever)")
    func rateLimit() async throws {
        let world = try await APIWorld()
        defer { _ = world.stop() }
        let url = world.base + "/accounts/ClientLogin"
        for attempt in 1...5 {
            let wrong = try await Curl.call(url, post: true, form: [("Email", "ann"), ("Passwd", "guess\(attempt)")])
            #expect(wrong.status == 403, "attempt \(attempt)")
        }
        let limited = try await Curl.call(url, post: true, form: [("Email", "ann"), ("Passwd", APIWorld.password)])
        #expect(limited.status == 429)
        let retry = Int(limited.headers["retry-after"] ?? "") ?? 0
        #expect((1...60).contains(retry), "Retry-After: \(limited.headers["retry-after"] ?? "none")")
        #expect(limited.body.contains("try again in"))
        let fever = try await world.fever("")
        #expect(fever.status == 429)
        let signedIn = try await world.reader("user-info")
        #expect(signedIn.status == 429, "a limited address is refused on every API path")
    }

    @Test("no password, token or Fever key in what serve logs, even with --verbose")
    func noCredentialsInLogs() async throws {
        let world = try await APIWorld(serveArguments: ["--verbose"])
        let url = world.base + "/accounts/ClientLogin"
        let login = try await Curl.call(url, form: [("Email", "ann"), ("Passwd", APIWorld.password)])
        let issued = login.body.split(separator: "\n").last.map { String($0.dropFirst("Auth=ann/".count)) } ?? ""
        _ = try await Curl.call(url, post: true, form: [("Email", "ann"), ("Passwd", "wrong-secret-\(UUID().uuidString)")])
        _ = try await world.reader("stream/contents/user/-/state/com.google/reading-list")
        _ = try await world.fever("items")
        let log = world.stop()
        for secret in [APIWorld.password, world.token, world.feverKey, issued, "wrong-secret", APIWorld.feverPassword] where !secret.isEmpty {
            #expect(!log.contains(secret), "the log holds a credential")
        }
    }

    @Test("the API is off on a non-loopback address without TLS, unless --insecure-http or an https --self-url")
    func insecureRefused() async throws {
        let user = User(id: 2, name: "ann", createdAt: Date(), passwordHash: "$scrypt$x")
        #expect(ReaderAPI.Availability.decide(users: [user], host: "0.0.0.0", selfURL: nil, insecureHTTP: false) == .insecure(host: "0.0.0.0"))
        #expect(ReaderAPI.Availability.decide(users: [user], host: "192.168.1.5", selfURL: "http://news.lan/", insecureHTTP: false)
                == .insecure(host: "192.168.1.5"))
        #expect(ReaderAPI.Availability.decide(users: [user], host: "0.0.0.0", selfURL: nil, insecureHTTP: true) == .on)
        #expect(ReaderAPI.Availability.decide(users: [user], host: "0.0.0.0", selfURL: "https://news.example/", insecureHTTP: false) == .on)
        #expect(ReaderAPI.Availability.decide(users: [user], host: "127.0.0.1", selfURL: nil, insecureHTTP: false) == .on)
        #expect(ReaderAPI.Availability.decide(users: [User(id: 1, name: "default", createdAt: Date())], host: "127.0.0.1", selfURL: nil,
                                              insecureHTTP: false) == .noUsers)
        // What such a server answers, through the router.
        let store = try TestStores.sqlite("insecure")
        let app = Application(router: WebServer.router(database: store, api: ReaderAPI.Settings(store: store, availability: .insecure(host: "0.0.0.0"))))
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/greader.php/accounts/ClientLogin", method: .post) { response in
                #expect(response.status == .forbidden)
                #expect(String(buffer: response.body).contains("--insecure-http"))
            }
            try await client.execute(uri: "/api/fever.php?api", method: .post) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test("serve --host 0.0.0.0 says at start that the API is off and why")
    func insecureWarning() async throws {
        let world = try await APIWorld()
        _ = world.stop()
        let syndic = BuiltProducts.executable("syndic")
        let output = try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result {
                    // --port -1 fails validation after nothing; use a real start and stop on the first line.
                    try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/timeout"),
                                          ["-s", "TERM", "3", syndic.path, "serve", "--host", "0.0.0.0", "--port", "0"],
                                          environment: ["SYNDIC_DB": world.path, "NO_COLOR": "1"], timeout: 30)
                })
            }.start()
        }
        #expect(output.stderr.contains("reader API is off"), "\(output.stderr)")
        #expect(output.stderr.contains("--insecure-http"))
    }
}
