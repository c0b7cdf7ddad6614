import Fetch
import Foundation
import Testing
import TestSupport

/// `syndic serve` (the real binary, on a real port) under hundreds of slow connections: a normal libcurl
/// client is still served while they are open, and the server closes every slow one once its timeout
/// passes (ISSUE 15 item 5). Only the guard bounds wall time; the assertions are about who closed what.
@Suite("Web view: slow connections")
struct SlowConnectionTests {
    /// Generous: a busy 2-core machine (or a sanitizer) must never make a working server fail.
    static let guardSeconds = 120 * Sanitizer.scaled(3)

    static func served(_ database: String, _ arguments: [String]) async throws -> ServeProcess {
        try await ServeProcess.start(database: database, arguments: arguments)
    }

    static func normalRequest(_ base: String, _ path: String) async throws -> FetchResponse {
        try await Fetcher().fetch(FetchRequest(url: base + path, timeout: guardSeconds)).get()
    }

    @Test("350 slow connections (trickled heads and bodies, silent, HTTP/1.0 kept open): libcurl is served meanwhile; the server closes them all")
    func slowConnectionsAreCutAndOthersServed() async throws {
        let database = try await WebViewTests.worldFile()
        // Long enough that the libcurl request is answered before any slow connection is cut, even on a
        // busy machine (scaled under a sanitizer, where the server itself runs several times slower).
        let timeout = 8 * Sanitizer.scaled(4)
        let server = try await Self.served(database, ["--header-timeout", "\(timeout)", "--request-timeout", "\(timeout * 1.5)",
                                                   "--idle-timeout", "\(timeout)"])
        defer { _ = server.stop() }
        let clients = SlowClients(tick: 0.5)
        let counts: [SlowClients.Kind: Int] = [.tricklingHead: 100, .silent: 100, .http10: 100, .tricklingBody: 50]
        let done = AsyncSignal()
        // The libcurl request is submitted from the clients' own thread the moment they are all open, and
        // dated by libcurl's driver thread (submission + total transfer time): Swift's cooperative threads,
        // which CPU-heavy tests beside this one can hold for a minute, play no part in the ordering.
        let fetcher = Fetcher()
        let normal = RequestBox()
        await withCheckedContinuation { (opened: CheckedContinuation<Void, Never>) in
            clients.run(port: server.port, count: counts, guardSeconds: Self.guardSeconds, opened: {
                normal.submit(fetcher, FetchRequest(url: server.baseURL + "?since=all", timeout: Self.guardSeconds))
                opened.resume()
            }, finished: { done.fire() })
        }
        defer { clients.closeAll() }
        #expect(clients.connectFailures.isEmpty, "\(clients.connectFailures.prefix(3))")

        // The normal client, answered while the slow connections are open.
        let (page, answeredAt) = try await normal.result()
        #expect(page.status == 200)
        #expect(String(decoding: page.body, as: UTF8.self).contains("Council approves new bridge"))
        await done.wait()
        let closedBeforeAnswer = [SlowClients.Kind.tricklingHead, .silent, .tricklingBody].map { clients.closed(before: answeredAt, $0) }
        #expect(closedBeforeAnswer == [0, 0, 0], "slow connections closed before libcurl was answered (trickled heads, silent, trickled bodies)")

        for (kind, n) in counts {
            #expect(clients.opened(kind) == n, "\(kind)")
            #expect(clients.stillOpen(kind) == 0, "\(kind): \(clients.stillOpen(kind)) of \(n) still open after the guard; the server never closed them")
        }
        #expect(clients.answered(.http10) == 100, "every HTTP/1.0 request got its answer before the close")
        #expect(clients.endings().keys.allSatisfy { $0 == "eof" || $0 == "reset" })

        let after = try await Self.normalRequest(server.baseURL, "healthz")
        #expect(after.status == 200)
        let stopped = server.stop()
        #expect(stopped.exitedNormally && stopped.status == 0, "\(stopped.stderr)")
    }

