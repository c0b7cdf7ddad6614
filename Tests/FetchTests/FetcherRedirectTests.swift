import Testing
import TestSupport
@testable import Fetch

/// Redirects: chains recorded hop by hop, permanence, loops and schemes a redirect may not reach.
@Suite struct FetcherRedirectTests {
    let server = TestHTTPServer.shared
    let fetcher = Fetcher()

    @Test(arguments: [(301, true), (302, false), (303, false), (307, false), (308, true)])
    func singleRedirectIsRecorded(status: Int, permanent: Bool) async throws {
        let start = server.url("/redirect/\(status)?to=/ok")
        let response = try await fetcher.fetch(FetchRequest(url: start)).get()
        #expect(response.status == 200)
        #expect(response.finalURL == server.url("/ok"))
        #expect(response.redirects == [RedirectHop(url: start, status: status, location: server.url("/ok"))])
        #expect(response.isPermanentlyRedirected == permanent)
        #expect(String(decoding: response.body, as: UTF8.self) == "hello\n")
    }

    @Test func chainOfFourIsRecordedInOrder() async throws {
        let response = try await fetcher.fetch(FetchRequest(url: server.url("/chain"))).get()
        #expect(response.status == 200)
        #expect(response.redirects.map(\.status) == [301, 302, 307, 308])
        #expect(response.redirects.map(\.url) == ["/chain", "/chain/2", "/chain/3", "/chain/4"].map { server.url($0) })
        #expect(response.redirects.last?.location == server.url("/ok"))
        #expect(response.finalURL == server.url("/ok"))
        #expect(!response.isPermanentlyRedirected)
        #expect(response.headers["Location"] == nil)  // headers are the final response's only
    }

    @Test func absoluteRedirectToAnotherHostIsFollowed() async throws {
        let target = server.url("/ok", host: "localhost")
        let start = server.url("/redirect/301?to=\(target)")
        let response = try await fetcher.fetch(FetchRequest(url: start)).get()
        #expect(response.status == 200)
        #expect(response.finalURL == target)
        #expect(response.redirects == [RedirectHop(url: start, status: 301, location: target)])
        #expect(response.isPermanentlyRedirected)
    }

    @Test func redirectLoopStopsAtTheLimit() async {
        let result = await fetcher.fetch(FetchRequest(url: server.url("/loop")))
        #expect(result.failure == .tooManyRedirects(url: server.url("/loop"), limit: 5))
    }

    @Test(arguments: ["ftp://127.0.0.1/feed.xml", "gopher://127.0.0.1/1", "file:///etc/passwd"])
    func redirectToForbiddenSchemeIsRefused(target: String) async {
        let start = server.url("/redirect/302?to=\(target)")
        let result = await fetcher.fetch(FetchRequest(url: start))
        guard case .unsupportedScheme = result.failure else {
            Issue.record("expected unsupportedScheme, got \(result)")
            return
        }
    }

    @Test(arguments: ["ftp://example.org/feed", "javascript://x", "gopher://example.org/"])
    func unsupportedSchemeIsRefusedUpFront(url: String) async {
        #expect(await fetcher.fetch(FetchRequest(url: url)).failure == .unsupportedScheme(url: url))
    }

    @Test(arguments: ["not a url", "http://", "example.org/feed.xml"])
    func invalidURLIsRefused(url: String) async {
        #expect(await fetcher.fetch(FetchRequest(url: url)).failure == .invalidURL(url: url))
    }
}
