import Foundation
import Hummingbird
import HummingbirdTesting
import SQLiteStore
import Storage
import Testing
import TestSupport
@testable import WebView

/// The web view through Hummingbird's in-process test client, on a real SQLite database.
@Suite("Web view")
struct WebViewTests {
    /// Clock for the server: one hour after the last seeded story.
    static let now = Clock.at(hours: 4)

    static func world(in store: (any SyndicStore)? = nil) async throws -> StoryWorld {
        let world = try store.map(StoryWorld.init(store:)) ?? StoryWorld()
        try await world.addStory([
            .init(site: "wire.example", title: "Council approves new bridge", url: "https://wire.example/bridge",
                  contentHTML: "<p>The council approved the bridge. Work starts in May.</p>"),
            .init(site: "daily.example", title: "Bridge approved"),
        ], at: Clock.at(hours: 2))
        try await world.addStory([
            .init(site: "evil.example", title: "<script>alert(1)</script>Hostile<img src=x onerror=alert(2)>",
                  url: "javascript:alert(3)", contentHTML: "<p onclick=alert(4)>Body <a href='data:text/html,x'>link</a>.</p><script>alert(5)</script>"),
        ], articleText: "Text with <script>alert(6)</script> inside. --> </style>", at: Clock.at(hours: 3))
        try await world.addStory([.init(site: "old.example", title: "Old story")], at: Clock.at(hours: -200))
        return world
    }

    /// The same world in a SQLite file, for a real `syndic serve`: its path.
    static func worldFile() async throws -> String {
        let store = try TestStores.sqlite("web")
        _ = try await world(in: store)
        return store.path
    }

    static func app(_ world: StoryWorld) -> some ApplicationProtocol {
        Application(router: WebServer.router(database: world.db, clock: { now }))
    }