    @Test("--max-connections 20: a 21st connection is not answered while 20 are open, and is once one of them closes")
    func connectionCap() async throws {
        let database = try await WebViewTests.worldFile()
        let server = try await Self.served(database, ["--max-connections", "20"])
        defer { _ = server.stop() }
        let (before, after) = try await offThePool { () throws -> (String, String) in
            // 20 kept-alive connections, each answered once (so the server has accepted it), then idle
            // (the 30 s idle timeout does not run out during the test).
            let idle = try (0..<20).map { _ in try KeptAliveConnection(port: server.port) }
            defer { idle.forEach { $0.close() } }
            guard idle.allSatisfy({ $0.firstAnswer.hasPrefix("HTTP/1.1 200") }) else { return ("idle connections not served", "") }
            let extra = try KeptAliveConnection(port: server.port, waitForAnswer: false)
            defer { extra.close() }
            // Two seconds in which an uncapped server answers in milliseconds (a slow machine can only make
            // this pass for the wrong reason, never fail it).
            let before = extra.readAnswer(seconds: 2)
            idle[0].close()
            return (before, extra.readAnswer(seconds: Self.guardSeconds))
        }
        #expect(before.isEmpty, "answered while 20 connections were open: \(before.prefix(40))")
        #expect(after.hasPrefix("HTTP/1.1 200"), "not answered after a slot freed: \(after.prefix(40))")
    }
}

/// Holds the normal client's request: submitted from any thread, read from async code.
final class RequestBox: @unchecked Sendable {
    private let lock = NSLock()
    private var submitted: (at: ContinuousClock.Instant, stream: FetchResults)?

    func submit(_ fetcher: Fetcher, _ request: FetchRequest) {
        let now = ContinuousClock.now
        let stream = fetcher.fetch([request])
        lock.withLock { submitted = (now, stream) }
    }

    /// The response and when libcurl finished it (submission + its total transfer time).
    func result() async throws -> (FetchResponse, ContinuousClock.Instant) {
        let (at, stream) = try #require(lock.withLock { submitted })
        for await (_, result) in stream {
            let response = try result.get()
            return (response, at + .seconds(response.timings.total))
        }
        throw FetchError.cancelled(url: "")
    }
}

/// A connection that asks `/healthz` once with keep-alive and then stays idle.
final class KeptAliveConnection: @unchecked Sendable {
    let fd: Int32
    let firstAnswer: String

    init(port: Int, waitForAnswer: Bool = true) throws {
        let fd = try SlowClients.connect(port: port)
        self.fd = fd
        let request = Array("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        firstAnswer = waitForAnswer ? Self.read(fd, seconds: 60) : ""
    }

    /// What the server answers within `seconds` (up to the end of the `ok` body), or "".
    func readAnswer(seconds: Double) -> String { Self.read(fd, seconds: seconds) }

    private static func read(_ fd: Int32, seconds: Double) -> String {
        let deadline = ContinuousClock.now + .seconds(seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        var received: [UInt8] = []
        while !String(decoding: received, as: UTF8.self).hasSuffix("ok\n") {
            let left = deadline - ContinuousClock.now
            guard left > .zero else { break }
            var pending = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let millis = Int32(min(Double(left.components.seconds) * 1000 + Double(left.components.attoseconds) / 1e15 + 1, 600_000))
            guard poll(&pending, 1, millis) > 0 else { continue }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            received += buffer[0..<n]
        }
        return String(decoding: received, as: UTF8.self)
    }

    private let closeLock = NSLock()
    private var closed = false

    /// Closes the socket once; later calls do nothing. A second `close` of the same number would close
    /// whatever the process opened under it meanwhile (another test's pipe: its reader then dies of
    /// EBADF, which took the whole test process down).
    func close() {
        closeLock.lock()
        defer { closeLock.unlock() }
        guard !closed else { return }
        closed = true
        Glibc.close(fd)
    }
}

/// A one-shot signal an async test waits for and a thread fires.
final class AsyncSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var fired = false
    private var waiter: CheckedContinuation<Void, Never>?

    func fire() {
        let waiting: CheckedContinuation<Void, Never>? = lock.withLock {
            fired = true
            defer { waiter = nil }
            return waiter
        }
        waiting?.resume()
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            let now: Bool = lock.withLock {
                if fired { return true }
                waiter = continuation
                return false
            }
            if now { continuation.resume() }
        }
    }
}
