import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import Testing
import TestSupport
@testable import WebView

@Suite("Web view: ?tag= filters")
struct WebTagFilterTests {
    @Test("/?tag= and the digests' ?tag= show only stories from feeds with the tag; /feeds links each tag")
    func tagFilter() async throws {
        let world = try await WebViewTests.world()
        var wire = try #require(try await world.db.feed(matching: "https://wire.example/feed.xml"))
        wire.tags = ["world"]
        try await world.db.updateFeed(wire)
        try await WebViewTests.app(world).test(.router) { client in
            try await client.execute(uri: "/?tag=World", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("Council approves new bridge") && !html.contains("Hostile"))
                #expect(html.contains("<input type=\"hidden\" name=\"tag\" value=\"World\">"), "the filter form keeps the tag")
                try WebViewTests.expectInert(response)
            }
            try await client.execute(uri: "/?tag=nobody", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("No stories match"))
            }
            try await client.execute(uri: "/digest.atom?tag=world", method: .get) { response in
                let atom = String(buffer: response.body)
                #expect(atom.contains("Council approves new bridge") && !atom.contains("Hostile"))
            }
            try await client.execute(uri: "/digest.atom", method: .get) { response in
                #expect(String(buffer: response.body).contains("Hostile"))
            }
            try await client.execute(uri: "/feeds", method: .get) { response in
                #expect(String(buffer: response.body).contains("href=\"/?tag=world\""))
                try WebViewTests.expectInert(response)
            }
        }
    }

    @Test("a tagged digest's self link keeps the tag, among the digest options in their order")
    func selfLinkKeepsTag() async throws {
        let world = try await WebViewTests.world()
        let router = WebServer.router(database: world.db, clock: { WebViewTests.now },
                                      hosts: HostPolicy(listenHost: "127.0.0.1", publicURL: "https://news.example/"),
                                      address: PublicAddress(configured: "https://news.example/"))
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/digest.atom?title=T&tag=world&junk=1&since=7d", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("https://news.example/digest.atom?since=7d&amp;tag=world&amp;title=T"),
                        "\(String(buffer: response.body).prefix(600))")
            }
        }
    }
}