    /// Checks a page: parses, no script, no event handler, only http(s) or site-relative links, CSP sent.
    static func expectInert(_ response: TestResponse, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true, sourceLocation: sourceLocation)
        let html = String(buffer: response.body)
        let doc = try #require(LibXMLDocument(html: html), sourceLocation: sourceLocation)
        let (elements, attributes) = doc.elementsAndAttributes()
        #expect(!elements.contains("script") && !elements.contains("iframe") && !elements.contains("img"), sourceLocation: sourceLocation)
        #expect(!attributes.contains { $0.0.hasPrefix("on") || $0.0 == "src" || $0.0 == "style" }, sourceLocation: sourceLocation)
        for (name, value) in attributes where name == "href" || name == "action" {
            #expect(value.hasPrefix("https://") || value.hasPrefix("http://") || value.hasPrefix("/"), "\(name)=\(value)",
                    sourceLocation: sourceLocation)
        }
        #expect(!html.lowercased().contains("javascript:") && !html.contains("data:text"), sourceLocation: sourceLocation)
    }

    @Test("/ lists stories with since and min-sources filters, linking to their pages")
    func stories() async throws {
        let world = try await Self.world()
        try await Self.app(world).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = String(buffer: response.body)
                #expect(html.contains("Council approves new bridge") && html.contains("Hostile") && !html.contains("Old story"))
                #expect(html.contains("href=\"/story/1\""))
                try Self.expectInert(response)
            }
            try await client.execute(uri: "/?since=all&min-sources=2", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("Council approves new bridge") && !html.contains("Hostile"))
                #expect(html.contains("<option value=\"2\" selected>"))
            }
            try await client.execute(uri: "/?since=all", method: .get) { response in
                #expect(String(buffer: response.body).contains("Old story"))
            }
            try await client.execute(uri: "/?since=tomorrow%3Cscript%3E", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("&lt;script&gt;"))
                try Self.expectInert(response)
            }
        }
    }

    @Test("/story/ID shows copies and text; unknown or malformed ids are 404 pages")
    func story() async throws {
        let world = try await Self.world()
        let hostile = try #require(try await world.db.stories(StoryQuery(minSources: 1)).first { $0.headline.contains("Hostile") }?.id)
        try await Self.app(world).test(.router) { client in
            try await client.execute(uri: "/story/1", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("daily.example") && html.contains("similarity 0.82") && html.contains("representative"))
                #expect(html.contains("The council approved the bridge."))
            }
            try await client.execute(uri: "/story/\(hostile)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("Text with &lt;script&gt;alert(6)&lt;/script&gt; inside."))
                #expect(String(buffer: response.body).contains("link hidden"))
                try Self.expectInert(response)
            }
            for uri in ["/story/424242", "/story/abc", "/nowhere"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    try Self.expectInert(response)
                }
            }
        }
    }

    @Test("/feeds shows last fetch, status, error and next fetch, escaped")
    func feeds() async throws {
        let world = try await Self.world()
        var feed = try #require(try await world.db.feed(matching: "https://evil.example/feed.xml"))
        feed.lastFetchedAt = Clock.at(hours: 3)
        feed.lastStatus = 500
        feed.consecutiveFailures = 2
        feed.lastError = "<script>alert('err')</script>server error"
        feed.nextFetchAt = Clock.at(hours: 5)
        try await world.db.updateFeed(feed)
        try await Self.app(world).test(.router) { client in
            try await client.execute(uri: "/feeds", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("HTTP 500") && html.contains("2 failures: &lt;script&gt;"))
                #expect(html.contains(">2026-11-18 16:06 UTC</time>"))  // next fetch
                #expect(html.contains("not fetched yet"))
                try Self.expectInert(response)
            }
        }
    }

    @Test("digest feeds: media types, ETag, 304 on If-None-Match, a new ETag when the data changes")
    func digestFeeds() async throws {
        let world = try await Self.world()
        let app = Self.app(world)
        let expected: [(String, String)] = [
            ("/digest.atom", "application/atom+xml; charset=utf-8"), ("/digest.rss", "application/rss+xml; charset=utf-8"),
            ("/digest.json", "application/feed+json; charset=utf-8"), ("/digest.html", "text/html; charset=utf-8"),
            ("/digest.md", "text/markdown; charset=utf-8"),
        ]
        try await app.test(.router) { client in
            for (uri, type) in expected {
                let tag = try await client.execute(uri: uri, method: .get) { response -> String in
                    #expect(response.status == .ok, "\(uri)")
                    #expect(response.headers[.contentType] == type)
                    let body = String(buffer: response.body)
                    #expect(body.contains("Council approves new bridge") && !body.contains("Old story"), "\(uri)")
                    let unescaped = body.replacingOccurrences(of: "\\<", with: "")  // Markdown's escaped "<" is text
                    #expect(!unescaped.lowercased().contains("<script") && !body.contains("javascript:"), "\(uri)")
                    return try #require(response.headers[.eTag])
                }
                try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: "\"other\", \(tag)"]) { response in
                    #expect(response.status == .notModified, "\(uri)")
                    #expect(response.body.readableBytes == 0)
                    #expect(response.headers[.eTag] == tag)
                }
            }
            let atom = try await client.execute(uri: "/digest.atom?since=all&min-sources=2&title=Mine", method: .get) { response in
                String(buffer: response.body)
            }
            let doc = try #require(LibXMLDocument(xml: atom))
            #expect(doc.strings("//atom:entry/atom:title") == ["Council approves new bridge"])
            #expect(doc.strings("/atom:feed/atom:title") == ["Mine"])
            let before = try await client.execute(uri: "/digest.atom", method: .get) { $0.headers[.eTag] }
            try await world.addCopy(.init(site: "late.example", title: "Late copy"), to: 1, at: Clock.at(hours: 3.5))
            try await client.execute(uri: "/digest.atom", method: .get, headers: [.ifNoneMatch: before ?? ""]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] != before)
                #expect(String(buffer: response.body).contains("late.example"))
            }
            try await client.execute(uri: "/digest.rss?min-sources=0", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test("/healthz answers ok; only GET and HEAD routes exist")
    func health() async throws {
        let world = try await Self.world()
        try await Self.app(world).test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "ok\n")
            }
            try await client.execute(uri: "/", method: .post) { response in
                #expect(response.status != .ok)
            }
            for uri in ["/", "/feeds", "/story/1", "/digest.atom", "/healthz"] {
                try await client.execute(uri: uri, method: .head) { response in
                    #expect(response.status == .ok, "HEAD \(uri)")
                }
            }
        }
    }

    @Test("ETag matching handles lists, weak tags and *")
    func etagMatching() {
        let tag = ETag.of(["body"])
        #expect(ETag.matches(tag, tag))
        #expect(ETag.matches("W/\(tag)", tag))
        #expect(ETag.matches("\"a\", \(tag)", tag))
        #expect(ETag.matches("*", tag))
        #expect(!ETag.matches("\"a\"", tag))
        #expect(!ETag.matches(nil, tag))
        #expect(ETag.of(["body"]) != ETag.of(["body "]))
        #expect(ETag.of(["a", "b"]) != ETag.of(["ab"]), "parts are separated")
    }
}
