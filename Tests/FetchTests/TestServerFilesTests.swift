import Foundation
import Testing
@testable import Fetch

/// The test server's `/files/` route, which Pipeline tests use to serve fixture feeds and pages.
@Suite struct TestServerFilesTests {
    @Test func servesFilesWithValidatorsAndStaysInsideTheDirectory() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("syndic-files-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory + "/feeds", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data("<rss version=\"2.0\"/>".utf8).write(to: URL(fileURLWithPath: directory + "/feeds/a.xml"))
        let server = try await TestHTTPServer.start(filesDirectory: directory)
        defer { server.stop() }
        let fetcher = Fetcher()

        let first = try await fetcher.fetch(FetchRequest(url: server.url("/files/feeds/a.xml"))).get()
        #expect(first.status == 200)
        #expect(first.body == Array("<rss version=\"2.0\"/>".utf8))
        #expect(first.headers["Content-Type"] == "application/xml")
        let etag = try #require(first.headers["ETag"])

        let second = try await fetcher.fetch(FetchRequest(url: server.url("/files/feeds/a.xml"), etag: etag)).get()
        #expect(second.status == 304)
        #expect(try server.stats().not_modified == 1)

        for path in ["/files/feeds/missing.xml", "/files/../../etc/passwd", "/files/%2e%2e/%2e%2e/etc/passwd"] {
            #expect(try await fetcher.fetch(FetchRequest(url: server.url(path))).get().status == 404, "\(path)")
        }
    }
}
