import Credentials
import Foundation
import SQLiteStore
import Storage
import Testing
import TestSupport

/// An HTTP answer read by the `curl` command (libcurl): status, headers (lowercased names) and body.
struct CurlAnswer: Sendable {
    var status: Int
    var headers: [String: String]
    var body: String

    /// The body as a JSON object (a test failure when it is not one).
    func json(sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let object = try? JSONSerialization.jsonObject(with: Data(body.utf8))
        return try #require(object as? [String: Any], "not a JSON object: \(body.prefix(300))", sourceLocation: sourceLocation)
    }
}

/// Requests through the real `curl` (libcurl), started without blocking a Swift concurrency thread.
enum Curl {
    static let executable = URL(fileURLWithPath: "/usr/bin/curl")

    static func run(_ arguments: [String]) async throws -> ProcessOutput {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try ProcessRunner.run(executable, arguments, timeout: 120) }) }.start()
        }
    }

    /// One request: GET with `form` in the query (`-G`), or POST with `form` as the body.
    static func call(_ url: String, post: Bool = false, form: [(String, String)] = [], headers: [String] = []) async throws -> CurlAnswer {
        var arguments = ["-sS", "-i", "--max-time", "60", "-g"]
        for header in headers { arguments += ["-H", header] }
        if post {
            arguments += form.isEmpty ? ["-X", "POST", "-d", ""] : []
        } else if !form.isEmpty {
            arguments.append("-G")
        }
        for (name, value) in form { arguments += ["--data-urlencode", "\(name)=\(value)"] }
        arguments.append(url)
        let output = try await run(arguments)
        guard output.status == 0 else { throw CurlFailure.failed(output.stderr) }
        return parse(output.stdout)
    }

    static func parse(_ text: String) -> CurlAnswer {
        var rest = Substring(text)
        // Skip interim 100 Continue heads.
        while rest.hasPrefix("HTTP/1.1 100"), let end = rest.range(of: "\r\n\r\n") { rest = rest[end.upperBound...] }
        let split = rest.range(of: "\r\n\r\n")
        let head = split.map { rest[..<$0.lowerBound] } ?? rest
        let body = split.map { String(rest[$0.upperBound...]) } ?? ""
        let lines = head.components(separatedBy: "\r\n")
        let status = lines.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return CurlAnswer(status: status, headers: headers, body: body)
    }
}

enum CurlFailure: Error { case failed(String) }

/// A real SQLite database with two feeds that carry one story (the bridge) and a third story of
/// its own, a user `ann` (password, token, Fever key) subscribed to all three feeds with labels,
/// and a running `syndic serve` on it.
final class APIWorld: @unchecked Sendable {
    static let password = "correct horse battery"
    static let feverPassword = "fever-api-password"
    let path: String
    let server: ServeProcess
    let token: String
    let feverKey: String
    /// Entry ids: the bridge's copies (wire's first: the representative), and the lone story's entry.
    let bridgeWire: Int64, bridgeDaily: Int64, lone: Int64
    let wireFeed: Int64, dailyFeed: Int64, loneFeed: Int64
    let userID: Int64

    var base: String { server.baseURL + "api/greader.php" }
    var auth: String { "Authorization: GoogleLogin auth=ann/\(token)" }

