import Foundation
import Testing
import TestSupport
@testable import Fetch

/// Ordinary exchanges with a real HTTP/1.1 server on 127.0.0.1: statuses, validators, headers, bodies.
@Suite struct FetcherResponseTests {
    let server = TestHTTPServer.shared
    let fetcher = Fetcher()

    @Test func okReturnsBodyHeadersAndTimings() async throws {
        let response = try await fetcher.fetch(FetchRequest(url: server.url("/ok"))).get()
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "hello\n")
        #expect(response.headers["etag"] == "\"v1\"")
        #expect(response.headers["LAST-MODIFIED"] == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(response.finalURL == server.url("/ok"))
        #expect(response.requestedURL == server.url("/ok"))
        #expect(response.redirects.isEmpty)
        #expect(response.httpVersion == "1.1")
        #expect(response.timings.total > 0)
        #expect(response.timings.firstByte <= response.timings.total)
        #expect(response.bytesOnWire > 6 + 100)  // status line and headers count too
    }

    @Test func sendsUserAgentValidatorsAndExtraHeaders() async throws {
        let request = FetchRequest(url: server.url("/echo-headers"), etag: "\"abc\"",
                                   lastModified: "Sun, 06 Nov 1994 08:49:37 GMT",
                                   headers: [(name: "X-Test", value: "one\r\nInjected: yes")])
        let response = try await fetcher.fetch(request).get()
        let sent = try JSONDecoder().decode([String: String].self, from: Data(response.body))
        #expect(sent["user-agent"]?.hasPrefix("Syndic/") == true)
        #expect(sent["if-none-match"] == "\"abc\"")
        #expect(sent["if-modified-since"] == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(sent["x-test"] == "oneInjected: yes")
        #expect(sent["injected"] == nil)
        #expect(sent["accept-encoding"]?.contains("gzip") == true)
    }

    @Test(arguments: [
        ("etag matches", FetchRequest(url: "/conditional", etag: "\"v1\""), 304),
        ("last-modified matches", FetchRequest(url: "/conditional", lastModified: "Sun, 06 Nov 1994 08:49:37 GMT"), 304),
        ("etag differs", FetchRequest(url: "/conditional", etag: "\"v0\""), 200),
        ("older last-modified", FetchRequest(url: "/conditional", lastModified: "Sat, 05 Nov 1994 08:49:37 GMT"), 200),
        ("no validators", FetchRequest(url: "/conditional"), 200),
    ])
    func conditionalGet(name: String, template: FetchRequest, expected: Int) async throws {
        var request = template
        request.url = server.url(template.url)
        let response = try await fetcher.fetch(request).get()
        #expect(response.status == expected, "\(name)")
        #expect(response.isNotModified == (expected == 304))
        #expect(response.body.isEmpty == (expected == 304))
    }

    @Test(arguments: [404, 410, 500])
    func errorStatusesAreResponses(status: Int) async throws {
        let response = try await fetcher.fetch(FetchRequest(url: server.url("/status/\(status)"))).get()
        #expect(response.status == status)
        #expect(!response.isSuccess)
        #expect(String(decoding: response.body, as: UTF8.self) == "status \(status)\n")
    }

    @Test func tooManyRequestsCarriesRetryAfterSeconds() async throws {
        let response = try await fetcher.fetch(FetchRequest(url: server.url("/status/429?retry_after=120"))).get()
        #expect(response.status == 429)
        #expect(response.retryAfter() == 120)
    }

    @Test func unavailableCarriesRetryAfterDate() async throws {
        let date = "Wed, 21 Oct 2026 07:28:00 GMT"
        let query = date.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let response = try await fetcher.fetch(FetchRequest(url: server.url("/status/503?retry_after=\(query)"))).get()
        #expect(response.status == 503)
        let now = try #require(HTTPDate.parse("Wed, 21 Oct 2026 07:00:00 GMT"))
        let wait = response.retryAfter(now: now)
        #expect(wait == 1680)
    }

    @Test func repeatedHeadersAreKept() async throws {
        let response = try await fetcher.fetch(FetchRequest(url: server.url("/headers"))).get()
        #expect(response.headers.values(for: "set-cookie") == ["a=1", "b=2"])
        #expect(response.freshnessLifetime() == 300)
        #expect(response.charset == nil)
    }

    @Test func chunkedBodyIsReassembled() async throws {
        let response = try await fetcher.fetch(FetchRequest(url: server.url("/chunked?chunks=5&size=1000"))).get()
        #expect(response.status == 200)
        #expect(response.headers["Transfer-Encoding"] == "chunked")
        #expect(response.body.count == 5000)
        #expect(response.body.first == UInt8(ascii: "a") && response.body.last == UInt8(ascii: "e"))
    }

    @Test func gzipBodyIsDecoded() async throws {
        let response = try await fetcher.fetch(FetchRequest(url: server.url("/bytes?n=50000&gzip=1"))).get()
        #expect(response.headers["Content-Encoding"] == "gzip")
        #expect(response.body == [UInt8](repeating: UInt8(ascii: "a"), count: 50000))
        #expect(response.bytesOnWire < 5000)  // compressed on the wire
    }

    @Test func headReturnsHeadersWithoutBody() async throws {
        let response = try await fetcher.fetch(FetchRequest(url: server.url("/bytes?n=5000"), method: .head)).get()
        #expect(response.status == 200)
        #expect(response.headers["Content-Length"] == "5000")
        #expect(response.body.isEmpty)
    }

    @Test func fileURLIsRead() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("syndic-fetch-\(UUID()).xml").path
        try Data("<rss/>".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let response = try await fetcher.fetch(FetchRequest(url: "file://\(path)")).get()
        #expect(response.status == 200)
        #expect(response.body == Array("<rss/>".utf8))
        let missing = await fetcher.fetch(FetchRequest(url: "file://\(path).missing"))
        #expect(missing.failure == .fileUnreadable(url: "file://\(path).missing"))
    }
}

extension Result {
    /// The error, or nil on success (test convenience).
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
