import Fetch
import Foundation
import Testing
import TestSupport

/// DNS rebinding against the real `syndic serve` (ISSUE 15 item 3): libcurl requests with a chosen
/// `Host` header, as `curl -H 'Host: evil.example'` sends them.
@Suite("Web view: Host check and absolute links")
struct ServeHostTests {
    static func get(_ server: ServeProcess, _ path: String, host: String? = nil) async throws -> FetchResponse {
        let headers = host.map { [(name: "Host", value: $0)] } ?? []
        return try await Fetcher().fetch(FetchRequest(url: server.baseURL + path, headers: headers)).get()
    }

    static func atomLinks(_ body: [UInt8]) throws -> (id: [String], links: [String]) {
        let doc = try #require(LibXMLDocument(xml: String(decoding: body, as: UTF8.self)))
        return (doc.strings("/atom:feed/atom:id"), doc.strings("/atom:feed/atom:link/@href"))
    }

    @Test("a foreign Host gets 421 on every route, before the database is read; served names get the page")
    func foreignHostsRefused() async throws {
        let database = try await WebViewTests.worldFile()
        let server = try await ServeProcess.start(database: database, arguments: ["--allowed-host", "news.lan", "--allowed-host", ".home.example"])
        defer { _ = server.stop() }
        for host in ["evil.example", "evil.example:\(server.port)", "127.0.0.1.evil.example", "localhost.evil.example", "news.lan.evil.example",
                     "10.1.2.3", "[fe80::1]", "user@127.0.0.1", "127.0.0.1/x", "localhost:80x"] {
            for path in ["?since=all", "digest.atom?since=all", "story/1", "feeds", "healthz", "nowhere"] {
                let response = try await Self.get(server, path, host: host)
                #expect(response.status == 421, "Host: \(host) /\(path) answered \(response.status)")
                let body = String(decoding: response.body, as: UTF8.self)
                #expect(!body.contains("Council approves new bridge") && !body.contains("<feed"), "Host: \(host) /\(path)")
                #expect(response.headers["Content-Security-Policy"]?.contains("default-src 'none'") == true)
                #expect(response.headers["X-DNS-Prefetch-Control"] == "off")
            }
        }
        let refused = try await Self.get(server, "", host: "evil.example")
        #expect(String(decoding: refused.body, as: UTF8.self).contains("--allowed-host"))
        for host in ["127.0.0.1:\(server.port)", "localhost:\(server.port)", "LOCALHOST", "localhost.", "app.localhost", "[::1]:\(server.port)",
                     "127.9.9.9", "news.lan", "NEWS.LAN:8443", "home.example", "a.b.home.example"] {
            let response = try await Self.get(server, "?since=all", host: host)
            #expect(response.status == 200, "Host: \(host) answered \(response.status)")
            #expect(String(decoding: response.body, as: UTF8.self).contains("Council approves new bridge"), "Host: \(host)")
        }
    }

    @Test("the Atom digest's id and links come from the listening address, whatever the Host says")
    func linksFromListeningAddress() async throws {
        let database = try await WebViewTests.worldFile()
        let server = try await ServeProcess.start(database: database)
        defer { _ = server.stop() }
        let expectedSelf = "\(server.baseURL)digest.atom?since=all&min-sources=1&title=My%20news"
        for host in [nil, "localhost:\(server.port)", "[::1]"] {
            let response = try await Self.get(server, "digest.atom?title=My%20news&junk=%3Cx%3E&since=all&min-sources=1", host: host)
            #expect(response.status == 200)
            let (id, links) = try Self.atomLinks(response.body)
            #expect(id == [expectedSelf], "Host: \(host ?? "(libcurl's)")")
            #expect(links.sorted() == [server.baseURL, expectedSelf].sorted(), "Host: \(host ?? "(libcurl's)")")
        }
    }

    @Test("--self-url sets every absolute link (Atom, RSS, JSON Feed) and its host is answered")
    func linksFromSelfURL() async throws {
        let database = try await WebViewTests.worldFile()
        let server = try await ServeProcess.start(database: database, arguments: ["--self-url", "https://news.example/syndic"])
        defer { _ = server.stop() }
        let atom = try await Self.get(server, "digest.atom?since=all", host: "news.example")
        #expect(atom.status == 200)
        let (id, links) = try Self.atomLinks(atom.body)
        #expect(id == ["https://news.example/syndic/digest.atom?since=all"])
        #expect(links.sorted() == ["https://news.example/syndic/", "https://news.example/syndic/digest.atom?since=all"])
        let rss = String(decoding: try await Self.get(server, "digest.rss?since=all").body, as: UTF8.self)
        #expect(rss.contains("<link>https://news.example/syndic/</link>"))
        #expect(rss.contains("href=\"https://news.example/syndic/digest.rss?since=all\""))
        let jsonBody = try await Self.get(server, "digest.json?since=all").body
        let jsonFeed = try #require(try JSONSerialization.jsonObject(with: Data(jsonBody)) as? [String: Any])
        #expect(jsonFeed["feed_url"] as? String == "https://news.example/syndic/digest.json?since=all")
        #expect(jsonFeed["home_page_url"] as? String == "https://news.example/syndic/")
        let json = String(decoding: jsonBody, as: UTF8.self)
        #expect(!rss.contains("127.0.0.1") && !json.contains("127.0.0.1"))
        #expect(try await Self.get(server, "", host: "other.example").status == 421)
    }

    @Test("serve refuses unusable --self-url, --allowed-host and limits with a usage error")
    func badFlags() async throws {
        let database = try await WebViewTests.worldFile()
        for args in [["--self-url", "javascript:alert(1)"], ["--self-url", "https://news.example/?q=1"], ["--self-url", "ftp://x/"],
                     ["--allowed-host", "http://news.example/"], ["--allowed-host", "news.example:80"], ["--allowed-host", "bad host"],
                     ["--header-timeout", "0"], ["--idle-timeout", "0"], ["--request-timeout", "1e9"], ["--header-timeout", "90", "--request-timeout", "60"],
                     ["--max-connections", "0"]] {
            let result = try await ProcessRunner.run(BuiltProducts.executable("syndic"), ["serve", "--port", "0"] + args,
                                                     environment: ["SYNDIC_DB": database], timeout: 60)
            #expect(result.status == 64, "\(args): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains(args[0]), "\(args): \(result.stderr)")
        }
    }
}