    /// With `users: false`, nobody has a password (the API must stay off).
    init(users: Bool = true, serveArguments: [String] = []) async throws {
        let store = try TestStores.sqlite("api")
        path = store.path
        let now = Date()
        func feed(_ site: String, tags: [String]) async throws -> Int64 {
            try await store.addFeed(url: "https://\(site)/feed.xml", title: site.uppercased(), tags: tags, now: now).id
        }
        wireFeed = try await feed("wire.example", tags: ["News"])
        dailyFeed = try await feed("daily.example", tags: ["News", "Local"])
        loneFeed = try await feed("lone.example", tags: ["Tech"])
        func entry(_ feedID: Int64, _ guid: String, _ title: String, hoursAgo: Double, content: String) async throws -> Int64 {
            let draft = EntryDraft(guid: guid, url: "https://example.org/\(guid)", title: title, author: "Reporter",
                                   publishedAt: now.addingTimeInterval(-hoursAgo * 3600), updatedAt: nil, summaryHTML: nil,
                                   contentHTML: content, contentHash: guid)
            return try await store.upsertEntries(feedID: feedID, [draft], now: now)[0].entryID
        }
        bridgeWire = try await entry(wireFeed, "wire-bridge", "Council approves new bridge", hoursAgo: 3, content: "<p>The council approved the bridge.</p>")
        bridgeDaily = try await entry(dailyFeed, "daily-bridge", "Bridge approved by council", hoursAgo: 2, content: "<p>Bridge approved.</p>")
        lone = try await entry(loneFeed, "lone-chip", "New chip announced", hoursAgo: 1, content: "<p>A chip.</p>")
        try await store.applyStoryAssignments([StoryAssignment(entryID: bridgeWire, storyID: bridgeWire, similarity: 1),
                                               StoryAssignment(entryID: bridgeDaily, storyID: bridgeWire, similarity: 0.9),
                                               StoryAssignment(entryID: lone, storyID: lone, similarity: 1)], now: now)
        let made = APITokenSecret.make()
        token = made.token
        feverKey = FeverKey.make(user: "ann", apiPassword: Self.feverPassword)
        if users {
            let hash = try PasswordHash.make(Self.password, parameters: .init(logCost: 10, blockSize: 8, parallelism: 1))
            let ann = try await store.addUser(name: "ann", passwordHash: hash, now: now)
            userID = ann.id
            _ = try await store.addToken(userID: ann.id, label: "test", tokenHash: made.hash, now: now)
            try await store.setFeverKey(userID: ann.id, key: feverKey)
            try await store.subscribe(userID: ann.id, feedID: wireFeed, title: "Wire", tags: ["News"], now: now)
            try await store.subscribe(userID: ann.id, feedID: dailyFeed, title: "Daily", tags: ["News", "Local"], now: now)
            try await store.subscribe(userID: ann.id, feedID: loneFeed, title: nil, tags: ["Tech"], now: now)
        } else {
            userID = 0
        }
        await store.close()
        server = try await ServeProcess.start(database: path, arguments: serveArguments)
    }

    func stop() -> String { server.stop().stderr }

    /// A signed-in Google Reader call (`endpoint` under reader/api/0/).
    func reader(_ endpoint: String, post: Bool = false, form: [(String, String)] = []) async throws -> CurlAnswer {
        try await Curl.call(base + "/reader/api/0/" + endpoint, post: post, form: form, headers: [auth])
    }

    /// The action token.
    func actionToken() async throws -> String {
        try await reader("token").body.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A state-changing POST with the action token.
    func change(_ endpoint: String, _ form: [(String, String)]) async throws -> CurlAnswer {
        try await reader(endpoint, post: true, form: form + [("T", try await actionToken())])
    }

    /// Item ids (entry ids) of a stream, in order.
    func streamIDs(_ stream: String, _ form: [(String, String)] = []) async throws -> [Int64] {
        let answer = try await reader("stream/contents/" + stream, form: form)
        let items = try answer.json()["items"] as? [[String: Any]] ?? []
        return try items.map { try GReaderIDForTests.parse($0["id"] as? String ?? "") }
    }

    /// A Fever call with ann's key.
    func fever(_ query: String, _ form: [(String, String)] = [], key: String? = nil) async throws -> CurlAnswer {
        try await Curl.call(server.baseURL + "api/fever.php?api" + (query.isEmpty ? "" : "&" + query), post: true,
                            form: [("api_key", key ?? feverKey)] + form)
    }

    /// ann's read state of a story, straight from the database (opened read-only: never contends
    /// for the write lock with the running server).
    func isRead(story: Int64) async throws -> Bool {
        let store = try SQLiteStore(path: path, access: .readOnly)
        let states = try await store.readStates(userID: userID, storyIDs: [story])
        await store.close()
        return states.first?.readAt != nil
    }
}

/// The long item id form, parsed independently of the server's code.
enum GReaderIDForTests {
    static func parse(_ text: String) throws -> Int64 {
        let prefix = "tag:google.com,2005:reader/item/"
        guard text.hasPrefix(prefix), text.count == prefix.count + 16, let value = Int64(text.dropFirst(prefix.count), radix: 16) else {
            throw CurlFailure.failed("not a long item id: \(text)")
        }
        return value
    }

    static func long(_ id: Int64) -> String {
        let hex = String(id, radix: 16)
        return "tag:google.com,2005:reader/item/" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
