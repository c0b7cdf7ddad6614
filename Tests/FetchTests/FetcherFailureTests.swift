import Foundation
import Testing
import TestSupport
@testable import Fetch

/// Transfers that end without a usable response: timeouts, stalls, resets, size limits, refused addresses.
@Suite struct FetcherFailureTests {
    let server = TestHTTPServer.shared

    /// Bound on a test's wall time for a transfer the policy must cut: 100 s, 400 s under a sanitizer. The
    /// CPU-heavy and blocking tests running beside this one in the same process hold Swift's cooperative
    /// threads (2 on a 2-core machine), so the awaiting task can resume late: a 0.5 s timeout was measured at
    /// 33 s of wall time in a full normal run on a busy machine, and at 57 s in a full `--sanitize thread` run
    /// (0.7 s when FetchTests run alone under TSan), and at 62 s in a full normal run after the month-long
    /// simulation and the killed-poll tests joined the suite. What the bound proves is that the transfer was cut
    /// long before the server would have answered.
    static let wallBound = 100 * Sanitizer.scaled(4)
    /// The slow server's delay: always well beyond ``wallBound``.
    static let serverDelay = Int(250 * Sanitizer.scaled(4))

    @Test func slowHeadersHitTheTotalTimeout() async {
        let started = Date()
        let url = server.url("/slow-headers?delay=\(Self.serverDelay)")
        let result = await Fetcher().fetch(FetchRequest(url: url, timeout: 0.5))
        #expect(result.failure == .totalTimeout(url: url, seconds: 0.5))
        #expect(Date().timeIntervalSince(started) < Self.wallBound)  // the server would answer after serverDelay s
    }

    @Test func slowBodyIsAbortedAsStalled() async {
        var policy = FetchPolicy()
        policy.lowSpeedBytesPerSecond = 1000
        policy.lowSpeedSeconds = 1
        let url = server.url("/slow-body?bytes=100000&chunk=10&interval=0.25")
        let started = Date()
        let result = await Fetcher(policy: policy).fetch(FetchRequest(url: url))
        #expect(result.failure == .stalled(url: url, bytesPerSecond: 1000, seconds: 1))
        #expect(Date().timeIntervalSince(started) < Self.wallBound)  // the whole body would take over 40 minutes
    }

    @Test func resetMidBodyIsConnectionLost() async {
        let result = await Fetcher().fetch(FetchRequest(url: server.url("/reset")))
        guard case .connectionLost = result.failure else {
            Issue.record("expected connectionLost, got \(result)")
            return
        }
    }

    @Test func declaredHugeBodyIsRefused() async {
        let url = server.url("/bytes?n=200000")
        let result = await Fetcher().fetch(FetchRequest(url: url, maxBodyBytes: 100_000))
        #expect(result.failure == .bodyTooLarge(url: url, limit: 100_000))
    }

    @Test func undeclaredHugeBodyStopsAtTheLimit() async {
        let url = server.url("/chunked?chunks=40&size=10000")
        let result = await Fetcher().fetch(FetchRequest(url: url, maxBodyBytes: 100_000))
        #expect(result.failure == .bodyTooLarge(url: url, limit: 100_000))
        // The same body fits under a larger limit, so the limit (not the route) caused the failure.
        let fits = await Fetcher().fetch(FetchRequest(url: url, maxBodyBytes: 400_000))
        #expect((try? fits.get())?.body.count == 400_000)
    }

    @Test func gzipBombStopsAtTheDefaultLimitOnDecodedBytes() async {
        let url = server.url("/gzip-bomb?n=33554432")  // 32 MiB of zeros, about 32 KB compressed
        let result = await Fetcher().fetch(FetchRequest(url: url))
        #expect(result.failure == .bodyTooLarge(url: url, limit: 16 * 1024 * 1024))
    }

    @Test func deadPortIsRefused() async {
        let url = "http://127.0.0.1:1/feed.xml"
        #expect(await Fetcher().fetch(FetchRequest(url: url)).failure == .refused(url: url))
    }

    /// Tests never ask the system resolver (issue 15 item 6): in test mode an unmapped name is refused
    /// before any lookup, as a transient failure like a DNS error.
    @Test func unknownHostIsRefusedUnlookedInTestMode() async {
        var policy = FetchPolicy()
        policy.network.resolveOnly = true
        let url = "http://no-such-host.invalid/feed.xml"
        let error = await Fetcher(policy: policy).fetch(FetchRequest(url: url)).failure
        #expect(error == .nameNotMapped(url: url, host: "no-such-host.invalid"))
        #expect(error?.isTransient == true && error?.exitCode == .temporaryFailure)
    }

    @Test func privateNetworksCanBeDenied() async {
        var policy = FetchPolicy()
        policy.denyPrivateNetworks = true
        let url = server.url("/ok")
        let result = await Fetcher(policy: policy).fetch(FetchRequest(url: url))
        #expect(result.failure == .privateNetworkDenied(url: url, address: "127.0.0.1"))
        let file = "file:///etc/hostname"
        #expect(await Fetcher(policy: policy).fetch(FetchRequest(url: file)).failure
            == .privateNetworkDenied(url: file, address: "local file"))
    }

    @Test func errorMessagesNameTheURLAndAnAction() {
        let errors: [FetchError] = [
            .dns(url: "http://x.example/", host: "x.example"), .refused(url: "http://x.example/"),
            .totalTimeout(url: "http://x.example/", seconds: 30), .tooManyRedirects(url: "http://x.example/", limit: 5),
            .bodyTooLarge(url: "http://x.example/", limit: 16), .unsupportedScheme(url: "ftp://x.example/"),
        ]
        for error in errors {
            #expect(error.description.contains(error.url))
            #expect(error.description.count > 40)
        }
        #expect(FetchError.totalTimeout(url: "u", seconds: 0.5).description.contains("0.50 s"))
    }
}

/// HTTPS against a self-signed certificate: verification must stay on.
@Suite struct FetcherTLSTests {
    @Test func selfSignedCertificateIsRejected() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("syndic-tls-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let certificate = directory + "/cert.pem", key = directory + "/key.pem"
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                             "-nodes", "-days", "1",
                             "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", certificate]
        openssl.standardError = FileHandle.nullDevice
        openssl.standardOutput = FileHandle.nullDevice
        do { try ProcessLaunch.run(openssl) } catch {
            print("skipped: openssl is not installed")
            return
        }
        openssl.waitUntilExit()
        try #require(openssl.terminationStatus == 0, "openssl could not make a test certificate")

        let server = try await TestHTTPServer.start(tls: (certificate, key))
        defer { server.stop() }
        let url = "https://127.0.0.1:\(server.port)/ok"
        let result = await Fetcher().fetch(FetchRequest(url: url))
        guard case .tls(let failedURL, let detail) = result.failure else {
            Issue.record("expected a TLS error, got \(result)")
            return
        }
        #expect(failedURL == url)
        #expect(!detail.isEmpty)
    }
}
